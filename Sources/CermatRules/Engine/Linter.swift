import CermatKnowledge
import Dispatch
import CermatPlanning
import CermatRecognition
import CermatWorkbook

/// Runs every enabled rule on a workbook: recognition, then the rules with their settings, then ordering and
/// fingerprints. The configuration is checked when the linter is made: an unknown rule id is an error.
public struct Linter: Sendable {
    /// What a run found in one workbook.
    public struct Result: Sendable {
        /// The recognised tables.
        public var document: PlanningDocument
        /// The findings, in DESIGN §4 order, with fingerprints.
        public var findings: [Finding]
        /// Seconds spent recognising the tables (wall time), then in each rule (CPU time, by id, less the readings it made
        /// for every rule: `readings.timings`), for `lint --timings`.
        public var timings: [(step: String, seconds: Double)]
        /// What the rules read from the tables, for the checks across documents to read again without working it out.
        public var readings: TableReadings
    }

    /// One workbook of a document set, with its recognised and classified tables.
    public struct Member: Sendable {
        /// The workbook as read.
        public var workbook: Workbook
        /// Its tables, each classified as a document of the planning chain.
        public var document: PlanningDocument
        /// The readings of its tables, shared with its own rules when they ran (or run) beside the checks across documents.
        public var readings: TableReadings

        /// A member.
        public init(workbook: Workbook, document: PlanningDocument, readings: TableReadings = TableReadings()) {
            self.workbook = workbook
            self.document = document
            self.readings = readings
        }
    }

    /// The rules folder's knowledge.
    public let knowledge: KnowledgeBase
    /// The user's configuration.
    public let configuration: Configuration
    /// The rules that run.
    public let rules: [any Rule.Type]

    /// A linter; throws when the configuration or the defaults name a rule that does not exist.
    public init(knowledge: KnowledgeBase, configuration: Configuration = Configuration(),
                rules: [any Rule.Type] = RuleRegistry.all) throws(KnowledgeError) {
        self.knowledge = knowledge
        self.configuration = configuration
        self.rules = rules
        let known = Set(RuleRegistry.all.map { $0.info.id })
        for (id, place) in configuration.namedRules where !known.contains(id) {
            throw KnowledgeError(file: configuration.path ?? ".cermat.yml",
                                 "unknown rule '\(id)' in \(place); `cermat rules` lists the rules")
        }
        for id in knowledge.ruleDefaults.keys where !known.contains(id) {
            throw KnowledgeError(file: knowledge.folder + "/defaults.yml", "unknown rule '\(id)'")
        }
        try Self.checkParameters(knowledge.ruleDefaults, file: knowledge.folder + "/defaults.yml")
        for type in RuleRegistry.all {
            let given = knowledge.ruleDefaults[type.info.id]?.parameters ?? [:]
            for parameter in type.info.parameters where given[parameter.name] == nil {
                throw KnowledgeError(file: knowledge.folder + "/defaults.yml",
                                     "rule '\(type.info.id)' needs a value for its parameter '\(parameter.name)'")
            }
        }
        try Self.checkParameters(configuration.rules, file: configuration.path ?? ".cermat.yml")
        for settings in configuration.sheets.values {
            try Self.checkParameters(settings.rules, file: configuration.path ?? ".cermat.yml")
        }
    }

    /// Recognises and classifies the workbook's tables and checks them, each workbook on its own (the checks across
    /// documents are `checkAcross`).
    public func lint(_ workbook: Workbook) -> Result {
        let recognised = recognise(workbook)
        var result = check(workbook, recognised.document)
        result.timings.insert(("recognition", recognised.seconds), at: 0)
        return result
    }

    /// Recognises and classifies the workbook's tables, with the seconds it took (wall time).
    public func recognise(_ workbook: Workbook) -> (document: PlanningDocument, seconds: Double) {
        let start = DispatchTime.now()
        let document = DocumentClassifier(knowledge: knowledge, settings: configuration.documents)
            .classify(TableRecognizer(knowledge: knowledge).recognise(workbook))
        return (document, Self.seconds(since: start))
    }

    /// Checks already recognised tables: every rule at once, one per core, each with its own contexts, all sharing
    /// `readings`, the readings the rules declare made first.
    public func check(_ workbook: Workbook, _ document: PlanningDocument, readings: TableReadings = TableReadings()) -> Result {
        // Each table's readings that a rule enabled on its sheet declares, once each: taken first from the same queue as
        // the rules, so that a core that has made one goes on with a rule rather than wait for the others.
        let preparing = document.tables.flatMap { table in
            var kinds: [any TableReading.Type] = []
            for type in rules where settings(type.info, sheet: table.sheet).enabled {
                for kind in type.readings where !kinds.contains(where: { ObjectIdentifier($0) == ObjectIdentifier(kind) }) {
                    kinds.append(kind)
                }
            }
            return kinds.map { (table: table, kind: $0) }
        }
        let runs = Parallel.map(preparing.count + rules.count) { index -> (findings: [Finding], seconds: Double) in
            guard index >= preparing.count else {
                let (table, kind) = preparing[index]
                _ = kind.of(table, in: RuleContext(workbook: workbook, document: document, knowledge: knowledge,
                                                    settings: RuleSettings(severity: .info), rule: "", readings: readings))
                return ([], 0)
            }
            // The thread's own CPU time (wall time would count the waits of rules sharing a core), less the readings it
            // made for every rule.
            let measured = ThreadClock.own { run(rules[index - preparing.count], workbook, document, readings) }
            return (findings: measured.value, seconds: measured.seconds)
        }.dropFirst(preparing.count)
        var findings = runs.flatMap(\.findings)
        findings.sort(by: Finding.ordered)
        for (index, fingerprint) in Fingerprint.assign(findings).enumerated() { findings[index].fingerprint = fingerprint }
        return Result(document: document, findings: findings,
                      timings: zip(rules, runs).map { ($0.0.info.id, $0.1.seconds) }, readings: readings)
    }

    /// Lints workbooks as one document set: each on its own, then across them all; the findings across documents are
    /// added to the result of the workbook each lies in, and the time they took is the step `across` of every result.
    public func lint(set workbooks: [Workbook]) -> [Result] {
        var results = workbooks.map(lint)
        let start = DispatchTime.now()
        let across = checkAcross(zip(workbooks, results).map { Member(workbook: $0.0, document: $0.1.document,
                                                                      readings: $0.1.readings) })
        let seconds = Self.seconds(since: start)
        results = Self.adding(across, to: results, of: workbooks)
        for index in results.indices { results[index].timings.insert(("across", seconds), at: 1) }
        return results
    }

    /// Each workbook's result with the findings across documents that lie in it, in DESIGN §4 order.
    public static func adding(_ across: [Finding], to results: [Result], of workbooks: [Workbook]) -> [Result] {
        let byFile = Dictionary(grouping: across, by: \.file)
        return zip(workbooks, results).map { workbook, result in
            var result = result
            result.findings = (result.findings + (byFile[workbook.source] ?? [])).sorted(by: Finding.ordered)
            return result
        }
    }

    /// Runs the checks across documents over a whole set: every rule's `check(set:in:)`, one per core, over one shared
    /// matching of subjects. The findings are in set order (workbook, then DESIGN §4 order) with fingerprints.
    public func checkAcross(_ members: [Linter.Member]) -> [Finding] {
        checkAcrossWithTimings(members).findings
    }

    /// `checkAcross`, with the seconds it spent building the subject index (wall time) and then in each rule (CPU time,
    /// by id), for `lint --timings`, and the subject indexes it built: freed when the caller lets go of them (a command
    /// about to exit holds them, rather than free hundreds of thousands of items one by one first).
    public func checkAcrossWithTimings(_ members: [Linter.Member])
        -> (findings: [Finding], timings: [(step: String, seconds: Double)], indexes: AnyObject) {
        let columns = SetColumns(members: members, knowledge: knowledge)
        let uses = rules.map { type in settings(type.info, sheet: nil).enabled ? type.indexUse(in: columns) : .none }
        let indexes = SubjectIndex.Cache(columns: columns, knowledge: knowledge, names: uses.contains(.names))
        // Each index the rules will read is built before they start, on every core: built by the first rule to ask, it
        // kept the others waiting on it, each holding a core. A set in which no rule reads one is not indexed.
        let started = DispatchTime.now()
        let thresholds = zip(rules, uses).compactMap { type, use -> Double? in
            use != .none && type.info.parameters.contains(where: { $0.name == RuleParameter.similarity.name })
                ? SetContext.threshold(settings(type.info, sheet: nil)) : nil
        }
        for threshold in Set(thresholds) { _ = indexes.index(threshold: threshold) }
        let indexSeconds = Self.seconds(since: started)
        let readings = members.map(\.readings)
        let runs = Parallel.map(rules.count) { index -> (findings: [Finding], seconds: Double) in
            let type = rules[index]
            let base = settings(type.info, sheet: nil)
            guard base.enabled else { return ([], 0) }
            let measured = ThreadClock.own {
                let context = SetContext(members: members, knowledge: knowledge, settings: base, rule: type.info.id,
                                         indexUse: uses[index], indexes: indexes, readings: readings)
                type.init().check(set: members, in: context)
                return following(context.findings, sheetsOf: type.info, base: base)
            }
            return (measured.value, measured.seconds)
        }
        let order = Dictionary(members.enumerated().map { ($0.element.workbook.source, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var findings = runs.flatMap(\.findings)
        findings.sort { a, b in
            let fileA = order[a.file] ?? Int.max, fileB = order[b.file] ?? Int.max
            return fileA != fileB ? fileA < fileB : Finding.ordered(a, b)
        }
        for (index, fingerprint) in Fingerprint.assign(findings).enumerated() { findings[index].fingerprint = fingerprint }
        return (findings, [("subject index", indexSeconds)] + zip(rules, runs).map { ($0.0.info.id, $0.1.seconds) }, indexes)
    }

    // One rule over every table, then over the whole workbook, with the settings of each sheet.
    private func run(_ type: any Rule.Type, _ workbook: Workbook, _ document: PlanningDocument, _ readings: TableReadings) -> [Finding] {
        var findings: [Finding] = []
        let rule = type.init()
        let id = type.info.id
        let base = settings(type.info, sheet: nil)
        var contexts: [RuleSettings: RuleContext] = [:]
        for table in document.tables {
            let settings = settings(type.info, sheet: table.sheet)
            guard settings.enabled else { continue }
            let context = contexts[settings] ?? RuleContext(workbook: workbook, document: document, knowledge: knowledge,
                                                            settings: settings, rule: id, readings: readings)
            contexts[settings] = context
            rule.check(table: table, in: context)
        }
        if base.enabled {
            let context = RuleContext(workbook: workbook, document: document, knowledge: knowledge, settings: base, rule: id,
                                      readings: readings)
            rule.check(document: document, in: context)
            findings += following(context.findings, sheetsOf: type.info, base: base)
        }
        for context in contexts.values { findings += context.findings }
        return findings
    }

    // Findings made with a rule's base settings (over a whole workbook or set), each following the settings of its sheet:
    // left out where the rule is off, given the sheet's severity where it has another.
    private func following(_ findings: [Finding], sheetsOf info: RuleInfo, base: RuleSettings) -> [Finding] {
        findings.compactMap { finding in
            let sheetSettings = settings(info, sheet: finding.sheet)
            guard sheetSettings.enabled else { return nil }
            var adjusted = finding
            if sheetSettings.severity != base.severity { adjusted.severity = sheetSettings.severity }
            return adjusted
        }
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// A rule's settings on a sheet: its declared default, `rules/defaults.yml`, the configuration, the sheet's settings.
    public func settings(_ info: RuleInfo, sheet: String?) -> RuleSettings {
        var merged = RuleOverride(severity: info.severity.rawValue, enabled: true)
        if let defaults = knowledge.ruleDefaults[info.id] { merged = merged.overlaid(by: defaults) }
        if let configured = configuration.rules[info.id] { merged = merged.overlaid(by: configured) }
        if let sheet, let sheetSettings = configuration.sheets[sheet] {
            if let configured = sheetSettings.rules[info.id] { merged = merged.overlaid(by: configured) }
            if sheetSettings.disable.contains(info.id) { merged.enabled = false }
        }
        return RuleSettings(enabled: merged.enabled ?? true, severity: Severity(rawValue: merged.severity ?? "") ?? info.severity,
                            tolerance: merged.tolerance, parameters: merged.parameters)
    }

    // A parameter the rule does not declare is a typo that would silently change nothing.
    private static func checkParameters(_ overrides: [String: RuleOverride], file: String) throws(KnowledgeError) {
        for (id, override) in overrides {
            guard let info = RuleRegistry.rule(id)?.info else { continue }
            let declared = Set(info.parameters.map(\.name))
            for name in override.parameters.keys.sorted() where !declared.contains(name) {
                let known = declared.isEmpty ? "it has none" : "it has " + declared.sorted().joined(separator: ", ")
                throw KnowledgeError(file: file, "rule '\(id)' has no parameter '\(name)' (\(known))")
            }
        }
    }
}
