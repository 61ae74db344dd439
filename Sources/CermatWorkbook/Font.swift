/// A cell font as far as the linter and the annotated copy need it.
public struct Font: Hashable, Sendable {
    /// Typeface name, e.g. `Calibri`.
    public var name: String?
    /// Size in points.
    public var size: Double?
    /// Bold: in planning tables, often the mark of a program row.
    public var bold: Bool
    /// Italic: often the mark of a kegiatan row.
    public var italic: Bool
    /// Underline style (`single`, `double`, `singleAccounting`, `doubleAccounting`), `nil` for none.
    public var underline: String?
    /// Strikethrough.
    public var strike: Bool
    /// `superscript` or `subscript`, `nil` for the baseline.
    public var verticalAlign: String?
    /// Font colour.
    public var color: Color?

    /// A font; every attribute defaults to "not set".
    public init(name: String? = nil, size: Double? = nil, bold: Bool = false, italic: Bool = false,
                underline: String? = nil, strike: Bool = false, verticalAlign: String? = nil, color: Color? = nil) {
        self.name = name
        self.size = size
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.strike = strike
        self.verticalAlign = verticalAlign
        self.color = color
    }
}
