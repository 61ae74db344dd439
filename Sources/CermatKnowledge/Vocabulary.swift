import CermatPlanning

/// The words Cermat knows (`rules/vocabulary/`): generic header rules, periods, measures, row labels, units, polarity.
public struct Vocabulary: Sendable {
    /// A keyword rule: a pattern and what it means.
    public struct Keyword: Sendable {
        /// Matched against one normalised header text.
        public var pattern: HeaderPattern
        /// The meaning: a period (`TW2`, `akhir-renstra`) or a measure (`K`, `Rp`).
        public var value: String
    }

    /// A unit and how planners spell it.
    public struct Unit: Sendable {
        /// The canonical name, e.g. `Dokumen`.
        public var name: String
        /// Accepted spellings, lower case (`dok`, `dokumen`).
        public var spellings: [String]
        /// Whether it counts whole things (a fractional value is suspect).
        public var isCount: Bool
    }

    /// Column rules for tables no form describes, most specific first.
    public var headerRules: [ColumnRule]
    /// Period keywords, first match wins.
    public var periods: [Keyword]
    /// Measure keywords for sub-headers (`K`, `Rp`), first match wins.
    public var measures: [Keyword]
    /// Labels of total rows (lower case, the whole label or its start).
    public var totalLabels: [String]
    /// Labels of footer rows after the data (`rata-rata`, `predikat`).
    public var footerLabels: [String]
    /// Words that mark an indicator where less is better.
    public var inverseKeywords: [String]
    /// Known units.
    public var units: [Unit]

    /// The unit a spelling stands for, if known.
    public func unit(spelled text: String) -> Unit? {
        let key = TextKey.header(text)
        return units.first { $0.spellings.contains(key) || $0.name.lowercased() == key }
    }
}
