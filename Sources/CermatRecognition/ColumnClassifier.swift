import CermatKnowledge
import CermatPlanning

/// Gives every column of a header a descriptor: from the table's form when it has one, else from the generic header
/// rules; then the measure from the sub-header (`K`, `Rp`) and the period from the header texts.
struct ColumnClassifier {
    let vocabulary: Vocabulary

    /// Descriptors of the header's columns, by zero-based sheet column, and the columns no rule understood.
    func classify(_ header: HeaderBlock, form: TableForm?, title: [String]) -> (columns: [Int: ColumnDescriptor], unknown: [Int]) {
        let year = tableYear(header)
        var result: [Int: ColumnDescriptor] = [:]
        var unknown: [Int] = []
        var explicitYears: [Int: Int] = [:]
        var fromForm: Set<Int> = []
        var statedMeasure: Set<Int> = []
        for column in header.columns {
            let path = header.paths[column] ?? []
            let number = header.numberRow?.numbers[column]
            if let rule = form?.columns.first(where: { $0.matches(path: path, number: number) }) {
                result[column] = rule.descriptor
                fromForm.insert(column)
                continue
            }
            var generic = vocabulary.headerRules.first(where: { $0.matches(path: path, number: nil) })?.descriptor
                ?? vocabulary.roleDescriptor(path: path)
            // A column headed by a year (alone, or under a group that names no quantity: "Sasaran › Tingkat › 2015")
            // holds that year's value: a target unless the group says otherwise.
            if let last = path.last, last.count <= 10, last.allSatisfy({ $0.isNumber || $0.isLetter || $0 == " " }),
               last.hasPrefix("tahun ") || last.allSatisfy(\.isNumber), let only = Self.years(in: last).first,
               generic?.isMeasured != true {
                generic = ColumnDescriptor(role: "target", measure: "K", period: String(only))
            }
            guard !path.isEmpty, var descriptor = generic else {
                if !path.isEmpty { unknown.append(column) }
                continue
            }
            if descriptor.isMeasured {
                if let sub = path.last, path.count > 1, let measure = measure(of: sub) {
                    descriptor = withMeasure(descriptor, measure)
                } else if let measure = inlineMeasure(path.last ?? "") {
                    // "Realisasi Triwulan I Rp", "Pagu (Rp)", "Capaian K (%)": the measure as a word of the header.
                    descriptor = withMeasure(descriptor, measure)
                    statedMeasure.insert(column)
                }
                if descriptor.period == nil {
                    descriptor.period = period(of: path, year: year)
                }
                if let period = descriptor.period, let named = Int(period) { explicitYears[column] = named }
            }
            result[column] = descriptor
        }
        neighbourRoles(&result, header: header, keep: fromForm.union(statedMeasure))
        // One column per year for several years (a Renstra matrix, a comparison with last year) keeps the years; a table
        // naming only its own year calls it `tahun`, as it calls a measured column that names no period at all.
        let matrix = Set(explicitYears.values).count > 1
        if !matrix {
            for (column, named) in explicitYears where named == year { result[column]?.period = "tahun" }
        }
        for (column, descriptor) in result where descriptor.isMeasured && descriptor.period == nil && descriptor.role != "selisih"
            && !fromForm.contains(column) {
            // In a table of several years, an unmarked column speaks of the table's own year.
            result[column]?.period = matrix ? year.map(String.init) ?? "tahun" : "tahun"
        }
        if form?.baselineYears == true { baselines(&result, explicitYears: explicitYears, title: title) }
        // A lone "%" is understood only once its neighbours are.
        return (result, unknown.filter { result[$0] == nil })
    }

    // Columns whose header only makes sense beside its neighbour: a lone "%" is the ratio of the column to its left (a
    // capaian after a realisation, a penyerapan after money); a bare "Realisasi" right of a pagu is money spent.
    // A column its form describes, or whose header states its measure ("Realisasi s.d. 2023 K"), keeps its meaning.
    private func neighbourRoles(_ result: inout [Int: ColumnDescriptor], header: HeaderBlock, keep: Set<Int>) {
        for column in header.columns where !keep.contains(column) {
            guard let left = result[column - 1] else { continue }
            let own = header.paths[column]?.last ?? ""
            if own == "%" || own == "(%)" {
                switch left.role {
                case "realisasi-anggaran", "pagu": result[column] = ColumnDescriptor(role: "penyerapan", measure: "%", period: left.period)
                case "realisasi", "target": result[column] = ColumnDescriptor(role: "capaian", measure: "%", period: left.period)
                default: break
                }
            } else if result[column]?.role == "realisasi", left.role == "pagu" {
                result[column] = ColumnDescriptor(role: "realisasi-anggaran", measure: "Rp", period: result[column]?.period)
            } else if result[column]?.role == "capaian", left.role == "pagu" || left.role == "realisasi-anggaran" {
                result[column] = ColumnDescriptor(role: "penyerapan", measure: "%", period: result[column]?.period)
            }
        }
    }

    // In a Renstra matrix, a year before the period its title names ("… 2016 - 2021") is the baseline (kondisi awal,
    // an achieved value); the years of the period are targets, whatever the group above them is called.
    private func baselines(_ result: inout [Int: ColumnDescriptor], explicitYears: [Int: Int], title: [String]) {
        guard let period = Self.periodRanges(in: title.joined(separator: " ")).first else { return }
        for (column, named) in explicitYears where ["target", "realisasi"].contains(result[column]?.role ?? "") {
            result[column]?.role = named < period.lowerBound ? "realisasi" : "target"
        }
    }

    /// Year ranges written as "2016 - 2021" or "2021-2026".
    static func periodRanges(in text: String) -> [ClosedRange<Int>] {
        let characters = Array(text)
        var ranges: [ClosedRange<Int>] = []
        var index = 0
        while index + 4 <= characters.count {
            if let first = Int(String(characters[index..<(index + 4)])), first >= 1990, first <= 2100 {
                var cursor = index + 4
                while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
                if cursor < characters.count, characters[cursor] == "-" || characters[cursor] == "–" {
                    cursor += 1
                    while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
                    if cursor + 4 <= characters.count, let last = Int(String(characters[cursor..<(cursor + 4)])), last > first {
                        ranges.append(first...last)
                        index = cursor + 4
                        continue
                    }
                }
            }
            index += 1
        }
        return ranges
    }

    // K and Rp sub-headers: a money sub-column turns a target into a pagu, a realisation into realisasi-anggaran.
    private func measure(of text: String) -> String? {
        vocabulary.measures.first { $0.pattern.matches(text) }?.value
    }

    // The measure a header of several words states: a K or Rp word anywhere ("Capaian K (%)"), else a last word "%".
    private func inlineMeasure(_ text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1 else { return nil }
        return words.lazy.compactMap { self.measure(of: $0) }.first { $0 != "%" } ?? measure(of: words[words.count - 1])
    }

    private func withMeasure(_ descriptor: ColumnDescriptor, _ measure: String) -> ColumnDescriptor {
        var result = descriptor
        switch (descriptor.role, measure) {
        case ("target", "Rp"): result.role = "pagu"
        case ("realisasi", "Rp"): result.role = "realisasi-anggaran"
        case ("capaian", "Rp"): result.role = "penyerapan"
        case ("capaian", _), ("penyerapan", _), ("efisiensi", _), ("proporsi", _): return result
        default: break
        }
        result.measure = result.role == "penyerapan" ? "%" : measure
        return result
    }

    /// The period a header path speaks of: a keyword period, a triwulan, a cumulative span, or the year it names.
    func period(of path: [String], year: Int?) -> String? {
        for element in path {
            if let keyword = vocabulary.periods.first(where: { $0.pattern.matches(element) }) { return keyword.value }
        }
        if let triwulan = Self.triwulan(path) { return "TW\(triwulan)" }
        let joined = path.joined(separator: " ")
        let cumulative = joined.contains("s.d") || joined.contains("s/d") || joined.contains("sampai dengan")
        let years = Self.years(in: joined)
        if cumulative {
            if let named = years.last, let year, named < year { return "sd-lalu" }
            return "sd-tahun"
        }
        if let named = years.last { return String(named) }
        if joined.contains("tahun berjalan") || joined.contains("dievaluasi") { return "tahun" }
        // "Target Renstra" with no year is the Renstra's end-of-period target.
        if joined.contains("renstra") || joined.contains("rpjmd") { return "akhir-renstra" }
        return nil
    }

    /// The year a table evaluates or plans: the latest year its header names outside a period range (`2021-2026`) and
    /// outside forward-year columns ("Perkiraan Maju Rencana Tahun 2025").
    func tableYear(_ header: HeaderBlock) -> Int? {
        let forward = ["perkiraan maju", "rencana tahun", "proyeksi", "tahun n+1", "akhir"]
        return header.paths.values.flatMap { $0 }.filter { text in !forward.contains { text.contains($0) } }
            .flatMap { Self.years(in: $0) }.max()
    }

    // Four-digit years, leaving out both ends of a period such as "2021-2026" or "2016 - 2021".
    static func years(in text: String) -> [Int] {
        let characters = Array(text)
        var years: [Int] = []
        var index = 0
        while index + 4 <= characters.count {
            let slice = String(characters[index..<(index + 4)])
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 4 < characters.count ? characters[index + 4] : " "
            if let value = Int(slice), value >= 1990, value <= 2100, !before.isNumber, !after.isNumber {
                let rest = String(characters[(index + 4)...]).drop { $0 == " " }
                let previous = String(characters[..<index]).reversed().drop { $0 == " " }
                if !rest.hasPrefix("-") && !rest.hasPrefix("–") && previous.first != "-" && previous.first != "–" {
                    years.append(value)
                }
                index += 4
            } else {
                index += 1
            }
        }
        return years
    }

    // "Realisasi Kinerja Pada Triwulan › II", "TW II", "Triwulan 2".
    static func triwulan(_ path: [String]) -> Int? {
        let numerals = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        var sawTriwulan = false
        for element in path {
            let words = element.split(whereSeparator: { $0 == " " || $0 == "." })
            for (index, word) in words.enumerated() where word == "triwulan" || word == "tw" {
                sawTriwulan = true
                if index + 1 < words.count, let value = numerals[String(words[index + 1])] { return value }
            }
            if sawTriwulan, let value = numerals[element] { return value }
        }
        return nil
    }
}
