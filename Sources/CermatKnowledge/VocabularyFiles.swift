import CermatPlanning
import Yams

/// The files of `rules/vocabulary/`.
enum VocabularyFiles {
    static func load(_ folder: String) throws(KnowledgeError) -> Vocabulary {
        let headers = try YAMLFile.mapping(folder + "/headers.yml")
        let headersPath = folder + "/headers.yml"
        try YAMLFile.checkKeys(headers, allowed: ["columns", "roles", "periods", "measures"], in: headersPath, at: "the file")
        var rules: [ColumnRule] = []
        for node in headers["columns"]?.sequence ?? [] { rules.append(try YAMLFile.columnRule(node, in: headersPath)) }
        let rows = try YAMLFile.mapping(folder + "/rows.yml")
        try YAMLFile.checkKeys(rows, allowed: ["total", "footer", "sasaran-openers", "indicator-openers"],
                               in: folder + "/rows.yml", at: "the file")
        let nomenclaturePath = folder + "/nomenklatur.yml"
        let nomenclatureFile = try YAMLFile.mapping(nomenclaturePath)
        try YAMLFile.checkKeys(nomenclatureFile, allowed: ["entries"], in: nomenclaturePath, at: "the file")
        var nomenclature: [Vocabulary.NomenclatureEntry] = []
        for node in nomenclatureFile["entries"]?.sequence ?? [] {
            guard let entry = node.mapping else { throw KnowledgeError(file: nomenclaturePath, "an entry must be a mapping") }
            try YAMLFile.checkKeys(entry, allowed: ["kode", "level", "name"], in: nomenclaturePath, at: "an entry")
            let levelName = try YAMLFile.string(entry, "level", in: nomenclaturePath)!
            guard let level = RowLevel(rawValue: levelName) else {
                throw KnowledgeError(file: nomenclaturePath, "'\(levelName)' is not a level (program, kegiatan, sub-kegiatan)")
            }
            nomenclature.append(.init(kode: try YAMLFile.string(entry, "kode", in: nomenclaturePath)!, level: level,
                                      name: try YAMLFile.string(entry, "name", in: nomenclaturePath)!))
        }
        let indicators = try YAMLFile.mapping(folder + "/indicators.yml")
        try YAMLFile.checkKeys(indicators, allowed: ["inverse", "change", "served", "count-openers"], in: folder + "/indicators.yml",
                               at: "the file")
        let unitsPath = folder + "/units.yml"
        let unitsFile = try YAMLFile.mapping(unitsPath)
        try YAMLFile.checkKeys(unitsFile, allowed: ["units"], in: unitsPath, at: "the file")
        var units: [Vocabulary.Unit] = []
        for node in unitsFile["units"]?.sequence ?? [] {
            guard let entry = node.mapping else { throw KnowledgeError(file: unitsPath, "a unit must be a mapping") }
            try YAMLFile.checkKeys(entry, allowed: ["name", "spellings", "count", "same-as"], in: unitsPath, at: "a unit")
            units.append(Vocabulary.Unit(name: try YAMLFile.string(entry, "name", in: unitsPath)!,
                                         spellings: try YAMLFile.strings(entry, "spellings", in: unitsPath).map { $0.lowercased() },
                                         isCount: entry["count"]?.bool ?? false,
                                         sameAs: try YAMLFile.string(entry, "same-as", in: unitsPath, required: false)))
        }
        return Vocabulary(headerRules: rules, roleKeywords: try keywords(headers, "roles", in: headersPath),
                          periods: try keywords(headers, "periods", in: headersPath),
                          measures: try keywords(headers, "measures", in: headersPath),
                          totalLabels: try YAMLFile.strings(rows, "total", in: folder + "/rows.yml").map { $0.lowercased() },
                          footerLabels: try YAMLFile.strings(rows, "footer", in: folder + "/rows.yml").map { $0.lowercased() },
                          sasaranOpeners: try YAMLFile.strings(rows, "sasaran-openers", in: folder + "/rows.yml")
                            .map { $0.lowercased() },
                          indicatorOpeners: try YAMLFile.strings(rows, "indicator-openers", in: folder + "/rows.yml")
                            .map { $0.lowercased() },
                          nomenclature: nomenclature,
                          inverseKeywords: try YAMLFile.strings(indicators, "inverse", in: folder + "/indicators.yml")
                            .map { $0.lowercased() },
                          changeKeywords: try YAMLFile.strings(indicators, "change", in: folder + "/indicators.yml")
                            .map { $0.lowercased() },
                          servedKeywords: try YAMLFile.strings(indicators, "served", in: folder + "/indicators.yml")
                            .map { $0.lowercased() },
                          countOpeners: try YAMLFile.strings(indicators, "count-openers", in: folder + "/indicators.yml")
                            .map { $0.lowercased() },
                          units: units)
    }

    private static func keywords(_ mapping: Node.Mapping, _ key: String, in path: String) throws(KnowledgeError) -> [Vocabulary.Keyword] {
        var result: [Vocabulary.Keyword] = []
        for node in mapping[key]?.sequence ?? [] {
            guard let entry = node.mapping else { throw KnowledgeError(file: path, "an entry of '\(key)' must be a mapping") }
            try YAMLFile.checkKeys(entry, allowed: ["when", "is"], in: path, at: "an entry of '\(key)'")
            result.append(Vocabulary.Keyword(pattern: try HeaderPattern(try YAMLFile.string(entry, "when", in: path)!, file: path),
                                             value: try YAMLFile.string(entry, "is", in: path)!))
        }
        return result
    }
}
