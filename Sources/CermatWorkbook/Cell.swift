/// One cell of a worksheet: its value, its formula text if any, and its style.
public struct Cell: Hashable, Sendable {
    /// Where the cell is.
    public var address: CellAddress
    /// The stored value; for a formula cell, its cached result.
    public var value: CellValue
    /// The formula without its leading `=`, each cell of a shared formula carrying its own translated text.
    public var formula: String?
    /// Index into `Workbook.styles`.
    public var styleIndex: Int {
        get { Int(storedStyleIndex) }
        set { storedStyleIndex = UInt32(truncatingIfNeeded: newValue) }
    }

    private var storedStyleIndex: UInt32

    /// A cell with its value, formula and style index.
    public init(address: CellAddress, value: CellValue, formula: String? = nil, styleIndex: Int = 0) {
        self.address = address
        self.value = value
        self.formula = formula
        self.storedStyleIndex = UInt32(truncatingIfNeeded: styleIndex)
    }

    /// Whether the cell stores a value (even an empty string) or a formula, rather than only a style.
    public var hasContent: Bool {
        if case .empty = value { return formula != nil }
        return true
    }
}
