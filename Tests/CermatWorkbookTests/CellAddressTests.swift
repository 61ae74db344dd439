import CermatWorkbook
import Testing

@Suite struct CellAddressTests {
    @Test(arguments: [("A1", 0, 0), ("U12", 11, 20), ("$AB$80", 79, 27), ("XFD1048576", 1_048_575, 16_383), ("aa10", 9, 26)])
    func parsesA1(text: String, row: Int, column: Int) {
        let address = CellAddress(a1: text)
        #expect(address == CellAddress(row: row, column: column))
    }

    @Test(arguments: ["", "A", "1", "A0", "XFE1", "A1048577", "AAAA1", "A1B", "1A", "A-1"])
    func rejectsNonReferences(text: String) {
        #expect(CellAddress(a1: text) == nil)
    }

    @Test func columnNamesRoundTrip() {
        for column in [0, 25, 26, 51, 52, 701, 702, 16_383] {
            let name = CellAddress.columnName(column)
            #expect(CellAddress.columnIndex(name) == column)
        }
        #expect(CellAddress.columnName(27) == "AB")
        #expect(CellAddress.columnName(16_383) == "XFD")
    }

    @Test func rangesNormaliseTheirCorners() throws {
        let range = try #require(CellRange(a1: "C3:A1"))
        #expect(range.a1 == "A1:C3")
        #expect(range.cellCount == 9)
        #expect(range.contains(CellAddress(row: 1, column: 1)))
        #expect(!range.contains(CellAddress(row: 3, column: 0)))
        #expect(CellRange(a1: "A1:B2:C3") == nil)
    }
}
