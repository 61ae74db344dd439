@testable import CermatReader
import CermatTestSupport
import CermatWorkbook
import Foundation
import Testing

/// The worksheet parser's three paths (general, row fast path, split into pieces) agree on every fixture sheet and on
/// every input the fuzzer ever found a problem with (fuzz/regressions/).
@Suite struct WorksheetPathsTests {
    private static func parse(_ bytes: [UInt8], fast: Bool, split: Bool,
                              strings: SharedStringsPart = SharedStringsPart(strings: (0..<64).map { "string \($0)" }))
        -> Result<[Cell], ReaderError> {
        bytes.withUnsafeBufferPointer { buffer in
            var context = WorksheetPart.Context(part: "sheet.xml", sheet: "Sheet", strings: strings, styleCount: 256,
                                                maxDepth: 256)
            context.fastRows = fast
            context.parallelThreshold = split ? 0 : Int.max
            do throws(ReaderError) {
                return .success(Array(try WorksheetPart.parse(buffer, context: context).store))
            } catch {
                return .failure(error)
            }
        }
    }

    // The part streamed in blocks of `block` bytes; `nil` when the stream gave the part up to the ordinary path.
    private static func stream(_ bytes: [UInt8], block: Int, strings: SharedStringsPart = SharedStringsPart(
        strings: (0..<64).map { "string \($0)" })) -> Result<WorksheetPart, ReaderError>? {
        var context = WorksheetPart.Context(part: "sheet.xml", sheet: "Sheet", strings: strings, styleCount: 256, maxDepth: 256)
        context.streamBlock = block
        var offset = 0
        let fill: WorksheetStream.Fill = { buffer, capacity in
            let size = min(capacity, bytes.count - offset)
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + offset, byteCount: size) }
            offset += size
            return size
        }
        do throws(ReaderError) {
            return try WorksheetStream(context: context).parse(fill).map { .success($0.part) }
        } catch {
            return .failure(error)
        }
    }

    private static func expectAgreement(_ bytes: [UInt8], _ name: String, strings: SharedStringsPart = SharedStringsPart(
        strings: (0..<64).map { "string \($0)" })) {
        let general = parse(bytes, fast: false, split: false, strings: strings)
        for (label, other) in [("fast", parse(bytes, fast: true, split: false, strings: strings)),
                               ("split", parse(bytes, fast: true, split: true, strings: strings))] {
            switch (general, other) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "\(name): the \(label) path reads different cells")
            case (.failure(let a), .failure(let b)):
                #expect(a.kind == b.kind, "\(name): the \(label) path fails differently: \(a) vs \(b)")
            default:
                Issue.record("\(name): general \(general) but \(label) \(other)")
            }
        }
        // A stream gives up on anything it cannot cut (the ordinary path then reads the part); what it reads, it reads alike.
        for block in [64, 777] {
            guard let streamed = stream(bytes, block: block, strings: strings) else { continue }
            switch (general, streamed) {
            case (.success(let a), .success(let b)):
                #expect(a == Array(b.store), "\(name): streamed in blocks of \(block) bytes, reads different cells")
            default:
                Issue.record("\(name): general \(general) but streamed in blocks of \(block) bytes \(streamed)")
            }
        }
    }

    @Test func streamsALargeSheetInManyPieces() throws {
        // A shared formula whose master is in the first piece and whose followers are in every other; rows carrying
        // heights; merged ranges after the rows.
        var xml = "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"s\"><x:cols><x:col min=\"1\" max=\"2\" width=\"20\"/></x:cols><x:sheetData>"
        for row in 1...2000 {
            let formula = row == 1 ? "<x:f t=\"shared\" ref=\"C1:C2000\" si=\"0\">A1*2</x:f>" : "<x:f t=\"shared\" si=\"0\"/>"
            xml += "<x:row r=\"\(row)\"\(row % 7 == 0 ? " ht=\"30\" customHeight=\"1\"" : "")>"
            xml += "<x:c r=\"A\(row)\"><x:v>\(row)</x:v></x:c><x:c r=\"B\(row)\" t=\"inlineStr\"><x:is><x:t>baris &amp; \(row)</x:t></x:is></x:c>"
            xml += "<x:c r=\"C\(row)\">\(formula)<x:v>\(row * 2)</x:v></x:c></x:row>"
        }
        xml += "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"D1:E2\"/></x:mergeCells></x:worksheet>"
        let bytes = Array(xml.utf8)
        guard case .success(let general) = Self.parse(bytes, fast: true, split: false) else {
            Issue.record("the sheet did not parse")
            return
        }
        let streamed = try #require(Self.stream(bytes, block: 512))
        guard case .success(let part) = streamed else {
            Issue.record("the stream failed: \(streamed)")
            return
        }
        #expect(Array(part.store) == general)
        #expect(part.store[part.store.count - 1].formula == "A2000*2")
        #expect(part.mergedRanges.map(\.a1) == ["D1:E2"])
        #expect(part.rows.map(\.row) == (1...2000).filter { $0 % 7 == 0 }.map { $0 - 1 })
        #expect(part.columns.first?.width == 20)
    }

    static let sheetParts: [String] = {
        var parts: [String] = []
        for path in Fixtures.files(in: "reader", suffix: ".xlsx") {
            guard let archive = try? ZipArchive(path: path, limits: ReadLimits()) else { continue }
            for entry in archive.entries.values where entry.name.hasPrefix("xl/worksheets/") && entry.name.hasSuffix(".xml") {
                parts.append(URL(fileURLWithPath: path).lastPathComponent + ":" + entry.name)
            }
        }
        return parts.sorted()
    }()

    @Test(arguments: sheetParts)
    func pathsAgreeOnFixtureSheets(part: String) throws {
        let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
        let archive = try ZipArchive(path: Fixtures.path("reader/\(pieces[0])"), limits: ReadLimits())
        let bytes = try archive.read(pieces[1]).withBytes { Array($0) }
        var strings = SharedStringsPart()
        if archive.contains("xl/sharedStrings.xml") {
            strings = try archive.read("xl/sharedStrings.xml").withBytes { (buffer) throws(ReaderError) in
                try SharedStringsPart.parse(buffer, part: "xl/sharedStrings.xml", maxDepth: 256)
            }
        }
        Self.expectAgreement(bytes, part, strings: strings)
        // The fixtures' sheets are valid: the general path must read them.
        if case .failure(let error) = Self.parse(bytes, fast: false, split: false, strings: strings) {
            Issue.record("\(part): \(error)")
        }
    }

    static let regressions: [String] = {
        let folder = Fixtures.root.appendingPathComponent("fuzz/regressions")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .map { folder.appendingPathComponent($0).path }
    }()

    @Test(arguments: regressions)
    func pathsAgreeOnFuzzerFindings(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        Self.expectAgreement(bytes, URL(fileURLWithPath: path).lastPathComponent)
    }

    @Test func rejectsAnOverlongCellReferenceWithoutOverflow() throws {
        let xml = "<worksheet><sheetData><row r=\"1\"><c r=\"BEEEEEEEEEEEEEEEEEEEEEEEEEEEE1\"><v>1</v></c></row></sheetData></worksheet>"
        guard case .failure(let error) = Self.parse(Array(xml.utf8), fast: true, split: false) else {
            Issue.record("an impossible reference was accepted")
            return
        }
        #expect(error.message.contains("'BEEEEEEEEEEEEEEEEEEEEEEEEEEEE1' is not a cell within the sheet limits"))
    }

    @Test func aSplitAtAFakeRowInsideCDATAFallsBackToOnePiece() {
        // "<row" inside a CDATA section looks like a cut point; the piece before it must refuse it.
        var xml = "<worksheet><sheetData>"
        for row in 1...400 {
            xml += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t><![CDATA[<row r=\"9\"><c r=\"Z9\">]]></t></is></c>"
            xml += "<c r=\"B\(row)\"><v>\(row)</v></c></row>"
        }
        xml += "</sheetData></worksheet>"
        Self.expectAgreement(Array(xml.utf8), "cdata-rows")
        guard case .success(let cells) = Self.parse(Array(xml.utf8), fast: true, split: true) else {
            Issue.record("the sheet did not parse")
            return
        }
        #expect(cells.count == 800)
        #expect(cells.allSatisfy { $0.address.column < 2 })
    }
}
