/// Width, visibility and default style of a run of columns (`<col>`).
public struct ColumnInfo: Hashable, Sendable {
    /// First column of the run, zero-based.
    public var first: Int
    /// Last column of the run, zero-based.
    public var last: Int
    /// Width in characters of the default font, `nil` when not set.
    public var width: Double?
    /// Whether the columns are hidden.
    public var hidden: Bool
    /// Default style index for empty cells of these columns.
    public var styleIndex: Int?
    /// Outline (grouping) level.
    public var outlineLevel: Int

    /// A column run.
    public init(first: Int, last: Int, width: Double? = nil, hidden: Bool = false, styleIndex: Int? = nil,
                outlineLevel: Int = 0) {
        self.first = first
        self.last = last
        self.width = width
        self.hidden = hidden
        self.styleIndex = styleIndex
        self.outlineLevel = outlineLevel
    }
}
