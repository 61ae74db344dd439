import CermatKnowledge
import CermatPlanning
import CermatWorkbook
import Foundation

/// What a rule sees while it checks a whole document set, and where it reports: one context per rule per run.
public final class SetContext: @unchecked Sendable {
    /// The workbooks of the set, in input order, with their classified tables.
    public let members: [Linter.Member]
    /// The forms, vocabulary and scales.
    public let knowledge: KnowledgeBase
    /// The rule's settings for this run.
    public let settings: RuleSettings
    /// The rule's id.
    public let rule: String
    /// What the rule found so far.
    public private(set) var findings: [Finding] = []
    /// How much of the subject index the rule reads in this set (its `Rule.indexUse`).
    public let indexUse: IndexUse
    /// The readings of each workbook's tables (by member), shared by the rules of the run.
    let readings: [TableReadings]
    private let indexes: SubjectIndex.Cache

    /// A context; `indexes` and `readings` are shared by the rules of one run so that each is worked out once.
    init(members: [Linter.Member], knowledge: KnowledgeBase, settings: RuleSettings, rule: String, indexUse: IndexUse,
         indexes: SubjectIndex.Cache, readings: [TableReadings]) {
        self.members = members
        self.knowledge = knowledge
        self.settings = settings
        self.rule = rule
        self.indexUse = indexUse
        self.indexes = indexes
        self.readings = readings
    }

    /// The value columns of the set's tables, read from their headers.
    public var columns: SetColumns { indexes.columns }

    /// Whether the rule reads the subject index in this set: else it can find nothing there through it.
    public var readsIndex: Bool { indexUse != .none }

    /// Every table of the set matched by subject, at the rule's `similarity` threshold (or the default one).
    public var index: SubjectIndex {
        assert(readsIndex, "a rule reads the subject index of a set only where its Rule.indexUse says so")
        return indexes.index(threshold: Self.threshold(settings))
    }

    /// The similarity threshold a rule's settings match subjects at: its `similarity` parameter, or the default one.
    static func threshold(_ settings: RuleSettings) -> Double {
        settings.parameters[RuleParameter.similarity.name] ?? SubjectIndex.defaultThreshold
    }

    /// Reports a finding at a place, naming the related places; the key comes from the row.
    public func report(at place: SubjectIndex.Place, column: ColumnDescriptor?, message: Message, expected: Double? = nil,
                       actual: Double? = nil, related: [SubjectIndex.Place]) {
        let member = members[place.member]
        let row = place.row
        findings.append(Finding(rule: rule, severity: settings.severity, file: member.workbook.source, sheet: place.table.sheet,
                                sheetIndex: place.table.sheetIndex, cell: place.cell, message: message, expected: expected,
                                actual: actual, key: Finding.Key(kode: row.kode, indicator: row.indicator ?? row.name),
                                column: column,
                                related: related.map { Finding.Location(file: members[$0.member].workbook.source,
                                                                        sheet: $0.table.sheet, cell: $0.cell) }))
    }

    /// Reports a finding made by hand.
    public func report(_ finding: Finding) {
        var finding = finding
        finding.rule = rule
        findings.append(finding)
    }
}
