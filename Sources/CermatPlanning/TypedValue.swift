import CermatWorkbook

/// A planning value together with where it came from and how it was written.
public struct TypedValue: Hashable, Sendable {
    /// The meaning.
    public var value: PlanningValue
    /// The cell it was read from.
    public var cell: CellAddress
    /// The text as a person sees it (for a numeric cell, the number; for text, the text).
    public var raw: String
    /// Digits shown after the decimal separator, when known: from the number format or the text. Drives tolerances.
    public var decimals: Int?
    /// Whether the value sat in a numeric cell (rather than text pasted into the sheet).
    public var isNumericCell: Bool
    /// Whether the text began with a bullet (`- 100`), which is not a minus sign.
    public var hadBullet: Bool

    /// A typed value.
    public init(value: PlanningValue, cell: CellAddress, raw: String, decimals: Int?, isNumericCell: Bool,
                hadBullet: Bool = false) {
        self.value = value
        self.cell = cell
        self.raw = raw
        self.decimals = decimals
        self.isNumericCell = isNumericCell
        self.hadBullet = hadBullet
    }
}
