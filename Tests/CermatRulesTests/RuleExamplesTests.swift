import CermatKnowledge
import CermatRules
import CermatTestSupport
import CermatWorkbook
import Foundation
import Testing

/// Every rule's examples are its tests: a triggering example must be flagged exactly at its marked cells, a
/// non-triggering one not at all (SwiftLint's convention).
@Suite struct RuleExamplesTests {
    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)

    static let cases: [String] = RuleRegistry.all.flatMap { rule in
        rule.info.examples.indices.map { "\(rule.info.id)#\($0)" }
    }

    @Test(arguments: cases)
    func exampleFlagsExactlyItsMarkedCells(example: String) throws {
        let parts = example.split(separator: "#")
        let rule = try #require(RuleRegistry.rule(String(parts[0])))
        let sample = rule.info.examples[Int(parts[1])!]
        let (workbook, marked) = ExampleSheet.workbook(sheets: sample.sheets.map { ($0.name, $0.rows) })
        let linter = try Linter(knowledge: Self.knowledge, rules: [rule])
        // The sheets of one workbook are a document set: the checks across documents run over them too.
        let result = linter.lint(set: [workbook])[0]
        #expect(result.document.tables.count >= sample.sheets.count, "\(example) '\(sample.note)': a sheet without a table")
        let flagged = Set(result.findings.map { "'\($0.sheet)'!\($0.cell.a1)" })
        #expect(flagged == marked, """
            \(example) '\(sample.note)': flagged \(flagged.sorted()), marked \(marked.sorted())
            \(result.findings.map { "'\($0.sheet)'!\($0.cell.a1): \($0.message.id)" }.joined(separator: "\n"))
            """)
    }

    @Test func everyRuleHasBothKindsOfExampleAndADefault() {
        for rule in RuleRegistry.all {
            let info = rule.info
            let triggering = info.examples.filter { $0.triggers }.count
            #expect(triggering > 0, "\(info.id) has no triggering example")
            #expect(triggering < info.examples.count, "\(info.id) has no clean example")
            #expect(Self.knowledge.ruleDefaults[info.id] != nil, "\(info.id) is missing from rules/defaults.yml")
            #expect(info.id.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }, "\(info.id) is not kebab-case")
            #expect(!info.catalogue.isEmpty, "\(info.id) names no catalogue id")
        }
        #expect(Set(RuleRegistry.all.map { $0.info.id }).count == RuleRegistry.all.count, "rule ids repeat")
    }
}
