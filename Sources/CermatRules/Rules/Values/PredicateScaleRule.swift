import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// PRD01: a predikat or kriteria label that the capaian beside it does not earn on the document's scale; a capaian
/// outside the scale; a scale printed in the workbook whose classes overlap or leave gaps.
public struct PredicateScaleRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "predicate-scale", catalogue: ["PRD01"],
        name: Message(id: "Predikat sesuai skala", en: "Predicate matches the scale"),
        severity: .warning,
        description: Message(
            id: "Setiap predikat atau kriteria (kolom Predikat/Kriteria, atau baris \"Predikat Kinerja Program/Kegiatan\" di bawah rata-rata) harus sesuai dengan capaiannya menurut skala dokumen: skala yang dicetak di workbook itu sendiri (mis. sheet Skala Predikat), atau skala rules/scales/*.yml yang dipilih menurut bentuk tabel dan kata di judul atau label (E-81 Sangat Tinggi…Sangat Rendah, LKjIP Memuaskan…Kurang, AKIP AA…D). Capaian di luar rentang skala, atau di celah antarkelas, dilaporkan sebagai info bila predikatnya kelas terdekat. Skala yang dicetak di workbook diperiksa tumpang tindih dan celahnya (info).",
            en: "Every predicate or criterion (a Predikat/Kriteria column, or a \"Predikat Kinerja Program/Kegiatan\" row below an average) must match its capaian on the document's scale: the scale printed in the workbook itself (e.g. a Skala Predikat sheet), or the rules/scales/*.yml scale chosen by the table's form and the words of its title or label (E-81 Sangat Tinggi…Sangat Rendah, LKjIP Memuaskan…Kurang, AKIP AA…D). A capaian outside the scale's range, or in a gap between classes, is reported as info when its label is the nearest class. A scale printed in the workbook is checked for overlaps and gaps (info)."),
        rationale: Message(
            id: "Predikat adalah kesimpulan yang dibaca pimpinan dan evaluator; predikat yang tidak sesuai skala menyesatkan. Skala LKjIP Kab. Mojokerto 2023 menaruh 100 di dua kelas (Memuaskan dan Sangat Baik) dan tidak memberi predikat pada 85,5.",
            en: "A predicate is the conclusion leaders and evaluators read; one that does not follow the scale misleads. Kab. Mojokerto's LKjIP 2023 scale puts 100 in two classes (Memuaskan and Sangat Baik) and gives 85.5 no predicate."),
        examples: [
            RuleExample("predikat tidak sesuai capaian (skala LKjIP)", [
                ["Indikator Kinerja", "Target", "Realisasi", "% Capaian", "Kriteria Penilaian"],
                ["Persentase PSKS yang dibina dan aktif", "90", "92,30", "102,56", "Memuaskan"],
                ["Persentase fakir miskin yang mandiri", "10", "7", "70,00", "!Baik"],
            ]),
            RuleExample("predikat rata-rata E-81: tidak sesuai, dan di luar rentang 0–100", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Tingkat Capaian Kinerja (%)"],
                ["1.06.01", "Program Penunjang Urusan Pemerintahan Daerah", "124,00"],
                ["1.06.02", "Program Pemberdayaan Sosial", "37,66"],
                ["", "Rata-rata Capaian Kinerja Program", "80,83%"],
                ["", "Predikat Kinerja Program", "!Sedang"],
                ["", "Rata-rata Capaian Kinerja Kegiatan", "106,90%"],
                ["", "Predikat Kinerja Kegiatan", "!Sangat Tinggi"],
            ]),
            RuleExample("skala tercetak dengan tumpang tindih dan celah", [
                ["Interval Nilai Realisasi Kinerja", "Kriteria Penilaian Realisasi Kinerja"],
                ["!≥ 100", "Memuaskan"],
                ["!86 ≤ 100", "Sangat Baik"],
                ["71 ≤ 85", "Baik"],
            ]),
            RuleExample("predikat sesuai", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Tingkat Capaian Kinerja (%)"],
                ["1.06.01", "Program Penunjang Urusan Pemerintahan Daerah", "24,00"],
                ["1.06.02", "Program Pemberdayaan Sosial", "50,00"],
                ["", "Rata-rata Capaian Kinerja Program", "37,00%"],
                ["", "Predikat Kinerja Program", "Sangat Rendah"],
            ]),
            RuleExample("skala tercetak rapat", [
                ["Interval", "Predikat"],
                ["91 ≤ x ≤ 100", "Sangat Tinggi"],
                ["76 ≤ x < 91", "Tinggi"],
                ["< 76", "Belum Tinggi"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Checks the table's own printed scale, its footer predicates and its predicate column.
    public func check(table: PlanningTable, in context: RuleContext) {
        if let printed = PrintedScale(table, context) { reportIrregularities(printed, table, context) }
        let printedScales = context.document.tables.compactMap { PrintedScale($0, context) }
        checkFooters(table, printedScales, context)
        checkColumns(table, printedScales, context)
    }

    // "Predikat Kinerja Program | Tinggi" below "Rata-rata Capaian Kinerja Program | 80,83%": the label of a column
    // judges the nearest number above it.
    private func checkFooters(_ table: PlanningTable, _ printed: [PrintedScale], _ context: RuleContext) {
        let footers = table.rows.filter { $0.level == .footer }
        for (index, row) in footers.enumerated() {
            guard let label = row.footerLabel, ["predikat", "kriteria"].contains(where: { TextKey.header(label).contains($0) }) else { continue }
            for (column, value) in row.values {
                guard case .text(let text) = value.value,
                      let above = footers[..<index].last(where: { $0.number(column) != nil }),
                      let capaian = above.number(column), let shown = above.values[column] else { continue }
                let source = (above.footerLabel ?? "", above.footerLabel ?? "")
                judge(text, capaian: capaian, shown: shown.shown(capaian, percent: true), source: source,
                      at: table.cell(row, column), related: [table.cell(above, column)], row: row, words: [label],
                      table, printed, context)
            }
        }
    }

    // A Predikat / Kriteria column beside the row's capaian.
    private func checkColumns(_ table: PlanningTable, _ printed: [PrintedScale], _ context: RuleContext) {
        guard PrintedScale(table, context) == nil else { return }
        for column in table.columns(role: "predikat") {
            for row in table.dataRows() {
                let text = context.text(table, row: row.sheetRow, column: column.index)
                guard !text.isEmpty, let capaian = RowCapaian.of(row, in: table, context, prefer: .printed) else { continue }
                let shown = Numeral.both(capaian.value, decimals: 2, percent: true)
                judge(text, capaian: capaian.value, shown: shown, source: capaian.source, at: table.cell(row, column.index),
                      related: capaian.cells, row: row, words: column.header, table, printed, context)
            }
        }
    }

    private func judge(_ text: String, capaian: Double, shown: (id: String, en: String), source: (id: String, en: String),
                       at cell: CellAddress, related: [CellAddress], row: PlanningRow, words: [String], _ table: PlanningTable,
                       _ printed: [PrintedScale], _ context: RuleContext) {
        guard let scale = Self.scale(for: text, table: table, words: words, printed: printed.map(\.scale), context),
              let labelled = scale.class(labelled: text) else { return }
        let containing = scale.classes(containing: capaian)
        let name = scale.name
        let domain = scale.domain
        var message: Message
        var severity: Severity? = nil
        if !domain.contains(capaian) {
            let above = domain.upper.map { capaian > $0.value } ?? false
            let extreme = above ? scale.classes.max { ($0.interval.upper?.value ?? .infinity) < ($1.interval.upper?.value ?? .infinity) }
                                : scale.classes.min { ($0.interval.lower?.value ?? -.infinity) < ($1.interval.lower?.value ?? -.infinity) }
            message = Message(
                id: "capaian \(shown.id) (\(source.id)) di luar rentang \(name) (\(domain.text))",
                en: "the capaian \(shown.en) (\(source.en)) lies outside the range of \(name) (\(domain.text))")
            if extreme?.label == labelled.label {
                message.id += "; predikat \"\(text)\" dibaca sebagai kelas \(above ? "tertinggi" : "terendah")"
                message.en += "; the label \"\(text)\" is read as its \(above ? "highest" : "lowest") class"
                severity = .info
            } else {
                message.id += "; predikat \"\(text)\" juga bukan kelas \(above ? "tertinggi" : "terendah")nya (\(extreme?.label ?? "-"))"
                message.en += "; the label \"\(text)\" is not its \(above ? "highest" : "lowest") class (\(extreme?.label ?? "-")) either"
            }
        } else if containing.contains(where: { $0.label == labelled.label }) {
            return
        } else if containing.isEmpty {
            let below = scale.classes.filter { ($0.interval.upper?.value ?? .infinity) < capaian }.max { $0.interval.upper!.value < $1.interval.upper!.value }
            let over = scale.classes.filter { ($0.interval.lower?.value ?? -.infinity) > capaian }.min { $0.interval.lower!.value < $1.interval.lower!.value }
            message = Message(
                id: "capaian \(shown.id) (\(source.id)) tidak masuk kelas mana pun pada \(name): celah antara \"\(below?.label ?? "-")\" dan \"\(over?.label ?? "-")\"",
                en: "the capaian \(shown.en) (\(source.en)) falls in no class of \(name): a gap between \"\(below?.label ?? "-")\" and \"\(over?.label ?? "-")\"")
            if [below?.label, over?.label].contains(labelled.label) {
                message.id += "; predikat \"\(text)\" adalah kelas terdekat"
                message.en += "; the label \"\(text)\" is a neighbouring class"
                severity = .info
            }
        } else {
            let earned = containing.map { "\"\($0.label)\" (\($0.interval.text))" }.joined(separator: " atau ")
            let earnedEn = containing.map { "\"\($0.label)\" (\($0.interval.text))" }.joined(separator: " or ")
            message = Message(
                id: "predikat \"\(text)\" tidak sesuai capaian \(shown.id) (\(source.id)): menurut \(name), \(shown.id) adalah \(earned)",
                en: "the label \"\(text)\" does not match the capaian \(shown.en) (\(source.en)): on \(name), \(shown.en) is \(earnedEn)")
        }
        context.report(table, row: row, cell: cell, column: table.column(at: cell.column)?.descriptor, message: message,
                       actual: capaian, related: related, severity: severity)
    }

    /// The scale a label is judged on: a scale printed in the workbook that knows the label; else a scale of
    /// `rules/scales/` chosen for the table (by its form, or by words of its title, headers or label row) that knows
    /// it; else the only predicate scale that knows it.
    static func scale(for label: String, table: PlanningTable, words: [String], printed: [Scale], _ context: RuleContext) -> Scale? {
        if let own = printed.first(where: { $0.class(labelled: label) != nil }) { return own }
        let scales = context.knowledge.scales.filter { $0.kind == .predicate && $0.class(labelled: label) != nil }
        let text = TextKey.header((table.title + table.columns.flatMap(\.header) + words).joined(separator: " "))
        let chosen = scales.filter { scale in
            table.form.map(scale.forms.contains) == true || scale.words.contains { text.contains($0) }
        }
        if let first = chosen.first { return first }
        return scales.count == 1 ? scales[0] : nil
    }

    private func reportIrregularities(_ printed: PrintedScale, _ table: PlanningTable, _ context: RuleContext) {
        let scale = printed.scale
        for irregularity in scale.irregularities {
            let lower = scale.classes[irregularity.lower], upper = scale.classes[irregularity.upper]
            let row = printed.rows[irregularity.upper]
            let from = Numeral.both(irregularity.from, decimals: nil), to = Numeral.both(irregularity.to, decimals: nil)
            let message: Message
            switch irregularity.kind {
            case .overlap:
                let shared = irregularity.from == irregularity.to ? (from.id, from.en) : ("\(from.id) – \(to.id)", "\(from.en) – \(to.en)")
                message = Message(
                    id: "skala tercetak tumpang tindih: kelas \"\(upper.label)\" (\(upper.interval.text)) dan \"\(lower.label)\" (\(lower.interval.text)) sama-sama memuat \(shared.0), sehingga capaian itu mendapat dua predikat",
                    en: "the printed scale overlaps: the classes \"\(upper.label)\" (\(upper.interval.text)) and \"\(lower.label)\" (\(lower.interval.text)) both contain \(shared.1), so that capaian gets two predicates")
            case .gap:
                message = Message(
                    id: "skala tercetak bercelah: capaian di atas \(from.id) dan di bawah \(to.id) (di antara \"\(lower.label)\" \(lower.interval.text) dan \"\(upper.label)\" \(upper.interval.text)) tidak mendapat predikat",
                    en: "the printed scale has a gap: a capaian above \(from.en) and below \(to.en) (between \"\(lower.label)\" \(lower.interval.text) and \"\(upper.label)\" \(upper.interval.text)) gets no predicate")
            }
            context.report(table, row: row, cell: table.cell(row, printed.intervalColumn), column: nil, message: message,
                           related: [table.cell(printed.rows[irregularity.lower], printed.intervalColumn)], severity: .info)
        }
    }
}

/// A predicate scale a workbook prints as a table: a column of intervals (`≥ 100`, `86 ≤ 100`) beside a Predikat /
/// Kriteria column.
private struct PrintedScale {
    var scale: Scale
    /// The row of each class, in the scale's order.
    var rows: [PlanningRow]
    var intervalColumn: Int

    init?(_ table: PlanningTable, _ context: RuleContext) {
        guard let labels = table.columns(role: "predikat").first else { return nil }
        for column in table.columns where column.index != labels.index && !column.descriptor.isMeasured {
            var classes: [Scale.Class] = [], rows: [PlanningRow] = []
            for row in table.dataRows() {
                let label = context.text(table, row: row.sheetRow, column: labels.index)
                guard !label.isEmpty, let interval = Scale.Interval(printed: context.text(table, row: row.sheetRow, column: column.index))
                else { continue }
                classes.append(Scale.Class(label: label, interval: interval))
                rows.append(row)
            }
            guard classes.count >= 3 else { continue }
            scale = Scale(id: "printed", name: "skala yang tercetak di sheet '\(table.sheet)'", kind: .predicate,
                          domain: Scale.Interval(lower: nil, upper: nil), classes: classes)
            self.rows = rows
            intervalColumn = column.index
            return
        }
        return nil
    }
}
