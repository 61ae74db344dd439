import ArgumentParser
import CermatReporting
import CermatRules

/// `cermat explain RULE`: what a rule checks, why, how to configure it, and its examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it checks, why it matters, its settings and its examples."
    )

    @Argument(help: ArgumentHelp("The rule id, as `cermat rules` lists it (for example capaian-formula).", valueName: "rule-id"))
    var rule: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let linter = try Knowledge.linter(rules: common.rules, config: common.config)
        let catalogue = RuleCatalogue.of(linter, language: common.language(linter))
        guard let entry = catalogue.entries.first(where: { $0.info.id == rule }) else {
            let close = catalogue.entries.map(\.info.id).filter { $0.contains(rule) || rule.contains($0) }
            let hint = close.isEmpty ? "`cermat rules` lists them" : "did you mean " + close.joined(separator: ", ") + "?"
            throw ValidationError("no rule '\(rule)': \(hint)")
        }
        print(catalogue.explain(entry), terminator: "")
    }
}
