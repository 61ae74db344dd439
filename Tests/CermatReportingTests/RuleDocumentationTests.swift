import CermatKnowledge
import CermatReporting
import CermatRules
import CermatTestSupport
import Foundation
import Testing

/// The rule reference in `docs/` is generated from the rules themselves; this keeps it current.
@Suite struct RuleDocumentationTests {
    @Test(arguments: [(Language.id, "docs/rules.md"), (Language.en, "docs/rules.en.md")])
    func generatedReferenceIsCurrent(language: Language, file: String) throws {
        let knowledge = try KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
        let generated = RuleCatalogue.of(try Linter(knowledge: knowledge), language: language).markdown()
        let committed = try String(contentsOf: Fixtures.root.appendingPathComponent(file), encoding: .utf8)
        #expect(committed == generated, "\(file) is out of date: run `bash scripts/docs.sh`")
    }

    @Test func referenceShowsEveryRuleWithItsExamples() {
        let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
        let markdown = RuleCatalogue.of(try! Linter(knowledge: knowledge), language: .id).markdown()
        for rule in RuleRegistry.all {
            #expect(markdown.contains("\n## \(rule.info.id)\n"))
            #expect(markdown.contains(rule.info.examples[0].note))
        }
        #expect(markdown.contains("**⚑ "))
    }
}
