/// The resolved style of a cell: one entry of the workbook's cell formats (`cellXfs`).
public struct CellStyle: Hashable, Sendable {
    /// Number format.
    public var numberFormat: NumberFormat
    /// Font.
    public var font: Font
    /// Background fill.
    public var fill: Fill
    /// Borders.
    public var border: Border
    /// Alignment and wrapping.
    public var alignment: Alignment

    /// A style; defaults are those of an unstyled cell.
    public init(numberFormat: NumberFormat = .general, font: Font = Font(), fill: Fill = Fill(),
                border: Border = Border(), alignment: Alignment = Alignment()) {
        self.numberFormat = numberFormat
        self.font = font
        self.fill = fill
        self.border = border
        self.alignment = alignment
    }

    /// The style of a cell with no `s` attribute in a workbook that defines no styles.
    public static let standard = CellStyle()
}
