/// A rectangular block of cells, both corners included.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// The top-left cell.
    public var first: CellAddress
    /// The bottom-right cell.
    public var last: CellAddress

    /// A range from two corners in any order.
    public init(_ a: CellAddress, _ b: CellAddress) {
        first = CellAddress(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellAddress(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    /// A one-cell range.
    public init(_ cell: CellAddress) {
        self.init(cell, cell)
    }

    /// Parses `A1:C3`, `A1` or `$A$1:$C$3`; `nil` when it is not a reference.
    public init?(a1: some StringProtocol) {
        let parts = a1.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let cell = CellAddress(a1: parts[0]) else { return nil }
            self.init(cell)
        case 2:
            guard let a = CellAddress(a1: parts[0]), let b = CellAddress(a1: parts[1]) else { return nil }
            self.init(a, b)
        default:
            return nil
        }
    }

    /// Number of rows covered.
    public var rowCount: Int { last.row - first.row + 1 }
    /// Number of columns covered.
    public var columnCount: Int { last.column - first.column + 1 }
    /// Number of cells covered.
    public var cellCount: Int { rowCount * columnCount }

    /// Whether the cell lies inside the range.
    public func contains(_ cell: CellAddress) -> Bool {
        cell.row >= first.row && cell.row <= last.row && cell.column >= first.column && cell.column <= last.column
    }

    /// Whether the two ranges share a cell.
    public func intersects(_ other: CellRange) -> Bool {
        first.row <= other.last.row && other.first.row <= last.row
            && first.column <= other.last.column && other.first.column <= last.column
    }

    /// The smallest range covering both.
    public func union(_ other: CellRange) -> CellRange {
        CellRange(CellAddress(row: min(first.row, other.first.row), column: min(first.column, other.first.column)),
                  CellAddress(row: max(last.row, other.last.row), column: max(last.column, other.last.column)))
    }

    /// `A1:C3`, or `A1` for a single cell.
    public var a1: String { first == last ? first.a1 : "\(first.a1):\(last.a1)" }

    /// The A1 form.
    public var description: String { a1 }
}
