import CermatPlanning

/// SUM05: the year's realisation = the sum of its triwulan (money always; kinerja as a sum or as the last triwulan).
public struct QuarterlySumRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "quarterly-sum", catalogue: ["SUM05"],
        name: Message(id: "Realisasi tahun = jumlah triwulan", en: "Year's realisation = sum of the quarters"),
        severity: .error,
        description: Message(
            id: "Realisasi anggaran tahun berjalan sama dengan jumlah realisasi triwulan I–IV. Untuk kinerja (K), realisasi tahun sama dengan jumlah triwulan (indikator yang dijumlahkan) atau sama dengan triwulan terakhir yang terisi (indikator kondisi seperti persentase); bila tidak keduanya, peringatan.",
            en: "The year's spending equals the sum of quarters I–IV. For performance (K), the year's realisation equals the sum of the quarters (indicators that add up) or the last quarter filled in (state indicators such as percentages); if it is neither, a warning."),
        rationale: Message(
            id: "Kolom 12 E-81 adalah dasar capaian tahun berjalan (kolom 13) dan kumulatif Renstra (kolom 14).",
            en: "E-81's column 12 is the basis of the year's achievement (column 13) and of the Renstra cumulative (column 14)."),
        examples: [
            RuleExample("Rp tahun tidak sama dengan jumlah triwulan", [
                ["Indikator", "Realisasi Triwulan I Rp", "Realisasi Triwulan II Rp", "Realisasi Tahun 2024 Rp"],
                ["Jumlah Paket Peralatan", "0,00", "15.305.400,00", "!15.000.000,00"],
            ]),
            RuleExample("benar", [
                ["Indikator", "Realisasi Triwulan I Rp", "Realisasi Triwulan II Rp", "Realisasi Tahun 2024 Rp"],
                ["Jumlah Paket Peralatan", "329.302.432,00", "1.636.323.808,00", "1.965.626.240,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks money by the form's sum, kinerja by either reading.
    public func check(table: PlanningTable, in context: RuleContext) {
        DerivationCheck(owns: { derivation, table in
            let target = table.column(at: derivation.target)?.descriptor
            guard target?.role == "realisasi-anggaran", target?.period == "tahun" else { return false }
            return derivation.expression.columns.allSatisfy { table.column(at: $0)?.descriptor.period?.hasPrefix("TW") == true }
        }).run(table, context)
        checkMoneyWithoutForm(table, context)
        checkKinerja(table, context)
    }

    // Money quarters in a table no form describes: the year's column against the sum of the TW columns.
    private func checkMoneyWithoutForm(_ table: PlanningTable, _ context: RuleContext) {
        guard !table.derivations.contains(where: { table.column(at: $0.target)?.descriptor == ColumnDescriptor("realisasi-anggaran/Rp/tahun") })
        else { return }
        let quarters = (1...4).compactMap { table.firstColumn("realisasi-anggaran/Rp/TW\($0)") }
        guard quarters.count >= 2, let year = table.firstColumn("realisasi-anggaran/Rp/tahun") else { return }
        let expression = quarters.dropFirst().reduce(ColumnExpression.column(quarters[0])) { .sum($0, .column($1)) }
        let derivation = Derivation(target: year, expression: expression, text: "Σ TW", source: .numberRow)
        var copy = table
        copy.derivations = [derivation]
        DerivationCheck(owns: { _, _ in true }).run(copy, context)
    }

    private func checkKinerja(_ table: PlanningTable, _ context: RuleContext) {
        let quarters = (1...4).compactMap { table.firstColumn("realisasi/K/TW\($0)") }
        let values = ValueColumns.of(table, in: context)
        guard quarters.count >= 2, let year = table.firstColumn("realisasi/K/tahun"), let yearCells = values[year] else { return }
        let quarterCells = quarters.compactMap { values[$0] }
        for index in values.dataRows {
            guard let actual = yearCells.number(index) else { continue }
            // The quarters' sum and the last quarter filled, without listing them for every row.
            var sum = 0.0, last: Double?
            for quarter in quarterCells {
                guard let number = quarter.number(index) else { continue }
                sum += number
                last = number
            }
            guard let last, actual != sum, actual != last else { continue }
            if yearCells.compare(index, actual, expected: sum, context.tolerance) != .different { continue }
            if yearCells.compare(index, actual, expected: last, context.tolerance) != .different { continue }
            let row = table.rows[index]
            guard let printed = row.values[year] else { continue }
            let shown = printed.shown(actual), shownSum = printed.shown(sum), shownLast = printed.shown(last)
            context.report(table, row: row, cell: table.cell(row, year), column: ColumnDescriptor("realisasi/K/tahun"),
                           message: Message(
                            id: "realisasi kinerja tahun \(shown.id) bukan jumlah triwulan (\(shownSum.id)) dan bukan triwulan terakhir (\(shownLast.id))",
                            en: "the year's performance realisation \(shown.en) is neither the sum of the quarters (\(shownSum.en)) nor the last quarter (\(shownLast.en))"),
                           expected: sum, actual: actual, related: quarters.map { table.cell(row, $0) }, severity: .warning)
        }
    }
}
