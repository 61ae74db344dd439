import CermatWorkbook

/// A workbook built from a rule example's grid: texts as typed, `<`/`^` merges, `!` marks the cells a rule must flag,
/// `text [[note]]` gives the cell a note.
public enum ExampleSheet {
    /// The workbook and the cells marked `!`.
    public static func workbook(_ rows: [[String]], name: String = "Contoh") -> (workbook: Workbook, flagged: Set<CellAddress>) {
        let (sheet, flagged) = sheet(rows, name: name)
        return (Workbook(source: "contoh.xlsx", sheets: [sheet]), flagged)
    }

    /// A workbook of several sheets, and the marked cells as `'Sheet'!A1`.
    public static func workbook(sheets: [(name: String, rows: [[String]])]) -> (workbook: Workbook, flagged: Set<String>) {
        var built: [Worksheet] = []
        var flagged: Set<String> = []
        for (name, rows) in sheets {
            let (sheet, marked) = sheet(rows, name: name)
            built.append(sheet)
            flagged.formUnion(marked.map { "'\(name)'!\($0.a1)" })
        }
        return (Workbook(source: "contoh.xlsx", sheets: built), flagged)
    }

    private static func sheet(_ rows: [[String]], name: String) -> (sheet: Worksheet, flagged: Set<CellAddress>) {
        var cells: [Cell] = []
        var flagged: Set<CellAddress> = []
        var merges: [CellRange] = []
        var notes: [Note] = []
        for (rowIndex, row) in rows.enumerated() {
            for (columnIndex, raw) in row.enumerated() {
                let address = CellAddress(row: rowIndex, column: columnIndex)
                if raw == "<" || raw == "^" { continue }
                var text = raw
                if text.hasPrefix("!") {
                    flagged.insert(address)
                    text.removeFirst()
                }
                if text.hasSuffix("]]"), let open = text.range(of: " [[") {
                    notes.append(Note(address: address, author: nil, text: String(text[open.upperBound...].dropLast(2))))
                    text = String(text[..<open.lowerBound])
                }
                if !text.isEmpty { cells.append(Cell(address: address, value: .string(text))) }
                var width = 1
                while columnIndex + width < row.count, row[columnIndex + width] == "<" { width += 1 }
                var height = 1
                while rowIndex + height < rows.count, columnIndex < rows[rowIndex + height].count,
                      rows[rowIndex + height][columnIndex] == "^" { height += 1 }
                if width > 1 || height > 1 {
                    merges.append(CellRange(address, CellAddress(row: rowIndex + height - 1, column: columnIndex + width - 1)))
                }
            }
        }
        return (Worksheet(name: name, cells: cells, mergedRanges: merges, notes: notes), flagged)
    }
}
