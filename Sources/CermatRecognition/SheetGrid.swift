import CermatPlanning
import CermatWorkbook

/// A worksheet seen as a grid of texts, with merged ranges resolved: what recognition looks at.
struct SheetGrid {
    let workbook: Workbook
    let sheet: Worksheet
    let sheetIndex: Int
    // The anchor (top-left cell) of the merged range covering each covered cell, for cells other than the anchor.
    private var mergeAnchor: [CellAddress: CellAddress] = [:]
    // The merged range starting at each anchor.
    private var mergeAt: [CellAddress: CellRange] = [:]
    // Whether a row holds a cell some merge covers, by row: most rows do not, and need not hash each address.
    private var rowHasCovered: [Bool] = []

    /// The stored cells of one row, found once: each column then read from it skips the search for the row.
    struct Row {
        /// The zero-based row.
        let number: Int
        /// Its stored cells, left to right.
        let cells: ArraySlice<Cell>

        /// Where the cell of a column lies in `cells`, if the row stores one.
        func index(_ column: Int) -> Int? {
            Worksheet.index(ofColumn: column, in: cells)
        }
    }

    init(workbook: Workbook, sheetIndex: Int) {
        self.workbook = workbook
        self.sheet = workbook.sheets[sheetIndex]
        self.sheetIndex = sheetIndex
        for range in sheet.mergedRanges where range.cellCount <= 4096 {
            mergeAt[range.first] = range
            for row in range.first.row...range.last.row {
                for column in range.first.column...range.last.column where row != range.first.row || column != range.first.column {
                    mergeAnchor[CellAddress(row: row, column: column)] = range.first
                }
            }
        }
        let coveredRows = mergeAnchor.keys.map(\.row)
        rowHasCovered = Array(repeating: false, count: (coveredRows.max() ?? -1) + 1)
        for row in coveredRows { rowHasCovered[row] = true }
    }

    /// A row's stored cells.
    func row(_ row: Int) -> Row {
        Row(number: row, cells: sheet.cells(inRow: row))
    }

    /// The merged range a cell starts or belongs to, if any.
    func merge(at address: CellAddress) -> CellRange? {
        if let range = mergeAt[address] { return range }
        return mergeAnchor[address].flatMap { mergeAt[$0] }
    }

    /// Whether a cell lies inside a merged range without being its top-left cell.
    func isCovered(_ address: CellAddress) -> Bool {
        mergeAnchor[address] != nil
    }

    /// The text shown in a cell, a merged range's text for every cell it covers; empty for blank cells.
    func text(_ row: Int, _ column: Int) -> String {
        var address = CellAddress(row: row, column: column)
        if let anchor = mergeAnchor[address] { address = anchor }
        guard let cell = sheet[address] else { return "" }
        return shown(cell)
    }

    /// The text of the cell itself only (empty for a cell a merge covers).
    func ownText(_ row: Int, _ column: Int) -> String {
        ownText(self.row(row), column)
    }

    /// The text of a cell of a row already found, itself only (empty for a cell a merge covers).
    func ownText(_ row: Row, _ column: Int) -> String {
        guard let index = row.index(column) else { return "" }
        if row.number < rowHasCovered.count && rowHasCovered[row.number] && mergeAnchor[row.cells[index].address] != nil {
            return ""
        }
        // Text read where it lies, as most shown cells are: copying the cell out retained its texts and released them.
        if case .string(let text) = row.cells[index].value { return TextKey.trimmed(text) }
        return shown(row.cells[index])
    }

    /// A stored cell's text as it is shown, trimmed.
    func shown(_ cell: Cell) -> String {
        // Only a number's text depends on its style: most shown cells are text.
        if case .string(let text) = cell.value { return TextKey.trimmed(text) }
        return TextKey.trimmed(CellText.display(cell, percent: workbook.numberFormat(of: cell).isPercent))
    }

    /// Whether the cell holds a number (a numeric cell).
    func isNumeric(_ row: Int, _ column: Int) -> Bool {
        if case .number = sheet[row, column]?.value { return true }
        return false
    }

    /// The stored cells of a row that have content, within columns `columns` (all when `nil`).
    func contentCells(_ row: Int, in columns: ClosedRange<Int>? = nil) -> [Cell] {
        sheet.cells(inRow: row).filter { Self.isContent($0, in: columns) }
    }

    /// Whether a stored cell has content and lies within columns `columns` (all when `nil`): what `contentCells` keeps.
    static func isContent(_ cell: Cell, in columns: ClosedRange<Int>? = nil) -> Bool {
        cell.hasContent && !cell.value.isBlank && (columns?.contains(cell.address.column) ?? true)
    }
}

/// How a cell reads as text: strings as they are, numbers in plain notation.
enum CellText {
    /// The text of a cell; `percent` when its number format shows numbers as percentages.
    static func display(_ cell: Cell, percent: Bool) -> String {
        switch cell.value {
        case .empty: return ""
        case .string(let text): return text
        case .number(let number):
            let shown = percent ? number * 100 : number
            return shown == shown.rounded() && abs(shown) < 1e15 ? String(Int64(shown)) : String(shown)
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .error(let code): return code
        case .date(let iso): return iso
        }
    }
}
