/// One worksheet: a sparse grid of cells plus the layout a person sees (merges, widths, heights, panes, notes).
public struct Worksheet: Sendable {
    /// Whether a sheet tab is shown.
    public enum Visibility: String, Hashable, Sendable {
        /// Shown.
        case visible
        /// Hidden; the user can unhide it.
        case hidden
        /// Hidden; only a macro can unhide it.
        case veryHidden
    }

    /// The sheet's tab name.
    public var name: String
    /// Whether the tab is shown.
    public var visibility: Visibility
    /// The cells in row-major order, one per address.
    public let cells: CellStore
    /// Merged ranges, in the order the sheet lists them.
    public var mergedRanges: [CellRange]
    /// Column runs with a width, style or visibility.
    public var columns: [ColumnInfo]
    /// Rows with a height, style or visibility, ascending by row.
    public var rows: [RowInfo]
    /// Default row height in points, if the sheet sets one.
    public var defaultRowHeight: Double?
    /// Default column width in characters, if the sheet sets one.
    public var defaultColumnWidth: Double?
    /// The frozen or split pane of the first view, if any.
    public var pane: Pane?
    /// Notes (legacy comments), ascending by cell.
    public var notes: [Note]
    /// Rich-text runs of cells whose string has more than one font.
    public var richText: [CellAddress: [RichTextRun]]
    /// Array formulas: the anchor cell and the range the formula fills.
    public var arrayFormulas: [CellAddress: CellRange]
    /// Whether grid lines are shown.
    public var showGridLines: Bool
    /// The smallest range holding every cell with a value or formula, computed from the cells (never from `dimension`).
    public let usedRange: CellRange?

    // Row lookup: the distinct row numbers in `cells` and where each row starts.
    private let rowNumbers: [Int32]
    private let rowStarts: [Int32]

    /// A worksheet; `cells` must be in row-major order without duplicate addresses.
    public init(name: String, visibility: Visibility = .visible, cells: [Cell], mergedRanges: [CellRange] = [],
                columns: [ColumnInfo] = [], rows: [RowInfo] = [], defaultRowHeight: Double? = nil,
                defaultColumnWidth: Double? = nil, pane: Pane? = nil, notes: [Note] = [],
                richText: [CellAddress: [RichTextRun]] = [:], arrayFormulas: [CellAddress: CellRange] = [:],
                showGridLines: Bool = true) {
        self.init(name: name, visibility: visibility, store: CellStore(cells), mergedRanges: mergedRanges, columns: columns,
                  rows: rows, defaultRowHeight: defaultRowHeight, defaultColumnWidth: defaultColumnWidth, pane: pane,
                  notes: notes, richText: richText, arrayFormulas: arrayFormulas, showGridLines: showGridLines)
    }

    /// A worksheet over a cell store (several segments when the sheet was parsed in pieces), in row-major order.
    public init(name: String, visibility: Visibility = .visible, store: CellStore, mergedRanges: [CellRange] = [],
                columns: [ColumnInfo] = [], rows: [RowInfo] = [], defaultRowHeight: Double? = nil,
                defaultColumnWidth: Double? = nil, pane: Pane? = nil, notes: [Note] = [],
                richText: [CellAddress: [RichTextRun]] = [:], arrayFormulas: [CellAddress: CellRange] = [:],
                showGridLines: Bool = true) {
        self.name = name
        self.visibility = visibility
        self.mergedRanges = mergedRanges
        self.columns = columns
        self.rows = rows
        self.defaultRowHeight = defaultRowHeight
        self.defaultColumnWidth = defaultColumnWidth
        self.pane = pane
        self.notes = notes
        self.richText = richText
        self.arrayFormulas = arrayFormulas
        self.showGridLines = showGridLines
        var numbers: [Int32] = []
        var starts: [Int32] = []
        var minRow = Int.max, maxRow = -1, minColumn = Int.max, maxColumn = -1
        // One pass without copying cells: builds the row index, checks the order, finds the used range.
        var previous: CellAddress?
        var rowsCrossSegments = false
        store.forEachSegment { segment, offset in
            for local in segment.indices {
                let address = segment[local].address
                if let previous {
                    precondition(previous < address, "cells must be in row-major order without duplicates")
                }
                let row = Int32(address.row)
                if numbers.last != row {
                    numbers.append(row)
                    starts.append(Int32(offset + local))
                } else if local == 0 {
                    rowsCrossSegments = true
                }
                previous = address
                if segment[local].hasContent {
                    minRow = min(minRow, address.row)
                    maxRow = max(maxRow, address.row)
                    minColumn = min(minColumn, address.column)
                    maxColumn = max(maxColumn, address.column)
                }
            }
        }
        // A row must lie inside one segment for `cells(inRow:)`; a file that repeats a row number across pieces is joined.
        cells = rowsCrossSegments ? CellStore(store.array) : store
        rowNumbers = numbers
        rowStarts = starts
        usedRange = maxRow < 0 ? nil : CellRange(CellAddress(row: minRow, column: minColumn),
                                                 CellAddress(row: maxRow, column: maxColumn))
    }

    /// The cell at an address, if the sheet stores one.
    public subscript(address: CellAddress) -> Cell? {
        Worksheet.cell(inColumn: address.column, of: cells(inRow: address.row))
    }

    /// The cell in a column of a row's cells (as `cells(inRow:)` gives them), if the row stores one.
    public static func cell(inColumn column: Int, of row: ArraySlice<Cell>) -> Cell? {
        index(ofColumn: column, in: row).map { row[$0] }
    }

    /// Where the cell of a column lies in a row's cells (as `cells(inRow:)` gives them), if the row stores one: for
    /// reading one part of a cell where it lies rather than copying the cell, its texts retained and released.
    @inlinable
    public static func index<Row: RandomAccessCollection<Cell>>(ofColumn column: Int, in row: Row) -> Int?
    where Row.Index == Int {
        // Most rows store every cell from their first on: the cell is then where its column says, found by reading the
        // memory it lies in rather than by a search whose first steps land in the middle of the row, each a read from
        // memory (a rule reading a column of a large table waited on those).
        guard let first = row.first?.address.column else { return nil }
        let guess = row.startIndex + (column - first)
        if guess >= row.startIndex, guess < row.endIndex, row[guess].address.column == column { return guess }
        var low = row.startIndex, high = row.endIndex
        while low < high {
            let mid = (low + high) / 2
            let stored = row[mid].address.column
            if stored == column { return mid }
            if stored < column { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The cell at zero-based row and column, if the sheet stores one.
    public subscript(row: Int, column: Int) -> Cell? {
        self[CellAddress(row: row, column: column)]
    }

    /// The value of the cell at zero-based row and column, if the sheet stores the cell: read where it lies, without
    /// copying the cell's formula.
    public func value(row: Int, column: Int) -> CellValue? {
        let cells = cells(inRow: row)
        guard let index = Worksheet.index(ofColumn: column, in: cells) else { return nil }
        // Through the buffer, whose elements are read in place: the slice's subscript copied the whole cell for its value.
        return cells.withUnsafeBufferPointer { $0[index - cells.startIndex].value }
    }

    /// Calls `body` with each row of `rows` that stores a cell in `column`, in order, and that cell's value: one walk
    /// along the sheet's cells, where reading the cell of each row (`value(row:column:)`) searched for the row and its
    /// piece of the sheet each time (a rule reads whole columns of a large table).
    public func forEachValue(inColumn column: Int, rows: ClosedRange<Int>, _ body: (_ row: Int, _ value: CellValue) -> Void) {
        var position = Worksheet.firstPosition(rowNumbers, notBelow: Int32(clamping: rows.lowerBound))
        cells.forEachSegment { segment, offset in
            while position < rowNumbers.count, rowNumbers[position] <= rows.upperBound {
                let start = Int(rowStarts[position]) - offset
                // The row lies in a later piece (pieces never split a row).
                guard start < segment.count else { return }
                let end = (position + 1 < rowStarts.count ? Int(rowStarts[position + 1]) : cells.count) - offset
                let row = segment[start..<end]
                if let index = Worksheet.index(ofColumn: column, in: row) {
                    body(Int(rowNumbers[position]), segment[index].value)
                }
                position += 1
            }
        }
    }

    /// The stored cells of one row, left to right.
    public func cells(inRow row: Int) -> ArraySlice<Cell> {
        guard let position = Worksheet.search(rowNumbers, Int32(row)) else { return cells.contiguous(0..<0) }
        let start = Int(rowStarts[position])
        let end = position + 1 < rowStarts.count ? Int(rowStarts[position + 1]) : cells.count
        return cells.contiguous(start..<end)
    }

    /// The zero-based indices of rows that store at least one cell, ascending.
    public var storedRows: some RandomAccessCollection<Int> { rowNumbers.lazy.map { Int($0) } }

    /// The attributes of a row, if it has any.
    public func rowInfo(_ row: Int) -> RowInfo? {
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid].row == row { return rows[mid] }
            if rows[mid].row < row { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The column run that covers a column, if any.
    public func columnInfo(_ column: Int) -> ColumnInfo? {
        columns.first { $0.first <= column && column <= $0.last }
    }

    /// The merged range a cell belongs to, if any.
    public func mergedRange(containing address: CellAddress) -> CellRange? {
        mergedRanges.first { $0.contains(address) }
    }

    /// The note on a cell, if any.
    public func note(at address: CellAddress) -> Note? {
        notes.first { $0.address == address }
    }

    private static func search(_ values: [Int32], _ target: Int32) -> Int? {
        // Most sheets store row after row without gaps: the row is then where its number says.
        if let base = values.first, target >= base, Int(target - base) < values.count, values[Int(target - base)] == target {
            return Int(target - base)
        }
        let position = firstPosition(values, notBelow: target)
        return position < values.count && values[position] == target ? position : nil
    }

    // The first position of ascending `values` whose value is `target` or more; `values.count` when none is.
    private static func firstPosition(_ values: [Int32], notBelow target: Int32) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
