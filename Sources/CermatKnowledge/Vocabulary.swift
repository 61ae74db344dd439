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
        /// The unit this one is another name or a kind of (`KK` and `KPM` count Keluarga), if any.
        public var sameAs: String? = nil
    }

    /// Path rules for tables no form describes, checked before the role keywords.
    public var headerRules: [ColumnRule]
    /// Role keywords: the deepest header text holding one decides, and in it the one that comes first.
    public var roleKeywords: [Keyword]
    /// Period keywords, first match wins.
    public var periods: [Keyword]
    /// Measure keywords for sub-headers (`K`, `Rp`), first match wins.
    public var measures: [Keyword]
    /// Labels of total rows (lower case, the whole label or its start).
    public var totalLabels: [String]
    /// Labels of footer rows after the data (`rata-rata`, `predikat`).
    public var footerLabels: [String]
    /// First words of sasaran statements (`meningkatnya`, `terwujudnya`).
    public var sasaranOpeners: [String]
    /// First words of indicators (`persentase`, `jumlah`): such texts are never program or kegiatan names.
    public var indicatorOpeners: [String]
    /// The official programs, kegiatan and sub-kegiatan of the bidang, with their codes.
    public var nomenclature: [NomenclatureEntry]

    /// One entry of the nomenclature (`rules/vocabulary/nomenklatur.yml`).
    public struct NomenclatureEntry: Sendable {
        /// The code, e.g. `1.06.01.2.09`.
        public var kode: String
        /// Program, kegiatan or sub-kegiatan.
        public var level: RowLevel
        /// The official name.
        public var name: String
    }

    /// Whether a text opens like an indicator ("Persentase …", "Jumlah …").
    public func opensLikeIndicator(_ text: String) -> Bool {
        let first = TextKey.header(text).split(separator: " ").first.map(String.init) ?? ""
        return indicatorOpeners.contains(first)
    }
    /// Words that mark an indicator where less is better.
    public var inverseKeywords: [String]
    /// Words that mark an indicator measuring a change (a decrease, a growth): it may be negative or above 100%.
    public var changeKeywords: [String]
    /// Words that make an indicator about an inverse population a measure of service (`memperoleh`, `penerima`).
    public var servedKeywords: [String] = []
    /// First words of indicators that count whole things (`jumlah`).
    public var countOpeners: [String] = []
    /// Known units.
    public var units: [Unit]

    /// The descriptor the role keywords give a header path, if any keyword occurs in it.
    public func roleDescriptor(path: [String]) -> ColumnDescriptor? {
        for text in path.reversed() {
            var best: (offset: Int, length: Int, value: String)?
            for keyword in roleKeywords {
                guard let match = keyword.pattern.firstMatch(in: text) else { continue }
                if best == nil || match.offset < best!.offset || (match.offset == best!.offset && match.length > best!.length) {
                    best = (match.offset, match.length, keyword.value)
                }
            }
            if let best { return ColumnDescriptor(best.value) }
        }
        return nil
    }

    /// The direction an indicator's normalised text (`TextKey.header`) says is good: lower for an inverse keyword
    /// ("Persentase PMKS"), unless it also names a change ("penurunan PMKS") or a service ("PMKS yang memperoleh
    /// pelayanan"), which are better when higher.
    public func polarity(ofIndicator key: String) -> Polarity {
        guard inverseKeywords.contains(where: { TextKey.contains(key, $0) }),
              !(changeKeywords + servedKeywords).contains(where: { TextKey.contains(key, $0) }) else { return .higherIsBetter }
        return .lowerIsBetter
    }

    /// The unit a spelling stands for, if known.
    public func unit(spelled text: String) -> Unit? {
        let key = TextKey.header(text)
        return units.first { $0.spellings.contains(key) || $0.name.lowercased() == key }
    }
}
