import CermatPlanning

/// The texts of a table's Satuan columns (`TableTexts`), by sheet column: read before the rules start by the rules that
/// read units (`IndicatorUnits`), every row of them. Read by the first such rule to ask, they kept the others waiting
/// on it, each holding a core. The texts of the indicator column each Satuan column follows are read with them: unit
/// spelling passes over the rows without an indicator, and reading that column late left it alone on one core at the
/// end of the run.
struct SatuanTexts: TableReading {
    /// Each Satuan column's texts, by its zero-based sheet column.
    let columns: [Int: TableTexts.Column]

    /// The table's Satuan columns, read from the sheet (or from the table's texts, if a rule read them first).
    init(reading table: PlanningTable, in context: RuleContext) {
        var columns: [Int: TableTexts.Column] = [:]
        for column in table.columns(role: "unit") {
            columns[column.index] = context.texts(table, column: column.index)
            if let indicator = Self.indicatorColumn(before: column.index, in: table) {
                _ = context.texts(table, column: indicator)
            }
        }
        self.columns = columns
    }

    /// The zero-based sheet column of the indicator a Satuan column follows: the last indicator column left of it.
    static func indicatorColumn(before satuan: Int, in table: PlanningTable) -> Int? {
        table.columns(role: "indicator").last(where: { $0.index < satuan })?.index
    }
}
