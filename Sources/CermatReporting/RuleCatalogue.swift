import CermatRules

/// The rules as documentation: `cermat rules` (text, markdown, JSON), `cermat explain`, and the generated `docs/rules*.md`.
public struct RuleCatalogue: Sendable {
    /// One rule with the settings it runs with.
    public struct Entry: Sendable {
        /// What the rule is.
        public var info: RuleInfo
        /// Its effective settings (rules/defaults.yml overlaid by the configuration).
        public var settings: RuleSettings

        /// An entry.
        public init(info: RuleInfo, settings: RuleSettings) {
            self.info = info
            self.settings = settings
        }
    }

    /// The rules, in registry order.
    public var entries: [Entry]
    /// The language of names and descriptions (JSON carries both).
    public var language: Language

    /// A catalogue.
    public init(entries: [Entry], language: Language) {
        self.entries = entries
        self.language = language
    }

    /// The catalogue of a linter's rules with the settings they run with.
    public static func of(_ linter: Linter, language: Language) -> RuleCatalogue {
        RuleCatalogue(entries: linter.rules.map { Entry(info: $0.info, settings: linter.settings($0.info, sheet: nil)) },
                      language: language)
    }

    /// One line per rule: id, severity, catalogue ids, name; disabled rules marked.
    public func text() -> String {
        TextTable.render(entries.map { entry in
            [entry.info.id, entry.settings.enabled ? entry.settings.severity.rawValue : words.off,
             entry.info.catalogue.joined(separator: ","), entry.info.name.text(language)]
        })
    }

    /// Every rule with both languages, settings and examples, for tools.
    public func json() -> String {
        JSONValue.array(entries.map { entry in
            let info = entry.info
            return .object([
                ("id", .string(info.id)),
                ("catalogue", .array(info.catalogue.map(JSONValue.string))),
                ("severity", .string(entry.settings.severity.rawValue)),
                ("enabled", .bool(entry.settings.enabled)),
                ("name", Self.both(info.name)),
                ("description", Self.both(info.description)),
                ("rationale", Self.both(info.rationale)),
                ("parameters", .array(info.parameters.map { parameter in
                    .object([("name", .string(parameter.name)),
                             ("value", entry.settings.parameters[parameter.name].map(JSONValue.number) ?? .null),
                             ("description", Self.both(parameter.description))])
                })),
                ("examples", .array(info.examples.map { example in
                    .object([("note", .string(example.note)), ("triggers", .bool(example.triggers)),
                             ("rows", .array(example.rows.map { .array($0.map(JSONValue.string)) })),
                             ("sheets", .array(example.sheets.map { sheet in
                                 .object([("name", .string(sheet.name)),
                                          ("rows", .array(sheet.rows.map { .array($0.map(JSONValue.string)) }))])
                             }))])
                })),
            ])
        }).rendered()
    }

    /// The reference page: an index table, then each rule with its description, rationale, settings and examples.
    public func markdown() -> String {
        var out = "# \(words.title)\n\n\(words.generated)\n\n"
        out += "| \(words.rule) | \(words.catalogue) | \(words.severity) | \(words.name) |\n|---|---|---|---|\n"
        for entry in entries {
            out += "| [`\(entry.info.id)`](#\(entry.info.id)) | \(entry.info.catalogue.joined(separator: ", ")) | "
                + "\(entry.settings.severity.rawValue) | \(Self.cell(entry.info.name.text(language))) |\n"
        }
        for entry in entries {
            let info = entry.info
            out += "\n## \(info.id)\n\n**\(info.name.text(language))** · \(info.catalogue.joined(separator: ", ")) · "
                + "\(entry.settings.severity.rawValue)\(entry.settings.enabled ? "" : " (\(words.off))")\n\n"
                + info.description.text(language) + "\n\n*\(words.why)* " + info.rationale.text(language) + "\n"
            if !info.parameters.isEmpty {
                out += "\n" + parameters(entry).map { "- `\($0.name)`: \($0.value) — \($0.description)" }.joined(separator: "\n") + "\n"
            }
            for example in info.examples {
                out += "\n\(example.triggers ? words.flagged : words.clean): \(example.note)\n\n" + Self.markdownGrid(example)
            }
        }
        return out
    }

    /// What one rule checks, why, its settings and how to change them, and its examples, for a terminal.
    public func explain(_ entry: Entry) -> String {
        let info = entry.info
        var out = "\(info.id) (\(info.catalogue.joined(separator: ", "))): \(info.name.text(language))\n"
        out += "\(words.severity): \(entry.settings.severity.rawValue)\(entry.settings.enabled ? "" : " (\(words.off))")\n\n"
        out += info.description.text(language) + "\n\n\(words.why) " + info.rationale.text(language) + "\n"
        if !info.parameters.isEmpty {
            out += "\n\(words.parameters):\n" + parameters(entry).map { "  \($0.name): \($0.value)  (\($0.description))" }
                .joined(separator: "\n") + "\n"
        }
        for example in info.examples {
            out += "\n\(example.triggers ? words.flagged : words.clean): \(example.note)\n" + Self.textGrid(example)
        }
        out += "\n\(words.configure)\n  rules:\n    \(info.id): {severity: warning}   # \(words.or) {enabled: false}\n"
        return out
    }

    private func parameters(_ entry: Entry) -> [(name: String, value: String, description: String)] {
        entry.info.parameters.map { parameter in
            let value = entry.settings.parameters[parameter.name].map { Numeral.text($0, decimals: nil, language: language) } ?? "—"
            return (parameter.name, value, parameter.description.text(language))
        }
    }

    private var words: Words { Words(language: language) }

    private static func both(_ message: Message) -> JSONValue {
        .object([("id", .string(message.id)), ("en", .string(message.en))])
    }

    // Merge markers print as empty cells; a cell the rule flags is marked so the reader sees which.
    private static func cells(_ row: [String], plain: (String) -> String = { $0 }, flag: (String) -> String) -> [String] {
        row.map { cell in
            if cell == "<" || cell == "^" { return "" }
            return cell.hasPrefix("!") ? flag(plain(String(cell.dropFirst()))) : plain(cell)
        }
    }

    // Each sheet's grid, under its name when the example has several.
    private static func textGrid(_ example: RuleExample) -> String {
        example.sheets.map { sheet in
            (example.sheets.count > 1 ? "  '\(sheet.name)':\n" : "")
                + TextTable.render(sheet.rows.map { cells($0) { "[\($0)]" } }).split(separator: "\n").map { "  " + $0 }
                .joined(separator: "\n") + "\n"
        }.joined()
    }

    private static func markdownGrid(_ example: RuleExample) -> String {
        example.sheets.map { sheet in
            (example.sheets.count > 1 ? "*\(sheet.name)*\n\n" : "") + markdownGrid(sheet.rows)
        }.joined(separator: "\n")
    }

    private static func markdownGrid(_ grid: [[String]]) -> String {
        let width = grid.map(\.count).max() ?? 0
        var rows = grid.map { cells($0, plain: cell) { "**⚑ \($0)**" } }
        rows = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        guard let header = rows.first else { return "" }
        var out = "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: width) + "\n"
        for row in rows.dropFirst() { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// The catalogue's fixed words in one language.
    private struct Words {
        let language: Language
        var title: String { language == .id ? "Aturan Cermat" : "Cermat rules" }
        var generated: String {
            language == .id
                ? "Dihasilkan oleh `cermat rules --format markdown`; jangan disunting dengan tangan. Nomor katalog merujuk ke DOMAIN §5."
                : "Generated by `cermat rules --format markdown --lang en`; do not edit by hand. Catalogue ids refer to DOMAIN §5."
        }
        var rule: String { language == .id ? "Aturan" : "Rule" }
        var catalogue: String { language == .id ? "Katalog" : "Catalogue" }
        var severity: String { language == .id ? "Tingkat" : "Severity" }
        var name: String { language == .id ? "Nama" : "Name" }
        var why: String { language == .id ? "Mengapa:" : "Why:" }
        var parameters: String { language == .id ? "Parameter" : "Parameters" }
        var flagged: String { language == .id ? "Ditandai" : "Flagged" }
        var clean: String { language == .id ? "Tidak ditandai" : "Not flagged" }
        var off: String { language == .id ? "nonaktif" : "off" }
        var or: String { language == .id ? "atau" : "or" }
        var configure: String {
            language == .id ? "Ubah di .cermat.yml, misalnya:" : "Change it in .cermat.yml, for example:"
        }
    }
}
