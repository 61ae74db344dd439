import CermatKnowledge
import CermatRules

/// The commented `.cermat.yml` that `cermat init` writes: every key of the configuration and every rule, generated
/// from `Configuration.schema` and the rule registry so that it cannot go stale.
///
/// Lines beginning `## ` explain; lines beginning `# ` are examples that become valid settings when the `# ` is removed;
/// the active lines repeat the defaults (each rule `{}`: nothing changed).
public struct ConfigurationTemplate: Sendable {
    /// The rules with their default settings.
    public var catalogue: RuleCatalogue

    /// A template in the catalogue's language.
    public init(catalogue: RuleCatalogue) {
        self.catalogue = catalogue
    }

    /// The file's text.
    public func render() -> String {
        let language = catalogue.language
        let text: (ConfigurationKey) -> String = { language == .id ? $0.id : $0.en }
        var out = language == .id
            ? "## Konfigurasi Cermat (dibuat oleh cermat init \(CermatVersion.current)). Baris \"## \" menjelaskan; baris \"# \" adalah\n## contoh: hapus \"# \" untuk memakainya. Kunci yang tidak dikenal adalah kesalahan.\n"
            : "## Cermat configuration (written by cermat init \(CermatVersion.current)). Lines \"## \" explain; lines \"# \" are examples:\n## remove the \"# \" to use them. An unknown key is an error.\n"
        for key in Configuration.schema {
            out += "\n## \(key.name): \(text(key))\n"
            switch key.name {
            case "language":
                out += "language: \(language.rawValue)\n"
            case "rules":
                for setting in key.keys { out += "##   \(setting.name): \(text(setting))\n" }
                out += "rules:\n"
                for entry in catalogue.entries { out += rule(entry) }
            case "sheets":
                for setting in key.keys { out += "##   \(setting.name): \(text(setting))\n" }
                out += "# sheets:\n#   \(key.example):\n"
                for setting in key.keys { out += "#     \(setting.name): \(setting.example)\n" }
            case "suppress":
                for setting in key.keys { out += "##   \(setting.name): \(text(setting))\n" }
                out += "# suppress:\n"
                for (index, setting) in key.keys.enumerated() {
                    out += "#   \(index == 0 ? "- " : "  ")\(setting.name): \(setting.example)\n"
                }
            default:
                out += "\(key.name): \(key.example)\n"
            }
        }
        return out
    }

    // `id: {}` with the rule's name, default severity and parameters in a comment.
    private func rule(_ entry: RuleCatalogue.Entry) -> String {
        let language = catalogue.language
        var facts = [entry.settings.enabled ? entry.settings.severity.rawValue : (language == .id ? "nonaktif" : "off")]
        let parameters = entry.info.parameters.compactMap { parameter in
            entry.settings.parameters[parameter.name].map { value in
                "\(parameter.name): " + (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))
            }
        }
        if !parameters.isEmpty { facts.append("parameters: {" + parameters.joined(separator: ", ") + "}") }
        return "  ## \(entry.info.name.text(language)) (\(facts.joined(separator: "; ")))\n  \(entry.info.id): {}\n"
    }
}
