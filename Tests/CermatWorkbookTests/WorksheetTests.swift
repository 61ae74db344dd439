import CermatWorkbook
import Testing

@Suite struct WorksheetTests {
    private func sheet() -> Worksheet {
        let cells = [
            Cell(address: CellAddress(row: 2, column: 1), value: .string("Kode")),
            Cell(address: CellAddress(row: 2, column: 4), value: .empty, styleIndex: 3),
            Cell(address: CellAddress(row: 5, column: 2), value: .number(150)),
            Cell(address: CellAddress(row: 7, column: 0), value: .empty, formula: "A1*2"),
            Cell(address: CellAddress(row: 9, column: 9), value: .empty, styleIndex: 1),
        ]
        return Worksheet(name: "E-81", cells: cells)
    }

    @Test func usedRangeComesFromCellsWithContent() {
        // Style-only cells (E3, J10) do not widen the used range; the formula cell A8 does.
        #expect(sheet().usedRange?.a1 == "A3:C8")
    }

    @Test func looksUpCellsAndRows() {
        let sheet = sheet()
        #expect(sheet[5, 2]?.value == .number(150))
        #expect(sheet[5, 3] == nil)
        #expect(sheet[4, 2] == nil)
        #expect(sheet.cells(inRow: 2).map(\.address.a1) == ["B3", "E3"])
        #expect(Array(sheet.storedRows) == [2, 5, 7, 9])
    }

    @Test func findsACellInADenseRowAndInASparseOne() {
        // Row 1 stores every cell from B on (each where its column puts it); row 2 skips columns (found by search).
        let dense = (1...6).map { Cell(address: CellAddress(row: 0, column: $0), value: .number(Double($0))) }
        let sparse = [0, 2, 3, 7, 11].map { Cell(address: CellAddress(row: 1, column: $0), value: .number(Double($0))) }
        let sheet = Worksheet(name: "E-81", cells: dense + sparse)
        for column in 0...12 {
            #expect(sheet[0, column]?.value == ((1...6).contains(column) ? .number(Double(column)) : nil))
            #expect(sheet[1, column]?.value == ([0, 2, 3, 7, 11].contains(column) ? .number(Double(column)) : nil))
        }
    }

    @Test func emptySheetHasNoUsedRange() {
        #expect(Worksheet(name: "Kosong", cells: []).usedRange == nil)
    }
}
