import CermatPlanning
import CermatWorkbook

/// The text of a table's text columns (labels, indicators, Satuan, categories) row by row, as the rules read it: read
/// from the sheet once per run, in one walk down the table, and shared by every rule that asks (`TableReadings`).
/// Rules read these cells row after row, and looking each one up in the sheet again cost each of them seconds on a
/// 200 000-row table.
final class TableTexts: Sendable {
    private let firstRow: Int
    // By sheet column, then by sheet row from `firstRow`.
    private let columns: [Int: [String]]

    /// The table's reading, made by the first rule of the run that asks for it.
    static func of(_ table: PlanningTable, in context: RuleContext) -> TableTexts {
        context.readings.reading(TableTexts.self, of: table) { TableTexts(table, context.sheet(of: table)) }
    }

    private init(_ table: PlanningTable, _ sheet: Worksheet) {
        firstRow = table.range.first.row
        let indices = table.columns.filter { !$0.descriptor.isMeasured }.map(\.index)
        var columns = [Int: [String]](minimumCapacity: indices.count)
        for column in indices { columns[column] = [] }
        for sheetRow in table.range.first.row...table.range.last.row {
            let cells = sheet.cells(inRow: sheetRow)
            for column in indices {
                columns[column]!.append(Self.shown(Worksheet.cell(inColumn: column, of: cells)))
            }
        }
        self.columns = columns
    }

    /// The text of a cell, if it lies in one of the table's text columns; `nil` for any other cell.
    func text(row sheetRow: Int, column: Int) -> String? {
        guard let texts = columns[column], sheetRow >= firstRow, sheetRow - firstRow < texts.count else { return nil }
        return texts[sheetRow - firstRow]
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
