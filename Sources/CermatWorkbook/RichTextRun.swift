/// One run of a rich-text string: text with its own font.
public struct RichTextRun: Hashable, Sendable {
    /// The run's text.
    public var text: String
    /// The run's font, `nil` when the run uses the cell's font.
    public var font: Font?

    /// A run.
    public init(text: String, font: Font?) {
        self.text = text
        self.font = font
    }
}
