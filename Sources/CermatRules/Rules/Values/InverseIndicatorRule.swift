import CermatPlanning

/// POL01: an inverse indicator (lower is better) whose capaian was computed with the formula of a positive one, or
/// whose capaian came out negative.
public struct InverseIndicatorRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "inverse-indicator", catalogue: ["POL01"],
        name: Message(id: "Indikator negatif (semakin kecil semakin baik)", en: "Inverse indicator (lower is better)"),
        severity: .warning,
        description: Message(
            id: "Untuk indikator yang semakin kecil semakin baik (\"Persentase PPKS\", \"angka kemiskinan\", atau yang targetnya menurun tiap tahun), capaian dihitung dengan (2 × target − realisasi) / target × 100 (atau target / realisasi × 100), bukan realisasi / target × 100. Aturan ini menandai capaian yang dihitung dengan rumus indikator positif, dan capaian negatif (realisasi lebih dari dua kali target). Indikator yang mengukur penurunan itu sendiri (\"Persentase penurunan PMKS\") atau layanan kepada kelompok itu (\"PMKS yang memperoleh pelayanan\") adalah indikator positif; capaiannya diperiksa oleh capaian-formula.",
            en: "For an indicator where lower is better (\"Persentase PPKS\", \"angka kemiskinan\", or one whose targets fall every year), the capaian is (2 × target − realisation) / target × 100 (or target / realisation × 100), not realisation / target × 100. The rule flags a capaian computed with the positive formula, and a negative capaian (realisation above twice the target). An indicator measuring the reduction itself (\"Persentase penurunan PMKS\") or the service to that group (\"PMKS yang memperoleh pelayanan\") is positive; capaian-formula checks its capaian."),
        rationale: Message(
            id: "Dengan rumus positif, indikator negatif yang membaik tampak gagal: PPKS turun dari target 11,51% ke 9,19% (lebih baik) tetapi capaiannya tercetak 79,84% alih-alih 120,16%. Rumus yang salah membalik penilaian kinerja.",
            en: "With the positive formula an improving inverse indicator looks like a failure: PPKS fell from a target of 11.51% to 9.19% (better), yet its capaian prints 79.84% instead of 120.16%. The wrong formula turns the assessment upside down."),
        examples: [
            RuleExample("rumus positif pada indikator negatif; capaian negatif", [
                ["Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                ["Persentase PPKS", "11,51", "9,19", "!79,84"],
                ["Angka kemiskinan", "4,00", "9,00", "!-25,00"],
            ]),
            RuleExample("rumus negatif benar; indikator penurunan dan layanan adalah positif", [
                ["Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                ["Persentase PPKS", "11,51", "9,19", "120,16"],
                ["Persentase penurunan PMKS", "1,00", "3,25", "325,00"],
                ["Persentase PMKS yang memperoleh pelayanan rehabilitasi sosial", "90,00", "92,30", "102,56"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Checks the capaian columns computed as realisasi / target of every inverse indicator.
    public func check(table: PlanningTable, in context: RuleContext) {
        let ratios = table.derivations.filter {
            table.column(at: $0.target)?.descriptor.role == "capaian" && CapaianFormulaRule.isRatio($0.expression)
                && $0.expression.columns.count == 2
        }
        guard !ratios.isEmpty else { return }
        let vocabulary = context.knowledge.vocabulary
        let yearly = IndicatorPolarity.yearlyTargets(table)
        for row in table.dataRows() {
            if let evidence = IndicatorPolarity.inverse(row, yearly: yearly, vocabulary: vocabulary) {
                for derivation in ratios { check(row, derivation, evidence, table, context) }
            }
        }
    }

    private func check(_ row: PlanningRow, _ derivation: Derivation, _ evidence: IndicatorPolarity.Evidence,
                       _ table: PlanningTable, _ context: RuleContext) {
        let operands = derivation.expression.columns
        guard let printed = row.values[derivation.target], let actual = printed.value.number,
              let realisasi = row.number(operands[0]), let target = row.number(operands[1]), target != 0 else { return }
        let positive = realisasi / target * 100
        let inverse = (2 * target - realisasi) / target * 100
        let reciprocal = realisasi != 0 ? target / realisasi * 100 : nil
        func matches(_ value: Double?) -> Bool {
            value.map { context.tolerance.compare(printed, actual, expected: $0) != .different } ?? false
        }
        let name = context.indicatorName(row, near: derivation.target, in: table)
        let why = evidence.text
        let shown = printed.shown(actual, percent: true)
        let r = printed.shown(realisasi, percent: false), t = printed.shown(target, percent: false)
        let related = [table.cell(row, operands[0]), table.cell(row, operands[1])]
        let column = table.column(at: derivation.target)?.descriptor
        if matches(inverse) || matches(reciprocal) {
            guard actual < 0 else { return }
            let alternative = reciprocal.map { printed.shown($0, percent: true) }
            context.report(table, row: row, cell: table.cell(row, derivation.target), column: column,
                           message: Message(
                            id: "capaian \(shown.id) negatif: \"\(name)\" semakin kecil semakin baik (\(why.id)) dan realisasi \(r.id) lebih dari dua kali target \(t.id), sehingga (2 × target − realisasi) / target × 100 di bawah nol; periksa target dan realisasinya" + (alternative.map { "; target / realisasi × 100 = \($0.id) tidak pernah negatif" } ?? ""),
                            en: "capaian \(shown.en) is negative: \"\(name)\" is better when lower (\(why.en)) and the realisation \(r.en) is more than twice the target \(t.en), so (2 × target − realisation) / target × 100 falls below zero; check the target and the realisation" + (alternative.map { "; target / realisation × 100 = \($0.en) is never negative" } ?? "")),
                           actual: actual, related: related)
            return
        }
        // A printed value that matches no formula is capaian-formula's finding; equal inputs make every formula 100.
        guard matches(positive), abs(positive - inverse) > 1e-9 else { return }
        let expected = printed.shown(inverse, percent: true)
        context.report(table, row: row, cell: table.cell(row, derivation.target), column: column,
                       message: Message(
                        id: "\"\(name)\" semakin kecil semakin baik (\(why.id)), tetapi capaian \(shown.id) dihitung dengan rumus indikator positif realisasi / target × 100; untuk indikator negatif capaian = (2 × target − realisasi) / target × 100 = (2 × \(t.id) − \(r.id)) / \(t.id) × 100 = \(expected.id)",
                        en: "\"\(name)\" is better when lower (\(why.en)), but the capaian \(shown.en) was computed with the positive formula realisation / target × 100; for an inverse indicator capaian = (2 × target − realisation) / target × 100 = (2 × \(t.en) − \(r.en)) / \(t.en) × 100 = \(expected.en)"),
                       expected: inverse, actual: actual, related: related)
    }
}
