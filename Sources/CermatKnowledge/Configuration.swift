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
        try YAMLFile.checkKeys(root, allowed: ["language", "fail-on", "rules", "sheets", "documents"], in: path, at: "the configuration")
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
            try YAMLFile.checkKeys(sheet, allowed: ["disable", "rules"], in: path, at: "sheet '\(name)'")
            configuration.sheets[name] = SheetSettings(disable: try YAMLFile.strings(sheet, "disable", in: path),
                                                       rules: try ruleOverrides(sheet["rules"], in: path))
        }
        for (key, node) in root["documents"]?.mapping ?? [:] {
            guard let name = key.string, let entry = node.mapping else {
                throw KnowledgeError(file: path, "each entry of 'documents' maps a sheet name to {type, year, basis}")
            }
            try YAMLFile.checkKeys(entry, allowed: ["type", "year", "basis"], in: path, at: "documents of sheet '\(name)'")
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

    /// The rule ids the configuration names, with where it names them (to check them against the rules that exist).
    public var namedRules: [(id: String, place: String)] {
        var named = rules.keys.map { ($0, "rules") }
        for (sheet, settings) in sheets {
            named += settings.disable.map { ($0, "sheets.\(sheet).disable") }
            named += settings.rules.keys.map { ($0, "sheets.\(sheet).rules") }
        }
        return named.sorted { $0.0 < $1.0 }
    }

    /// Rule settings as a mapping `id: {severity, enabled, tolerance, parameters}` (also the format of defaults.yml).
    static func ruleOverrides(_ node: Node?, in path: String) throws(KnowledgeError) -> [String: RuleOverride] {
        var result: [String: RuleOverride] = [:]
        for (key, value) in node?.mapping ?? [:] {
            guard let id = key.string, let entry = value.mapping else {
                throw KnowledgeError(file: path, "each entry of 'rules' maps a rule id to its settings")
            }
            try YAMLFile.checkKeys(entry, allowed: ["severity", "enabled", "tolerance", "parameters"], in: path, at: "rule '\(id)'")
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
