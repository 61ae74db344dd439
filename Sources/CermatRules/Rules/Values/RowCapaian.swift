import CermatPlanning
import CermatWorkbook

/// The capaian a row's predicate or category should agree with: the printed one, or the one its realisation and
/// target give (with the inverse formula for an inverse indicator).
struct RowCapaian {
    /// Which capaian a rule wants first.
    enum Preference {
        /// The printed capaian (a label follows what the table prints; a wrong formula is another rule's finding).
        case printed
        /// The capaian recomputed from realisation and target (a category judges the achievement itself).
        case computed
    }

    /// The capaian, in percent.
    var value: Double
    /// How it was obtained, for messages: `kolom 13 (U, capaian/%/tahun)` or `18 / 48 × 100`.
    var source: (id: String, en: String)
    /// The cells it comes from.
    var cells: [CellAddress]
    /// The realisation's period (`tahun`, `TW2`).
    var period: String?

    /// A row's capaian, if the table prints one or has the realisation and target to compute it.
    static func of(_ row: PlanningRow, in table: PlanningTable, _ context: RuleContext, prefer: Preference) -> RowCapaian? {
        switch prefer {
        case .printed: return printed(row, table) ?? computed(row, table, context)
        // A table that can compute its capaian is not taken at its printed word when a realisation is missing.
        case .computed: return computes(table) ? computed(row, table, context) : printed(row, table)
        }
    }

    /// Whether a table can give its rows a capaian at all: it prints one, or holds what one is computed from.
    static func available(in table: PlanningTable) -> Bool {
        computes(table) || !table.columns(role: "capaian").isEmpty
    }

    // Whether a table holds what a capaian is computed from: a capaian formula, or a realisation and a target of one period.
    private static func computes(_ table: PlanningTable) -> Bool {
        !ratios(table).isEmpty || !pairs(table).isEmpty
    }

    private static func ratios(_ table: PlanningTable) -> [Derivation] {
        table.derivations.filter { derivation in
            let target = table.column(at: derivation.target)?.descriptor
            return target?.role == "capaian" && target?.period?.hasPrefix("sd-") != true
                && CapaianFormulaRule.isRatio(derivation.expression) && derivation.expression.columns.count == 2
        }
    }

    // The realisation and target columns of each whole period, the year first.
    private static func pairs(_ table: PlanningTable) -> [(realised: Int, planned: Int)] {
        let periods = table.columns(role: "realisasi").compactMap(\.descriptor.period).filter { !$0.hasPrefix("sd-") && !$0.hasPrefix("TW") }
            .sorted { ($0 == "tahun" ? 0 : 1) < ($1 == "tahun" ? 0 : 1) }
        return periods.compactMap { period in
            guard let realised = table.columns(ColumnDescriptor(role: "realisasi", measure: "K", period: period)).first,
                  let planned = table.columns(ColumnDescriptor(role: "target", measure: "K", period: period)).first else { return nil }
            return (realised.index, planned.index)
        }
    }

    private static func printed(_ row: PlanningRow, _ table: PlanningTable) -> RowCapaian? {
        let columns = table.columns(role: "capaian").sorted { ($0.descriptor.period == "tahun" ? 0 : 1) < ($1.descriptor.period == "tahun" ? 0 : 1) }
        guard let column = columns.first(where: { row.number($0.index) != nil }), let value = row.number(column.index) else { return nil }
        let label = table.columnLabel(column.index)
        return RowCapaian(value: value, source: (label.id, label.en), cells: [table.cell(row, column.index)],
                          period: column.descriptor.period)
    }

    private static func computed(_ row: PlanningRow, _ table: PlanningTable, _ context: RuleContext) -> RowCapaian? {
        let operands = ratios(table).map { ($0.expression.columns[0], $0.expression.columns[1]) } + pairs(table).map { ($0.realised, $0.planned) }
        return operands.lazy.compactMap { ratio($0.0, $0.1, row, table, context) }.first
    }

    // realisasi / target × 100, or (2 × target − realisasi) / target × 100 for an inverse indicator.
    private static func ratio(_ realised: Int, _ planned: Int, _ row: PlanningRow, _ table: PlanningTable,
                              _ context: RuleContext) -> RowCapaian? {
        guard let realisasi = row.number(realised), let target = row.number(planned), target != 0 else { return nil }
        let inverse = IndicatorPolarity.inverse(row, in: table, vocabulary: context.knowledge.vocabulary) != nil
        let value = inverse ? (2 * target - realisasi) / target * 100 : realisasi / target * 100
        let r = Numeral.both(realisasi, decimals: nil), t = Numeral.both(target, decimals: nil)
        let formula = inverse ? ("(2 × \(t.id) − \(r.id)) / \(t.id) × 100", "(2 × \(t.en) − \(r.en)) / \(t.en) × 100")
                              : ("\(r.id) / \(t.id) × 100", "\(r.en) / \(t.en) × 100")
        return RowCapaian(value: value, source: formula, cells: [table.cell(row, realised), table.cell(row, planned)],
                          period: table.column(at: realised)?.descriptor.period)
    }

    /// The last triwulan a table reports, when it stops before the year's end: the triwulan of its capaian or
    /// realisation column (`capaian/%/TW2`), else the last triwulan column holding a realisation. `nil` for a full year.
    static func triwulanReached(_ table: PlanningTable, period: String?) -> Int? {
        if let period, period.hasPrefix("TW"), let quarter = Int(period.dropFirst(2)) { return quarter < 4 ? quarter : nil }
        let quarters = table.columns(role: "realisasi").compactMap { column -> Int? in
            guard let period = column.descriptor.period, period.hasPrefix("TW"), let quarter = Int(period.dropFirst(2)) else { return nil }
            return table.dataRows().contains { ($0.number(column.index) ?? 0) != 0 } ? quarter : nil
        }
        guard let last = quarters.max(), last < 4 else { return nil }
        return last
    }
}
