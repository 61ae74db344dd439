/// A cell position, zero-based, as libxlsxwriter numbers rows and columns.
public struct CellAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The largest row index a worksheet may hold (row 1 048 576, zero-based).
    public static let maxRow = 1_048_575
    /// The largest column index a worksheet may hold (column XFD, zero-based).
    public static let maxColumn = 16_383

    /// Zero-based row index.
    @inlinable public var row: Int { Int(storedRow) }
    /// Zero-based column index.
    @inlinable public var column: Int { Int(storedColumn) }

    // 32-bit storage keeps a cell at half the size; both limits fit with room to spare.
    @usableFromInline let storedRow: Int32
    @usableFromInline let storedColumn: Int32

    /// An address from zero-based indices; callers guarantee the indices are within the sheet limits.
    @inlinable public init(row: Int, column: Int) {
        storedRow = Int32(truncatingIfNeeded: row)
        storedColumn = Int32(truncatingIfNeeded: column)
    }

    /// Parses an A1 reference such as `U12` or `$U$12`; `nil` when it is not one or lies outside the sheet limits.
    public init?(a1: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        var iterator = a1.utf8.makeIterator()
        var pending = iterator.next()
        if pending == UInt8(ascii: "$") { pending = iterator.next() }
        while let byte = pending, let value = CellAddress.letterValue(byte) {
            column = column * 26 + value
            letters += 1
            if letters > 3 { return nil }
            pending = iterator.next()
        }
        if pending == UInt8(ascii: "$") { pending = iterator.next() }
        while let byte = pending, byte >= 0x30, byte <= 0x39 {
            row = row * 10 + Int(byte - 0x30)
            digits += 1
            if digits > 7 { return nil }
            pending = iterator.next()
        }
        guard pending == nil, letters > 0, digits > 0, row >= 1, row - 1 <= CellAddress.maxRow,
              column - 1 <= CellAddress.maxColumn else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    /// The A1 form, e.g. `U12`.
    public var a1: String { CellAddress.columnName(column) + String(row + 1) }

    /// The A1 form.
    public var description: String { a1 }

    /// The column letters of a zero-based column index, e.g. 20 → `U`.
    public static func columnName(_ column: Int) -> String {
        var index = column + 1
        var letters: [UInt8] = []
        while index > 0 {
            let remainder = (index - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            index = (index - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The zero-based index of column letters such as `U` or `xfd`; `nil` when they are not letters or exceed XFD.
    public static func columnIndex(_ letters: some StringProtocol) -> Int? {
        var column = 0
        var count = 0
        for byte in letters.utf8 {
            guard let value = letterValue(byte) else { return nil }
            column = column * 26 + value
            count += 1
            if count > 3 { return nil }
        }
        guard count > 0, column - 1 <= maxColumn else { return nil }
        return column - 1
    }

    /// Row-major order: the order cells appear in a worksheet part.
    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        lhs.storedRow != rhs.storedRow ? lhs.storedRow < rhs.storedRow : lhs.storedColumn < rhs.storedColumn
    }

    private static func letterValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 1
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 1
        default: return nil
        }
    }
}
