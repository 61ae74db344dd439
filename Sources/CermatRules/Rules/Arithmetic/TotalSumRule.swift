import CermatPlanning

/// SUM02: a total row (JUMLAH, TOTAL, TOTAL PAGU ANGGARAN, TOTAL BELANJA DAERAH) equals the sum of the top-level rows.
public struct TotalSumRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "total-sum", catalogue: ["SUM02"],
        name: Message(id: "Baris jumlah = jumlah baris", en: "Total row = sum of the rows"),
        severity: .error,
        description: Message(
            id: "Baris JUMLAH / TOTAL / TOTAL PAGU ANGGARAN / TOTAL BELANJA DAERAH sama dengan jumlah baris tingkat teratas (program; bila tidak ada program, semua baris data) untuk setiap kolom rupiah. Baris indikator kedua sebuah sasaran yang memuat anggarannya sendiri (anggaran sasaran dibagi per indikator) ikut dijumlahkan.",
            en: "A JUMLAH / TOTAL / TOTAL PAGU ANGGARAN / TOTAL BELANJA DAERAH row equals the sum of the top-level rows (programs; without programs, every data row) in every rupiah column. The further indicator row of a sasaran that carries its own budget (the sasaran's budget split by indicator) is summed too."),
        rationale: Message(
            id: "Total anggaran adalah angka yang dikutip di narasi dan di dokumen lain (DPA, PK); selisih sekecil apa pun harus dijelaskan.",
            en: "The total budget is the figure quoted in the narrative and in other documents (DPA, PK); any difference needs explaining."),
        examples: [
            RuleExample("total tidak sama dengan jumlah program", [
                ["No", "Program", "Anggaran"],
                ["1", "Program Penunjang Urusan Pemerintahan Daerah", "5.310.199.000"],
                ["2", "Program Rehabilitasi Sosial", "675.415.220"],
                ["", "JUMLAH", "!6.000.000.000"],
            ]),
            RuleExample("sesuai", [
                ["No", "Program", "Anggaran"],
                ["1", "Program Penunjang Urusan Pemerintahan Daerah", "5.310.199.000"],
                ["2", "Program Rehabilitasi Sosial", "675.415.220"],
                ["", "JUMLAH", "5.985.614.220"],
            ]),
            RuleExample("anggaran sasaran dibagi per indikator: baris indikator kedua ikut dijumlahkan", [
                ["No", "Sasaran", "Indikator Kinerja Utama", "Anggaran"],
                ["1", "Meningkatnya kesejahteraan PMKS", "Persentase penurunan PMKS", "17.823.573.700,00"],
                ["2", "Meningkatnya Pemberdayaan Fakir Miskin", "Persentase PSKS yang dibina", "1.535.764.500,00"],
                ["", "", "Persentase fakir miskin yang mandiri", "278.634.000,00"],
                ["", "", "Jumlah", "19.637.972.200,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks every total row in every money column.
    public func check(table: PlanningTable, in context: RuleContext) {
        // The rows' levels read from the value columns: most tables have no total row, and finding that out by visiting
        // every row cost more than the check.
        let values = ValueColumns.of(table, in: context), levels = values.levels
        let totals = levels.indices.filter { levels[$0] == .total }
        guard !totals.isEmpty else { return }
        let money = table.columns.filter { $0.descriptor.measure == "Rp" }.map(\.index)
        // Rows by index, their numbers read from the value columns.
        let data = values.dataRows.filter { levels[$0] != .total }
        let top = data.contains { levels[$0] == .program } ? data.filter { levels[$0] == .program } : data.filter { levels[$0] != .indicator }
        guard !top.isEmpty else { return }
        // A sasaran's further indicator row may carry its own share of the sasaran's budget (Kota Blitar's LKjIP).
        let shares = top.contains { levels[$0] == .program } ? [] : data.filter { levels[$0] == .indicator }
        for index in totals {
            let total = table.rows[index]
            for column in money {
                guard let cells = values[column] else { continue }
                let withShares = top + shares.filter { cells.number($0) != nil }
                if withShares.count > top.count, let actual = cells.number(index),
                   cells.compare(index, actual, expected: withShares.reduce(0) { $0 + (cells.number($1) ?? 0) }, context.tolerance) == .equal {
                    continue
                }
                MoneySum.compare(index, top, column: column, values, in: table, context) { _, shown in
                    Message(id: "\(total.label) pada \(table.columnLabel(column).id) tercetak \(shown.actual.id), jumlah \(top.count) baris \(shown.total.id)",
                            en: "\(total.label) in \(table.columnLabel(column).en) is printed \(shown.actual.en), the \(top.count) rows sum to \(shown.total.en)")
                }
            }
        }
    }
}
