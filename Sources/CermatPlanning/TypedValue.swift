import CermatWorkbook

/// A planning value together with where it came from and how it was written.
public struct TypedValue: Hashable, Sendable {
    // The stored properties are declared in the order that packs them tightest (56 bytes rather than 72): a table
    // holds one value per cell, and a 200 000-row workbook millions of them.

    /// The text as a person sees it (for a numeric cell, the number; for text, the text).
    public var raw: String
    /// The meaning.
    public var value: PlanningValue
    /// Whether the value sat in a numeric cell (rather than text pasted into the sheet).
    public var isNumericCell: Bool
    /// Whether the text began with a bullet (`- 100`), which is not a minus sign.
    public var hadBullet: Bool
    /// Whether a numeric cell's number format groups thousands (`#,##0`); false for text, whose rules read it as typed.
    public var formatGroupsThousands: Bool
    private var storedDecimals: Int8?
    /// The cell it was read from.
    public var cell: CellAddress

    /// Digits shown after the decimal separator, when known: from the number format or the text. Drives tolerances.
    public var decimals: Int? {
        get { storedDecimals.map(Int.init) }
        set { storedDecimals = newValue.map { Int8(clamping: $0) } }
    }

    /// A typed value.
    public init(value: PlanningValue, cell: CellAddress, raw: String, decimals: Int?, isNumericCell: Bool,
                hadBullet: Bool = false, formatGroupsThousands: Bool = false) {
        self.value = value
        self.cell = cell
        self.raw = raw
        storedDecimals = decimals.map { Int8(clamping: $0) }
        self.isNumericCell = isNumericCell
        self.hadBullet = hadBullet
        self.formatGroupsThousands = formatGroupsThousands
    }
}
