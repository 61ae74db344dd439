import Foundation
import CermatPlanning
import CermatWorkbook

/// A column-number row (`1 2 3 … 13=(12/7)*100% 14=6+12 15=(14/5)*100% Rp=14 16`) and the formulas it states.
struct NumberRow {
    /// A formula stated in the row: the group it defines, an optional sub-column label, and the expression.
    struct Statement {
        /// The printed number of the column group the formula defines (`13`).
        var group: String
        /// The sub-column it is limited to (`rp` for `Rp=14`), or `nil` for every sub-column of the group.
        var subColumn: String?
        /// The expression over printed column numbers.
        var expression: ColumnExpression
        /// As printed.
        var text: String
    }

    /// Zero-based sheet row.
    var row: Int
    /// The printed number of each zero-based sheet column (a merged number covers every column under it).
    var numbers: [Int: String]
    /// The formulas the row states.
    var statements: [Statement]

    /// Reads `row` as a column-number row, or returns `nil` when it is not one.
    static func read(_ row: Int, columns: ClosedRange<Int>, grid: SheetGrid) -> NumberRow? {
        let cells = grid.contentCells(row, in: columns.lowerBound...(columns.upperBound + 2))
        guard cells.count >= 3 else { return nil }
        var numbers: [Int: String] = [:]
        var statements: [Statement] = []
        var previous = 0
        var plainCount = 0
        for cell in cells {
            let text = grid.shown(cell)
            let leading = text.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(leading) else { return nil }
            let rest = TextKey.trimmed(text.dropFirst(leading.count))
            if rest.isEmpty {
                plainCount += 1
            } else {
                guard rest.hasPrefix("=") else { return nil }
                guard let parsed = parseStatements(group: String(number), text) else { return nil }
                statements += parsed
            }
            // Numbers increase left to right; a repeat (the same group split over merged sub-columns) is allowed.
            guard number >= previous else { return nil }
            previous = number
            let column = cell.address.column
            let merge = grid.merge(at: cell.address)
            for covered in column...(merge?.last.column ?? column) { numbers[covered] = String(number) }
        }
        guard plainCount >= 2, previous >= 3 else { return nil }
        return NumberRow(row: row, numbers: numbers, statements: statements)
    }

    // "13=(12/7)*100%", "15=(14/5)*100% Rp=14", "8 = (7/6)", "10 = (5+7)", "4 = 2 + 3".
    private static func parseStatements(group: String, _ text: String) -> [Statement]? {
        var statements: [Statement] = []
        let compact = text.replacingOccurrences(of: " = ", with: "=").replacingOccurrences(of: "= ", with: "=")
            .replacingOccurrences(of: " =", with: "=")
        // A word with "=" starts a statement; the words after it ("+", "3") continue its expression.
        var parts: [String] = []
        for word in compact.split(separator: " ") {
            if word.contains("=") || parts.isEmpty { parts.append(String(word)) } else { parts[parts.count - 1] += word }
        }
        for part in parts where part.contains("=") {
            let sides = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard sides.count == 2, let expression = ColumnExpression.parse(sides[1]) else { return nil }
            let left = sides[0].lowercased()
            if left == group {
                statements.append(Statement(group: group, subColumn: nil, expression: expression, text: String(part)))
            } else if left.allSatisfy(\.isLetter) {
                statements.append(Statement(group: group, subColumn: left, expression: expression, text: String(part)))
            } else {
                return nil
            }
        }
        return statements.isEmpty ? nil : statements
    }
}
