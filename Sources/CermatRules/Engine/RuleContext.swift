import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// What a rule sees while it checks one workbook, and where it reports: one context per rule per workbook.
public final class RuleContext {
    /// The workbook as read.
    public let workbook: Workbook
    /// Its recognised tables.
    public let document: PlanningDocument
    /// The forms, vocabulary and scales.
    public let knowledge: KnowledgeBase
    /// The rule's settings for this run.
    public let settings: RuleSettings
    /// The rule's id.
    public let rule: String
    /// The readings of tables the rules of this run share.
    public let readings: TableReadings
    /// What the rule found so far.
    public private(set) var findings: [Finding] = []
    // The texts of the table the rule last read: a rule reads one table's cells row after row, and asking the run's
    // shared readings for each cell took a lock and a lookup every time.
    private var lastTexts: (sheetIndex: Int, range: CellRange, texts: TableTexts)?

    /// A context.
    public init(workbook: Workbook, document: PlanningDocument, knowledge: KnowledgeBase, settings: RuleSettings, rule: String,
                readings: TableReadings = TableReadings()) {
        self.workbook = workbook
        self.readings = readings
        self.document = document
        self.knowledge = knowledge
        self.settings = settings
        self.rule = rule
    }

    /// The tolerance to compare printed values with.
    public var tolerance: Tolerance { Tolerance(override: settings.tolerance) }

    /// Reports a finding at a cell of a table's row.
    public func report(_ table: PlanningTable, row: PlanningRow?, cell: CellAddress, column: ColumnDescriptor?,
                       message: Message, expected: Double? = nil, actual: Double? = nil, related: [CellAddress] = [],
                       severity: Severity? = nil) {
        let key = Finding.Key(kode: row?.kode, indicator: row?.indicator ?? row?.name)
        findings.append(Finding(rule: rule, severity: severity ?? settings.severity, file: workbook.source, sheet: table.sheet,
                                sheetIndex: table.sheetIndex, cell: cell, message: message, expected: expected,
                                actual: actual, key: key, column: column,
                                related: related.map { Finding.Location(file: workbook.source, sheet: table.sheet, cell: $0) }))
    }

    /// Reports a finding whose related cells may lie in other tables, sheets or workbooks.
    public func report(_ finding: Finding) {
        var finding = finding
        finding.rule = rule
        findings.append(finding)
    }

    /// The texts of a table's cells, read once per run and shared by every rule (`TableTexts`).
    func texts(of table: PlanningTable) -> TableTexts {
        if let last = lastTexts, last.sheetIndex == table.sheetIndex, last.range == table.range { return last.texts }
        let texts = TableTexts.of(table, in: self)
        lastTexts = (table.sheetIndex, table.range, texts)
        return texts
    }

    /// The sheet (as read) a table lies on.
    public func sheet(of table: PlanningTable) -> Worksheet {
        workbook.sheets[table.sheetIndex]
    }
}
