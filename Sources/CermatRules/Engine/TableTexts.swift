import CermatPlanning
import CermatWorkbook
import Foundation

/// The text of a table's cells as the rules read it (labels, indicators, Satuan, categories): each text column read
/// from the sheet once per run, when a rule first asks for it, and shared by every rule that asks (`TableReadings`).
/// Rules read these cells row after row, and looking each one up in the sheet again cost each of them seconds on a
/// 200 000-row table; most text columns (No, Kode, Nama) no rule reads this way, and reading them all cost more than
/// the rules' reading of the others. Each rule's context keeps the columns it has read (`RuleContext.text`).
final class TableTexts: Sendable {
    /// A text column's texts, each row's as the index of its text among the column's distinct texts: a column repeats
    /// its few texts (units, categories) on every row, and a rule judging each text once instead of each row's copy no
    /// longer hashes a string per row.
    struct Column: Sendable {
        /// The column's texts, each once, in the order they first appear.
        let distinct: [String]
        /// Each row's text as its index in `distinct`, by sheet row from the table's first.
        let codes: [Int32]

        /// The text of a sheet row's cell; `nil` for a row outside the table.
        func text(sheetRow: Int, in table: PlanningTable) -> String? {
            let offset = sheetRow - table.range.first.row
            return offset >= 0 && offset < codes.count ? distinct[Int(codes[offset])] : nil
        }

        /// The index in `distinct` of a sheet row's text, for a row of the table.
        func code(sheetRow: Int, in table: PlanningTable) -> Int { Int(codes[sheetRow - table.range.first.row]) }

        /// Whether a sheet row's cell, in a row of the table, shows no text.
        func isEmpty(sheetRow: Int, in table: PlanningTable) -> Bool { distinct[code(sheetRow: sheetRow, in: table)].isEmpty }
    }

    // A text column's texts, read once, by the first rule that asks.
    private final class Holder: @unchecked Sendable {
        // @unchecked: `column` is only touched under `lock`.
        let lock = NSLock()
        var column: Column?
    }

    private let rows: ClosedRange<Int>
    private let firstColumn: Int
    // By sheet column from `firstColumn`; nil for a measured column.
    private let columns: [Holder?]
    private let sheet: Worksheet

    /// The table's reading, made by the first rule of the run that asks for it.
    static func of(_ table: PlanningTable, in context: RuleContext) -> TableTexts {
        context.readings.reading(TableTexts.self, of: table) { TableTexts(table, context.sheet(of: table)) }
    }

    private init(_ table: PlanningTable, _ sheet: Worksheet) {
        self.sheet = sheet
        rows = table.range.first.row...table.range.last.row
        firstColumn = table.range.first.column
        var columns = [Holder?](repeating: nil, count: table.range.last.column - firstColumn + 1)
        for column in table.columns where !column.descriptor.isMeasured { columns[column.index - firstColumn] = Holder() }
        self.columns = columns
    }

    /// The texts of a text column of the table, by sheet row from the table's first (read once, its time counted in
    /// `readings`); `nil` for a measured column or one outside the table.
    func texts(column: Int, in readings: TableReadings) -> Column? {
        let slot = column - firstColumn
        guard slot >= 0, slot < columns.count, let holder = columns[slot] else { return nil }
        return holder.lock.withLock {
            if let texts = holder.column { return texts }
            let texts = readings.measure("TableTexts") { read(column: column) }
            holder.column = texts
            return texts
        }
    }

    private func read(column: Int) -> Column {
        var builder = ColumnBuilder(rows: rows.count)
        // Rows that store no cell in the column show no text.
        var next = rows.lowerBound
        sheet.forEachValue(inColumn: column, rows: rows) { row, value in
            builder.append("", times: row - next)
            builder.append(Self.shown(value), times: 1)
            next = row + 1
        }
        builder.append("", times: rows.upperBound + 1 - next)
        return Column(distinct: builder.distinct, codes: builder.codes)
    }

    // A column's texts as they are read, row after row.
    private struct ColumnBuilder {
        var distinct: [String] = [], codes: [Int32] = [], indices: [String: Int32] = [:]
        // A row often repeats the text above it (a unit, a category): compared with that one first, it is not hashed.
        var last = "", lastCode: Int32 = -1

        init(rows: Int) {
            codes.reserveCapacity(rows)
        }

        mutating func append(_ text: String, times: Int) {
            guard times > 0 else { return }
            if lastCode < 0 || text != last {
                lastCode = indices.value(for: text, inserting: Int32(distinct.count))
                if lastCode == distinct.count { distinct.append(text) }
                last = text
            }
            codes.append(contentsOf: repeatElement(lastCode, count: times))
        }
    }

    /// The text a cell's value shows, trimmed (a number as Indonesian text); empty for an empty or missing cell.
    static func shown(_ value: CellValue?) -> String {
        switch value {
        case .string(let text): return TextKey.trimmed(text)
        case .number(let number): return Numeral.text(number, decimals: nil, language: .id)
        default: return ""
        }
    }
}
