/// Where a row sits in the planning hierarchy (`rules/README.md`).
public enum RowLevel: String, Hashable, Sendable, CaseIterable, Comparable {
    /// JUMLAH, TOTAL, TOTAL PAGU ANGGARAN, TOTAL BELANJA DAERAH.
    case total
    /// A tujuan (goal) of an LKjIP or Renstra table.
    case tujuan
    /// A sasaran (target group of outcomes).
    case sasaran
    /// A program (kode `1.06.01`).
    case program
    /// A kegiatan (kode `1.06.01.2.06`).
    case kegiatan
    /// A sub-kegiatan (kode `1.06.01.2.06.02`).
    case subKegiatan = "sub-kegiatan"
    /// A further indicator of the row above, with no name of its own.
    case indicator
    /// A row of a table without hierarchy (an IKU, a PK sasaran table).
    case other
    /// Rata-rata, predikat and similar rows after the data.
    case footer

    /// Rows nest in this order: a total above a tujuan above a sasaran above a program, and so on.
    public static func < (lhs: RowLevel, rhs: RowLevel) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    // By its place rather than its raw text, which a raw-valued enum hashes by default: levels key the sets and
    // dictionaries that rules fill row after row.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
    }

    /// The level's place in `allCases`: for counting by level in an array rather than hashing the level for each row.
    public var ordinal: Int {
        switch self {
        case .total: return 0
        case .tujuan: return 1
        case .sasaran: return 2
        case .program: return 3
        case .kegiatan: return 4
        case .subKegiatan: return 5
        case .indicator: return 6
        case .other: return 7
        case .footer: return 8
        }
    }

    /// Whether rows of this level can contain rows of a lower level whose money sums up to theirs.
    public var isParentLevel: Bool {
        self == .total || self == .program || self == .kegiatan
    }
}
