/// The borders around a cell.
public struct Border: Hashable, Sendable {
    /// One side of a border: its line style (`thin`, `medium`, `double`, …) and colour.
    public struct Edge: Hashable, Sendable {
        /// Line style name as SpreadsheetML spells it.
        public var style: String
        /// Line colour.
        public var color: Color?

        /// An edge.
        public init(style: String, color: Color? = nil) {
            self.style = style
            self.color = color
        }
    }

    /// Left edge.
    public var left: Edge?
    /// Right edge.
    public var right: Edge?
    /// Top edge.
    public var top: Edge?
    /// Bottom edge.
    public var bottom: Edge?
    /// Diagonal line.
    public var diagonal: Edge?
    /// Whether the diagonal runs bottom-left to top-right.
    public var diagonalUp: Bool
    /// Whether the diagonal runs top-left to bottom-right.
    public var diagonalDown: Bool

    /// A border.
    public init(left: Edge? = nil, right: Edge? = nil, top: Edge? = nil, bottom: Edge? = nil,
                diagonal: Edge? = nil, diagonalUp: Bool = false, diagonalDown: Bool = false) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
        self.diagonal = diagonal
        self.diagonalUp = diagonalUp
        self.diagonalDown = diagonalDown
    }
}
