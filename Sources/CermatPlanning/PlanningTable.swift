import CermatWorkbook

/// A recognised planning table: where it is, what each column means, and its rows.
public struct PlanningTable: Sendable {
    /// The sheet's name.
    public var sheet: String
    /// Zero-based index of the sheet in the workbook.
    public var sheetIndex: Int
    /// The cells the table covers, header to last row.
    public var range: CellRange
    /// The id of the form in `rules/forms/` the table was recognised as, or `nil` for a table read by its headers alone.
    public var form: String?
    /// The title lines printed above the header.
    public var title: [String]
    /// Zero-based sheet rows of the header block.
    public var headerRows: ClosedRange<Int>
    /// Zero-based sheet row of the column-number row, if the table has one.
    public var numberRow: Int?
    /// Zero-based sheet rows of header blocks repeated further down (page breaks).
    public var repeatedHeaderRows: [Int]
    /// The columns, left to right.
    public var columns: [PlanningColumn]
    /// The derived columns and how each is computed.
    public var derivations: [Derivation]
    /// The data rows (and footer rows), top to bottom.
    public var rows: [PlanningRow]
    /// Column orders some levels use instead of the header's; their rows' values are already placed by meaning.
    public var rowLayouts: [RowLayout]
    /// What recognition noticed but could not resolve (a header count that does not match the data, an ambiguous form).
    public var remarks: [TableRemark]
    /// Which document and year the table belongs to, once classified (`DocumentClassifier`).
    public var classification: DocumentClassification?

    /// A table.
    public init(sheet: String, sheetIndex: Int, range: CellRange, form: String?, title: [String], headerRows: ClosedRange<Int>,
                numberRow: Int?, repeatedHeaderRows: [Int], columns: [PlanningColumn], derivations: [Derivation],
                rows: [PlanningRow], rowLayouts: [RowLayout] = [], remarks: [TableRemark]) {
        self.sheet = sheet
        self.sheetIndex = sheetIndex
        self.range = range
        self.form = form
        self.title = title
        self.headerRows = headerRows
        self.numberRow = numberRow
        self.repeatedHeaderRows = repeatedHeaderRows
        self.columns = columns
        self.derivations = derivations
        self.rows = rows
        self.rowLayouts = rowLayouts
        self.remarks = remarks
    }

    /// The column at a zero-based sheet column, if it belongs to the table.
    public func column(at index: Int) -> PlanningColumn? {
        columns.first { $0.index == index }
    }

    /// The columns with a descriptor, in order (several when a table repeats one, like E-81's `Rp=14`).
    public func columns(_ descriptor: ColumnDescriptor) -> [PlanningColumn] {
        columns.filter { $0.descriptor == descriptor }
    }

    /// The columns with a role, in order.
    public func columns(role: String) -> [PlanningColumn] {
        columns.filter { $0.descriptor.role == role }
    }
}
