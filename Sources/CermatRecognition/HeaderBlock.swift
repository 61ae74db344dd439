import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// The header of a table: its rows, the columns it spans, each column's header path, and its column-number row.
struct HeaderBlock {
    /// Zero-based sheet rows of the header.
    var rows: ClosedRange<Int>
    /// Zero-based sheet columns the table spans.
    var columns: ClosedRange<Int>
    /// The column-number row, if there is one.
    var numberRow: NumberRow?
    /// Each column's header texts, outermost first, normalised (lower case, single spaces).
    var paths: [Int: [String]]
    /// Each column's header texts as printed (for `inspect` and messages).
    var printed: [Int: [String]]

    /// The last row before the data.
    var lastRow: Int { numberRow?.row ?? rows.upperBound }

    /// Reads the header starting at `start`, or `nil` when what starts there is not a table header.
    static func read(at start: Int, grid: SheetGrid, vocabulary: Vocabulary, looksLikeHeader: (Int) -> Bool) -> HeaderBlock? {
        var span = grid.contentSpan(start)
        guard var columns = span else { return nil }
        var end = start
        var numberRow: NumberRow?
        // Sub-header rows sit under groups of the row above; a column-number row ends the header.
        while end - start < 5 {
            let next = end + 1
            if let numbers = NumberRow.read(next, columns: columns, grid: grid) {
                numberRow = numbers
                break
            }
            // Sub-headers under groups, or a second row that is a header in its own right (three kinds of column, no data).
            guard isSubHeader(next, above: end, columns: columns, grid: grid, vocabulary: vocabulary) || looksLikeHeader(next)
            else { break }
            end = next
            span = grid.contentSpan(next)
            if let extra = span { columns = min(columns.lowerBound, extra.lowerBound)...max(columns.upperBound, extra.upperBound) }
        }
        // Merged header cells may reach further right than their text.
        for row in start...end {
            for column in columns {
                if let merge = grid.merge(at: CellAddress(row: row, column: column)) {
                    columns = min(columns.lowerBound, merge.first.column)...max(columns.upperBound, merge.last.column)
                }
            }
        }
        var paths: [Int: [String]] = [:]
        var printed: [Int: [String]] = [:]
        for column in columns {
            var path: [String] = []
            for row in start...end {
                var text = grid.text(row, column)
                if text.isEmpty && !grid.isCovered(CellAddress(row: row, column: column)) && row < end {
                    // An unmerged group label ("centred across selection") covers the empty cells to its right.
                    text = groupLabelToTheLeft(row, column, columns: columns, grid: grid, below: end)
                }
                if !text.isEmpty && path.last != text { path.append(text) }
            }
            printed[column] = path
            paths[column] = path.map(TextKey.header)
        }
        return HeaderBlock(rows: start...end, columns: columns, numberRow: numberRow, paths: paths, printed: printed)
    }

    // A row continues the header when all its content is short text under multi-column groups of the row above.
    private static func isSubHeader(_ row: Int, above: Int, columns: ClosedRange<Int>, grid: SheetGrid,
                                    vocabulary: Vocabulary) -> Bool {
        let cells = grid.contentCells(row, in: columns.lowerBound...(columns.upperBound + 2))
        guard !cells.isEmpty else { return false }
        for cell in cells {
            let text = grid.shown(cell)
            // Labels are short and never a dash (a dash is an empty value).
            if text.count > 100 || Kode(text) != nil || ValueParser.isDash(text) { return false }
            let column = cell.address.column
            if let number = ValueParser.parse(text).value.number {
                // Years head the columns of a matrix ("Target Renstra › 2023"); any other number is data.
                guard number >= 1990, number <= 2100, number == number.rounded() else { return false }
            } else if case .number = cell.value {
                return false
            } else if vocabulary.measures.contains(where: { $0.pattern.matches(TextKey.header(text)) }) {
                // A unit under a single column ("SISA › (Rp)") is a sub-header too.
                continue
            } else if isDocumentLabel(text) {
                // So is the document a column comes from ("RENSTRA 2021-2026 | IKU 2023 | PK 2023").
                continue
            }
            let aboveAddress = CellAddress(row: above, column: column)
            if let merge = grid.merge(at: aboveAddress) {
                // Under a group of several columns, or beside a label that spans down into this row.
                if merge.columnCount > 1 || merge.last.row >= row { continue }
                return false
            }
            if grid.ownText(above, column).isEmpty, column > columns.lowerBound,
               !groupLabelToTheLeft(above, column, columns: columns, grid: grid, below: row).isEmpty {
                continue
            }
            return false
        }
        return true
    }

    private static func isDocumentLabel(_ text: String) -> Bool {
        let words = TextKey.header(text).split(whereSeparator: { $0 == " " || $0 == "-" })
        guard words.count <= 4, let first = words.first else { return false }
        return ["renstra", "renja", "iku", "pk", "lkjip", "rpjmd", "rkpd", "apbd", "apbd-p", "dpa", "rkt", "iki"].contains(String(first))
            && words.dropFirst().allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    private static func groupLabelToTheLeft(_ row: Int, _ column: Int, columns: ClosedRange<Int>, grid: SheetGrid,
                                            below: Int) -> String {
        var left = column - 1
        while left >= columns.lowerBound {
            let address = CellAddress(row: row, column: left)
            if grid.isCovered(address) || grid.merge(at: address) != nil { return "" }
            let text = grid.ownText(row, left)
            if !text.isEmpty { return text }
            left -= 1
        }
        return ""
    }
}

extension SheetGrid {
    /// The columns from the first to the last cell with content in a row (merges included), if any.
    func contentSpan(_ row: Int) -> ClosedRange<Int>? {
        let cells = contentCells(row)
        guard let first = cells.first?.address.column, let last = cells.last?.address.column else { return nil }
        var upper = last
        if let merge = merge(at: CellAddress(row: row, column: last)) { upper = max(upper, merge.last.column) }
        return first...upper
    }
}
