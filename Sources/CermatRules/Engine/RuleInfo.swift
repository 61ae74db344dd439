/// What a rule is: its stable id, names, default severity, what it checks and why, and its examples.
public struct RuleInfo: Sendable {
    /// The stable kebab-case id (`capaian-formula`).
    public var id: String
    /// The catalogue ids of DOMAIN §5 it implements (`CAL01`).
    public var catalogue: [String]
    /// Its name.
    public var name: Message
    /// The severity it reports with unless configured otherwise.
    public var severity: Severity
    /// What it checks.
    public var description: Message
    /// Why it matters.
    public var rationale: Message
    /// The thresholds it reads, with their defaults.
    public var parameters: [RuleParameter]
    /// Grids it must flag and grids it must leave alone: its documentation and its tests.
    public var examples: [RuleExample]

    /// A rule description.
    public init(id: String, catalogue: [String], name: Message, severity: Severity, description: Message, rationale: Message,
                parameters: [RuleParameter] = [], examples: [RuleExample]) {
        self.id = id
        self.catalogue = catalogue
        self.name = name
        self.severity = severity
        self.description = description
        self.rationale = rationale
        self.parameters = parameters
        self.examples = examples
    }
}

/// A small sheet (or several) for a rule to read: rows of cell texts, with the cells the rule must flag marked `!`.
///
/// Cells are written as a planner types them (`- 100`, `6.675.575.000,00`, `98,15%`); `<` merges a cell with the one to
/// its left and `^` with the one above, for multi-row headers; `text [[note]]` gives the cell a note. An example either
/// triggers (it marks cells) or not. A rule that compares documents gets one grid per sheet, named as a planner would
/// name the sheet (`Renstra`, `PK 2023`): the sheets of one workbook are a document set.
public struct RuleExample: Sendable {
    /// One sheet of an example.
    public struct Sheet: Sendable {
        /// The sheet's name.
        public var name: String
        /// The rows, top to bottom; `!` before a cell's text marks a cell the rule must flag.
        public var rows: [[String]]

        /// A sheet.
        public init(_ name: String, _ rows: [[String]]) {
            self.name = name
            self.rows = rows
        }
    }

    /// The sheets, in order (one for most rules).
    public var sheets: [Sheet]
    /// A note on what the example shows, for the documentation.
    public var note: String

    /// An example of one sheet.
    public init(_ note: String, _ rows: [[String]]) {
        self.note = note
        self.sheets = [Sheet("Contoh", rows)]
    }

    /// An example of several sheets, one document each.
    public init(_ note: String, sheets: [Sheet]) {
        self.note = note
        self.sheets = sheets
    }

    /// The rows of the first sheet.
    public var rows: [[String]] { sheets[0].rows }

    /// Whether the rule must flag something in it.
    public var triggers: Bool { sheets.contains { $0.rows.contains { $0.contains { $0.hasPrefix("!") } } } }
}
