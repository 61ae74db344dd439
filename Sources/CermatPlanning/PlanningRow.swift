/// One data row of a recognised table.
public struct PlanningRow: Hashable, Sendable {
    /// Zero-based sheet row (the first row when continuation rows were joined to it).
    public var sheetRow: Int
    /// Where the row sits in the hierarchy.
    public var level: RowLevel
    /// The numbering as printed (`1`, `A`, `IV`, `1.`), if any.
    public var numbering: String?
    /// The kode as printed, if any.
    public var kode: String?
    /// The program / kegiatan / sub-kegiatan / sasaran name, continuation rows joined.
    public var name: String?
    /// The indicator text, bullet removed, continuation rows joined.
    public var indicator: String?
    /// The unit, from a unit column or from the values themselves (`10 Dokumen`).
    public var unit: String?
    /// Which direction is good, guessed from the indicator text (`penurunan`, `Persentase PPKS`).
    public var polarity: Polarity
    /// The values of the measured columns, by zero-based sheet column.
    public var values: [Int: TypedValue]
    /// Index (in the table's rows) of the row this one belongs to: a sub-kegiatan's kegiatan, a kegiatan's program.
    public var parent: Int?
    /// Zero-based sheet rows joined into this one as continuations of its text.
    public var continuationRows: [Int]
    /// Whether the row's label cell is bold, or italic: how tables without kode mark programs and kegiatan.
    public var bold: Bool
    /// See `bold`.
    public var italic: Bool

    /// A row.
    public init(sheetRow: Int, level: RowLevel, numbering: String? = nil, kode: String? = nil, name: String? = nil,
                indicator: String? = nil, unit: String? = nil, polarity: Polarity = .higherIsBetter,
                values: [Int: TypedValue] = [:], parent: Int? = nil, continuationRows: [Int] = [], bold: Bool = false,
                italic: Bool = false) {
        self.sheetRow = sheetRow
        self.level = level
        self.numbering = numbering
        self.kode = kode
        self.name = name
        self.indicator = indicator
        self.unit = unit
        self.polarity = polarity
        self.values = values
        self.parent = parent
        self.continuationRows = continuationRows
        self.bold = bold
        self.italic = italic
    }

    /// Whether the row is data a formula applies to (not a footer of averages and predicates).
    public var isData: Bool { level != .footer }

    /// The row's key for messages and fingerprints: its kode, else its indicator, else its name.
    public var key: String {
        kode ?? indicator ?? name ?? "row \(sheetRow + 1)"
    }
}
