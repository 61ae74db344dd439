import CermatPlanning

/// The texts of a table's Satuan columns (`TableTexts`), by sheet column: read before the rules start by the rules that
/// read units (`IndicatorUnits`), every row of them. Read by the first such rule to ask, they kept the others waiting
/// on it, each holding a core.
struct SatuanTexts: TableReading {
    /// Each Satuan column's texts, by its zero-based sheet column.
    let columns: [Int: TableTexts.Column]

    /// The table's Satuan columns, read from the sheet (or from the table's texts, if a rule read them first).
    init(reading table: PlanningTable, in context: RuleContext) {
        var columns: [Int: TableTexts.Column] = [:]
        for column in table.columns(role: "unit") {
            columns[column.index] = context.texts(table, column: column.index)
        }
        self.columns = columns
    }
}
