import CermatPlanning

/// RNG02: an achievement below 0% or absurdly high (−831%, 892%, 1.486,64%).
public struct CapaianOutlierRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "capaian-outlier", catalogue: ["RNG02"],
        name: Message(id: "Capaian tidak wajar", en: "Implausible achievement"),
        severity: .warning,
        description: Message(
            id: "Capaian (kinerja atau penyerapan anggaran) di bawah 0% adalah kesalahan; di atas 150% (parameter warn-above) patut diperiksa; di atas 300% (error-above) adalah kesalahan. Capaian negatif indikator perubahan (\"Persentase penurunan PMKS\") yang realisasinya negatif bukan kesalahan: realisasi / target × 100 memang negatif bila keadaan bergerak ke arah sebaliknya; begitu pula capaian yang sama dikutip di tabel lain buku kerja itu.",
            en: "An achievement (performance or budget absorption) below 0% is an error; above 150% (parameter warn-above) it deserves a look; above 300% (error-above) it is an error. The negative capaian of a change indicator (\"Persentase penurunan PMKS\") whose realisation is negative is not an error: realisation / target × 100 is negative when things moved the other way; nor is the same capaian quoted in another table of the workbook."),
        rationale: Message(
            id: "Nilai seperti −831% (LKjIP Kota Blitar 2020) atau 1.486,64% (Renja-P Kab. Blitar 2024) menandakan target yang salah satuan, realisasi kumulatif yang tertukar, atau rumus indikator negatif yang salah.",
            en: "Values such as −831% (Kota Blitar's LKjIP 2020) or 1.486,64% (Kab. Blitar's Renja-P 2024) point at a target in the wrong unit, a cumulative realisation swapped in, or a wrong formula for an inverse indicator."),
        parameters: [
            RuleParameter("warn-above", Message(id: "capaian di atas nilai ini (%) diberi peringatan",
                                                     en: "an achievement above this (%) is a warning")),
            RuleParameter("error-above", Message(id: "capaian di atas nilai ini (%) adalah kesalahan",
                                                      en: "an achievement above this (%) is an error")),
        ],
        examples: [
            RuleExample("negatif dan terlalu tinggi", [
                ["Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                ["Persentase PSKS yang dibina dan aktif", "100", "92", "!-8,00"],
                ["Jumlah Penerima Bantuan", "10", "89,2", "!892,00"],
            ]),
            RuleExample("wajar; indikator penurunan yang realisasinya negatif", [
                ["Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                ["Jumlah Penerima Bantuan", "10", "12", "120,00"],
                ["Persentase penurunan PMKS", "1", "-7,31", "-731,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks every capaian and absorption cell.
    public func check(table: PlanningTable, in context: RuleContext) {
        let warnAbove = context.settings.parameter("warn-above")
        let errorAbove = context.settings.parameter("error-above")
        // Read from every table of the workbook, so only once a negative capaian asks.
        lazy var changes = NegativeChange(context)
        // Each column's numbers read where they lie first: only a number out of range has its row looked at.
        let values = ValueColumns.of(table, in: context)
        let bound = min(warnAbove, errorAbove)
        for column in table.columns where ["capaian", "penyerapan"].contains(column.descriptor.role) {
            guard let numbers = values[column.index]?.numbers else { continue }
            for index in values.dataRows where numbers[index] < 0 || numbers[index] > bound {
                let row = table.rows[index]
                guard let printed = row.values[column.index], let value = printed.value.number else { continue }
                if value < 0, changes.explains(printed, value, row: row, column: column.index, in: table) { continue }
                let severity: Severity
                if value < 0 || value > errorAbove { severity = .error }
                else if value > warnAbove { severity = context.settings.severity }
                else { continue }
                let shown = printed.shown(value, percent: true)
                let bound = value < 0 ? ("di bawah 0%", "below 0%") : value > errorAbove
                    ? ("di atas \(Numeral.percent(errorAbove, decimals: 0, language: .id))", "above \(Numeral.percent(errorAbove, decimals: 0, language: .en))")
                    : ("di atas \(Numeral.percent(warnAbove, decimals: 0, language: .id))", "above \(Numeral.percent(warnAbove, decimals: 0, language: .en))")
                context.report(table, row: row, cell: table.cell(row, column.index), column: column.descriptor,
                               message: Message(id: "\(table.columnLabel(column.index).id) \(shown.id) \(bound.0): periksa target, realisasi dan rumusnya",
                                                en: "\(table.columnLabel(column.index).en) \(shown.en) is \(bound.1): check the target, the realisation and the formula"),
                               actual: value, severity: severity)
            }
        }
    }
}

/// Negative capaian that the formula itself gives: a change indicator ("Persentase penurunan PMKS") whose realisation is
/// negative (PMKS rose), computed as realisation / target × 100, and the same value quoted in other tables.
private struct NegativeChange {
    let context: RuleContext
    let keywords: [String]
    /// The negative capaian the workbook derives for change indicators from a negative realisation.
    let derived: [Double]

    init(_ context: RuleContext) {
        self.context = context
        keywords = context.knowledge.vocabulary.changeKeywords
        var derived: [Double] = []
        for table in context.document.tables {
            for (derivation, row) in Self.negativeRatios(table, keywords) {
                guard let printed = row.values[derivation.target], let actual = printed.value.number, actual < 0,
                      let expected = derivation.value(in: row, of: table),
                      context.tolerance.compare(printed, actual, expected: expected) == .equal else { continue }
                derived.append(actual)
            }
        }
        self.derived = derived
    }

    // Every capaian ratio of a change-indicator row whose realisation is negative. The text is read last: every row
    // passes here, and few have a negative realisation.
    private static func negativeRatios(_ table: PlanningTable, _ keywords: [String]) -> [(Derivation, PlanningRow)] {
        let ratios = table.derivations.filter {
            table.column(at: $0.target)?.descriptor.role == "capaian" && CapaianFormulaRule.isRatio($0.expression)
                && $0.expression.columns.count == 2
        }
        guard !ratios.isEmpty else { return [] }
        var out: [(Derivation, PlanningRow)] = []
        for row in table.dataRows() {
            for derivation in ratios where (row.number(derivation.expression.columns[0]) ?? 0) < 0
                && keywords.contains(where: { TextKey.contains(row.indicatorKey, $0) }) {
                out.append((derivation, row))
            }
        }
        return out
    }

    func explains(_ printed: TypedValue, _ value: Double, row: PlanningRow, column: Int, in table: PlanningTable) -> Bool {
        // On its own row: a change indicator whose realisation is negative (capaian-formula checks the ratio itself).
        if keywords.contains(where: { TextKey.contains(row.indicatorKey, $0) }),
           let derivation = table.derivations.first(where: { $0.target == column && $0.expression.columns.count == 2 }),
           let realisasi = row.number(derivation.expression.columns[0]) {
            return realisasi < 0
        }
        // Quoted without its realisation (a sasaran's capaian, an efficiency table): the value derived elsewhere.
        return derived.contains { context.tolerance.compare(printed, value, expected: $0) == .equal }
    }
}
