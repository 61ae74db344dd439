import CermatWorkbook

/// Moves the relative references of a formula, as Excel does when it fills a shared formula to its other cells.
///
/// Only the grammar needed to find references is recognised: string literals, quoted sheet names, bracketed structured
/// or external references are copied untouched; `A1`, `$A1`, `A:A` and `1:1` are shifted unless anchored by `$`. A reference
/// pushed off the sheet becomes `#REF!`.
enum FormulaTranslator {
    /// The formula text as it reads `rows` rows down and `columns` columns right of where it was written.
    static func translate(_ formula: String, rows: Int, columns: Int) -> String {
        guard rows != 0 || columns != 0 else { return formula }
        let bytes = Array(formula.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let end = closingQuote(bytes, from: index, quote: byte)
                out.append(contentsOf: bytes[index..<end])
                index = end
            case UInt8(ascii: "["):
                var depth = 0
                var end = index
                while end < bytes.count {
                    if bytes[end] == UInt8(ascii: "[") { depth += 1 }
                    if bytes[end] == UInt8(ascii: "]") { depth -= 1; if depth == 0 { end += 1; break } }
                    end += 1
                }
                out.append(contentsOf: bytes[index..<end])
                index = end
            default:
                guard isWordByte(byte) else {
                    out.append(byte)
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                let word = bytes[index..<end]
                let next: UInt8? = end < bytes.count ? bytes[end] : nil
                if next == UInt8(ascii: "(") || next == UInt8(ascii: "!") {
                    out.append(contentsOf: word)
                } else if let cell = CellToken(word) {
                    out.append(contentsOf: cell.shifted(rows: rows, columns: columns))
                } else if next == UInt8(ascii: ":"), let pair = rangePair(bytes, first: index, colon: end) {
                    out.append(contentsOf: pair.shifted(rows: rows, columns: columns))
                    end = pair.end
                } else {
                    out.append(contentsOf: word)
                }
                index = end
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "\\")
            || byte >= 0x80
    }

    private static func closingQuote(_ bytes: [UInt8], from start: Int, quote: UInt8) -> Int {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == quote {
                if index + 1 < bytes.count, bytes[index + 1] == quote { index += 2; continue }
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    // A whole-column (`A:C`) or whole-row (`1:3`) range starting at `first`.
    private static func rangePair(_ bytes: [UInt8], first: Int, colon: Int) -> AxisRange? {
        var end = colon + 1
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "(") || bytes[end] == UInt8(ascii: "!") { return nil }
        guard let lhs = AxisToken(bytes[first..<colon]), let rhs = AxisToken(bytes[(colon + 1)..<end]),
              lhs.isColumn == rhs.isColumn else { return nil }
        return AxisRange(lhs: lhs, rhs: rhs, end: end)
    }

    private static let refError = Array("#REF!".utf8)

    private struct CellToken {
        let columnAbsolute: Bool, column: Int, rowAbsolute: Bool, row: Int

        init?(_ word: ArraySlice<UInt8>) {
            var index = word.startIndex
            columnAbsolute = index < word.endIndex && word[index] == UInt8(ascii: "$")
            if columnAbsolute { index += 1 }
            var column = 0, letters = 0
            while index < word.endIndex, case let upper = word[index] & 0xDF, upper >= 65, upper <= 90, letters < 4 {
                column = column * 26 + Int(upper - 64)
                letters += 1
                index += 1
            }
            rowAbsolute = index < word.endIndex && word[index] == UInt8(ascii: "$")
            if rowAbsolute { index += 1 }
            var row = 0, digits = 0
            while index < word.endIndex, case let digit = word[index] &- 48, digit < 10, digits < 8 {
                row = row * 10 + Int(digit)
                digits += 1
                index += 1
            }
            guard index == word.endIndex, letters >= 1, letters <= 3, digits >= 1, row >= 1,
                  row - 1 <= CellAddress.maxRow, column - 1 <= CellAddress.maxColumn else { return nil }
            self.column = column - 1
            self.row = row - 1
        }

        func shifted(rows: Int, columns: Int) -> [UInt8] {
            let newRow = rowAbsolute ? row : row + rows
            let newColumn = columnAbsolute ? column : column + columns
            guard newRow >= 0, newRow <= CellAddress.maxRow, newColumn >= 0, newColumn <= CellAddress.maxColumn else {
                return FormulaTranslator.refError
            }
            return Array(((columnAbsolute ? "$" : "") + CellAddress.columnName(newColumn)
                          + (rowAbsolute ? "$" : "") + String(newRow + 1)).utf8)
        }
    }

    private struct AxisToken {
        let absolute: Bool, isColumn: Bool, value: Int

        init?(_ word: ArraySlice<UInt8>) {
            absolute = word.first == UInt8(ascii: "$")
            let body = absolute ? word.dropFirst() : word
            guard !body.isEmpty, body.count <= 7 else { return nil }
            if body.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                isColumn = false
                value = Int(String(decoding: body, as: UTF8.self))! - 1
                guard value >= 0, value <= CellAddress.maxRow else { return nil }
            } else if let column = CellAddress.columnIndex(String(decoding: body, as: UTF8.self)) {
                isColumn = true
                value = column
            } else {
                return nil
            }
        }

        func shifted(by delta: Int) -> String? {
            let moved = absolute ? value : value + delta
            guard moved >= 0, moved <= (isColumn ? CellAddress.maxColumn : CellAddress.maxRow) else { return nil }
            return (absolute ? "$" : "") + (isColumn ? CellAddress.columnName(moved) : String(moved + 1))
        }
    }

    private struct AxisRange {
        let lhs: AxisToken, rhs: AxisToken, end: Int

        func shifted(rows: Int, columns: Int) -> [UInt8] {
            let delta = lhs.isColumn ? columns : rows
            guard let left = lhs.shifted(by: delta), let right = rhs.shifted(by: delta) else {
                return FormulaTranslator.refError
            }
            return Array((left + ":" + right).utf8)
        }
    }
}
