/// One data row of a recognised table.
///
/// A row is a value, but its fields live in one shared box that is copied only when a copy is changed: rules pass rows
/// around by the hundred thousand, and copying a dozen strings, an array and a dictionary each time dominated linting.
public struct PlanningRow: Hashable, Sendable {
    private struct Fields: Hashable, Sendable {
        // What the rules read of every row first, its place, level, flags and values, so that they lie in the box's
        // first line of memory: a rule going through a large table's rows waits on each line it reads of each box.
        var sheetRow: Int
        var level: RowLevel
        var polarity: Polarity
        var bold: Bool
        var italic: Bool
        var isLevelIndicator = false
        var isPercentage = false
        var values: RowValues
        var parent: Int?
        var numbering: String?
        var kode: String?
        var name: String?
        var indicator: String?
        var unit: String?
        var continuationRows: [Int]
        var indicatorKey: String
        var normalizedKode: String?

        // Kept current with the texts they are read from: the rules ask them of every row, several times. `textKey` is
        // `TextKey.header(indicator ?? name ?? "")`, when known.
        mutating func updateIndicatorFlags(textKey: String? = nil) {
            let text = textKey ?? (indicator == nil ? TextKey.header(name ?? "") : indicatorKey)
            // A unit is normalised only when it may read `%` or `persen` (or opens with a tag or a character beyond
            // ASCII, which normalising may remove): most units open with another letter, and every row passes here.
            let opening = unit?.utf8.first { $0 != 0x20 && !(0x09...0x0D).contains($0) }
            let unit = opening.map { Fields.unitInitials.contains($0) || $0 >= 0x80 } == true
                ? TextKey.header(unit ?? "") : ""
            // By the first byte before the openers are compared: most indicators open with none of their letters.
            isLevelIndicator = unit == "%" || unit == "persen"
                || (text.utf8.first.map(Fields.openerInitials.contains) == true && Fields.levelOpeners.contains { text.hasPrefix($0) })
            isPercentage = unit == "%" || (indicatorKey.utf8.first == UInt8(ascii: "p")
                && Fields.percentOpeners.contains { indicatorKey.hasPrefix($0) })
        }

        static let percentOpeners = ["persentase", "presentase", "prosentase"]
        static let levelOpeners = percentOpeners + ["indeks", "rata-rata", "rata rata", "nilai",
                                   "tingkat", "rasio", "angka", "cakupan"]
        static let openerInitials = Set(levelOpeners.compactMap(\.utf8.first))
        static let unitInitials = Array("%pP<".utf8)
    }

    private var storage: CopyOnWrite<Fields>

    private var fields: Fields {
        _read { yield storage.value }
        _modify { yield &storage.value }
    }

    /// Zero-based sheet row (the first row when continuation rows were joined to it).
    public var sheetRow: Int {
        _read { yield storage.value.sheetRow }
        set { fields.sheetRow = newValue }
    }

    /// Where the row sits in the hierarchy.
    public var level: RowLevel {
        _read { yield storage.value.level }
        set { fields.level = newValue }
    }

    /// The numbering as printed (`1`, `A`, `IV`, `1.`), if any.
    public var numbering: String? {
        _read { yield storage.value.numbering }
        set { fields.numbering = newValue }
    }

    /// The kode as printed, if any.
    public var kode: String? {
        _read { yield storage.value.kode }
        set {
            fields.kode = newValue
            fields.normalizedKode = newValue.flatMap(Kode.init)?.normalized
        }
    }

    /// The program / kegiatan / sub-kegiatan / sasaran name, continuation rows joined.
    public var name: String? {
        _read { yield storage.value.name }
        set {
            fields.name = newValue
            fields.updateIndicatorFlags()
        }
    }

    /// The indicator text, bullet removed, continuation rows joined.
    public var indicator: String? {
        _read { yield storage.value.indicator }
        set {
            fields.indicator = newValue
            fields.indicatorKey = TextKey.header(newValue ?? "")
            fields.updateIndicatorFlags()
        }
    }

    /// The unit, from a unit column or from the values themselves (`10 Dokumen`).
    public var unit: String? {
        _read { yield storage.value.unit }
        set {
            fields.unit = newValue
            fields.updateIndicatorFlags()
        }
    }

    /// Which direction is good, guessed from the indicator text (`penurunan`, `Persentase PPKS`).
    public var polarity: Polarity {
        _read { yield storage.value.polarity }
        set { fields.polarity = newValue }
    }

    /// The values of the measured columns, by zero-based sheet column.
    public var values: RowValues {
        _read { yield storage.value.values }
        set { fields.values = newValue }
    }

    /// Index (in the table's rows) of the row this one belongs to: a sub-kegiatan's kegiatan, a kegiatan's program.
    public var parent: Int? {
        _read { yield storage.value.parent }
        set { fields.parent = newValue }
    }

    /// Zero-based sheet rows joined into this one as continuations of its text.
    public var continuationRows: [Int] {
        _read { yield storage.value.continuationRows }
        set { fields.continuationRows = newValue }
    }

    /// Whether the row's label cell is bold: how tables without kode mark programs.
    public var bold: Bool {
        _read { yield storage.value.bold }
        set { fields.bold = newValue }
    }

    /// Whether the row's label cell is italic: how tables without kode mark kegiatan.
    public var italic: Bool {
        _read { yield storage.value.italic }
        set { fields.italic = newValue }
    }

    /// The indicator as header patterns match it: lower case, single spaces (kept current with `indicator`).
    public var indicatorKey: String {
        _read { yield storage.value.indicatorKey }
    }

    /// Whether the indicator measures a share or an index (a percentage, a rate, an average): values that do not add up.
    public var isLevelIndicator: Bool {
        _read { yield storage.value.isLevelIndicator }
    }

    /// Whether the indicator is a percentage: its unit is `%`, or it opens with `Persentase` (or a misspelling of it).
    public var isPercentage: Bool {
        _read { yield storage.value.isPercentage }
    }

    /// The kode normalised for matching across tables (`01.06.07` → `1.06.07`; kept current with `kode`), `nil` when
    /// the row has none or it does not parse: parsed once, since every kode rule and the checks across tables compare it.
    public var normalizedKode: String? {
        _read { yield storage.value.normalizedKode }
    }

    /// A row; `parsedKode` is `kode` already parsed and `textKey` is `TextKey.header(indicator ?? name ?? "")`, each
    /// given by whoever has it already, so that it is not worked out twice.
    public init(sheetRow: Int, level: RowLevel, numbering: String? = nil, kode: String? = nil, name: String? = nil,
                indicator: String? = nil, unit: String? = nil, polarity: Polarity = .higherIsBetter,
                values: RowValues = [:], parent: Int? = nil, continuationRows: [Int] = [], bold: Bool = false,
                italic: Bool = false, parsedKode: Kode? = nil, textKey: String? = nil) {
        assert(parsedKode == nil || parsedKode == kode.flatMap(Kode.init), "the parsed kode is the kode's")
        assert(textKey == nil || textKey == TextKey.header(indicator ?? name ?? ""), "the text key is the row's")
        let textKey = textKey ?? TextKey.header(indicator ?? name ?? "")
        storage = CopyOnWrite(Fields(sheetRow: sheetRow, level: level, polarity: polarity, bold: bold, italic: italic,
                                     values: values, parent: parent, numbering: numbering, kode: kode, name: name,
                                     indicator: indicator, unit: unit, continuationRows: continuationRows,
                                     indicatorKey: indicator == nil ? "" : textKey,
                                     normalizedKode: (parsedKode ?? kode.flatMap(Kode.init))?.normalized))
        storage.value.updateIndicatorFlags(textKey: textKey)
    }

    public static func == (lhs: PlanningRow, rhs: PlanningRow) -> Bool {
        lhs.storage.shares(with: rhs.storage) || lhs.fields == rhs.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
    }

    /// Whether the row is data a formula applies to (not a footer of averages and predicates).
    public var isData: Bool { level != .footer }

    /// The row's key for messages and fingerprints: its kode, else its indicator, else its name.
    public var key: String {
        kode ?? indicator ?? name ?? "row \(sheetRow + 1)"
    }
}
