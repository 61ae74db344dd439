import CermatPlanning
import CermatWorkbook

/// The text of a table's cells as the rules read it (labels, indicators, Satuan, categories): its text columns read
/// from the sheet once per run, in one walk down the table, and shared by every rule that asks (`TableReadings`).
/// Rules read these cells row after row, and looking each one up in the sheet again cost each of them seconds on a
/// 200 000-row table; each rule's context keeps the reading of the table it reads (`RuleContext.texts(of:)`).
final class TableTexts: Sendable {
    private let firstRow: Int
    private let firstColumn: Int
    // By sheet column from `firstColumn` (nil for a measured column), then by sheet row from `firstRow`.
    private let columns: [[String]?]
    // For cells outside the text columns.
    private let sheet: Worksheet

    /// The table's reading, made by the first rule of the run that asks for it.
    static func of(_ table: PlanningTable, in context: RuleContext) -> TableTexts {
        context.readings.reading(TableTexts.self, of: table) { TableTexts(table, context.sheet(of: table)) }
    }

    private init(_ table: PlanningTable, _ sheet: Worksheet) {
        self.sheet = sheet
        firstRow = table.range.first.row
        firstColumn = table.range.first.column
        let indices = table.columns.filter { !$0.descriptor.isMeasured }.map(\.index)
        var columns = [[String]?](repeating: nil, count: table.range.last.column - firstColumn + 1)
        for column in indices { columns[column - firstColumn] = [] }
        for sheetRow in table.range.first.row...table.range.last.row {
            let cells = sheet.cells(inRow: sheetRow)
            for column in indices {
                columns[column - firstColumn]!.append(Self.shown(Worksheet.cell(inColumn: column, of: cells)))
            }
        }
        self.columns = columns
    }

    /// The text a cell shows, trimmed (a number as Indonesian text); empty for an empty or missing cell.
    func text(row sheetRow: Int, column: Int) -> String {
        let slot = column - firstColumn, offset = sheetRow - firstRow
        if slot >= 0, slot < columns.count, let texts = columns[slot], offset >= 0, offset < texts.count {
            return texts[offset]
        }
        return Self.shown(sheet[sheetRow, column])
    }

    /// The text a cell shows, trimmed (a number as Indonesian text); empty for an empty or missing cell.
    static func shown(_ cell: Cell?) -> String {
        guard let cell else { return "" }
        switch cell.value {
        case .string(let text): return TextKey.trimmed(text)
        case .number(let number): return Numeral.text(number, decimals: nil, language: .id)
        default: return ""
        }
    }
}
