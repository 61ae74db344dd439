import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// Says which document of the planning chain each table belongs to, and for which year: from the configuration's
/// `documents:` when it names the sheet, else the form, the title rows, the sheet's name and the header, else what most
/// tables of the workbook are, else the file's name. Every decision is kept as evidence for `cermat inspect --tables`.
public struct DocumentClassifier: Sendable {
    /// The vocabulary of document kinds.
    public let knowledge: KnowledgeBase
    /// Sheets whose document the configuration states.
    public let settings: [String: Configuration.DocumentSetting]

    /// A classifier.
    public init(knowledge: KnowledgeBase, settings: [String: Configuration.DocumentSetting] = [:]) {
        self.knowledge = knowledge
        self.settings = settings
    }

    /// The document with every table classified.
    public func classify(_ document: PlanningDocument) -> PlanningDocument {
        var document = document
        let words = knowledge.documents
        for index in document.tables.indices {
            document.tables[index].classification = own(document.tables[index], words)
        }
        // What the workbook's other tables say fills what a table does not say itself.
        let kinds = document.tables.compactMap { $0.classification?.kind }.filter { $0 != .evaluasi }
        let years = document.tables.compactMap { $0.classification?.year }
        let commonKind = Self.mostCommon(kinds)
        let commonYear = Self.mostCommon(years)
        let fileName = document.source.split(separator: "/").last.map(String.init) ?? document.source
        let fileKind = words.kind(in: fileName.replacingOccurrences(of: "_", with: " "))
        let fileYear = Self.years(in: fileName).last
        for index in document.tables.indices {
            var classification = document.tables[index].classification!
            if classification.kind == nil {
                if let commonKind {
                    classification.kind = commonKind
                    classification.evidence.append("most tables of the workbook are \(commonKind.name)")
                } else if let fileKind {
                    classification.kind = fileKind.kind
                    classification.evidence.append("file name \"\(fileName)\" says \"\(fileKind.word)\"")
                }
            }
            if classification.year == nil && classification.period == nil {
                if let commonYear {
                    classification.year = commonYear
                    classification.evidence.append("year \(commonYear) of most tables of the workbook")
                } else if let fileYear {
                    classification.year = fileYear
                    classification.evidence.append("year \(fileYear) from the file name")
                }
            }
            if classification.kind == .renjaPerubahan && classification.basis == nil { classification.basis = .perubahan }
            document.tables[index].classification = classification
        }
        return document
    }

    // What the table itself (and the configuration) says.
    private func own(_ table: PlanningTable, _ words: DocumentVocabulary) -> DocumentClassification {
        var result = DocumentClassification(kind: nil, year: nil, evidence: [])
        if let setting = settings[table.sheet] {
            result.kind = setting.kind
            result.year = setting.year
            result.basis = setting.basis
            result.evidence.append("configuration: documents of sheet '\(table.sheet)'")
        }
        let title = table.title.joined(separator: " ")
        let header = table.columns.flatMap(\.header).joined(separator: " ")
        if result.kind == nil, let form = table.form.flatMap(knowledge.form), let kind = DocumentKind(rawValue: form.document) {
            result.kind = kind
            result.evidence.append("form \(form.id) belongs to \(kind.name)")
        }
        let places: [(name: String, text: String)] = [("title", title), ("sheet name", table.sheet), ("header", header)]
        if result.kind == nil {
            for place in places where !place.text.isEmpty {
                guard let found = words.kind(in: place.text) else { continue }
                result.kind = found.kind
                result.evidence.append("\(place.name) says \"\(found.word)\"")
                break
            }
        }
        if result.basis == nil {
            for place in places.prefix(2) where !place.text.isEmpty {
                guard let found = words.basis(in: place.text) else { continue }
                result.basis = found.basis
                result.evidence.append("\(place.name) says \"\(found.word)\"")
                break
            }
        }
        if result.year == nil {
            if let range = Self.period(in: title) {
                result.period = range
                result.evidence.append("title states the period \(range.lowerBound)-\(range.upperBound)")
            } else if let range = Self.period(in: table.sheet) {
                result.period = range
                result.evidence.append("sheet name states the period \(range.lowerBound)-\(range.upperBound)")
            } else if let year = Self.years(in: title).last {
                result.year = year
                result.evidence.append("title states the year \(year)")
            } else if let year = Self.years(in: table.sheet).last {
                result.year = year
                result.evidence.append("sheet name states the year \(year)")
            } else {
                let columnYears = table.columns.compactMap { column -> Int? in
                    guard column.descriptor.isMeasured, let period = column.descriptor.period else { return nil }
                    return Int(period)
                }
                if result.kind == .renstra, let first = columnYears.min(), let last = columnYears.max(), first < last {
                    result.period = first...last
                    result.evidence.append("year columns \(first)-\(last)")
                } else if let year = columnYears.max() {
                    result.year = year
                    result.evidence.append("header names the year \(year)")
                }
            }
        }
        return result
    }

    // The value most tables share; of equally common ones, the first.
    private static func mostCommon<T: Hashable>(_ values: [T]) -> T? {
        var counts: [T: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        var best: (value: T, count: Int)?
        for value in values where best == nil || counts[value]! > best!.count { best = (value, counts[value]!) }
        return best?.value
    }

    // "TAHUN 2016 - 2021", "Renstra 2021-2026".
    static func period(in text: String) -> ClosedRange<Int>? {
        let characters = Array(text)
        var index = 0
        while index + 4 <= characters.count {
            if let first = year(characters, at: index) {
                var next = index + 4
                while next < characters.count, characters[next] == " " { next += 1 }
                if next < characters.count, characters[next] == "-" || characters[next] == "–" {
                    next += 1
                    while next < characters.count, characters[next] == " " { next += 1 }
                    if let last = year(characters, at: next), last > first { return first...last }
                }
            }
            index += 1
        }
        return nil
    }

    /// Four-digit years (1990-2100) standing alone in a text, a period's ends included.
    public static func years(in text: String) -> [Int] {
        let characters = Array(text)
        return (0..<max(0, characters.count - 3)).compactMap { year(characters, at: $0) }
    }

    private static func year(_ characters: [Character], at index: Int) -> Int? {
        guard index + 4 <= characters.count, index == 0 || !characters[index - 1].isNumber,
              index + 4 == characters.count || !characters[index + 4].isNumber,
              let value = Int(String(characters[index..<(index + 4)])), (1990...2100).contains(value) else { return nil }
        return value
    }
}
