import CermatKnowledge
import CermatPlanning

/// Whether an indicator is inverse (lower is better), and what says so. Recognition marks a row lower-is-better when
/// its text holds an inverse keyword ("PPKS", "PMKS"); that also catches indicators that measure a change ("Persentase
/// penurunan PMKS": the larger the reduction, the better) or the share of an inverse population that is served
/// ("Persentase PMKS yang memperoleh pelayanan": the more, the better), which are not inverse.
enum IndicatorPolarity {
    /// Why an indicator is taken as inverse.
    enum Evidence {
        /// Its text holds an inverse keyword.
        case keyword
        /// Its targets fall from year to year (`11,51 → 10,76`).
        case fallingTargets([Double])

        /// The reason, for messages.
        var text: (id: String, en: String) {
            switch self {
            case .keyword: return ("menurut namanya", "by its name")
            case .fallingTargets(let values):
                let shown = values.map { Numeral.text($0, decimals: nil, language: .id) }.joined(separator: " → ")
                let shownEn = values.map { Numeral.text($0, decimals: nil, language: .en) }.joined(separator: " → ")
                return ("karena targetnya menurun tiap tahun (\(shown))", "because its targets fall every year (\(shownEn))")
            }
        }
    }

    /// The evidence that a row's indicator is inverse, or `nil` when it is (or may be) higher-is-better.
    static func inverse(_ row: PlanningRow, in table: PlanningTable, vocabulary: Vocabulary) -> Evidence? {
        inverse(row, yearly: yearlyTargets(table), vocabulary: vocabulary)
    }

    /// `inverse(_:in:vocabulary:)` with the table's `yearlyTargets` found once for all its rows.
    static func inverse(_ row: PlanningRow, yearly: [Int], vocabulary: Vocabulary) -> Evidence? {
        // The text is read last: few rows have either evidence, and every row of every table passes here.
        var evidence = Evidence.keyword
        if row.polarity != .lowerIsBetter {
            guard yearly.count >= 3 else { return nil }
            let targets = yearly.compactMap { row.number($0) }
            guard targets.count == yearly.count, zip(targets, targets.dropFirst()).allSatisfy({ $0 > $1 }) else { return nil }
            evidence = .fallingTargets(targets)
        }
        return positive(row, vocabulary: vocabulary) == nil ? evidence : nil
    }

    /// The columns of a table's targets for a named year, earliest first: falling from one to the next, they show an
    /// inverse indicator.
    static func yearlyTargets(_ table: PlanningTable) -> [Int] {
        table.columns(role: "target").filter { $0.descriptor.period.map(isYear) ?? false }
            .sorted { $0.descriptor.period! < $1.descriptor.period! }.map(\.index)
    }

    /// Why an indicator that names an inverse population is nevertheless better when higher: it measures a change
    /// ("penurunan PMKS") or a service ("PMKS yang memperoleh pelayanan"); `nil` when its text says neither.
    static func positive(_ row: PlanningRow, vocabulary: Vocabulary) -> (id: String, en: String)? {
        let text = row.indicator == nil ? TextKey.header(row.name ?? "") : row.indicatorKey
        if let word = vocabulary.changeKeywords.first(where: { TextKey.contains(text, $0) }) {
            return ("mengukur perubahan (\"\(word)\") itu sendiri", "it measures the change (\"\(word)\") itself")
        }
        if let word = vocabulary.servedKeywords.first(where: { TextKey.contains(text, $0) }) {
            return ("mengukur layanan yang diterima (\"\(word)\")", "it measures a service received (\"\(word)\")")
        }
        return nil
    }

    private static func isYear(_ period: String) -> Bool {
        period.count == 4 && period.allSatisfy(\.isNumber)
    }
}
