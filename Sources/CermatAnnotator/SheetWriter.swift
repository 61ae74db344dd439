import CXlsxWriter
import CermatWorkbook

/// One worksheet of an `XlsxWriter`: typed calls over libxlsxwriter's worksheet functions, each failure named by sheet
/// and cell. The worksheet handle is borrowed from the workbook, which owns and frees it.
struct SheetWriter {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    /// The sheet's name, for messages.
    let name: String
    unowned let owner: XlsxWriter

    typealias Format = UnsafeMutablePointer<lxw_format>?

    private func check(_ status: lxw_error, _ row: Int, _ column: Int) throws(AnnotatorError) {
        guard status != LXW_NO_ERROR else { return }
        throw AnnotatorError(file: owner.path, sheet: name, cell: CellAddress(row: row, column: column).a1,
                             XlsxWriter.describe(status))
    }

    func number(_ row: Int, _ column: Int, _ value: Double, _ format: Format) throws(AnnotatorError) {
        try check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), value, format), row, column)
    }

    func string(_ row: Int, _ column: Int, _ value: String, _ format: Format) throws(AnnotatorError) {
        try check(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), value, format), row, column)
    }

    func boolean(_ row: Int, _ column: Int, _ value: Bool, _ format: Format) throws(AnnotatorError) {
        try check(worksheet_write_boolean(sheet, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, format), row, column)
    }

    func blank(_ row: Int, _ column: Int, _ format: Format) throws(AnnotatorError) {
        try check(worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), format), row, column)
    }

    /// A formula with its cached number.
    func formula(_ row: Int, _ column: Int, _ formula: String, _ format: Format, number: Double) throws(AnnotatorError) {
        try check(worksheet_write_formula_num(sheet, lxw_row_t(row), lxw_col_t(column), formula, format, number), row, column)
    }

    /// A formula with its cached text (a string result, or an error such as `#DIV/0!`).
    func formula(_ row: Int, _ column: Int, _ formula: String, _ format: Format, text: String) throws(AnnotatorError) {
        try check(worksheet_write_formula_str(sheet, lxw_row_t(row), lxw_col_t(column), formula, format, text), row, column)
    }

    /// An array formula over a range, anchored at its first cell.
    func arrayFormula(_ range: CellRange, _ formula: String, _ format: Format, number: Double) throws(AnnotatorError) {
        try check(worksheet_write_array_formula_num(sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                                    lxw_row_t(range.last.row), lxw_col_t(range.last.column), formula,
                                                    format, number), range.first.row, range.first.column)
    }

    /// A string in several fonts: each run with its own format.
    func richString(_ row: Int, _ column: Int, _ runs: [(text: String, format: Format)], _ format: Format) throws(AnnotatorError) {
        let texts = runs.map { strdup($0.text) }
        defer { texts.forEach { free($0) } }
        var tuples = zip(runs, texts).map { lxw_rich_string_tuple(format: $0.0.format, string: $0.1) }
        let status = tuples.withUnsafeMutableBufferPointer { buffer -> lxw_error in
            var pointers: [UnsafeMutablePointer<lxw_rich_string_tuple>?] = (0..<buffer.count).map { buffer.baseAddress! + $0 }
            pointers.append(nil)
            return pointers.withUnsafeMutableBufferPointer { list in
                worksheet_write_rich_string(sheet, lxw_row_t(row), lxw_col_t(column), list.baseAddress, format)
            }
        }
        try check(status, row, column)
    }

    /// A link to a place in the workbook (`'E-81'!U12`), shown as `text`.
    func internalLink(_ row: Int, _ column: Int, to target: String, text: String, _ format: Format) throws(AnnotatorError) {
        try check(worksheet_write_url(sheet, lxw_row_t(row), lxw_col_t(column), "internal:" + target, format), row, column)
        try string(row, column, text, format)
    }

    /// A note (legacy comment) on a cell.
    func note(_ row: Int, _ column: Int, _ text: String, author: String?, width: Int, height: Int) throws(AnnotatorError) {
        var options = lxw_comment_options()
        options.width = UInt16(clamping: width)
        options.height = UInt16(clamping: height)
        if let author { options.author = owner.kept(author) }
        try check(worksheet_write_comment_opt(sheet, lxw_row_t(row), lxw_col_t(column), text, &options), row, column)
    }

    /// A row's height (points; `nil` for the default), format and visibility.
    func row(_ row: Int, height: Double?, _ format: Format, hidden: Bool, level: Int) throws(AnnotatorError) {
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: UInt8(clamping: level), collapsed: 0)
        try check(worksheet_set_row_opt(sheet, lxw_row_t(row), height ?? LXW_DEF_ROW_HEIGHT, format, &options), row, 0)
    }

    /// A run of columns' width (characters, as libxlsxwriter takes it), format and visibility.
    func columns(_ first: Int, _ last: Int, width: Double, _ format: Format, hidden: Bool, level: Int) throws(AnnotatorError) {
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: UInt8(clamping: level), collapsed: 0)
        try check(worksheet_set_column_opt(sheet, lxw_col_t(first), lxw_col_t(last), width, format, &options), 0, first)
    }

    /// Declares a merged range; its cells are written like any other (see `cermat_declare_merged_range`).
    func merge(_ range: CellRange) throws(AnnotatorError) {
        try check(cermat_declare_merged_range(sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                              lxw_row_t(range.last.row), lxw_col_t(range.last.column)),
                  range.first.row, range.first.column)
    }

    /// An autofilter over a range (the findings table's header and rows).
    func autofilter(_ range: CellRange) throws(AnnotatorError) {
        try check(worksheet_autofilter(sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                       lxw_row_t(range.last.row), lxw_col_t(range.last.column)), range.first.row,
                  range.first.column)
    }

    /// Frozen rows and columns, with the first cell shown below and right of them.
    func freeze(rows: Int, columns: Int, topLeft: CellAddress?) {
        worksheet_freeze_panes_opt(sheet, lxw_row_t(rows), lxw_col_t(columns), lxw_row_t(topLeft?.row ?? rows),
                                   lxw_col_t(topLeft?.column ?? columns), 0)
    }

    /// The default row height in points.
    func defaultRowHeight(_ height: Double) {
        worksheet_set_default_row(sheet, height, 0)
    }

    /// Hides the sheet's grid lines (on screen and in print).
    func hideGridLines() {
        worksheet_gridlines(sheet, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
    }

    /// Hides the sheet tab.
    func hide() {
        worksheet_hide(sheet)
    }

    /// Makes it the sheet shown when the workbook opens.
    func activate() {
        worksheet_activate(sheet)
    }
}
