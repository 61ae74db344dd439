import CermatPlanning
import CermatWorkbook

/// What the checks across documents share: comparing values element by element and naming them in messages.
extension SubjectIndex.Statement {
    /// Whether it says the same as another statement: as many numbers, each equal to a millionth.
    func agrees(with other: SubjectIndex.Statement) -> Bool {
        if let mine = number, let theirs = other.number { return Self.equal(mine, theirs) }
        let mine = numbers, theirs = other.numbers
        guard !mine.isEmpty, !theirs.isEmpty else { return true }
        guard mine.count == theirs.count else { return false }
        return zip(mine, theirs).allSatisfy(Self.equal)
    }

    // Equal to a millionth.
    private static func equal(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(1, abs(a), abs(b))
    }

    /// `75% (Renja 2023, 'Renja'!D2 (renja-2023.xlsx))`: the value as the cell shows it, who says it and where.
    func cited(_ language: Language) -> String {
        "\(shown(language)) (\(source), \(place.description))"
    }

    /// `; 2 tempat lain juga 75%`: the clause saying how many other places state this value; empty for none.
    func alsoSaid(by count: Int) -> Message {
        count == 0 ? Message(id: "", en: "")
            : Message(id: "; \(count) tempat lain juga \(shown(.id))", en: "; \(count) other places also say \(shown(.en))")
    }

    /// The value as the cell shows it: a numeric cell at its own precision, text as typed.
    func shown(_ language: Language) -> String {
        guard value.isNumericCell, let number = value.value.number else { return value.raw }
        let both = value.shown(number)
        return language == .id ? both.id : both.en
    }

    /// Whether two statements may speak of one row of the plan: not when both rows have a kode and the kode differ
    /// (two sub-kegiatan sharing an indicator text).
    func sameKode(_ other: SubjectIndex.Statement) -> Bool {
        guard let mine = row.kode, let theirs = other.row.kode else { return true }
        return (row.normalizedKode ?? mine) == (other.row.normalizedKode ?? theirs)
    }

    /// Whether two statements lie in the same table.
    func sameTable(_ other: SubjectIndex.Statement) -> Bool {
        origin.tableID == other.origin.tableID
    }

    /// Whether two statements lie on the same row of the same table.
    func sameRow(_ other: SubjectIndex.Statement) -> Bool {
        row.sheetRow == other.row.sheetRow && sameTable(other)
    }

    /// The table it lies in, as a key of the set.
    var tableID: SubjectIndex.Place.TableID { origin.tableID }

    /// Its cell as a key of the set.
    var id: SubjectIndex.Place.ID { SubjectIndex.Place.ID(member: origin.member, sheetIndex: origin.table.sheetIndex, cell: cell) }

    /// The number, when the value holds exactly one (alone or as a list of one).
    var single: Double? {
        number ?? (numberCount == 1 ? numbers[0] : nil)
    }
}

extension SubjectIndex {
    /// One row of one table of the set.
    struct RowKey: Hashable {
        let table: Place.TableID
        let sheetRow: Int

        /// The row a place lies on, or another row (`sheetRow`) of its table.
        init(_ place: Place, sheetRow: Int? = nil) {
            table = place.tableID
            self.sheetRow = sheetRow ?? place.row.sheetRow
        }

        /// The row an item is read from.
        init(_ item: Item) {
            table = item.tableID
            sheetRow = item.row.sheetRow
        }

        /// The row a statement lies on.
        init(_ statement: Statement) {
            table = statement.tableID
            sheetRow = statement.row.sheetRow
        }
    }

    /// The statements cut into runs that lie on one row each, in order, as ranges of their positions: a statement's
    /// row-mates are its run. Every list the checks make holds its items in set order (workbook, table, row), so the
    /// statements of a row lie together, and are found without hashing the rows of a large table.
    static func rowRuns<Element>(_ elements: [Element], at statement: (Element) -> Statement) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for position in elements.indices.dropFirst() where !statement(elements[position]).sameRow(statement(elements[position - 1])) {
            runs.append(start..<position)
            start = position
        }
        if !elements.isEmpty { runs.append(start..<elements.count) }
        assert(Set(runs.map { RowKey(statement(elements[$0.lowerBound])) }).count == runs.count, "a row's statements lie together")
        return runs
    }

    /// `rowRuns(_:at:)` of statements.
    static func rowRuns(_ statements: [Statement]) -> [Range<Int>] {
        rowRuns(statements, at: \.self)
    }

    /// Whether the statements lie in more than one table: only then can tables disagree.
    static func spanTables(_ statements: [Statement]) -> Bool {
        guard let first = statements.first else { return false }
        return statements.contains { !$0.sameTable(first) }
    }

    /// Whether the items (by index) lie in more than one table.
    func spanTables(items indices: [Int]) -> Bool {
        guard let first = indices.first else { return false }
        return indices.contains { items[$0].tableID != items[first].tableID }
    }

    /// The distinct years the statements are for, in order of appearance: a subject's few, without building a set.
    static func years(_ statements: some Sequence<Statement>) -> [Int] {
        var years: [Int] = []
        for statement in statements { if let year = statement.year, !years.contains(year) { years.append(year) } }
        return years
    }

    /// The first statement of each distinct place, in set order: a value read twice (a row and its continuation) once.
    static func distinct(_ statements: [Statement]) -> [Statement] {
        distinct(statements, at: \.self)
    }

    /// The first element of each distinct place, in order, for elements that wrap a statement.
    static func distinct<Element>(_ elements: [Element], at statement: (Element) -> Statement) -> [Element] {
        // A place read twice lies on one row, so each statement is compared with those before it in its run (the same
        // table and row: the same place is the same column); the list is returned as it is when each is distinct, as it
        // nearly always is.
        var kept: [Element]?
        for run in rowRuns(elements, at: statement) {
            for position in run {
                let column = statement(elements[position]).origin.column.index
                if elements[run.lowerBound..<position].contains(where: { statement($0).origin.column.index == column }) {
                    if kept == nil { kept = Array(elements[..<position]) }
                } else {
                    kept?.append(elements[position])
                }
            }
        }
        return kept ?? elements
    }

    /// The statements a subject's indicators make that `including` accepts, in set order, gathered in one list: an
    /// indicator text repeated on thousands of rows makes hundreds of thousands, and a list per step copied them all.
    func indicatorStatements(of subject: Int, including: (Statement) -> Bool) -> [Statement] {
        var statements: [Statement] = []
        forEachIndicatorStatement(of: subject) { if including($0) { statements.append($0) } }
        return statements
    }

    /// Calls `body` with each statement a subject's indicators make, in set order, without gathering them: what a
    /// check needs to know before it lists any (the years a subject states) is read in place.
    func forEachIndicatorStatement(of subject: Int, _ body: (Statement) -> Void) {
        for item in subjects[subject] where items[item].aspect == .indicator {
            let statements = items[item].statements
            for position in statements.indices { body(statements[position]) }
        }
    }

    /// A subject's items when it is an indicator, else none: a subject has the one aspect its items share, and most
    /// subjects of a large table (a sub-kegiatan's name each) are no indicator's.
    func indicators(of subject: Int) -> [Item] {
        let members = subjects[subject]
        guard items[members[0]].aspect == .indicator else { return [] }
        return members.map { items[$0] }
    }

    /// The subject's name for messages: the first item's text.
    func name(of subject: Int) -> String {
        items[subjects[subject][0]].text
    }
}

extension SetContext {
    /// Reports a value that differs from the one stated elsewhere: `target 2023 "…": 75% (…) berbeda dengan 100% (…)`,
    /// with how many other places state the value reported (`also`), and the numbers when each side is one number.
    func reportDivergence(_ statement: SubjectIndex.Statement, from reference: SubjectIndex.Statement, what: Message,
                          name: String, also: Message, related: [SubjectIndex.Place]) {
        report(at: statement.place, column: statement.column.descriptor,
               message: Message(
                id: "\(what.id) \"\(name)\": \(statement.cited(.id)) berbeda dengan \(reference.cited(.id))\(also.id)",
                en: "\(what.en) of \"\(name)\": \(statement.cited(.en)) differs from \(reference.cited(.en))\(also.en)"),
               expected: reference.single, actual: statement.single,
               related: related)
    }
}
