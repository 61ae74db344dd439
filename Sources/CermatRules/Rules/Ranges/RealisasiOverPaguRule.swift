import CermatPlanning

/// RNG03: money spent above the budget, including spending against a budget of 0.
public struct RealisasiOverPaguRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "realisasi-over-pagu", catalogue: ["RNG03"],
        name: Message(id: "Realisasi anggaran melebihi pagu", en: "Spending above the budget"),
        severity: .error,
        description: Message(
            id: "Realisasi anggaran suatu periode tidak boleh melebihi pagunya pada periode yang sama, termasuk realisasi di atas pagu 0.",
            en: "Spending in a period may not exceed the budget of the same period, a budget of 0 included."),
        rationale: Message(
            id: "Belanja melebihi pagu tidak sah; di E-81 Kab. Blitar 2024 sebuah sub kegiatan membelanjakan Rp47,9 juta dengan pagu 0,00.",
            en: "Spending above the budget is not allowed; in Kab. Blitar's E-81 2024 a sub-kegiatan spent Rp 47.9 million against a budget of 0,00."),
        examples: [
            RuleExample("pagu nol", [
                ["Sub Kegiatan", "Pagu Tahun 2024", "Realisasi Anggaran Tahun 2024"],
                ["Penyediaan Jasa Pemeliharaan Kendaraan Dinas", "0,00", "!47.906.650,00"],
            ]),
            RuleExample("di bawah pagu", [
                ["Sub Kegiatan", "Pagu Tahun 2024", "Realisasi Anggaran Tahun 2024"],
                ["Penyediaan Jasa Surat Menyurat", "5.722.000,00", "5.000.000,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Compares each spending column with the budget column of the same period.
    public func check(table: PlanningTable, in context: RuleContext) {
        // The numbers read from the value columns: a row is visited only to report it.
        let values = ValueColumns.of(table, in: context)
        for spending in table.columns(role: "realisasi-anggaran") {
            guard let period = spending.descriptor.period, !period.hasPrefix("TW"),
                  let budget = table.columns(role: "pagu").first(where: { Self.samePeriod($0.descriptor.period, period) }),
                  let spentCells = values[spending.index], let plannedCells = values[budget.index] else { continue }
            for index in values.dataRows {
                guard let spent = spentCells.number(index), let planned = plannedCells.number(index), spent > planned + 0.5
                else { continue }
                let row = table.rows[index]
                guard let printed = row.values[spending.index] else { continue }
                let shownSpent = printed.shown(spent), shownPlanned = printed.shown(planned)
                context.report(table, row: row, cell: table.cell(row, spending.index), column: spending.descriptor,
                               message: Message(id: "realisasi \(shownSpent.id) melebihi pagu \(shownPlanned.id) (\(table.columnLabel(budget.index).id))",
                                                en: "spending \(shownSpent.en) exceeds the budget \(shownPlanned.en) (\(table.columnLabel(budget.index).en))"),
                               expected: planned, actual: spent, related: [table.cell(row, budget.index)])
            }
        }
    }

    // The cumulative spending is held against the Renstra's five-year pagu by `renstra-overrun`, not here.
    static func samePeriod(_ budget: String?, _ spending: String) -> Bool {
        switch spending {
        case "tahun", "sd-tahun": return budget == "tahun" && spending == "tahun"
        default: return budget == spending
        }
    }
}
