@testable import CermatReader
import CermatTestSupport
import CermatWorkbook
import Foundation
import Testing

/// Our reader against independent readers, fixture by fixture and cell by cell (fixtures/reader/README.md).
///
/// The reference is the fixture's `.expected.json` when its author wrote one; otherwise openpyxl's dump, except for the
/// cells an oracle note shows openpyxl gets wrong, where python-calamine's reading is used.
@Suite struct ConformanceTests {
    static let fixtures = Fixtures.files(in: "reader", suffix: ".xlsx").map { URL(fileURLWithPath: $0).lastPathComponent }

    @Test func everyWriterIsCovered() {
        let writers = Set(Self.fixtures.map { $0.split(separator: "-").first.map(String.init) ?? "" })
        #expect(writers.isSuperset(of: ["openpyxl", "xlsxwriter", "libxlsxwriter", "libreoffice", "excel"]))
    }

    /// Each fixture read the ordinary way, then with every sheet streamed in blocks of 256 bytes (`WorksheetStream`).
    @Test(arguments: fixtures, [false, true])
    func agreesWithTheIndependentReader(fixture: String, streamed: Bool) throws {
        let reference = try Reference(fixture: fixture)
        var reader = XLSXReader()
        if streamed { reader.streaming = (threshold: 0, block: 256) }
        let workbook = try reader.read(path: Fixtures.path("reader/\(fixture)"), name: fixture)
        #expect(workbook.date1904 == reference.date1904, "date system")
        #expect(workbook.sheets.map(\.name) == reference.sheets.map(\.name), "sheet names and order")
        for (sheet, expected) in zip(workbook.sheets, reference.sheets) {
            compare(sheet, expected, reference: reference, workbook: workbook)
        }
    }

    private func compare(_ sheet: Worksheet, _ expected: Reference.Sheet, reference: Reference, workbook: Workbook) {
        let at = "\(sheet.name)"
        #expect(sheet.visibility.rawValue == expected.state ?? "visible", "\(at): visibility")
        #expect(sheet.mergedRanges.map(\.a1).sorted() == (expected.merged ?? []).sorted(), "\(at): merged ranges")
        if let freeze = expected.freeze {
            let pane = sheet.pane.map { CellAddress(row: $0.rows, column: $0.columns).a1 }
            #expect(sheet.pane?.frozen == true && pane == freeze, "\(at): frozen pane")
        }
        let hiddenRows = sheet.rows.filter(\.hidden).map { $0.row + 1 }
        #expect(hiddenRows == expected.hiddenRows ?? [], "\(at): hidden rows")
        let hiddenColumns = sheet.columns.filter(\.hidden).flatMap { ($0.first...$0.last).map(CellAddress.columnName) }
        #expect(hiddenColumns == expected.hiddenColumns ?? [], "\(at): hidden columns")
        for (letter, width) in expected.columnWidths ?? [:] {
            let column = CellAddress.columnIndex(letter)!
            #expect(sheet.columnInfo(column)?.width == width, "\(at): width of column \(letter)")
        }
        for (row, height) in expected.rowHeights ?? [:] {
            #expect(sheet.rowInfo(Int(row)! - 1)?.height == height, "\(at): height of row \(row)")
        }
        #expect(Dictionary(uniqueKeysWithValues: sheet.notes.map { ($0.address.a1, $0.text) }) == expected.notes ?? [:],
                "\(at): notes")
        let cells = sheet.cells.filter(\.hasContent)
        #expect(cells.map(\.address.a1) == expected.cells.map(\.ref), "\(at): which cells hold something")
        for (cell, wanted) in zip(cells, expected.cells) where cell.address.a1 == wanted.ref {
            let style = workbook.style(of: cell)
            let place = "\(at)!\(wanted.ref)"
            let value = reference.value(wanted, sheet: sheet.name)
            #expect(cell.formula == wanted.formula, "\(place): formula")
            #expect(style.numberFormat.code == wanted.numberFormat ?? "General", "\(place): number format")
            #expect(style.font.bold == wanted.bold ?? false && style.font.italic == wanted.italic ?? false,
                    "\(place): bold/italic")
            #expect(Reference.Value(cell.value, format: style.numberFormat, date1904: workbook.date1904) == value,
                    "\(place): value \(cell.value) vs \(value)")
        }
    }
}

/// A fixture's reference reading, from its JSON files (decoded with JSONDecoder: JSONSerialization rounds doubles wrongly).
private struct Reference {
    /// A value as the dumps write it, with our values mapped onto the same shape.
    enum Value: Equatable, CustomStringConvertible {
        case number(Double), string(String), boolean(Bool), error(String), date(Double), none

        init(type: String, _ value: JSONValue?) {
            switch (type, value) {
            case (_, nil), (_, .null?): self = .none
            case ("b", .bool(let flag)?): self = .boolean(flag)
            case ("e", .text(let code)?): self = .error(code)
            case ("date", .number(let serial)?): self = .date(serial)
            case (_, .number(let number)?): self = .number(number)
            case (_, .text(let text)?): self = .string(text)
            case (_, .bool(let flag)?): self = .boolean(flag)
            }
        }

        init(_ value: CellValue, format: NumberFormat, date1904: Bool) {
            switch value {
            case .empty: self = .none
            case .number(let number): self = format.isDate ? .date(number) : .number(number)
            case .string(let text): self = .string(text)
            case .boolean(let flag): self = .boolean(flag)
            case .error(let code): self = .error(code)
            case .date(let iso): self = .date(Reference.serial(iso: iso, date1904: date1904))
            }
        }

        var description: String {
            switch self {
            case .number(let number): return "number \(number)"
            case .string(let text): return "string \(text.debugDescription)"
            case .boolean(let flag): return "boolean \(flag)"
            case .error(let code): return "error \(code)"
            case .date(let serial): return "date \(serial)"
            case .none: return "none"
            }
        }
    }

    /// A JSON scalar.
    enum JSONValue: Decodable, Equatable {
        case null, bool(Bool), number(Double), text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .text(try container.decode(String.self)) }
        }
    }

    struct Cell: Decodable {
        let ref: String
        let type: String
        let value: JSONValue?
        let formula: String?
        let numberFormat: String?
        let bold: Bool?
        let italic: Bool?

        enum CodingKeys: String, CodingKey {
            case ref, type, value, formula, bold, italic
            case numberFormat = "number_format"
        }
    }

    struct Sheet: Decodable {
        let name: String
        let state: String?
        let merged: [String]?
        let freeze: String?
        let hiddenRows: [Int]?
        let hiddenColumns: [String]?
        let columnWidths: [String: Double]?
        let rowHeights: [String: Double]?
        let notes: [String: String]?
        var cells: [Cell]

        enum CodingKeys: String, CodingKey {
            case name, state, merged, freeze, notes, cells
            case hiddenRows = "hidden_rows", hiddenColumns = "hidden_columns", columnWidths = "column_widths"
            case rowHeights = "row_heights"
        }
    }

    struct Document: Decodable {
        let date1904: Bool?
        let sheets: [Sheet]
        let oracleNotes: [String]?

        enum CodingKeys: String, CodingKey {
            case date1904, sheets
            case oracleNotes = "oracle_notes"
        }
    }

    let date1904: Bool
    let sheets: [Sheet]
    /// Cell values that replace the sheet's own, by "Sheet!A1" (python-calamine for disputed openpyxl cells).
    let overrides: [String: Value]

    init(fixture: String) throws {
        let stem = Fixtures.path("reader/" + fixture.replacingOccurrences(of: ".xlsx", with: ""))
        func load(_ suffix: String) throws -> Document? {
            guard let data = FileManager.default.contents(atPath: stem + suffix) else { return nil }
            return try JSONDecoder().decode(Document.self, from: data)
        }
        let dump = try #require(try load(".cells.json"), "\(fixture) has no .cells.json")
        let expected = try load(".expected.json")
        let root = expected ?? dump
        date1904 = root.date1904 ?? false
        sheets = root.sheets
        var overrides: [String: Value] = [:]
        if expected == nil, let calamine = try load(".calamine.json") {
            let prefix = "openpyxl vs python-calamine: "
            let disputed = Set((dump.oracleNotes ?? []).compactMap { note -> String? in
                guard note.hasPrefix(prefix) else { return nil }
                let rest = note.dropFirst(prefix.count)
                return rest.firstIndex(of: ":").map { String(rest[..<$0]) }
            })
            for sheet in calamine.sheets {
                for cell in sheet.cells where disputed.contains("\(sheet.name)!\(cell.ref)") {
                    overrides["\(sheet.name)!\(cell.ref)"] = Value(type: cell.type, cell.value)
                }
            }
        }
        self.overrides = overrides
    }

    /// The expected value of a cell.
    func value(_ cell: Cell, sheet: String) -> Value {
        overrides["\(sheet)!\(cell.ref)"] ?? Value(type: cell.type, cell.value)
    }

    // "2024-01-31T13:45:30" or "2024-01-31" as a serial number.
    static func serial(iso: String, date1904: Bool) -> Double {
        let parts = iso.split(whereSeparator: { "-T:".contains($0) }).map { Double($0) ?? 0 }
        guard parts.count >= 3 else { return .nan }
        let seconds = parts.count >= 6 ? parts[3] * 3600 + parts[4] * 60 + parts[5] : 0
        return ExcelDate.serial(year: Int(parts[0]), month: Int(parts[1]), day: Int(parts[2]), secondsOfDay: seconds,
                                date1904: date1904)
    }
}
