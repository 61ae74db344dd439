import CermatKnowledge
import CermatPlanning

/// Gives every column of a header a descriptor: from the table's form when it has one, else from the generic header
/// rules; then the measure from the sub-header (`K`, `Rp`) and the period from the header texts.
struct ColumnClassifier {
    let vocabulary: Vocabulary

    /// Descriptors of the header's columns, by zero-based sheet column, and the columns no rule understood.
    func classify(_ header: HeaderBlock, form: TableForm?) -> (columns: [Int: ColumnDescriptor], unknown: [Int]) {
        let year = tableYear(header)
        var result: [Int: ColumnDescriptor] = [:]
        var unknown: [Int] = []
        var explicitYears: [Int: Int] = [:]
        for column in header.columns {
            let path = header.paths[column] ?? []
            let number = header.numberRow?.numbers[column]
            if let rule = form?.columns.first(where: { $0.matches(path: path, number: number) }) {
                result[column] = rule.descriptor
                continue
            }
            let generic = vocabulary.headerRules.first(where: { $0.matches(path: path, number: nil) })?.descriptor
                ?? vocabulary.roleDescriptor(path: path)
            guard !path.isEmpty, var descriptor = generic else {
                if !path.isEmpty { unknown.append(column) }
                continue
            }
            if descriptor.isMeasured {
                if let sub = path.last, path.count > 1, let measure = measure(of: sub) {
                    descriptor = withMeasure(descriptor, measure)
                }
                if descriptor.period == nil {
                    let (period, explicit) = period(of: path, year: year)
                    descriptor.period = period
                    if let explicit { explicitYears[column] = explicit }
                }
            }
            result[column] = descriptor
        }
        // A table with one column per year for the same quantity (a Renstra matrix) keeps the years as they are;
        // elsewhere the year evaluated or planned is simply `tahun`.
        let yearsByRole = Dictionary(grouping: explicitYears.keys) { result[$0].map { "\($0.role)/\($0.measure ?? "")" } ?? "" }
        for (_, columns) in yearsByRole where Set(columns.compactMap { explicitYears[$0] }).count == 1 {
            for column in columns where explicitYears[column] == year { result[column]?.period = "tahun" }
        }
        return (result, unknown)
    }

    // K and Rp sub-headers: a money sub-column turns a target into a pagu, a realisation into realisasi-anggaran.
    private func measure(of text: String) -> String? {
        vocabulary.measures.first { $0.pattern.matches(text) }?.value
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

    /// The period a header path speaks of, and the explicit year it names (to tell matrices from single-year tables).
    func period(of path: [String], year: Int?) -> (String?, Int?) {
        for element in path {
            if let keyword = vocabulary.periods.first(where: { $0.pattern.matches(element) }) { return (keyword.value, nil) }
        }
        if let triwulan = Self.triwulan(path) { return ("TW\(triwulan)", nil) }
        let joined = path.joined(separator: " ")
        let cumulative = joined.contains("s.d") || joined.contains("s/d") || joined.contains("sampai dengan")
        let years = Self.years(in: joined)
        if cumulative {
            if let named = years.last, let year, named < year { return ("sd-lalu", nil) }
            return ("sd-tahun", nil)
        }
        if let named = years.last { return (named == year ? "tahun" : String(named), named) }
        if joined.contains("tahun berjalan") || joined.contains("dievaluasi") { return ("tahun", nil) }
        return (nil, nil)
    }

    /// The year a table evaluates or plans: the latest year its header names outside a period range (`2021-2026`) and
    /// outside forward-year columns ("Perkiraan Maju Rencana Tahun 2025").
    func tableYear(_ header: HeaderBlock) -> Int? {
        let forward = ["perkiraan maju", "rencana tahun", "proyeksi", "tahun n+1"]
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
