import ArgumentParser
import CermatKnowledge
import CermatReporting
import CermatRules
import Foundation

/// `cermat init`: writes a commented `.cermat.yml` with every option and every rule at its default.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .cermat.yml with every option and every rule at its default.",
        discussion: "An existing file is not overwritten unless --force is given. Exit status 0 when written, 2 when it cannot be."
    )

    @Argument(help: ArgumentHelp("Where to write the configuration.", valueName: "FILE"))
    var path: String = ".cermat.yml"

    @Flag(help: "Overwrite the file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("The language of the comments: id (Bahasa Indonesia) or en.", valueName: "id|en"))
    var lang: Language = .id

    @Option(help: ArgumentHelp("The rules folder whose defaults to write; default: $CERMAT_RULES, else the one installed with cermat.",
                               valueName: "DIR"))
    var rules: String?

    func validate() throws {
        if !force, FileManager.default.fileExists(atPath: path) {
            throw ValidationError("'\(path)' already exists; give --force to overwrite it")
        }
    }

    func run() throws {
        // The defaults alone: a configuration found above the current folder must not leak into the new one.
        let knowledge = try Knowledge.load(rules)
        let linter = try Knowledge.linter(knowledge: knowledge, configuration: Configuration())
        let template = ConfigurationTemplate(catalogue: RuleCatalogue.of(linter, language: lang))
        try OutputFile.write(template.render(), to: path)
        Terminal.error(lang == .id ? "konfigurasi ditulis: \(path)" : "configuration written: \(path)")
    }
}
