/// A whole workbook as read from a file: sheets in tab order, styles, names and what could not be read past.
public struct Workbook: Sendable {
    /// The file the workbook was read from, as given by the caller (used in every message and finding).
    public var source: String
    /// Worksheets in tab order.
    public var sheets: [Worksheet]
    /// Resolved cell styles; `Cell.styleIndex` points here. Index 0 is the default style.
    public var styles: [CellStyle]
    /// Defined names.
    public var definedNames: [DefinedName]
    /// Whether date serials count from 1904-01-01 instead of 1899-12-30.
    public var date1904: Bool
    /// The theme's colours in `clrScheme` order (dk1, lt1, dk2, lt2, accent1…6, hlink, folHlink), if any.
    public var themeColors: [UInt32]
    /// The workbook's own legacy palette, replacing the default 64 colours when present.
    public var indexedColors: [UInt32]
    /// Zero-based index of the sheet shown first.
    public var activeSheet: Int
    /// Content present in the file that Cermat does not model.
    public var unsupportedContent: Set<UnsupportedContent>

    /// A workbook.
    public init(source: String, sheets: [Worksheet], styles: [CellStyle] = [.standard], definedNames: [DefinedName] = [],
                date1904: Bool = false, themeColors: [UInt32] = [], indexedColors: [UInt32] = [], activeSheet: Int = 0,
                unsupportedContent: Set<UnsupportedContent> = []) {
        self.source = source
        self.sheets = sheets
        self.styles = styles.isEmpty ? [.standard] : styles
        self.definedNames = definedNames
        self.date1904 = date1904
        self.themeColors = themeColors
        self.indexedColors = indexedColors
        self.activeSheet = activeSheet
        self.unsupportedContent = unsupportedContent
    }

    /// The style of a cell; the default style when the index is out of range.
    public func style(of cell: Cell) -> CellStyle {
        cell.styleIndex < styles.count ? styles[cell.styleIndex] : styles[0]
    }

    /// The number format of a cell: what `style(of:)` gives, without copying the rest of the style.
    public func numberFormat(of cell: Cell) -> NumberFormat {
        cell.styleIndex < styles.count ? styles[cell.styleIndex].numberFormat : styles[0].numberFormat
    }

    /// The sheet with a name (exact match), if any.
    public func sheet(named name: String) -> Worksheet? {
        sheets.first { $0.name == name }
    }
}
