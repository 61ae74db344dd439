/// What a column means: `role/measure/period` in the vocabulary of `rules/README.md` (e.g. `target/K/tahun`).
public struct ColumnDescriptor: Hashable, Sendable, CustomStringConvertible {
    /// The role: `kode`, `indicator`, `target`, `realisasi`, `capaian`, `pagu`, …
    public var role: String
    /// `K` (kinerja), `Rp` (rupiah) or `%` (a ratio the table computes); `nil` for text columns.
    public var measure: String?
    /// `tahun`, `sd-lalu`, `TW2`, `sesudah`, `2025`, …; `nil` when the header says nothing about time.
    public var period: String?

    /// A descriptor.
    public init(role: String, measure: String? = nil, period: String? = nil) {
        self.role = role
        self.measure = measure
        self.period = period
    }

    /// Parses `role/measure/period`; the measure and the period may be absent.
    public init(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        role = parts[0]
        measure = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        period = parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil
    }

    /// `role/measure/period`, omitting what is absent.
    public var description: String {
        [role, measure, period].compactMap { $0 }.joined(separator: "/")
    }

    /// Whether the column holds quantities (a target, a realisation, money…) rather than identifying text.
    public var isMeasured: Bool { measure != nil }
}
