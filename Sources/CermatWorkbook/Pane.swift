/// A frozen or split pane of a worksheet view.
public struct Pane: Hashable, Sendable {
    /// Number of frozen rows (or the vertical split position for an unfrozen split).
    public var rows: Int
    /// Number of frozen columns (or the horizontal split position for an unfrozen split).
    public var columns: Int
    /// The first visible cell of the bottom-right pane.
    public var topLeftCell: CellAddress?
    /// Whether the pane is frozen (the usual case for header rows) rather than split.
    public var frozen: Bool

    /// A pane.
    public init(rows: Int, columns: Int, topLeftCell: CellAddress? = nil, frozen: Bool) {
        self.rows = rows
        self.columns = columns
        self.topLeftCell = topLeftCell
        self.frozen = frozen
    }
}
