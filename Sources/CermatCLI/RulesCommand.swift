import ArgumentParser
import CermatReporting
import CermatRules

/// `cermat rules`: every rule with its id, severity and name, or the whole reference as Markdown or JSON.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its id, severity (as configured) and name.",
        discussion: "`--format markdown` writes the reference page kept in docs/rules.md; `--format json` is for tools."
    )

    /// The listing formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, markdown, json
    }

    @Option(help: "text (one line per rule), markdown (the full reference) or json (for tools).")
    var format: Format = .text

    @OptionGroup var common: CommonOptions

    func run() throws {
        let linter = try Knowledge.linter(rules: common.rules, config: common.config)
        let catalogue = RuleCatalogue.of(linter, language: common.language(linter))
        switch format {
        case .text: print(catalogue.text(), terminator: "")
        case .markdown: print(catalogue.markdown(), terminator: "")
        case .json: print(catalogue.json(), terminator: "")
        }
    }
}
