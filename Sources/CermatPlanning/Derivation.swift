/// A derived column: its value must equal an expression over other columns of the same row.
public struct Derivation: Hashable, Sendable {
    /// Where the definition comes from.
    public enum Source: Hashable, Sendable {
        /// Stated by the table itself in its column-number row (`13=(12/7)*100%`).
        case numberRow
        /// Declared by the table's form in `rules/forms/`.
        case form(String)
    }

    /// The zero-based sheet column that is derived.
    public var target: Int
    /// How it is computed, over zero-based sheet columns.
    public var expression: ColumnExpression
    /// The definition as the table or form writes it (`13 = (12/7) × 100%`), for messages.
    public var text: String
    /// Where it was found.
    public var source: Source

    /// A derivation.
    public init(target: Int, expression: ColumnExpression, text: String, source: Source) {
        self.target = target
        self.expression = expression
        self.text = text
        self.source = source
    }

    /// The value the derivation gives for a row, in the target's units (a ratio becomes a percentage for a % column).
    public func value(in row: PlanningRow, of table: PlanningTable) -> Double? {
        value(hundred: scalesByHundred(in: table)) { row.values.number($0) }
    }

    /// The value the derivation gives with each column's number read by `number`; `hundred` is `scalesByHundred(in:)`
    /// for its table (found once by a caller evaluating every row).
    public func value(hundred: Bool, _ number: (Int) -> Double?) -> Double? {
        expression.evaluate(number).map { hundred ? $0 * 100 : $0 }
    }

    /// Whether `value(in:of:)` multiplies the expression by 100: a ratio into a percentage column that does not.
    public func scalesByHundred(in table: PlanningTable) -> Bool {
        guard case .quotient = expression else { return false }
        return table.column(at: target)?.descriptor.measure == "%" && !expression.scalesToPercent
    }
}
