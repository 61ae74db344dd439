/// One cell of a worksheet: its value, its formula text if any, and its style.
public struct Cell: Hashable, Sendable {
    // The stored properties are declared in the order that packs them into 48 bytes (value 17, style 4 at offset 20,
    // address 8, formula 16) rather than 56: a large sheet holds millions of cells.

    /// The stored value; for a formula cell, its cached result.
    public var value: CellValue
    private var storedStyleIndex: UInt32
    /// Where the cell is.
    public var address: CellAddress
    /// The formula without its leading `=`, each cell of a shared formula carrying its own translated text.
    public var formula: String?
    /// Index into `Workbook.styles`.
    public var styleIndex: Int {
        get { Int(storedStyleIndex) }
        set { storedStyleIndex = UInt32(truncatingIfNeeded: newValue) }
    }

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
