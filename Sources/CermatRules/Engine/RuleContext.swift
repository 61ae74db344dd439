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
    // The text columns of the table the rule last read, by sheet column from the table's first: a rule reads one
    // table's cells row after row, and asking the run's shared readings for each cell took two locks and a lookup
    // every time.
    private var lastTexts: (sheetIndex: Int, range: CellRange, columns: [TextColumn])?

    // A column of `lastTexts`: not asked for yet, or its texts (`nil` for a measured column).
    private enum TextColumn {
        case unread
        case read(TableTexts.Column?)
    }

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

    /// The text a cell of a table shows, trimmed (a number as Indonesian text); empty for an empty or missing cell.
    func text(_ table: PlanningTable, row sheetRow: Int, column: Int) -> String {
        if let text = texts(table, column: column)?.text(sheetRow: sheetRow, in: table) { return text }
        // A cell outside the table's text columns is read from the sheet.
        return TableTexts.shown(sheet(of: table).value(row: sheetRow, column: column))
    }

    /// A text column of a table, each row's text as an index into the column's distinct texts (`TableTexts.Column`),
    /// for a rule that judges each text once; `nil` for a measured column or one outside the table.
    func texts(_ table: PlanningTable, column: Int) -> TableTexts.Column? {
        if lastTexts?.sheetIndex != table.sheetIndex || lastTexts?.range != table.range {
            lastTexts = (table.sheetIndex, table.range, Array(repeating: .unread, count: table.range.columnCount))
        }
        let slot = column - table.range.first.column
        guard slot >= 0, slot < lastTexts!.columns.count else { return nil }
        switch lastTexts!.columns[slot] {
        case .read(let known):
            return known
        case .unread:
            let texts = TableTexts.of(table, in: self).texts(column: column, in: readings)
            lastTexts!.columns[slot] = .read(texts)
            return texts
        }
    }

    /// The sheet (as read) a table lies on.
    public func sheet(of table: PlanningTable) -> Worksheet {
        workbook.sheets[table.sheetIndex]
    }
}
