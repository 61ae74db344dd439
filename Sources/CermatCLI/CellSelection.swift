import CermatWorkbook

/// Why a `SHEET!RANGE` argument does not name cells of the workbook.
struct SelectionError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A `SHEET!RANGE` argument resolved against a workbook; the range defaults to the sheet's used range.
struct CellSelection {
    /// Index of the sheet in the workbook.
    let sheetIndex: Int
    /// The cells to list; `nil` when the sheet is empty.
    let range: CellRange?

    /// Resolves `text` (`E-81!A1:D20`, `'Tabel 2'!B4`, or just `E-81`) or explains what is wrong.
    init(_ text: String, in workbook: Workbook) throws {
        var sheetName = text
        var rangeText: Substring?
        if let bang = text.lastIndex(of: "!") {
            sheetName = String(text[..<bang])
            rangeText = text[text.index(after: bang)...]
        }
        if sheetName.count >= 2, sheetName.hasPrefix("'"), sheetName.hasSuffix("'") {
            sheetName = String(sheetName.dropFirst().dropLast()).replacing("''", with: "'")
        }
        guard let index = workbook.sheets.firstIndex(where: { $0.name == sheetName }) else {
            let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
            throw SelectionError("no sheet named '\(sheetName)' in \(workbook.source); its sheets are \(names)")
        }
        sheetIndex = index
        if let rangeText, !rangeText.isEmpty {
            guard let range = CellRange(a1: rangeText) else {
                throw SelectionError("'\(rangeText)' is not a cell range such as A1:D20")
            }
            self.range = range
        } else {
            range = workbook.sheets[index].usedRange
        }
    }
}
