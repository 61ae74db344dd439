import CermatPlanning

/// RNG04: spending or realisation accumulated over the Renstra period beyond its end-of-period pagu or target, and a
/// year's target beyond the target of the whole period.
public struct RenstraOverrunRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "renstra-overrun", catalogue: ["RNG04"],
        name: Message(id: "Melampaui pagu/target Renstra", en: "Beyond the Renstra's pagu or target"),
        severity: .warning,
        description: Message(
            id: "Realisasi anggaran kumulatif Renstra (s.d. tahun lalu, s.d. tahun ini) tidak boleh melebihi pagu Renstra akhir periode; realisasi kinerja kumulatif dan target tahunan indikator jumlah tidak boleh melebihi target Renstra akhir periode. Indikator persentase, indeks dan nilai dikecualikan: target akhirnya adalah tingkat, bukan jumlah.",
            en: "Cumulative Renstra spending (to last year, to this year) may not exceed the Renstra's end-of-period pagu; the cumulative realisation and the year's target of a count indicator may not exceed the Renstra's end-of-period target. Percentage, index and score indicators are left out: their end target is a level, not a total."),
        rationale: Message(
            id: "Renstra menetapkan pagu dan target lima tahun; melampauinya sebelum periode berakhir berarti pagu/target Renstra tidak realistis dan perlu direviu, atau indikator stok dijumlahkan antartahun. Di E-81 Kab. Blitar 2024, Fasilitasi Bantuan Sosial Kesejahteraan Keluarga sudah membelanjakan Rp5,85 miliar dari pagu Renstra Rp393,7 juta.",
            en: "The Renstra sets a five-year pagu and target; exceeding them before the period ends means the Renstra pagu or target is unrealistic and needs review, or a stock indicator was summed over the years. In Kab. Blitar's E-81 2024, Fasilitasi Bantuan Sosial Kesejahteraan Keluarga had spent Rp 5.85 billion against a Renstra pagu of Rp 393.7 million."),
        examples: [
            RuleExample("realisasi anggaran kumulatif dan realisasi kinerja kumulatif melampaui Renstra; target tahunan di atas target akhir", [
                ["Indikator", "Target Renstra pada Akhir Periode", "Realisasi Renstra s.d. Tahun 2023", "Target Renja Tahun 2024",
                 "Realisasi Renstra s/d Tahun 2024", "Pagu Renstra pada Akhir Periode", "Realisasi Anggaran Renstra s.d. Tahun 2023"],
                ["Jumlah Keluarga Penerima Manfaat (KPM)", "9600", "9600", "9600", "!19200", "393.662.687,00", "!5.268.728.100,00"],
                ["Jumlah Orang yang Mendapatkan Alat Bantu", "15", "0", "!177", "0", "30.000.000,00", "0,00"],
            ]),
            RuleExample("dalam batas Renstra; persentase tidak dijumlahkan", [
                ["Indikator", "Target Renstra pada Akhir Periode", "Realisasi Renstra s.d. Tahun 2023", "Target Renja Tahun 2024",
                 "Realisasi Renstra s/d Tahun 2024", "Pagu Renstra pada Akhir Periode", "Realisasi Anggaran Renstra s.d. Tahun 2023"],
                ["Jumlah Dokumen Perencanaan Perangkat Daerah", "15", "6", "3", "9", "6.000.000,00", "2.300.000,00"],
                ["Persentase Pemberdayaan Sosial di Masyarakat", "100", "100", "100", "150", "2.954.459.945,00", "2.375.067.784,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns and Satuan texts, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self, SatuanTexts.self] }

    /// Holds the cumulative spending and achievements, and the year's target, against the Renstra's end-of-period ones.
    public func check(table: PlanningTable, in context: RuleContext) {
        let units = IndicatorUnits(context, table: table)
        let values = ValueColumns.of(table, in: context)
        let endPagu = table.columns(ColumnDescriptor("pagu/Rp/akhir-renstra")).first
        let endTarget = table.columns(ColumnDescriptor("target/K/akhir-renstra")).first
        let spent = ["sd-lalu", "sd-tahun"].compactMap { table.columns(ColumnDescriptor(role: "realisasi-anggaran", measure: "Rp", period: $0)).first }
        let achieved = ["sd-lalu", "sd-tahun"].compactMap { table.columns(ColumnDescriptor(role: "realisasi", measure: "K", period: $0)).first }
        let annual = table.columns(ColumnDescriptor("target/K/tahun")).first
        // The numbers read from the value columns, a row visited only when a value exceeds its limit.
        let spentCells = spent.map { values[$0.index] }, achievedCells = achieved.map { values[$0.index] }
        let endPaguCells = endPagu.flatMap { values[$0.index] }, endTargetCells = endTarget.flatMap { values[$0.index] }
        let annualCells = annual.map { values[$0.index] }
        for index in values.dataRows {
            if let limit = endPaguCells?.number(index),
               let over = spentCells.firstIndex(where: { ($0?.number(index) ?? 0) > limit + 0.5 }) {
                report(table.rows[index], spent[over], against: endPagu!, limit: limit, cumulative: true, table, context)
            }
            guard let endTarget, let limit = endTargetCells?.number(index), limit > 0 else { continue }
            // The numbers first: whether the target counts whole things reads the row's texts, and most rows stay within.
            let over = achievedCells.firstIndex(where: { ($0?.number(index) ?? 0) > limit + 1e-9 })
            let annualOver = annualCells.map { ($0?.number(index) ?? 0) > limit + 1e-9 } == true
            guard over != nil || annualOver else { continue }
            let row = table.rows[index]
            guard units.isCount(row, column: endTarget.index) else { continue }
            if let over {
                report(row, achieved[over], against: endTarget, limit: limit, cumulative: true, table, context)
            }
            if annualOver {
                report(row, annual!, against: endTarget, limit: limit, cumulative: false, table, context)
            }
        }
    }

    private func report(_ row: PlanningRow, _ column: PlanningColumn, against end: PlanningColumn, limit: Double,
                        cumulative: Bool, _ table: PlanningTable, _ context: RuleContext) {
        guard let printed = row.values[column.index], let value = printed.value.number,
              let endPrinted = row.values[end.index] else { return }
        let shown = printed.shown(value), shownLimit = endPrinted.shown(limit)
        let money = column.descriptor.measure == "Rp"
        let what: (id: String, en: String)
        let consequence: (id: String, en: String)
        switch (money, cumulative) {
        case (true, _):
            what = ("realisasi anggaran kumulatif Renstra", "the cumulative Renstra spending")
            consequence = ("pagu Renstra akhir periode", "the Renstra's end-of-period pagu")
        case (false, true):
            what = ("realisasi kinerja kumulatif Renstra", "the cumulative Renstra realisation")
            consequence = ("target Renstra akhir periode", "the Renstra's end-of-period target")
        case (false, false):
            what = ("target tahun ini", "this year's target")
            consequence = ("target Renstra akhir periode", "the Renstra's end-of-period target")
        }
        let advice: (id: String, en: String) = money
            ? ("pagu Renstra perlu direviu, atau realisasinya salah jumlah", "the Renstra pagu needs review, or the spending was summed wrongly")
            : cumulative
            ? ("target Renstra sudah terlampaui sebelum akhir periode, atau indikator stok dijumlahkan antartahun", "the Renstra target was passed before the period ends, or a stock indicator was summed over the years")
            : ("target tahunan tidak boleh melampaui target lima tahun", "a year's target cannot exceed the five-year target")
        context.report(table, row: row, cell: table.cell(row, column.index), column: column.descriptor,
                       message: Message(
                        id: "\(what.id) \(shown.id) (\(table.columnLabel(column.index).id)) melebihi \(consequence.id) \(shownLimit.id) (\(table.columnLabel(end.index).id)): \(advice.id)",
                        en: "\(what.en) \(shown.en) (\(table.columnLabel(column.index).en)) exceeds \(consequence.en) \(shownLimit.en) (\(table.columnLabel(end.index).en)): \(advice.en)"),
                       expected: limit, actual: value, related: [table.cell(row, end.index)])
    }
}
