import CermatPlanning

/// How tables say which document they belong to (`rules/vocabulary/documents.yml`) and how names are spelled
/// differently in different documents (`rules/vocabulary/spellings.yml`).
public struct DocumentVocabulary: Sendable {
    /// The words of each kind of document, most specific kind first.
    public var kinds: [(kind: DocumentKind, words: [String])] = []
    /// Words that put a table or a column after perubahan.
    public var perubahanWords: [String] = []
    /// Words that put a table or a column before perubahan (murni).
    public var murniWords: [String] = []
    /// Words of columns holding another body's figures (national realisation), never compared.
    public var foreignColumnWords: [String] = []
    /// Words of the routine programs every office runs (administration, apparatus, reporting), which a Renstra's
    /// matrix of sasaran and their programs often leaves out.
    public var supportProgramWords: [String] = []
    /// Spelling variants of single words, lower case (`permakanaan` → `permakanan`).
    public var spellingVariants: [String: String] = [:]

    /// No words: nothing is classified by text.
    public init() {}

    /// The first kind of document one of whose words occurs in `text` as whole words, with the word.
    public func kind(in text: String) -> (kind: DocumentKind, word: String)? {
        let words = Self.words(text)
        for entry in kinds {
            if let word = entry.words.first(where: { Self.contains(words, $0) }) { return (entry.kind, word) }
        }
        return nil
    }

    /// Whether `text` states the basis after perubahan (`perubahan`) or before it (`murni`), and by which word.
    public func basis(in text: String) -> (basis: DocumentClassification.Basis, word: String)? {
        let words = Self.words(text)
        if let word = murniWords.first(where: { Self.contains(words, $0) }) { return (.murni, word) }
        if let word = perubahanWords.first(where: { Self.contains(words, $0) }) { return (.perubahan, word) }
        return nil
    }

    /// Whether a column header speaks of another body's figures.
    public func isForeign(_ text: String) -> Bool {
        let words = Self.words(text)
        return foreignColumnWords.contains { Self.contains(words, $0) }
    }

    /// Whether a program name is one of the routine support programs.
    public func isSupportProgram(_ name: String) -> Bool {
        let words = Self.words(name)
        return supportProgramWords.contains { Self.contains(words, $0) }
    }

    // Lower-case words of letters, digits and hyphens: "Renja-P 2023," → ["renja-p", "2023"].
    static func words(_ text: String) -> [Substring] {
        TextKey.header(text).split { !($0.isLetter || $0.isNumber || $0 == "-") }
    }

    private static func contains(_ words: [Substring], _ phrase: String) -> Bool {
        let wanted = phrase.split(separator: " ")
        guard !wanted.isEmpty, wanted.count <= words.count else { return false }
        for start in 0...(words.count - wanted.count) where words[start] == wanted[0] {
            if (1..<wanted.count).allSatisfy({ words[start + $0] == wanted[$0] }) { return true }
        }
        return false
    }

    static func load(_ folder: String) throws(KnowledgeError) -> DocumentVocabulary {
        var vocabulary = DocumentVocabulary()
        let path = folder + "/documents.yml"
        let file = try YAMLFile.mapping(path)
        try YAMLFile.checkKeys(file, allowed: ["kinds", "perubahan", "murni", "foreign-columns", "support-programs"], in: path, at: "the file")
        for node in file["kinds"]?.sequence ?? [] {
            guard let entry = node.mapping else { throw KnowledgeError(file: path, "an entry of 'kinds' must be a mapping") }
            try YAMLFile.checkKeys(entry, allowed: ["type", "words"], in: path, at: "an entry of 'kinds'")
            let name = try YAMLFile.string(entry, "type", in: path)!
            guard let kind = DocumentKind(rawValue: name) else {
                let known = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw KnowledgeError(file: path, "'\(name)' is not a document type (\(known))")
            }
            vocabulary.kinds.append((kind, try YAMLFile.strings(entry, "words", in: path).map { $0.lowercased() }))
        }
        vocabulary.perubahanWords = try YAMLFile.strings(file, "perubahan", in: path).map { $0.lowercased() }
        vocabulary.murniWords = try YAMLFile.strings(file, "murni", in: path).map { $0.lowercased() }
        vocabulary.foreignColumnWords = try YAMLFile.strings(file, "foreign-columns", in: path).map { $0.lowercased() }
        vocabulary.supportProgramWords = try YAMLFile.strings(file, "support-programs", in: path).map { $0.lowercased() }
        let spellingsPath = folder + "/spellings.yml"
        let spellings = try YAMLFile.mapping(spellingsPath)
        try YAMLFile.checkKeys(spellings, allowed: ["variants"], in: spellingsPath, at: "the file")
        for (key, value) in spellings["variants"]?.mapping ?? [:] {
            guard let variant = key.string, let spelling = value.string else {
                throw KnowledgeError(file: spellingsPath, "each entry of 'variants' maps a word to its spelling")
            }
            vocabulary.spellingVariants[variant.lowercased()] = spelling.lowercased()
        }
        return vocabulary
    }
}
