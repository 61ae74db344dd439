import CermatWorkbook

/// A planning value together with where it came from and how it was written.
public struct TypedValue: Hashable, Sendable {
    // The stored properties are declared in the order that packs them tightest (56 bytes rather than 72): a table
    // holds one value per cell, and a 200 000-row workbook millions of them.

    // The text as typed; `nil` for a numeric cell, whose text is written from its number only when asked: a table
    // holds millions of numbers, and writing each as text while reading the table cost more than parsing it.
    @usableFromInline private(set) var typed: String?
    /// The meaning.
    public var value: PlanningValue
    /// Whether the value sat in a numeric cell (rather than text pasted into the sheet).
    public var isNumericCell: Bool
    /// Whether the text began with a bullet (`- 100`), which is not a minus sign.
    public var hadBullet: Bool
    /// Whether a numeric cell's number format groups thousands (`#,##0`); false for text, whose rules read it as typed.
    public var formatGroupsThousands: Bool
    @usableFromInline private(set) var storedDecimals: Int8?
    /// The cell it was read from.
    public var cell: CellAddress

    /// The text as a person sees it (for a numeric cell, the number; for text, the text).
    public var raw: String {
        if let typed { return typed }
        switch value {
        case .percent(let shown): return Self.plain(shown) + "%"
        case .number(let number): return Self.plain(number)
        default: return ""
        }
    }

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
        typed = raw
        storedDecimals = decimals.map { Int8(clamping: $0) }
        self.isNumericCell = isNumericCell
        self.hadBullet = hadBullet
        self.formatGroupsThousands = formatGroupsThousands
    }

    /// The value of a numeric cell: its number, or (`percent`, a cell formatted as percent) its number × 100 as a
    /// percentage; its `raw` text is the number written plainly (`1234.5`, `98.15%`).
    public init(numericCell number: Double, percent: Bool, cell: CellAddress, decimals: Int?, formatGroupsThousands: Bool) {
        self.init(value: Self.numericCellValue(number, percent: percent), cell: cell, raw: "", decimals: decimals,
                  isNumericCell: true, formatGroupsThousands: formatGroupsThousands)
        typed = nil
    }

    /// What a numeric cell's number means: the number, or (a cell formatted as percent) the percentage it shows.
    public static func numericCellValue(_ number: Double, percent: Bool) -> PlanningValue {
        let (shown, kind) = numericCellParts(number, percent: percent)
        return kind == .percent ? .percent(shown) : .number(shown)
    }

    /// What a numeric cell's number means (`numericCellValue`) as its parts, without making the value: recognition
    /// stores millions of them in rows (`RowValues.setNumericCell`).
    @inlinable public static func numericCellParts(_ number: Double, percent: Bool) -> (number: Double, kind: PlanningValue.Kind) {
        percent ? (number * 100, .percent) : (number, .number)
    }

    // A value with every stored property given (`RowValues` holds most values as their parts and puts them back together).
    @inlinable init(value: PlanningValue, cell: CellAddress, typed: String?, storedDecimals: Int8?, isNumericCell: Bool, hadBullet: Bool,
         formatGroupsThousands: Bool) {
        self.typed = typed
        self.value = value
        self.isNumericCell = isNumericCell
        self.hadBullet = hadBullet
        self.formatGroupsThousands = formatGroupsThousands
        self.storedDecimals = storedDecimals
        self.cell = cell
    }

    // By what a person sees: a numeric cell's text is the same whether it was written out or is written when asked.
    public static func == (lhs: TypedValue, rhs: TypedValue) -> Bool {
        lhs.value == rhs.value && lhs.cell == rhs.cell && lhs.isNumericCell == rhs.isNumericCell && lhs.hadBullet == rhs.hadBullet
            && lhs.formatGroupsThousands == rhs.formatGroupsThousands && lhs.storedDecimals == rhs.storedDecimals && lhs.raw == rhs.raw
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(cell)
        hasher.combine(raw)
    }

    // A number as plain text: whole numbers without a fraction.
    private static func plain(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
