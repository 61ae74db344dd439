import ArgumentParser
import CermatRules

/// The options every command that reads rules shares: the rules folder, the configuration and the language.
struct CommonOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The configuration file; default: .cermat.yml in the current folder or the nearest folder above.",
                               valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("The language of messages: id (Bahasa Indonesia) or en; default: the configuration's, else id.",
                               valueName: "id|en"))
    var lang: Language?

    @Option(help: ArgumentHelp("The rules folder (table forms, vocabulary, scales, rule defaults); default: $CERMAT_RULES, else the one installed with cermat.",
                               valueName: "DIR"))
    var rules: String?

    /// The language asked for, else the configuration's, else Bahasa Indonesia.
    func language(_ linter: Linter) -> Language {
        lang ?? linter.configuration.language.flatMap(Language.init(rawValue:)) ?? .id
    }
}

extension Language: ExpressibleByArgument {}
