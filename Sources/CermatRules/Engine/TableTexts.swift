import CermatPlanning
import CermatWorkbook
import Foundation

/// The text of a table's cells as the rules read it (labels, indicators, Satuan, categories): each text column read
/// from the sheet once per run, when a rule first asks for it, and shared by every rule that asks (`TableReadings`).
/// Rules read these cells row after row, and looking each one up in the sheet again cost each of them seconds on a
/// 200 000-row table; most text columns (No, Kode, Nama) no rule reads this way, and reading them all cost more than
/// the rules' reading of the others. Each rule's context keeps the columns it has read (`RuleContext.text`).
final class TableTexts: Sendable {
    // A text column's texts, by sheet row from the table's first; read once, by the first rule that asks.
    private final class Column: @unchecked Sendable {
        // @unchecked: `texts` is only touched under `lock`.
        let lock = NSLock()
        var texts: [String]?
    }

    private let rows: ClosedRange<Int>
    private let firstColumn: Int
    // By sheet column from `firstColumn`; nil for a measured column.
    private let columns: [Column?]
    private let sheet: Worksheet

    /// The table's reading, made by the first rule of the run that asks for it.
    static func of(_ table: PlanningTable, in context: RuleContext) -> TableTexts {
        context.readings.reading(TableTexts.self, of: table) { TableTexts(table, context.sheet(of: table)) }
    }

    private init(_ table: PlanningTable, _ sheet: Worksheet) {
        self.sheet = sheet
        rows = table.range.first.row...table.range.last.row
        firstColumn = table.range.first.column
        var columns = [Column?](repeating: nil, count: table.range.last.column - firstColumn + 1)
        for column in table.columns where !column.descriptor.isMeasured { columns[column.index - firstColumn] = Column() }
        self.columns = columns
    }

    /// The texts of a text column of the table, by sheet row from the table's first (read once, its time counted in
    /// `readings`); `nil` for a measured column or one outside the table.
    func texts(column: Int, in readings: TableReadings) -> [String]? {
        let slot = column - firstColumn
        guard slot >= 0, slot < columns.count, let holder = columns[slot] else { return nil }
        return holder.lock.withLock {
            if let texts = holder.texts { return texts }
            let texts = readings.measure("TableTexts") { rows.map { Self.shown(sheet[$0, column]) } }
            holder.texts = texts
            return texts
        }
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
