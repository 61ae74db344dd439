import CermatWorkbook
import CermatPlanning
import Foundation
import Yams

/// A `.cermat.yml`: what a team changes for its own workbooks. Every key is checked; an unknown one is an error.
public struct Configuration: Sendable {
    /// Settings for one sheet (by exact name).
    public struct SheetSettings: Hashable, Sendable {
        /// Rules that do not run on the sheet.
        public var disable: [String]
        /// Rule settings for the sheet only.
        public var rules: [String: RuleOverride]
    }

    /// Findings accepted with a reason (`suppress:`): one rule, narrowed by file, sheet, range or kode.
    public struct Suppression: Hashable, Sendable {
        /// The rule id.
        public var rule: String
        /// Why the findings are accepted; required.
        public var reason: String
        /// A file name or path pattern (`renja-*.xlsx`, shell wildcards), if narrowed to some workbooks.
        public var file: String?
        /// The sheet name, if narrowed to one sheet.
        public var sheet: String?
        /// The cells, if narrowed to a range (`U10:U40`).
        public var range: CellRange?
        /// The row's kode, if narrowed to one row and the rows below it (`1.06.01` covers `1.06.01.2.01`).
        public var kode: String?
        /// Where the entry is in the file (`suppress[2]`), for messages.
        public var place: String
    }

    /// The file it was read from, if any.
    public var path: String?
    /// `id` or `en`, if set.
    public var language: String?
    /// `error`, `warning`, `info` or `never`, if set.
    public var failOn: String?
    /// Rule settings for every sheet.
    public var rules: [String: RuleOverride] = [:]
    /// Settings by sheet name.
    public var sheets: [String: SheetSettings] = [:]
    /// Accepted findings, in the order written.
    public var suppressions: [Suppression] = []
    /// What document each sheet (by exact name) belongs to, when its workbook does not say.
    public var documents: [String: DocumentSetting] = [:]

    /// A sheet's document as the configuration states it (`documents: {"Sheet1": {type: renja, year: 2023}}`).
    public struct DocumentSetting: Hashable, Sendable {
        /// The kind of document.
        public var kind: DocumentKind
        /// The year it plans or reports, if stated.
        public var year: Int?
        /// Before or after perubahan, if stated.
        public var basis: DocumentClassification.Basis?
    }

    /// No configuration: the defaults of `rules/`.
    public init() {}

    /// The `.cermat.yml` in `directory` or the nearest folder above it, if there is one.
    public static func locate(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var folder = URL(fileURLWithPath: directory)
        while true {
            let candidate = folder.appendingPathComponent(".cermat.yml")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            if folder.path == "/" { return nil }
            folder.deleteLastPathComponent()
        }
    }

    /// Reads and checks a configuration file.
    public static func load(path: String) throws(KnowledgeError) -> Configuration {
        guard FileManager.default.fileExists(atPath: path) else { throw KnowledgeError(file: path, "does not exist") }
        var configuration = Configuration()
        configuration.path = path
        let root: Node.Mapping
        do {
            root = try YAMLFile.mapping(path)
        } catch {
            // An empty file is an empty configuration.
            if let data = FileManager.default.contents(atPath: path),
               String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                .allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") || $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                return configuration
            }
            throw error
        }
        try YAMLFile.checkKeys(root, allowed: Set(schema.map(\.name)), in: path, at: "the configuration")
        configuration.language = try YAMLFile.string(root, "language", in: path, required: false)
        if let language = configuration.language, !["id", "en"].contains(language) {
            throw KnowledgeError(file: path, "language must be 'id' or 'en', not '\(language)'")
        }
        configuration.failOn = try YAMLFile.string(root, "fail-on", in: path, required: false)
        if let failOn = configuration.failOn, !["error", "warning", "info", "never"].contains(failOn) {
            throw KnowledgeError(file: path, "fail-on must be error, warning, info or never, not '\(failOn)'")
        }
        configuration.rules = try ruleOverrides(root["rules"], in: path)
        for (key, node) in root["sheets"]?.mapping ?? [:] {
            guard let name = key.string, let sheet = node.mapping else {
                throw KnowledgeError(file: path, "each entry of 'sheets' maps a sheet name to its settings")
            }
            try YAMLFile.checkKeys(sheet, allowed: schemaKey("sheets").allowed, in: path, at: "sheet '\(name)'")
            configuration.sheets[name] = SheetSettings(disable: try YAMLFile.strings(sheet, "disable", in: path),
                                                       rules: try ruleOverrides(sheet["rules"], in: path))
        }
        configuration.suppressions = try suppressions(root["suppress"], in: path)
        for (key, node) in root["documents"]?.mapping ?? [:] {
            guard let name = key.string, let entry = node.mapping else {
                throw KnowledgeError(file: path, "each entry of 'documents' maps a sheet name to {type, year, basis}")
            }
            try YAMLFile.checkKeys(entry, allowed: schemaKey("documents").allowed, in: path, at: "documents of sheet '\(name)'")
            let type = try YAMLFile.string(entry, "type", in: path)!
            guard let kind = DocumentKind(rawValue: type) else {
                let known = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw KnowledgeError(file: path, "documents of sheet '\(name)': '\(type)' is not a document type (\(known))")
            }
            var year: Int?
            if let node = entry["year"] {
                guard let value = node.int, (1900...2200).contains(value) else {
                    throw KnowledgeError(file: path, "documents of sheet '\(name)': year must be a four-digit year")
                }
                year = value
            }
            var basis: DocumentClassification.Basis?
            if let text = try YAMLFile.string(entry, "basis", in: path, required: false) {
                guard let value = DocumentClassification.Basis(rawValue: text) else {
                    throw KnowledgeError(file: path, "documents of sheet '\(name)': basis must be murni or perubahan, not '\(text)'")
                }
                basis = value
            }
            configuration.documents[name] = DocumentSetting(kind: kind, year: year, basis: basis)
        }
        return configuration
    }

    // `suppress:` is a list; a reason is required, since an accepted finding without one cannot be reviewed.
    private static func suppressions(_ node: Node?, in path: String) throws(KnowledgeError) -> [Suppression] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            throw KnowledgeError(file: path, "'suppress' must be a list of entries such as {rule: capaian-formula, sheet: E-81, reason: …}")
        }
        var result: [Suppression] = []
        for (index, item) in sequence.enumerated() {
            let place = "suppress[\(index + 1)]"
            guard let entry = item.mapping else { throw KnowledgeError(file: path, "\(place) must be a mapping with rule and reason") }
            try YAMLFile.checkKeys(entry, allowed: schemaKey("suppress").allowed, in: path, at: place)
            guard let rule = try YAMLFile.string(entry, "rule", in: path, required: false) else {
                throw KnowledgeError(file: path, "\(place) names no rule")
            }
            let reason = (try YAMLFile.string(entry, "reason", in: path, required: false) ?? "").trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                throw KnowledgeError(file: path, "\(place) (\(rule)) gives no reason; write why the finding is accepted")
            }
            var range: CellRange?
            if let text = try YAMLFile.string(entry, "range", in: path, required: false) {
                guard let parsed = CellRange(a1: text) else {
                    throw KnowledgeError(file: path, "\(place): '\(text)' is not a cell range such as U10:U40")
                }
                range = parsed
            }
            result.append(Suppression(rule: rule, reason: reason, file: try YAMLFile.string(entry, "file", in: path, required: false),
                                      sheet: try YAMLFile.string(entry, "sheet", in: path, required: false), range: range,
                                      kode: try YAMLFile.string(entry, "kode", in: path, required: false), place: place))
        }
        return result
    }

    private static func schemaKey(_ name: String) -> ConfigurationKey {
        schema.first { $0.name == name }!
    }

    /// The rule ids the configuration names, with where it names them (to check them against the rules that exist).
    public var namedRules: [(id: String, place: String)] {
        var named = rules.keys.map { ($0, "rules") }
        for (sheet, settings) in sheets {
            named += settings.disable.map { ($0, "sheets.\(sheet).disable") }
            named += settings.rules.keys.map { ($0, "sheets.\(sheet).rules") }
        }
        named += suppressions.map { ($0.rule, $0.place) }
        return named.sorted { $0.0 < $1.0 }
    }

    /// Rule settings as a mapping `id: {severity, enabled, tolerance, parameters}` (also the format of defaults.yml).
    static func ruleOverrides(_ node: Node?, in path: String) throws(KnowledgeError) -> [String: RuleOverride] {
        var result: [String: RuleOverride] = [:]
        for (key, value) in node?.mapping ?? [:] {
            guard let id = key.string, let entry = value.mapping else {
                throw KnowledgeError(file: path, "each entry of 'rules' maps a rule id to its settings")
            }
            try YAMLFile.checkKeys(entry, allowed: schemaKey("rules").allowed, in: path, at: "rule '\(id)'")
            let severity = entry["severity"]?.string
            if let severity, !["error", "warning", "info"].contains(severity) {
                throw KnowledgeError(file: path, "rule '\(id)': severity must be error, warning or info, not '\(severity)'")
            }
            var parameters: [String: Double] = [:]
            for (name, number) in entry["parameters"]?.mapping ?? [:] {
                guard let name = name.string, let value = number.float else {
                    throw KnowledgeError(file: path, "rule '\(id)': parameters must be numbers")
                }
                parameters[name] = value
            }
            result[id] = RuleOverride(severity: severity, enabled: entry["enabled"]?.bool, tolerance: entry["tolerance"]?.float,
                                      parameters: parameters)
        }
        return result
    }
}
