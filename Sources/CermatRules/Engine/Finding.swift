import CermatPlanning
import CermatWorkbook

/// One thing found wrong: where, what, how sure, and what it should have been. A value, never a thrown error.
public struct Finding: Hashable, Sendable {
    /// Another cell a finding relies on (an operand of a formula, the same indicator in another document).
    public struct Location: Hashable, Sendable {
        /// The workbook file.
        public var file: String
        /// The sheet.
        public var sheet: String
        /// The cell.
        public var cell: CellAddress

        /// A location.
        public init(file: String, sheet: String, cell: CellAddress) {
            self.file = file
            self.sheet = sheet
            self.cell = cell
        }
    }

    /// The row a finding is about, by what identifies it across versions of the workbook.
    public struct Key: Hashable, Sendable {
        /// The row's kode, if it has one.
        public var kode: String?
        /// The row's indicator (or, without one, its name).
        public var indicator: String?

        /// A key.
        public init(kode: String?, indicator: String?) {
            self.kode = kode
            self.indicator = indicator
        }
    }

    /// The rule's id (`capaian-formula`).
    public var rule: String
    /// How serious it is.
    public var severity: Severity
    /// The workbook file.
    public var file: String
    /// The sheet.
    public var sheet: String
    /// Zero-based index of the sheet, for ordering.
    public var sheetIndex: Int
    /// The one cell that is wrong.
    public var cell: CellAddress
    /// The whole range, when the finding is about a range.
    public var range: CellRange?
    /// What is wrong, in both languages.
    public var message: Message
    /// The value the cell should hold, when the finding is numeric.
    public var expected: Double?
    /// The value it holds.
    public var actual: Double?
    /// The row's key.
    public var key: Key
    /// The column's meaning (for the fingerprint: stable when rows or columns are inserted).
    public var column: ColumnDescriptor?
    /// Other cells involved.
    public var related: [Location]
    /// A stable identity (DESIGN §4), assigned once all findings of a run are known.
    public var fingerprint: String = ""

    /// A finding.
    public init(rule: String, severity: Severity, file: String, sheet: String, sheetIndex: Int, cell: CellAddress,
                range: CellRange? = nil, message: Message, expected: Double? = nil, actual: Double? = nil, key: Key,
                column: ColumnDescriptor?, related: [Location] = []) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.sheet = sheet
        self.sheetIndex = sheetIndex
        self.cell = cell
        self.range = range
        self.message = message
        self.expected = expected
        self.actual = actual
        self.key = key
        self.column = column
        self.related = related
    }

    /// The order of DESIGN §4: file (by the caller), sheet order, row, column, rule.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if a.sheetIndex != b.sheetIndex { return a.sheetIndex < b.sheetIndex }
        if a.cell.row != b.cell.row { return a.cell.row < b.cell.row }
        if a.cell.column != b.cell.column { return a.cell.column < b.cell.column }
        return a.rule < b.rule
    }
}
