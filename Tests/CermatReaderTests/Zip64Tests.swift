import CermatReader
import CermatTestSupport
import CermatWorkbook
import Foundation
import Testing

/// libxlsxwriter's ZIP64 archives (large exports) have local headers libzip's consistency check rejects; they must read
/// exactly like the same workbook written without ZIP64, from a file and from memory.
@Suite struct Zip64Tests {
    static func cells(_ workbook: Workbook) -> [[Cell]] {
        workbook.sheets.map { Array($0.cells) }
    }

    @Test func aZip64WorkbookReadsLikeItsPlainTwin() throws {
        let plain = try XLSXReader().read(path: Fixtures.path("reader/libxlsxwriter-basics.xlsx"))
        let path = Fixtures.path("reader/libxlsxwriter-zip64.xlsx")
        let fromFile = try XLSXReader().read(path: path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let fromMemory = try XLSXReader().read(bytes: bytes, name: "libxlsxwriter-zip64.xlsx")
        #expect(Self.cells(fromFile) == Self.cells(plain))
        #expect(Self.cells(fromMemory) == Self.cells(plain))
        #expect(fromFile.sheets.map(\.name) == plain.sheets.map(\.name))
        #expect(fromFile.styles == plain.styles)
    }
}
