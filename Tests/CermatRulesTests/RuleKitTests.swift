import CermatKnowledge
import CermatPlanning
import CermatReader
import CermatRules
import CermatTestSupport
import Testing

/// What the rules share to read a table (`RuleKit`), on recognised fixtures.
@Suite struct RuleKitTests {
    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)

    private func tables(_ path: String) throws -> [PlanningTable] {
        try Linter(knowledge: Self.knowledge).recognise(XLSXReader().read(path: Fixtures.path(path))).document.tables
    }

    // An E-81 without numbering ends in rata-rata and predikat rows; a Renja of seed 004 has none. The data rows leave
    // out the footers, keep every other row in order, and are the table's own rows when it has no footer.
    @Test func dataRowsLeaveOutTheFooters() throws {
        let footed = try tables("planning/e81-tanpa-nomor.xlsx").first { $0.rows.contains { $0.level == .footer } }
        let withFooters = try #require(footed)
        let data = withFooters.dataRows()
        #expect(!data.isEmpty && data.count < withFooters.rows.count)
        #expect(data.map(\.sheetRow) == withFooters.rows.filter { $0.level != .footer }.map(\.sheetRow))
        #expect(withFooters.dataRows([.program]).allSatisfy { $0.level == .program })
        let plain = try #require(tables("documents/004/renja-2023.xlsx").first)
        #expect(!plain.rows.contains { $0.level == .footer })
        #expect(plain.dataRows() == plain.rows)
    }
}
