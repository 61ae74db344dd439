import CermatKnowledge
import CermatPlanning
import CermatRecognition
import CermatWorkbook
import Foundation

/// Every table of a document set read as statements about subjects (an indicator, a sasaran, a program, a kegiatan),
/// with the same subject in different tables matched: by kode where a row has one, else by its normalised text
/// (case, spacing, punctuation, HTML, numbering, parentheses, the spelling variants of `rules/vocabulary/spellings.yml`)
/// at a similarity threshold (texts whose numbers differ, "Ruas 12" and "Ruas 13", never alike). A text that resembles
/// two subjects equally is kept apart as ambiguous, never guessed.
public final class SubjectIndex: Sendable {
    /// The similarity threshold used when a rule does not set its own `similarity` parameter.
    public static let defaultThreshold = 0.9

    /// What a row is about.
    public enum Aspect: String, Hashable, Sendable {
        /// An indicator (with its targets and realisations).
        case indicator
        /// A sasaran statement.
        case sasaran
        /// A program (with its pagu).
        case program
        /// A kegiatan or sub-kegiatan (with its pagu).
        case kegiatan

        // By its place rather than its raw text, which a raw-valued enum hashes by default: the index looks every item
        // up by aspect and text.
        public func hash(into hasher: inout Hasher) {
            switch self {
            case .indicator: hasher.combine(0)
            case .sasaran: hasher.combine(1)
            case .program: hasher.combine(2)
            case .kegiatan: hasher.combine(3)
            }
        }
    }

    /// A cell of a table of a workbook of the set.
    public struct Place: Sendable {
        /// Index of the workbook in the set.
        public var member: Int
        /// The table.
        public var table: PlanningTable
        /// The row.
        public var row: PlanningRow
        /// The cell.
        public var cell: CellAddress
        /// The workbook's file.
        public var file: String

        /// `'PK 2023'!D5 (pk-2023.xlsx)`: where it is, for messages.
        public var description: String {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return "'\(table.sheet)'!\(cell.a1) (\(name))"
        }
    }

    /// One value a table states about a subject: a target, a realisation, a pagu, for a year of a document.
    ///
    /// A large table states millions, so a statement is two references and no allocation of its own: its row (which
    /// holds the value) and its column (`Origin`: where it is and what the column says, held once for all its rows).
    public struct Statement: Sendable {
        /// The row it is on.
        public let row: PlanningRow
        /// The table, column and document it is read from.
        public let origin: Origin

        /// A statement read from a column of a table: `row` must hold a value (not blank, not a lone dash) in its column.
        public init(row: PlanningRow, origin: Origin) {
            assert(row.values.isFilled(origin.column.index), "a statement reads a filled cell")
            self.row = row
            self.origin = origin
        }

        /// The value.
        public var value: TypedValue { row.values[origin.column.index]! }

        /// Where it is.
        public var place: Place { origin.source.place(row, column: origin.column.index) }
        /// Its cell.
        public var cell: CellAddress { CellAddress(row: row.sheetRow, column: origin.column.index) }
        /// The column it is in.
        public var column: PlanningColumn { origin.column }
        /// The column's role (`target`, `realisasi`, `pagu`, …).
        public var role: String { origin.role }
        /// The document that says it: the column's own (`Target Renstra`, `Target PK 2023`) or the table's.
        public var document: DocumentKind? { origin.document }
        /// The year it is for, when known.
        public var year: Int? { origin.year }
        /// Before or after perubahan, when known.
        public var basis: DocumentClassification.Basis? { origin.basis }
        /// The numbers the value holds, a list's one by one.
        public var numbers: [Double] { value.value.numbers }
        /// The value's number when it is one (`PlanningValue.number`), read without copying the value.
        public var number: Double? { row.values.number(origin.column.index) }
        /// How many numbers the value holds, without listing them (or copying the value).
        public var numberCount: Int { row.values.numberCount(origin.column.index) }

        /// `Renstra 2023`, `PK Perubahan 2023`: which document says it, for messages.
        public var source: String {
            var words = [document?.name ?? "?"]
            if basis == .perubahan && document != .renjaPerubahan { words.append("Perubahan") }
            if basis == .murni { words.append("murni") }
            if let year { words.append(String(year)) }
            return words.joined(separator: " ")
        }
    }

    /// A table of a workbook of the set, as its items and statements read it: held once for all of them.
    public final class Source: Sendable {
        /// Index of the workbook in the set.
        public let member: Int
        /// The table.
        public let table: PlanningTable
        /// The workbook's file.
        public let file: String
        /// The table's document: its classification, or an unknown one.
        public let document: DocumentClassification
        /// The table as a key of the set.
        let tableID: Place.TableID

        /// A table of a workbook of the set.
        public init(member: Int, table: PlanningTable, file: String) {
            self.member = member
            self.table = table
            self.file = file
            document = table.classification ?? DocumentClassification(kind: nil, year: nil, evidence: [])
            tableID = Place.TableID(member: member, sheetIndex: table.sheetIndex, range: table.range)
        }

        /// A cell of a row of the table.
        func place(_ row: PlanningRow, column: Int) -> Place {
            Place(member: member, table: table, row: row, cell: CellAddress(row: row.sheetRow, column: column), file: file)
        }
    }

    /// A value column of a table of the set, as its statements read it: held once for all of them.
    public final class Origin: Sendable {
        /// The table it lies in.
        public let source: Source
        /// Index of the workbook in the set.
        public var member: Int { source.member }
        /// The table.
        public var table: PlanningTable { source.table }
        /// The workbook's file.
        public var file: String { source.file }
        /// The column.
        public let column: PlanningColumn
        /// The column's role.
        public let role: String
        /// The document that states the column's values.
        public let document: DocumentKind?
        /// The year they are for, when known.
        public let year: Int?
        /// Before or after perubahan, when known.
        public let basis: DocumentClassification.Basis?
        /// The table as a key of the set.
        var tableID: Place.TableID { source.tableID }

        /// A column of a table of the set, read as stated by a document for a year and basis.
        public init(source: Source, column: PlanningColumn, document: DocumentKind?, year: Int?, basis: DocumentClassification.Basis?) {
            self.source = source
            self.column = column
            role = column.descriptor.role
            self.document = document
            self.year = year
            self.basis = basis
        }
    }

    /// A text cell a table states about a subject (a formula, a unit).
    public final class Text: Sendable {
        /// Where it is.
        public let place: Place
        /// The text as printed.
        public let text: String
        /// The document that says it.
        public let document: DocumentKind?

        /// A text.
        public init(place: Place, text: String, document: DocumentKind?) {
            self.place = place
            self.text = text
            self.document = document
        }
    }

    /// One row's view of one subject (a reference, like `Statement`).
    // @unchecked: `subject`, `candidates` and `kodeNumber` are set only while the index is built, before any rule can see
    // the item.
    public final class Item: @unchecked Sendable {
        /// What it is about.
        public let aspect: Aspect
        /// The text as printed (an indicator, a program name), numbering removed.
        public let text: String
        /// The normalised text the matching compares.
        public let key: String
        /// The kode, normalised, if the row has one.
        public let kode: String?
        /// The row it is read from.
        public let row: PlanningRow
        // Where the text is, kept as its parts: a large table makes hundreds of thousands of items, and a place (and
        // a document) held by each doubled its size.
        private let source: Source
        private let column: Int
        /// Where the text is.
        public var place: Place { source.place(row, column: column) }
        /// The table it is read from.
        public var table: PlanningTable { source.table }
        /// The table it is read from, as a key of the set.
        var tableID: Place.TableID { source.tableID }
        /// The table's document.
        public var document: DocumentClassification { source.document }
        /// The values the row states about it.
        public let statements: [Statement]
        /// Formula texts the row states about it.
        public let formulas: [Text]
        /// The subject it was matched to; `nil` when the match is ambiguous (or before the index matched it).
        public fileprivate(set) var subject: Int?
        /// The subjects it resembles equally, when ambiguous.
        public fileprivate(set) var candidates: [Int] = []
        /// Its kode as a number: two items of one aspect have the same number exactly when they have the same kode, so
        /// that a check grouping hundreds of thousands of items by kode compares numbers, not texts.
        public fileprivate(set) var kodeNumber: Int?
        // The hashes of its kode and its text as the matching looks them up, worked out here: items are made on every
        // core, matched on one.
        private let kodeHash: Int, textHash: Int
        fileprivate var kodeLookup: Lookup? { kode.map { Lookup(aspect: aspect, text: $0, hash: kodeHash) } }
        fileprivate var textLookup: Lookup { Lookup(aspect: aspect, text: key, hash: textHash) }

        /// An item of a row of a table, its text in a column; not yet matched to a subject.
        public init(aspect: Aspect, text: String, key: String, kode: String?, source: Source, row: PlanningRow, column: Int,
                    statements: [Statement], formulas: [Text]) {
            self.aspect = aspect
            self.text = text
            self.key = key
            self.kode = kode
            kodeHash = kode.map { Lookup.hash(aspect: aspect, text: $0) } ?? 0
            textHash = Lookup.hash(aspect: aspect, text: key)
            self.source = source
            self.row = row
            self.column = column
            self.statements = statements
            self.formulas = formulas
        }
    }

    /// The items, in set order (workbook, table, row).
    public let items: [Item]
    /// For each subject, the indices of its items (all of one aspect: only a kode or a text of the same aspect names a subject).
    public let subjects: [[Int]]
    /// The threshold the matching used.
    public let threshold: Double
    /// For each item (by index), the line of the budget it speaks of, when it is a program or kegiatan and that is known:
    /// a list in item order, so that the checks reading every line read the items in the order they lie in memory.
    /// Worked out when first read: only checks comparing tables with each other read it, and a set of one table has none.
    var lines: [String?] {
        assert(hasNames, "the budget lines are read from the named subjects (Rule.indexUse)")
        return linesLock.withLock {
            if let linesRead { return linesRead }
            let lines = Self.lines(of: items)
            linesRead = lines
            return lines
        }
    }
    private let linesLock = NSLock()
    // Touched only under `linesLock`.
    private nonisolated(unsafe) var linesRead: [String?]?
    /// Whether it holds the programs, kegiatan and sasaran the rows name, or only their indicators (`Rule.indexUse`).
    public let hasNames: Bool

    /// Reads and matches every table of the set, leaving out evaluations (LHE) that only quote the documents; the
    /// programs, kegiatan and sasaran rows name only `includingNames` (matching is by aspect: the indicators match alike).
    public convenience init(members: [Linter.Member], knowledge: KnowledgeBase, threshold: Double, includingNames: Bool = true) {
        self.init(columns: SetColumns(members: members, knowledge: knowledge), knowledge: knowledge, threshold: threshold,
                  includingNames: includingNames)
    }

    /// Reads and matches the rows of every table of a set whose value columns are read already.
    public init(columns: SetColumns, knowledge: KnowledgeBase, threshold: Double, includingNames: Bool = true) {
        let matcher = NameMatcher(threshold: threshold, variants: knowledge.documents.spellingVariants)
        // Reading the rows is most of the index's cost, and a row reads alone: the tables are read in slices of rows, on
        // every core at once.
        let slices = columns.tables.flatMap { table in
            stride(from: 0, to: table.source.table.rows.count, by: Self.sliceRows).map { start in
                (table: table, rows: start..<min(start + Self.sliceRows, table.source.table.rows.count))
            }
        }
        let items = Parallel.map(slices.count) { index in
            let slice = slices[index]
            return Self.items(slice.table, rows: slice.rows, columns.members[slice.table.source.member].workbook, knowledge, matcher,
                              names: includingNames)
        }.flatMap { $0 }
        var subjects: [[Int]] = []
        var named = Named(capacity: items.count)
        // The texts a subject is compared through: the one it was found with, and any a row of the same kode gave it. A
        // text joined by likeness alone is not one: a table of names each a letter from the next would otherwise chain
        // into one subject compared text by text with every new one.
        var subjectKeys: [[ComparedText]] = []
        var subjectAspect: [Aspect] = []
        var names = NameIndex(threshold: threshold)
        // The keys filed since the current batch of items was rated (below).
        var added = NameIndex(threshold: threshold)
        func addKey(_ key: ComparedText, of subject: Int) {
            subjectKeys[subject].append(key)
            names.insert(key.prepared.key, id: subject)
            added.insert(key.prepared.key, id: subject)
        }
        // Matching is greedy, so it runs document by document down the planning chain (the Renstra first, as the
        // reference the others are traced to): the subjects do not depend on the order the workbooks were given in.
        let chain = DocumentKind.allCases
        let link = items.map { item in item.document.kind.flatMap { chain.firstIndex(of: $0) } ?? chain.count }
        let order = items.indices.sorted { (link[$0], $0) < (link[$1], $1) }
        // Rating an item's likeness to thousands of subjects (a table of names a few letters apart) is most of the
        // matching: it is done for a batch of items at once, on every core, against the subjects known when the batch
        // starts, for each item that no kode or text names then; going on item by item, an item is then rated only
        // against the keys its batch has added since.
        var rated: [(key: ComparedText, scores: [(id: Int, score: Double)])?] = []
        for (position, index) in order.enumerated() {
            if position % Self.batchItems == 0 {
                let batch = Array(order[position..<min(position + Self.batchItems, order.count)])
                let (names, named, aspects) = (names, named, subjectAspect)
                rated = Parallel.map(batch.count) { offset in
                    let item = items[batch[offset]]
                    guard !item.key.isEmpty, named.subjects(of: item, kode: named.number(of: item)) == (nil, nil) else { return nil }
                    let key = ComparedText(item.key)
                    return (key, names.scores(of: key.prepared, matcher) { aspects[$0] == item.aspect })
                }
                added = NameIndex(threshold: threshold)
            }
            let item = items[index]
            item.kodeNumber = named.numbering(item)
            let found = named.subjects(of: item, kode: item.kodeNumber)
            var chosen = found.byKode ?? found.byText
            var alike = false
            // The item's key as its batch read it, when it was rated.
            var own: ComparedText?
            if chosen == nil, !item.key.isEmpty {
                // Named by neither kode nor text now, the item was named by neither when its batch started.
                let (mine, known) = rated[position % Self.batchItems]!
                own = mine
                let words = mine.words
                // The best score of a subject's texts that also share half their words with the item's: alike letters
                // are not enough.
                func best(_ subject: Int) -> Double {
                    var best = 0.0
                    for theirs in subjectKeys[subject] {
                        let score = matcher.similarity(mine.prepared, theirs.prepared)
                        guard score >= threshold, score > best else { continue }
                        let others = theirs.words
                        let shared = Double(others.count(where: words.contains)) / Double(max(words.count, others.count, 1))
                        if shared >= 0.5 { best = score }
                    }
                    return best
                }
                // Each subject's best score before its words are compared, the most it can score (a subject rated before
                // the batch and again through a key added since counts with its better score): the words are compared
                // only for the few that may come first or tie with the first (a table of names a few letters apart finds
                // thousands alike).
                var bounded = NameIndex.best(known + added.scores(of: mine.prepared, matcher) { subjectAspect[$0] == item.aspect })
                bounded.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
                var scored: [(subject: Int, score: Double)] = [], top = 0.0
                for candidate in bounded {
                    // Sorted by the most each can score: once that is a point below the best found, none can rival it.
                    if !scored.isEmpty, !(top - candidate.score < 0.01) { break }
                    let score = best(candidate.id)
                    guard score >= threshold else { continue }
                    scored.append((candidate.id, score))
                    top = max(top, score)
                }
                scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.subject < $1.subject }
                if let first = scored.first {
                    let rivals = scored.dropFirst().filter { first.score - $0.score < 0.01 }
                    if rivals.isEmpty {
                        chosen = first.subject
                        alike = true
                    } else {
                        item.candidates = [first.subject] + rivals.map(\.subject)
                        continue
                    }
                }
            }
            let subject: Int
            if let chosen {
                subject = chosen
                subjects[subject].append(index)
                if !alike && !subjectKeys[subject].contains(where: { $0.prepared.key == item.key }) {
                    addKey(own ?? ComparedText(item.key), of: subject)
                }
            } else {
                subject = subjects.count
                subjects.append([index])
                subjectKeys.append([])
                subjectAspect.append(item.aspect)
                addKey(own ?? ComparedText(item.key), of: subject)
            }
            item.subject = subject
            named.record(item, subject, found)
        }
        self.items = items
        self.subjects = subjects.map { $0.sorted() }
        self.threshold = threshold
        hasNames = includingNames
    }

    // A text a subject is compared through, read once for all the items compared with it: its key prepared for the
    // likeness and its words (in a table of names a few letters apart, each new name is compared with thousands).
    private struct ComparedText {
        let prepared: NameMatcher.Prepared
        let words: [Substring]

        init(_ key: String) {
            prepared = NameMatcher.Prepared(key)
            words = SubjectIndex.words(of: key)
        }
    }

    // The distinct words of a key, as the likeness counts them shared: splitting by characters, then hashing each word
    // into a set, was most of the matching of a table of such names. A name has a few words: a list is searched faster
    // than a set is made.
    private static func words(of key: String) -> [Substring] {
        let all = TextKey.words(key)
        var words: [Substring] = []
        words.reserveCapacity(all.count)
        for word in all where !words.contains(word) { words.append(word) }
        return words
    }

    // A kode or a text of an aspect, as the matching looks it up (a program and an indicator may share a text), with its
    // hash worked out once.
    fileprivate struct Lookup: Hashable {
        let aspect: Aspect
        let text: String
        let hash: Int

        // The hash of a kode or a text of an aspect.
        static func hash(aspect: Aspect, text: String) -> Int {
            var hasher = Hasher()
            hasher.combine(aspect)
            hasher.combine(text)
            return hasher.finalize()
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }

        static func == (a: Lookup, b: Lookup) -> Bool {
            a.hash == b.hash && a.aspect == b.aspect && a.text == b.text
        }
    }

    // The subject each kode and each text was first matched to, as the matching goes.
    private struct Named {
        // Each kode by its number, and by number the subject the kode was first matched to.
        private var kodeNumbers: [Lookup: Int]
        private var byKode: [Int?] = []
        private var byText: [Lookup: Int]

        init(capacity: Int) {
            kodeNumbers = Dictionary(minimumCapacity: capacity)
            byText = Dictionary(minimumCapacity: capacity)
        }

        // The number of an item's kode, if it has one already seen.
        func number(of item: Item) -> Int? {
            item.kodeLookup.flatMap { kodeNumbers[$0] }
        }

        // The number of an item's kode, a new one for a kode not seen before: read and added in one lookup (hundreds of
        // thousands of items pass here one after the other, on one core).
        mutating func numbering(_ item: Item) -> Int? {
            guard let kode = item.kodeLookup else { return nil }
            let number = kodeNumbers.value(for: kode, inserting: byKode.count)
            if number == byKode.count { byKode.append(nil) }
            return number
        }

        // The subject the item's kode (by its number) names, else the one its text names.
        func subjects(of item: Item, kode number: Int?) -> (byKode: Int?, byText: Int?) {
            let byItsKode = number.flatMap { byKode[$0] }
            return (byItsKode, byItsKode == nil ? byText[item.textLookup] : nil)
        }

        // Records the subject an item was matched to (`found` what named it before): its kode and text name it unless
        // they named a subject first.
        mutating func record(_ item: Item, _ subject: Int, _ found: (byKode: Int?, byText: Int?)) {
            if let number = item.kodeNumber, found.byKode == nil { byKode[number] = subject }
            // The text was looked up unless the kode named the subject, and is absent if looked up in vain.
            let key = item.textLookup
            if found.byKode == nil ? found.byText == nil : byText.index(forKey: key) == nil { byText[key] = subject }
        }
    }

    /// The tables of a workbook the index reads: all but evaluations (LHE), which only quote the documents.
    static func tables(of member: Linter.Member) -> [PlanningTable] {
        member.document.tables.filter { $0.classification?.kind != .evaluasi }
    }

    /// The items of a subject.
    public func items(of subject: Int) -> [Item] {
        subjects[subject].map { items[$0] }
    }

    // MARK: Reading rows

    private static let sliceRows = 8192
    // Items whose likeness to the subjects is rated at once (`init`).
    private static let batchItems = 1024

    private static func items(_ stated: SetColumns.Table, rows: Range<Int>, _ workbook: Workbook, _ knowledge: KnowledgeBase,
                              _ matcher: NameMatcher, names: Bool) -> [Item] {
        let source = stated.source, table = source.table
        let classification = source.document
        let sheet = workbook.sheets[table.sheetIndex]
        let words = knowledge.documents
        let groups = indicatorGroups(table)
        // Rupiah and kinerja apart, each list made at its size: a table states millions of values.
        let moneyOrigins = stated.origins.filter { $0.column.descriptor.measure == "Rp" }
        let kinerjaOrigins = stated.origins.filter { $0.column.descriptor.measure != "Rp" }
        func statements(of row: PlanningRow, in origins: [Origin]) -> [Statement] {
            var statements: [Statement] = []
            statements.reserveCapacity(origins.count)
            for origin in origins where row.values.isFilled(origin.column.index) {
                statements.append(Statement(row: row, origin: origin))
            }
            return statements
        }
        let formulaColumns = table.columns(role: "formula")
        let nameColumn = table.columns(role: "name").first
        let sasaranColumn = table.columns(role: "sasaran").first?.index
        let tujuanColumn = table.columns(role: "tujuan").first?.index
        let indicatorColumn = table.columns(role: "indicator").first?.index
        // A table repeats its names and indicators row after row: each is normalised once.
        var keys: [String: String] = [:], programKeys: [String: String] = [:]
        func key(_ text: String, program: Bool = false) -> String {
            if let known = program ? programKeys[text] : keys[text] { return known }
            let made = subjectKey(text, matcher, program: program)
            if program { programKeys[text] = made } else { keys[text] = made }
            return made
        }
        var result: [Item] = []
        for row in table.rows[rows] where row.isData && row.level != .total {
            func cellColumn(_ column: Int?) -> Int { column ?? table.range.first.column }
            func text(_ column: Int) -> String? {
                guard let cell = sheet[row.sheetRow, column], case .string(let text) = cell.value else { return nil }
                let trimmed = TextKey.trimmed(text)
                return trimmed.isEmpty ? nil : trimmed
            }
            func label(_ column: Int) -> String? {
                text(column).map(strip).flatMap { $0.isEmpty ? nil : $0 }
            }
            let kinerja = statements(of: row, in: kinerjaOrigins)
            let kode = row.kode.map { row.normalizedKode ?? $0 }
            var indicators: [(column: Int?, text: String, members: Set<Int>?)] = []
            if let groups {
                indicators = groups.compactMap { group in label(group.indicator).map { (group.indicator, $0, group.members) } }
            } else if let indicator = row.indicator.map(strip), !indicator.isEmpty {
                indicators = [(indicatorColumn, indicator, nil)]
            }
            for (offset, indicator) in indicators.enumerated() {
                let formulas = formulaColumns.compactMap { column -> Text? in
                    guard indicator.members?.contains(column.index) ?? true, let formula = text(column.index) else { return nil }
                    return Text(place: source.place(row, column: column.index), text: formula,
                                document: words.kind(in: column.header.joined(separator: " "))?.kind ?? classification.kind)
                }
                result.append(Item(aspect: .indicator, text: indicator.text, key: key(indicator.text),
                                   kode: row.level == .indicator || offset > 0 ? nil : kode, source: source, row: row,
                                   column: cellColumn(indicator.column),
                                   statements: indicator.members.map { members in kinerja.filter { members.contains($0.column.index) } }
                                    ?? kinerja,
                                   formulas: formulas))
            }
            guard names else { continue }
            let money = statements(of: row, in: moneyOrigins)
            let name = row.name.map(strip).flatMap { $0.isEmpty ? nil : $0 }
            // A row that also names a sasaran or a program beside its own label (a Renstra matrix row: tujuan, sasaran
            // and the program that reaches it) speaks of each of them too.
            var besides: [(aspect: Aspect, column: Int, text: String)] = []
            if let sasaranColumn, let sasaran = label(sasaranColumn), sasaran != name { besides.append((.sasaran, sasaranColumn, sasaran)) }
            if let nameColumn, let program = label(nameColumn.index), program != name,
               TextKey.header(program).hasPrefix("program ") || TextKey.contains(TextKey.header(nameColumn.header.joined(separator: " ")), "program") {
                besides.append((.program, nameColumn.index, program))
            }
            for beside in besides {
                result.append(Item(aspect: beside.aspect, text: beside.text,
                                   key: key(beside.text, program: beside.aspect == .program),
                                   kode: nil, source: source, row: row, column: beside.column, statements: [], formulas: []))
            }
            guard let name else { continue }
            let aspect: Aspect?
            switch row.level {
            case .program: aspect = .program
            case .kegiatan, .subKegiatan: aspect = .kegiatan
            case .sasaran: aspect = .sasaran
            case .tujuan: aspect = nil
            default:
                // A row whose sasaran cell is empty beside a tujuan column is named by its tujuan, which no document
                // traces (Tabel 2.1: "1. Sistem Perlindungan Sosial …" above its sasaran).
                let tujuanOnly = tujuanColumn != nil && sasaranColumn.flatMap(label) == nil
                if nameColumn == nil && sasaranColumn != nil && !tujuanOnly { aspect = .sasaran }
                else if TextKey.header(name).hasPrefix("program ") { aspect = .program }
                else { aspect = nil }
            }
            guard let aspect else { continue }
            let labelColumn = aspect == .sasaran ? (sasaranColumn ?? nameColumn?.index) : (nameColumn?.index ?? sasaranColumn)
            result.append(Item(aspect: aspect, text: name, key: key(name, program: aspect == .program),
                               kode: aspect == .sasaran ? nil : kode, source: source, row: row, column: cellColumn(labelColumn),
                               statements: row.indicator == nil ? kinerja + money : money, formulas: []))
        }
        return result
    }

    // A table whose indicator columns head groups of their own (a Renstra matrix: Tujuan › Indikator, Kondisi Awal… |
    // Sasaran › Indikator, Tingkat…): each group's values and formula belong to its own indicator, not to the row's
    // first one. `nil` unless every measured and formula column falls under exactly one indicator's group.
    static func indicatorGroups(_ table: PlanningTable) -> [(indicator: Int, members: Set<Int>)]? {
        let indicators = table.columns(role: "indicator")
        guard indicators.count >= 2 else { return nil }
        let heads = indicators.map { column in column.header.count > 1 ? TextKey.header(column.header[0]) : "" }
        guard !heads.contains(""), Set(heads).count == heads.count else { return nil }
        var groups = indicators.map { (indicator: $0.index, members: Set([$0.index])) }
        for column in table.columns where column.descriptor.isMeasured || column.descriptor.role == "formula" {
            guard column.header.count > 1, let at = heads.firstIndex(of: TextKey.header(column.header[0])) else { return nil }
            groups[at].members.insert(column.index)
        }
        return groups
    }

    /// The text without its leading numbering (`1.`, `1.1`, `a.`, `- `).
    static func strip(_ text: String) -> String {
        let trimmed = TextKey.trimmed(text)
        // Most texts start with an ASCII letter: kept as they are, without copying them.
        if let first = trimmed.utf8.first, first < 0x80, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
           !".-) ".utf8.contains(first) {
            return trimmed
        }
        var text = Substring(trimmed)
        while let first = text.first, first.isNumber || first == "." || first == "-" || first == ")" || first == " " {
            text = text.dropFirst()
        }
        return String(text)
    }

    /// The normalised text: the matcher's key without parenthesised asides and, for programs, without the word "program".
    static func subjectKey(_ text: String, _ matcher: NameMatcher, program: Bool = false) -> String {
        // Over bytes: a parenthesis is ASCII, and bytes of a multi-byte character are never one.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var depth = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "(") { depth += 1; bytes.append(0x20); continue }
            if byte == UInt8(ascii: ")") { depth = max(0, depth - 1); bytes.append(0x20); continue }
            if depth == 0 { bytes.append(byte) }
        }
        let plain = String(decoding: bytes, as: UTF8.self)
        var key = matcher.key(plain.isEmpty ? text : plain)
        if program, key.hasPrefix("program ") { key.removeFirst("program ".count) }
        return key
    }

    /// One index per threshold, built once per run however many rules ask for it.
    final class Cache: @unchecked Sendable {
        /// The value columns of the set's tables.
        let columns: SetColumns
        private let knowledge: KnowledgeBase
        // Whether a rule of the run reads the named subjects (`Rule.indexUse`): every index then holds them.
        private let names: Bool
        private var built: [Double: SubjectIndex] = [:]
        private let lock = NSLock()

        init(columns: SetColumns, knowledge: KnowledgeBase, names: Bool) {
            self.columns = columns
            self.knowledge = knowledge
            self.names = names
        }

        func index(threshold: Double) -> SubjectIndex {
            lock.lock()
            defer { lock.unlock() }
            if let index = built[threshold] { return index }
            let index = SubjectIndex(columns: columns, knowledge: knowledge, threshold: threshold, includingNames: names)
            built[threshold] = index
            return index
        }
    }
}
