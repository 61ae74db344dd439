/// Height, visibility and default style of one row (`<row>` attributes), kept only when one is set.
public struct RowInfo: Hashable, Sendable {
    /// Zero-based row index.
    public var row: Int
    /// Height in points, `nil` for the default height.
    public var height: Double?
    /// Whether the row is hidden.
    public var hidden: Bool
    /// Default style index for the row's empty cells (`customFormat`).
    public var styleIndex: Int?
    /// Outline (grouping) level.
    public var outlineLevel: Int

    /// A row description.
    public init(row: Int, height: Double? = nil, hidden: Bool = false, styleIndex: Int? = nil, outlineLevel: Int = 0) {
        self.row = row
        self.height = height
        self.hidden = hidden
        self.styleIndex = styleIndex
        self.outlineLevel = outlineLevel
    }
}
