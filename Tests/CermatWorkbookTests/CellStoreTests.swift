import CermatWorkbook
import Testing

@Suite struct CellStoreTests {
    // Rows of three cells, cut into segments of uneven length (empty ones included), as a streamed sheet is.
    private static func segments(_ lengths: [Int]) -> [[Cell]] {
        var row = 0
        return lengths.map { length in
            (0..<length).flatMap { _ in
                defer { row += 1 }
                return (0..<3).map { Cell(address: CellAddress(row: row, column: $0), value: .number(Double(row * 3 + $0))) }
            }
        }
    }

    @Test(arguments: [[1], [2, 0, 3], [0, 1, 1, 1, 5, 0, 2, 7, 1, 1, 1, 4]])
    func findsEveryCellAcrossSegments(lengths: [Int]) {
        let segments = Self.segments(lengths)
        let store = CellStore(segments: segments)
        let flat = segments.flatMap { $0 }
        #expect(store.count == flat.count)
        for position in flat.indices { #expect(store[position] == flat[position], "cell \(position)") }
        #expect(Array(store) == flat)
        // A row is contiguous in whichever segment holds it.
        for row in 0..<(flat.count / 3) {
            #expect(Array(store.contiguous(row * 3..<row * 3 + 3)) == Array(flat[row * 3..<row * 3 + 3]), "row \(row)")
        }
    }
}

@Suite struct CellLayoutTests {
    // A 200 000-row sheet holds four million cells: each byte of a cell is 4 MB to fill and scan.
    @Test func aCellPacksIntoFortyEightBytes() {
        #expect(MemoryLayout<Cell>.stride == 48)
    }
}
