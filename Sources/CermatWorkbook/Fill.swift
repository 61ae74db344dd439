/// A cell's background fill.
public struct Fill: Hashable, Sendable {
    /// The pattern name (`none`, `solid`, `gray125`, …); gradient fills are kept as `gradient`.
    public var pattern: String
    /// Pattern foreground colour (the visible colour of a solid fill).
    public var foreground: Color?
    /// Pattern background colour.
    public var background: Color?

    /// A fill.
    public init(pattern: String = "none", foreground: Color? = nil, background: Color? = nil) {
        self.pattern = pattern
        self.foreground = foreground
        self.background = background
    }

    /// Whether the fill paints anything.
    public var isVisible: Bool { pattern != "none" }
}
