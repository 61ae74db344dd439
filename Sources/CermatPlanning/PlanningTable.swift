import CermatWorkbook

/// A recognised planning table: where it is, what each column means, and its rows.
public struct PlanningTable: Sendable {
    private struct Fields: Sendable {
        var sheet: String
        var sheetIndex: Int
        var range: CellRange
        var form: String?
        var title: [String]
        var headerRows: ClosedRange<Int>
        var numberRow: Int?
        var repeatedHeaderRows: [Int]
        var columns: [PlanningColumn] {
            didSet { columnsByRole = Dictionary(grouping: columns, by: \.descriptor.role) }
        }
        // Rules ask for a table's columns of a role row after row: grouped once, whenever the columns change.
        var columnsByRole: [String: [PlanningColumn]] = [:]
        var derivations: [Derivation]
        var rows: [PlanningRow]
        var rowLayouts: [RowLayout]
        var remarks: [TableRemark]
        var classification: DocumentClassification? = nil
    }

    // Rules copy tables with every value they compare (a statement names its table): one shared box keeps that cheap.
    private var storage: CopyOnWrite<Fields>

    /// The sheet's name.
    public var sheet: String {
        _read { yield storage.value.sheet }
        _modify { yield &storage.value.sheet }
    }

    /// Zero-based index of the sheet in the workbook.
    public var sheetIndex: Int {
        _read { yield storage.value.sheetIndex }
        _modify { yield &storage.value.sheetIndex }
    }

    /// The cells the table covers, header to last row.
    public var range: CellRange {
        _read { yield storage.value.range }
        _modify { yield &storage.value.range }
    }

    /// The id of the form in `rules/forms/` the table was recognised as, or `nil` for a table read by its headers alone.
    public var form: String? {
        _read { yield storage.value.form }
        _modify { yield &storage.value.form }
    }

    /// The title lines printed above the header.
    public var title: [String] {
        _read { yield storage.value.title }
        _modify { yield &storage.value.title }
    }

    /// Zero-based sheet rows of the header block.
    public var headerRows: ClosedRange<Int> {
        _read { yield storage.value.headerRows }
        _modify { yield &storage.value.headerRows }
    }

    /// Zero-based sheet row of the column-number row, if the table has one.
    public var numberRow: Int? {
        _read { yield storage.value.numberRow }
        _modify { yield &storage.value.numberRow }
    }

    /// Zero-based sheet rows of header blocks repeated further down (page breaks).
    public var repeatedHeaderRows: [Int] {
        _read { yield storage.value.repeatedHeaderRows }
        _modify { yield &storage.value.repeatedHeaderRows }
    }

    /// The columns, left to right.
    public var columns: [PlanningColumn] {
        _read { yield storage.value.columns }
        _modify { yield &storage.value.columns }
    }

    /// The derived columns and how each is computed.
    public var derivations: [Derivation] {
        _read { yield storage.value.derivations }
        _modify { yield &storage.value.derivations }
    }

    /// The data rows (and footer rows), top to bottom.
    public var rows: [PlanningRow] {
        _read { yield storage.value.rows }
        _modify { yield &storage.value.rows }
    }

    /// Column orders some levels use instead of the header's; their rows' values are already placed by meaning.
    public var rowLayouts: [RowLayout] {
        _read { yield storage.value.rowLayouts }
        _modify { yield &storage.value.rowLayouts }
    }

    /// What recognition noticed but could not resolve (a header count that does not match the data, an ambiguous form).
    public var remarks: [TableRemark] {
        _read { yield storage.value.remarks }
        _modify { yield &storage.value.remarks }
    }

    /// Which document and year the table belongs to, once classified (`DocumentClassifier`).
    public var classification: DocumentClassification? {
        _read { yield storage.value.classification }
        _modify { yield &storage.value.classification }
    }

    /// A table.
    public init(sheet: String, sheetIndex: Int, range: CellRange, form: String?, title: [String], headerRows: ClosedRange<Int>,
                numberRow: Int?, repeatedHeaderRows: [Int], columns: [PlanningColumn], derivations: [Derivation],
                rows: [PlanningRow], rowLayouts: [RowLayout] = [], remarks: [TableRemark]) {
        storage = CopyOnWrite(Fields(sheet: sheet, sheetIndex: sheetIndex, range: range, form: form, title: title,
                                     headerRows: headerRows, numberRow: numberRow, repeatedHeaderRows: repeatedHeaderRows,
                                     columns: columns, columnsByRole: Dictionary(grouping: columns, by: \.descriptor.role),
                                     derivations: derivations, rows: rows, rowLayouts: rowLayouts, remarks: remarks))
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
        storage.value.columnsByRole[role] ?? []
    }
}
