/// What a cell holds, as the workbook stores it (before any planning interpretation).
public enum CellValue: Hashable, Sendable {
    /// No value: a cell that exists only for its style.
    case empty
    /// A number; dates and percentages are numbers whose meaning comes from the number format.
    case number(Double)
    /// Text, from the shared-string table, an inline string or a formula's string result.
    case string(String)
    /// A boolean.
    case boolean(Bool)
    /// An error value such as `#DIV/0!`.
    case error(String)
    /// A date stored as ISO 8601 text (cell type `d`).
    case date(String)

    /// The text, when the value is a string.
    public var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number, when the value is numeric.
    public var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// Whether the value is `.empty` or an empty string.
    public var isBlank: Bool {
        switch self {
        case .empty: return true
        case .string(let text): return text.isEmpty
        default: return false
        }
    }

    /// A short name of the value's kind, as `cermat inspect` prints it.
    public var kindName: String {
        switch self {
        case .empty: return "empty"
        case .number: return "number"
        case .string: return "string"
        case .boolean: return "boolean"
        case .error: return "error"
        case .date: return "date"
        }
    }
}
