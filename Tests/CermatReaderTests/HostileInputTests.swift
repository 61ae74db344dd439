import Foundation
@testable import CermatReader
import CermatTestSupport
import CermatWorkbook
import Testing

/// Every hostile or damaged input fails cleanly with a message that names the file and the part, or is read safely.
@Suite struct HostileInputTests {
    // The error reading a fixture; the same error, word for word, when its sheets are streamed (`WorksheetStream`).
    private func failure(_ name: String, limits: ReadLimits = ReadLimits()) -> ReaderError? {
        func read(streamed: Bool) -> ReaderError? {
            var reader = XLSXReader(limits: limits)
            if streamed { reader.streaming = (threshold: 0, block: 128) }
            do {
                _ = try reader.read(path: Fixtures.path("hostile/\(name)"), name: name)
                return nil
            } catch {
                return error
            }
        }
        let error = read(streamed: false)
        #expect(read(streamed: true)?.description == error?.description, "\(name): streamed")
        return error
    }

    @Test(arguments: [
        ("empty.xlsx", "the file is empty", nil as String?),
        ("random-bytes.xlsx", "ZIP signature missing", nil),
        ("truncated.xlsx", "damaged or truncated", nil),
        ("ole2.xlsx", "password-protected (encrypted) workbook or a legacy .xls", nil),
        ("doctype-entities.xlsx", "<!DOCTYPE>", "xl/worksheets/sheet1.xml"),
        ("relationship-outside-package.xlsx", "outside the package: '../../../../etc/passwd'", "xl/workbook.xml"),
        ("duplicate-part-names.xlsx", "two entries for one part", "xl/worksheets/SHEET1.xml"),
        ("missing-worksheet-part.xlsx", "no worksheet part 'xl/worksheets/sheet1.xml'", "xl/worksheets/sheet1.xml"),
        ("malformed-xml.xlsx", "malformed XML: </worksheet> closes <sheetData>", "xl/worksheets/sheet1.xml"),
        ("cell-beyond-limits.xlsx", "'row 1048577' is not a cell within the sheet limits", "xl/worksheets/sheet1.xml"),
        ("shared-string-out-of-range.xlsx", "shared string 5 does not exist", "xl/worksheets/sheet1.xml"),
        ("zip-bomb-lying-size.xlsx", "inflates past its declared size of 1024 bytes", "xl/worksheets/sheet1.xml"),
        ("corrupt-deflate-data.xlsx", "the compressed data is invalid (a deflate block of an unknown type)",
         "xl/worksheets/sheet1.xml"),
        ("crc-mismatch.xlsx", "the inflated part does not match its CRC-32", "xl/worksheets/sheet1.xml"),
        ("truncated-deflate-data.xlsx", "the part is shorter than its declared size", "xl/worksheets/sheet1.xml"),
        ("word-document-renamed.xlsx", "not a spreadsheet", "xl/workbook.xml"),
        ("opendocument-renamed.xlsx", "OpenDocument spreadsheet (.ods)", nil),
    ])
    func failsCleanly(file: String, message: String, part: String?) throws {
        let error = try #require(failure(file))
        #expect(error.file == file)
        #expect(error.part == part)
        #expect(error.description.hasPrefix(file + ": "))
        #expect(error.description.contains(message), "\(error)")
    }

    @Test func stopsAZipBombAtThePartLimit() throws {
        let error = try #require(failure("zip-bomb.xlsx", limits: ReadLimits(maxPartSize: 8 << 20)))
        #expect(error.kind == .partTooLarge(limit: 8 << 20))
        #expect(error.description.contains("part 'xl/worksheets/sheet1.xml'"))
        #expect(error.description.contains("8 MiB"))
    }

    @Test func stopsAtTheTotalLimit() throws {
        let error = try #require(failure("zip-bomb.xlsx", limits: ReadLimits(maxTotalSize: 16 << 20)))
        #expect(error.kind == .totalTooLarge(limit: 16 << 20))
    }

    @Test func refusesTooManyEntries() throws {
        let error = try #require(failure("valid-minimal.xlsx", limits: ReadLimits(maxEntries: 3)))
        #expect(error.kind == .tooManyEntries(count: 5, limit: 3))
    }

    @Test func ignoresTheDimensionElement() throws {
        let workbook = try XLSXReader().read(path: Fixtures.path("hostile/dimension-claims-whole-sheet.xlsx"))
        #expect(workbook.sheets[0].usedRange?.a1 == "A1")
        #expect(workbook.sheets[0].cells.count == 1)
    }

    @Test func expandsASharedFormulaWithAHugeIndex() throws {
        let sheet = try XLSXReader().read(path: Fixtures.path("hostile/shared-formula-si-2-31.xlsx")).sheets[0]
        #expect(sheet[CellAddress(a1: "B1")!]?.formula == "A1*2")
        #expect(sheet[CellAddress(a1: "B2")!]?.formula == "A2*2")
        #expect(sheet[CellAddress(a1: "B2")!]?.value == .number(6))
    }

    @Test func readsFromMemoryLikeFromAFile() throws {
        let path = Fixtures.path("hostile/valid-minimal.xlsx")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let workbook = try XLSXReader().read(bytes: bytes, name: "upload.xlsx")
        #expect(workbook.source == "upload.xlsx")
        #expect(workbook.sheets[0][0, 0]?.value == .number(1))
        #expect(throws: ReaderError.self) { try XLSXReader().read(bytes: Array(bytes.prefix(100)), name: "cut.xlsx") }
    }

    @Test func namesAMissingFile() throws {
        let error = try #require(failure("does-not-exist.xlsx"))
        #expect(error.description.contains("cannot open the file"))
    }
}
