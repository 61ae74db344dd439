import CermatKnowledge
import CermatPlanning
import CermatReader
import CermatRecognition
import CermatTestSupport
import CermatWorkbook
import Foundation
import Testing

/// Recognition against the golden description of every planning fixture (fixtures/planning/*.tables.json), written
/// by the fixture builder from where it placed each table, not by running Cermat.
@Suite struct RecognitionGoldenTests {
    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
    static let goldens = Fixtures.files(in: "planning", suffix: ".tables.json").map { URL(fileURLWithPath: $0).lastPathComponent }

    @Test(arguments: goldens)
    func recognisesEveryTableAsDescribed(golden: String) throws {
        let expected = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: URL(fileURLWithPath: Fixtures.path("planning/\(golden)"))))
        let workbook = try XLSXReader().read(path: Fixtures.path("planning/\(expected.workbook)"), name: expected.workbook)
        let document = TableRecognizer(knowledge: Self.knowledge).recognise(workbook)
        let found = document.tables.map { "\($0.sheet)!\($0.range.a1)" }
        #expect(document.tables.count == expected.tables.count, "\(golden): tables found \(found)")
        for wanted in expected.tables {
            guard let table = document.tables.first(where: { $0.sheet == wanted.sheet && $0.range.first.row + 1 == wanted.headerRows[0] })
            else {
                Issue.record("\(golden): no table on '\(wanted.sheet)' with its header at row \(wanted.headerRows[0]); found \(found)")
                continue
            }
            compare(table, wanted, in: golden)
        }
        for sheet in expected.unrecognised ?? [] {
            let reason = document.unrecognised.first { $0.sheet == sheet.sheet }?.reason
            #expect(reason != nil, "\(golden): sheet '\(sheet.sheet)' should be reported without a table")
        }
    }

    private func compare(_ table: PlanningTable, _ wanted: Golden.Table, in golden: String) {
        let at = "\(golden) '\(wanted.sheet)'"
        #expect(table.range.a1 == wanted.range, "\(at): range")
        // A golden "other" is a table no form describes.
        #expect(table.form == (wanted.form == "other" ? nil : wanted.form), "\(at): form")
        #expect([table.headerRows.lowerBound + 1, table.headerRows.upperBound + 1] == wanted.headerRows, "\(at): header rows")
        #expect(table.numberRow.map { $0 + 1 } == wanted.numberRow, "\(at): column-number row")
        // The golden's data rows end before a total row that closes the table (a leading total, as in Renja-P, is data).
        var data = table.rows.filter { $0.level != .footer }
        while data.count > 1, data.last?.level == .total { data.removeLast() }
        let last = data.map { ([$0.sheetRow] + $0.continuationRows).max()! }.max()
        #expect([data.first.map { $0.sheetRow + 1 }, last.map { $0 + 1 }] == wanted.dataRows.map(Optional.some), "\(at): data rows")
        #expect(table.repeatedHeaderRows.map { $0 + 1 } == (wanted.repeatedHeaderRows ?? []), "\(at): repeated header rows")
        let continuations = table.rows.flatMap(\.continuationRows).map { $0 + 1 }.sorted()
        #expect(continuations == (wanted.continuationRows ?? []).sorted(), "\(at): continuation rows")
        for (letter, descriptor) in wanted.columns.sorted(by: { $0.key.count == $1.key.count ? $0.key < $1.key : $0.key.count < $1.key.count }) {
            let column = table.column(at: CellAddress.columnIndex(letter)!)
            let found = column?.descriptor.description
            #expect(found == descriptor, "\(at): column \(letter) '\(column?.header.joined(separator: " › ") ?? "")'")
        }
        var counts: [String: Int] = [:]
        for row in table.rows { counts[row.level.rawValue, default: 0] += 1 }
        #expect(counts == wanted.rows, "\(at): rows by level")
        let stated = Set(table.derivations.filter { $0.source == .numberRow }.map(\.text).compactMap(Self.statement))
        let expectedStatements = Set(wanted.derived.compactMap(Self.statement))
        #expect(stated == expectedStatements, "\(at): formulas of the column-number row")
    }

    // "13 = 12 / 7 * 100" and "13=(12/7)*100%" both become "13=#12 / #7 × 100"; "Rp=14" stays a sub-column statement.
    static func statement(_ text: String) -> String? {
        let sides = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard sides.count == 2, let expression = ColumnExpression.parse(sides[1]) else { return nil }
        // "15 Rp = 14" names the group and the sub-column; the number row itself prints only "Rp=14".
        let target = sides[0].lowercased().split(separator: " ").last.map(String.init) ?? ""
        return "\(target)=\(expression)"
    }
}

/// A golden file's content.
private struct Golden: Decodable {
    struct Table: Decodable {
        let sheet: String
        let range: String
        let form: String?
        let headerRows: [Int]
        let numberRow: Int?
        let dataRows: [Int]
        let repeatedHeaderRows: [Int]?
        let continuationRows: [Int]?
        let columns: [String: String]
        let rows: [String: Int]
        let derived: [String]

        enum CodingKeys: String, CodingKey {
            case sheet, range, form, columns, rows, derived
            case headerRows = "header_rows", numberRow = "number_row", dataRows = "data_rows"
            case repeatedHeaderRows = "repeated_header_rows", continuationRows = "continuation_rows"
        }
    }

    struct Sheet: Decodable {
        let sheet: String
        let reason: String?
    }

    let workbook: String
    let tables: [Table]
    let unrecognised: [Sheet]?
}
