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

    @Test func walksAColumnDownRowsStoredInSeveralPieces() {
        // Rows 0–8 in three pieces: row 3 stores nothing, row 4 nothing in column 2, row 6 only column 2 (sparse).
        func row(_ number: Int, _ columns: [Int]) -> [Cell] {
            columns.map { Cell(address: CellAddress(row: number, column: $0), value: .string("r\(number)c\($0)")) }
        }
        let pieces = [row(0, [0, 1, 2]) + row(1, [0, 1, 2]) + row(2, [1, 2, 3]),
                      row(4, [0, 1]) + row(5, [0, 1, 2, 3]),
                      row(6, [2]) + row(7, [0, 1, 2]) + row(8, [2, 5])]
        let sheet = Worksheet(name: "E-81", store: CellStore(segments: pieces))
        var seen: [String] = []
        sheet.forEachValue(inColumn: 2, rows: 1...7) { row, value in
            #expect(value == sheet.value(row: row, column: 2))
            seen.append("\(row)")
        }
        #expect(seen == ["1", "2", "5", "6", "7"])
        var none = 0
        sheet.forEachValue(inColumn: 4, rows: 0...8) { _, _ in none += 1 }
        #expect(none == 0)
        var last: [Int] = []
        sheet.forEachValue(inColumn: 5, rows: 8...20) { row, _ in last.append(row) }
        #expect(last == [8])
    }

    @Test func emptySheetHasNoUsedRange() {
        #expect(Worksheet(name: "Kosong", cells: []).usedRange == nil)
    }
}
