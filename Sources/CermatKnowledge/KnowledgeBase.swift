import CermatPlanning
import Foundation
import Yams

/// Everything in the `rules/` folder, loaded and checked.
public struct KnowledgeBase: Sendable {
    /// The table forms, in file-name order.
    public var forms: [TableForm]
    /// The vocabulary.
    public var vocabulary: Vocabulary
    /// Every rule's default settings (`rules/defaults.yml`).
    public var ruleDefaults: [String: RuleOverride]
    /// The predicate and category scales (`rules/scales/`), in file-name order.
    public var scales: [Scale] = []
    /// The folder the knowledge was loaded from.
    public var folder: String
    /// Document kinds and name spellings (`vocabulary/documents.yml`, `vocabulary/spellings.yml`).
    public var documents = DocumentVocabulary()

    /// Loads `folder` (a `rules/` directory); every file is checked, and the first problem is reported with its file.
    public static func load(folder: String) throws(KnowledgeError) -> KnowledgeBase {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KnowledgeError(file: folder, "the rules folder does not exist")
        }
        let formFolder = folder + "/forms"
        let formFiles = ((try? manager.contentsOfDirectory(atPath: formFolder)) ?? []).filter { $0.hasSuffix(".yml") }.sorted()
        var forms: [TableForm] = []
        for name in formFiles {
            let form = try FormFile.load(formFolder + "/" + name)
            if forms.contains(where: { $0.id == form.id }) {
                throw KnowledgeError(file: formFolder + "/" + name, "a second form with id '\(form.id)'")
            }
            forms.append(form)
        }
        let vocabulary = try VocabularyFiles.load(folder + "/vocabulary")
        let scaleFolder = folder + "/scales"
        var scales: [Scale] = []
        for name in ((try? manager.contentsOfDirectory(atPath: scaleFolder)) ?? []).filter({ $0.hasSuffix(".yml") }).sorted() {
            let scale = try ScaleFile.load(scaleFolder + "/" + name)
            if scales.contains(where: { $0.id == scale.id }) {
                throw KnowledgeError(file: scaleFolder + "/" + name, "a second scale with id '\(scale.id)'")
            }
            scales.append(scale)
        }
        let defaultsPath = folder + "/defaults.yml"
        let defaults = try YAMLFile.mapping(defaultsPath)
        try YAMLFile.checkKeys(defaults, allowed: ["rules"], in: defaultsPath, at: "the file")
        let ruleDefaults = try Configuration.ruleOverrides(defaults["rules"], in: defaultsPath)
        var knowledge = KnowledgeBase(forms: forms, vocabulary: vocabulary, ruleDefaults: ruleDefaults, scales: scales,
                                      folder: folder)
        knowledge.documents = try DocumentVocabulary.load(folder + "/vocabulary")
        return knowledge
    }

    /// The scale with an id.
    public func scale(_ id: String) -> Scale? {
        scales.first { $0.id == id }
    }

    /// The form with an id.
    public func form(_ id: String) -> TableForm? {
        forms.first { $0.id == id }
    }

    /// Where the `rules/` folder is: `$CERMAT_RULES`; else `share/cermat/rules` beside the executable's `bin/`; else the
    /// first `rules/` folder (holding `forms/`) in the executable's folder or above it (a build inside the repository).
    public static func locate(executable: String = CommandLine.arguments.first ?? "") -> String? {
        let manager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["CERMAT_RULES"] { return override }
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = directory.deletingLastPathComponent().appendingPathComponent("share/cermat/rules")
        if manager.fileExists(atPath: installed.appendingPathComponent("forms").path) { return installed.path }
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("rules")
            if manager.fileExists(atPath: candidate.appendingPathComponent("forms").path) { return candidate.path }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}

/// Reading YAML files strictly: unknown keys are errors, so a misspelt option never passes silently.
enum YAMLFile {
    /// The file's root mapping.
    static func mapping(_ path: String) throws(KnowledgeError) -> Node.Mapping {
        guard let data = FileManager.default.contents(atPath: path) else { throw KnowledgeError(file: path, "cannot be read") }
        let text = String(decoding: data, as: UTF8.self)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw KnowledgeError(file: path, "is not valid YAML: \(error)")
        }
        guard let mapping = node?.mapping else { throw KnowledgeError(file: path, "must hold a mapping of keys to values") }
        return mapping
    }

    /// Checks that a mapping uses only `allowed` keys.
    static func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, in path: String, at place: String) throws(KnowledgeError) {
        for key in mapping.keys {
            guard let name = key.string, allowed.contains(name) else {
                let line = key.mark.map { " (line \($0.line))" } ?? ""
                throw KnowledgeError(file: path, "unknown key '\(key.string ?? "?")' in \(place)\(line); known keys: \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }

    /// A string value.
    static func string(_ mapping: Node.Mapping, _ key: String, in path: String, required: Bool = true) throws(KnowledgeError) -> String? {
        guard let node = mapping[key] else {
            if required { throw KnowledgeError(file: path, "'\(key)' is missing") }
            return nil
        }
        guard let value = node.string else { throw KnowledgeError(file: path, "'\(key)' must be text") }
        return value
    }

    /// A list of strings (a single string counts as a list of one).
    static func strings(_ mapping: Node.Mapping, _ key: String, in path: String) throws(KnowledgeError) -> [String] {
        guard let node = mapping[key] else { return [] }
        if let single = node.string { return [single] }
        guard let sequence = node.sequence else { throw KnowledgeError(file: path, "'\(key)' must be a list of text") }
        var values: [String] = []
        for item in sequence {
            guard let value = item.string else { throw KnowledgeError(file: path, "'\(key)' must be a list of text") }
            values.append(value)
        }
        return values
    }

    /// A column rule entry: `{when: [...], number: "13", is: target/K/tahun}`.
    static func columnRule(_ node: Node, in path: String) throws(KnowledgeError) -> ColumnRule {
        guard let mapping = node.mapping else { throw KnowledgeError(file: path, "a column entry must be a mapping") }
        try checkKeys(mapping, allowed: ["when", "number", "is"], in: path, at: "a column entry")
        let patterns = try strings(mapping, "when", in: path)
        let number = mapping["number"].flatMap { $0.string }
        guard !patterns.isEmpty || number != nil else {
            throw KnowledgeError(file: path, "a column entry needs 'when' patterns or a 'number'")
        }
        var compiled: [HeaderPattern] = []
        for pattern in patterns { compiled.append(try HeaderPattern(pattern, file: path)) }
        let descriptor = try string(mapping, "is", in: path)!
        return ColumnRule(when: compiled, number: number, descriptor: ColumnDescriptor(descriptor))
    }
}
