/// Content a workbook has that Cermat reads past and an annotated copy cannot carry over.
public enum UnsupportedContent: String, Hashable, Sendable, CaseIterable {
    /// Charts (drawings of chart parts, or chartsheets).
    case charts
    /// Pictures in drawings.
    case images
    /// Pivot tables and their caches.
    case pivotTables
    /// Threaded comments (modern comments); their legacy-note fallback is kept.
    case threadedComments
    /// VBA macros.
    case macros
    /// Excel tables (list objects); the cells are kept, the table definition is not.
    case tables
    /// Conditional formatting rules.
    case conditionalFormatting
    /// Data validation rules (drop-down lists).
    case dataValidation
    /// Hyperlinks in cells.
    case hyperlinks
}
