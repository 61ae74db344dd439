/// How text sits in a cell.
public struct Alignment: Hashable, Sendable {
    /// `left`, `center`, `right`, `fill`, `justify`, `centerContinuous`, `distributed`; `nil` for general.
    public var horizontal: String?
    /// `top`, `center`, `bottom`, `justify`, `distributed`; `nil` for the default (bottom).
    public var vertical: String?
    /// Whether text wraps inside the cell.
    public var wrapText: Bool
    /// Indent level.
    public var indent: Int
    /// Rotation in degrees (0–180) or 255 for vertical text.
    public var textRotation: Int
    /// Whether text shrinks to fit.
    public var shrinkToFit: Bool

    /// An alignment; defaults are SpreadsheetML's.
    public init(horizontal: String? = nil, vertical: String? = nil, wrapText: Bool = false, indent: Int = 0,
                textRotation: Int = 0, shrinkToFit: Bool = false) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrapText = wrapText
        self.indent = indent
        self.textRotation = textRotation
        self.shrinkToFit = shrinkToFit
    }
}
