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
    /// The readings of each workbook's tables (by member), shared by the rules of the run.
    let readings: [TableReadings]
    private let indexes: SubjectIndex.Cache

    /// A context; `indexes` and `readings` are shared by the rules of one run so that each is worked out once.
    init(members: [Linter.Member], knowledge: KnowledgeBase, settings: RuleSettings, rule: String, indexes: SubjectIndex.Cache,
         readings: [TableReadings]) {
        self.members = members
        self.knowledge = knowledge
        self.settings = settings
        self.rule = rule
        self.indexes = indexes
        self.readings = readings
    }

    /// Every table of the set matched by subject, at the rule's `similarity` threshold (or the default one).
    public var index: SubjectIndex {
        indexes.index(threshold: Self.threshold(settings))
    }

    /// The similarity threshold a rule's settings match subjects at: its `similarity` parameter, or the default one.
    static func threshold(_ settings: RuleSettings) -> Double {
        settings.parameters[RuleParameter.similarity.name] ?? SubjectIndex.defaultThreshold
    }

    /// Whether the set has more than one table for the subject index to read (evaluations aside): a check whose every
    /// finding names a place in another table has nothing to do without.
    public var hasTablesToCompare: Bool { Self.hasTablesToCompare(members) }

    /// `hasTablesToCompare` of a set, before any rule runs.
    public static func hasTablesToCompare(_ members: [Linter.Member]) -> Bool {
        members.reduce(0) { $0 + SubjectIndex.tables(of: $1).count } > 1
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
