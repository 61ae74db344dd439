import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// The unit of a value, read the way a planner writes it: in the cell (`10 Dokumen`), in the Satuan column that
/// governs the value's column (the nearest one to its left: a Renstra matrix has one for its old and one for its new
/// indicators), or named by the indicator itself (`Jumlah Orang yang …`). Shared by the unit, count and sum rules.
struct IndicatorUnits {
    /// Where a unit was read.
    enum Source {
        /// In the value's own cell (`10 Dokumen`).
        case cell
        /// In a Satuan column.
        case column
        /// In the indicator's noun (`Jumlah Dokumen …`).
        case indicator
    }

    /// A unit as written, and the dictionary's unit it stands for (if it is one).
    struct Reading {
        /// The text as printed (`Larpoan`, `orang`, `Desa/Kel`).
        var text: String
        /// The dictionary unit it is a spelling of, if any.
        var unit: Vocabulary.Unit?
        /// Where it was read.
        var source: Source
    }

    let vocabulary: Vocabulary
    private let context: RuleContext
    private let table: PlanningTable
    private let satuanColumns: [Int]
    private let satuanTexts: SatuanTexts
    private let memo = Memo()

    // A table repeats its few units on every row: each text is looked up once.
    private final class Memo {
        var spelled: [String: Vocabulary.Unit?] = [:]
        var known: [String: Vocabulary.Unit?] = [:]
        // By an indicator's first three words, all its noun is read from (`noun(of:)`).
        var nouns: [Substring: Vocabulary.Unit?] = [:]
        // The indicator asked last and its noun: a table often repeats an indicator on rows one after another, and
        // comparing with the one before costs less than hashing a long text.
        var lastNoun: (indicatorKey: String, unit: Vocabulary.Unit?)?
    }

    /// The units of a table's values.
    init(_ context: RuleContext, table: PlanningTable) {
        self.context = context
        self.table = table
        vocabulary = context.knowledge.vocabulary
        satuanColumns = table.columns(role: "unit").map(\.index).sorted()
        satuanTexts = SatuanTexts.of(table, in: context)
    }

    /// The Satuan column that governs a column: the nearest one to its left.
    func satuanColumn(for column: Int) -> Int? {
        satuanColumns.last { $0 < column }
    }

    /// The text of the Satuan cell that governs a column of a row, if it is filled.
    func satuan(_ row: PlanningRow, for column: Int) -> (text: String, cell: CellAddress)? {
        satuanColumn(for: column).flatMap { satuan(row, in: $0) }
    }

    /// The text of a row's cell in a Satuan column, if it is filled.
    func satuan(_ row: PlanningRow, in satuan: Int) -> (text: String, cell: CellAddress)? {
        let text = satuanTexts.columns[satuan]?.text(sheetRow: row.sheetRow, in: table)
            ?? context.text(table, row: row.sheetRow, column: satuan)
        return text.isEmpty ? nil : (text, table.cell(row, satuan))
    }

    /// The unit of a row's value in a column: the cell's own, else its Satuan column's, else the indicator's noun.
    func reading(_ row: PlanningRow, column: Int) -> Reading? {
        if let value = row.values[column], case .measured(_, let text) = value.value {
            return Reading(text: text, unit: known(text), source: .cell)
        }
        if let satuan = satuan(row, for: column) {
            return Reading(text: satuan.text, unit: known(satuan.text), source: .column)
        }
        return noun(row).map { Reading(text: $0.name, unit: $0, source: .indicator) }
    }

    /// The dictionary unit of a row's value in a column, if any.
    func unit(_ row: PlanningRow, column: Int) -> Vocabulary.Unit? {
        reading(row, column: column)?.unit
    }

    /// The dictionary unit a text is a spelling of, if any (`vocabulary.unit(spelled:)`, looked up once per text).
    func spelled(_ text: String) -> Vocabulary.Unit? {
        if let found = memo.spelled[text] { return found }
        let unit = vocabulary.unit(spelled: text)
        memo.spelled[text] = unit
        return unit
    }

    /// The dictionary unit a text names: a spelling of it, or a slip of one (`Larpoan`).
    func known(_ text: String) -> Vocabulary.Unit? {
        if let found = memo.known[text] { return found }
        let unit = spelled(text) ?? nearMiss(text)
        memo.known[text] = unit
        return unit
    }

    /// The unit an indicator names after its count word: `Jumlah Orang yang …` → Orang, `Jumlah Keluarga …` → Keluarga;
    /// none for an indicator that counts two kinds (`Jumlah Lembaga atau Perorangan …`).
    func noun(_ row: PlanningRow) -> Vocabulary.Unit? {
        noun(row.indicatorKey)
    }

    /// The unit an indicator names after its count word, by its normalised text (`PlanningRow.indicatorKey`).
    func noun(_ indicatorKey: String) -> Vocabulary.Unit? {
        if let last = memo.lastNoun, last.indicatorKey == indicatorKey { return last.unit }
        // Looked up by the first three words: indicators each their own text (a place named on every row) share them,
        // and each text looked up whole cost a lookup of its words for every row.
        let head = Self.firstWords(3, of: indicatorKey)
        let unit: Vocabulary.Unit?
        if let found = memo.nouns[head] {
            unit = found
        } else {
            unit = noun(of: String(head))
            memo.nouns[head] = unit
        }
        memo.lastNoun = (indicatorKey, unit)
        return unit
    }

    // A normalised text up to its `count`th space: its first `count` words.
    private static func firstWords(_ count: Int, of text: String) -> Substring {
        var spaces = 0
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: " ") {
            spaces += 1
            if spaces == count { return text[..<index] }
        }
        return text[...]
    }

    // The noun of a normalised indicator text: its first three words are all it reads, each looked up once per table
    // (a table of indicators each its own text shares a few dozen words).
    private func noun(of indicator: String) -> Vocabulary.Unit? {
        let words = TextKey.words(indicator, maxSplits: 3)
        guard words.count >= 2, vocabulary.countOpeners.contains(where: { $0 == words[0] }) else { return nil }
        if words.count >= 3, ["atau", "dan", "/", "&"].contains(where: { $0 == words[2] }) { return nil }
        // Two-word units first (`kepala keluarga`, `orang hari`), then one word.
        if words.count >= 3, let unit = spelled(words[1] + " " + words[2]) { return unit }
        return spelled(String(words[1]))
    }

    /// Whether a row's value in a column counts whole things: a count unit, or an indicator opening with a count word
    /// (`Jumlah Gedung …`) and no unit of another kind.
    func isCount(_ row: PlanningRow, column: Int) -> Bool {
        if row.isLevelIndicator { return false }
        if let reading = reading(row, column: column) { return reading.unit?.isCount ?? false }
        let first = row.indicatorKey.split(separator: " ").first.map(String.init) ?? ""
        return vocabulary.countOpeners.contains(first)
    }

    /// Whether two units count the same thing: the same unit, or one another name or a kind of the other (`same-as`).
    static func sameKind(_ a: Vocabulary.Unit, _ b: Vocabulary.Unit) -> Bool {
        a.name == b.name || a.sameAs == b.name || b.sameAs == a.name || (a.sameAs != nil && a.sameAs == b.sameAs)
    }

    /// The dictionary unit a misspelt unit was meant to be (`Larpoan` → Laporan, `Paekt` → Paket), if exactly one is
    /// within the distance a typing slip makes: one edit in a short word, two in a long one, same first letter.
    func nearMiss(_ text: String) -> Vocabulary.Unit? {
        let key = Array(TextKey.header(text))
        guard key.count >= 4, key.allSatisfy({ $0.isLetter }) else { return nil }
        let allowed = key.count >= 6 ? 2 : 1
        var found: [String: Vocabulary.Unit] = [:]
        for unit in vocabulary.units {
            for spelling in unit.spellings + [unit.name.lowercased()] {
                let candidate = Array(spelling)
                guard candidate.first == key.first, abs(candidate.count - key.count) <= allowed,
                      Self.distance(key, candidate) <= allowed else { continue }
                found[unit.name] = unit
            }
        }
        return found.count == 1 ? found.values.first : nil
    }

    /// The units of a Satuan list (`Orang, Orang, Bulan, Orang`, `LKSA dan Orang pengurus LKSA`), in order.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap { part in
            TextKey.trimmed(part).components(separatedBy: " dan ")
        }.map { TextKey.trimmed($0.hasPrefix("dan ") ? String($0.dropFirst(4)) : $0) }.filter { !$0.isEmpty && $0 != "dan" }
    }

    /// Edit distance with adjacent transpositions counted as one edit (`paekt` → `paket`).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
