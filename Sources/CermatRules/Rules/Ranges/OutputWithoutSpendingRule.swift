import CermatPlanning

/// RNG07: performance realised without any money spent, or money spent without any performance, in the same period.
public struct OutputWithoutSpendingRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "output-without-spending", catalogue: ["RNG07"],
        name: Message(id: "Kinerja tanpa realisasi anggaran", en: "Output without spending"),
        severity: .info,
        description: Message(
            id: "Pada periode yang sama (tahun berjalan, bukan per triwulan), realisasi kinerja di atas 0 dengan realisasi anggaran 0, atau realisasi anggaran di atas 0 dengan realisasi kinerja 0, patut dijelaskan. Sel yang bernilai 0 yang ditandai.",
            en: "In the same period (the year, not each quarter), a realisation above 0 with spending of 0, or spending above 0 with a realisation of 0, deserves an explanation. The cell holding 0 is flagged."),
        rationale: Message(
            id: "Keluaran tanpa belanja berarti belanja belum dicatat atau kinerja dilaporkan sebelum kegiatannya dibiayai; belanja tanpa keluaran berarti kinerja belum dilaporkan atau anggaran terserap tanpa hasil.",
            en: "Output without spending means the spending was not recorded yet or the performance was reported before the activity was paid for; spending without output means the performance was not reported, or money was absorbed without result."),
        examples: [
            RuleExample("kinerja tanpa anggaran, anggaran tanpa kinerja", [
                ["Indikator", "Realisasi Kinerja Tahun 2024", "Realisasi Anggaran Tahun 2024"],
                ["Jumlah Dokumen Perencanaan Perangkat Daerah", "3", "!0,00"],
                ["Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial", "!0", "30.444.500,00"],
            ]),
            RuleExample("keduanya terisi, atau keduanya nol; kinerja kosong bukan nol", [
                ["Indikator", "Realisasi Kinerja Tahun 2024", "Realisasi Anggaran Tahun 2024"],
                ["Jumlah Laporan Evaluasi Kinerja Perangkat Daerah", "6", "775.224,00"],
                ["Jumlah Unit Kendaraan Dinas Operasional", "0", "0,00"],
                ["Jumlah Unit Peralatan dan Mesin Lainnya", "", "421.660.000,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Compares the realised K and Rp of each period the table reports as a whole.
    public func check(table: PlanningTable, in context: RuleContext) {
        let values = ValueColumns.of(table, in: context)
        // Quarterly payments lag the work they pay for, and cumulative columns repeat the year's finding.
        let periods = Set(table.columns(role: "realisasi").compactMap(\.descriptor.period)).filter { !$0.hasPrefix("TW") && !$0.hasPrefix("sd-") }
        for period in periods.sorted() {
            guard let output = table.columns(ColumnDescriptor(role: "realisasi", measure: "K", period: period)).first,
                  let spending = table.columns(ColumnDescriptor(role: "realisasi-anggaran", measure: "Rp", period: period)).first,
                  let outputCells = values[output.index], let spendingCells = values[spending.index]
            else { continue }
            let kLabel = table.columnLabel(output.index), rpLabel = table.columnLabel(spending.index)
            for index in values.dataRows {
                // The numbers first, read from the value columns: only a row without spending, or with spending and an
                // output of zero, can be reported.
                guard let spent = spendingCells.number(index), spent == 0 || (spent > 0 && outputCells.number(index) == 0)
                else { continue }
                let row = table.rows[index]
                guard let k = row.values[output.index], let rp = row.values[spending.index],
                      let done = k.value.numberBounds?.max else { continue }
                // Written only for the few rows reported.
                lazy var shownK = k.shown(done)
                lazy var shownRp = rp.shown(spent)
                if done > 0 && spent == 0 {
                    context.report(table, row: row, cell: table.cell(row, spending.index), column: spending.descriptor,
                                   message: Message(
                                    id: "realisasi kinerja \(shownK.id) (\(kLabel.id)) tanpa realisasi anggaran (\(shownRp.id) di \(rpLabel.id)): belanjanya belum dicatat, atau kinerja dilaporkan sebelum dibiayai?",
                                    en: "a realisation of \(shownK.en) (\(kLabel.en)) without spending (\(shownRp.en) in \(rpLabel.en)): spending not recorded yet, or performance reported before it was paid for?"),
                                   actual: spent, related: [table.cell(row, output.index)])
                } else if spent > 0 && done == 0 && k.value.number != nil {
                    context.report(table, row: row, cell: table.cell(row, output.index), column: output.descriptor,
                                   message: Message(
                                    id: "anggaran terealisasi \(shownRp.id) (\(rpLabel.id)) tetapi realisasi kinerja \(shownK.id) (\(kLabel.id)): kinerjanya belum dilaporkan, atau belanja tanpa keluaran?",
                                    en: "\(shownRp.en) spent (\(rpLabel.en)) but a realisation of \(shownK.en) (\(kLabel.en)): performance not reported yet, or spending without output?"),
                                   actual: done, related: [table.cell(row, spending.index)])
                }
            }
        }
    }
}
