import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// What the trend, revision, unit and formula checks across documents read beyond the subject index: a cell's text,
/// the indicator a value column speaks for, the unit of a value and the direction an indicator is good in.
struct AcrossReading {
    /// The workbooks of the set.
    let members: [Linter.Member]
    /// The vocabulary (units, polarity words).
    let vocabulary: Vocabulary
    // One workbook context each, only to read cells the way the single-workbook rules do; nothing is reported on them.
    private let contexts: [RuleContext]
    // The unit readings of each table, kept: each remembers the units it has looked up, and a rule asks row by row.
    private let units = UnitReadings()

    private final class UnitReadings {
        var tables: [SubjectIndex.Place.TableID: IndicatorUnits] = [:]
    }

    /// The readings of a set.
    init(_ context: SetContext) {
        members = context.members
        vocabulary = context.knowledge.vocabulary
        contexts = zip(context.members, context.readings).map { member, readings in
            RuleContext(workbook: member.workbook, document: member.document, knowledge: context.knowledge,
                        settings: context.settings, rule: context.rule, readings: readings)
        }
    }

    /// The text of a cell of a place's row, trimmed (a number as Indonesian text); empty when blank.
    func text(_ place: SubjectIndex.Place, column: Int) -> String {
        contexts[place.member].text(place.table, row: place.row.sheetRow, column: column)
    }

    /// The place of another cell of the same row.
    func place(_ place: SubjectIndex.Place, column: Int) -> SubjectIndex.Place {
        var moved = place
        moved.cell = CellAddress(row: place.row.sheetRow, column: column)
        return moved
    }

    /// The indicator a value column of a row speaks for: the indicator column nearest to its left (a Renstra matrix
    /// has one for its tujuan and one for its sasaran, or one for its old and one for its new nomenclature), else the
    /// row's indicator.
    func indicator(_ place: SubjectIndex.Place, column: Int) -> String {
        contexts[place.member].indicatorName(place.row, near: column, in: place.table)
    }

    /// Whether a statement is about the item it was read for, not about the other indicator of a two-indicator row.
    func speaks(_ statement: SubjectIndex.Statement, for item: SubjectIndex.Item) -> Bool {
        Self.same(indicator(statement.place, column: statement.column.index), item.text)
    }

    /// Whether two indicator texts are the same once numbering, case, spacing and punctuation are set aside.
    static func same(_ a: String, _ b: String) -> Bool {
        a == b || TextKey.header(SubjectIndex.strip(a)) == TextKey.header(SubjectIndex.strip(b))
    }

    /// The unit of a row's value in a column as the unit rules read it: in the cell, its Satuan column or the
    /// indicator's noun (`source`); `text` as printed, `unit` the dictionary unit it spells, if any.
    func unit(_ place: SubjectIndex.Place, column: Int) -> IndicatorUnits.Reading? {
        units(place).reading(place.row, column: column)
    }

    /// The unit a row's indicator names after its count word (`Jumlah Orang …` → Orang), if any.
    func noun(_ place: SubjectIndex.Place) -> Vocabulary.Unit? {
        units(place).noun(place.row)
    }

    private func units(_ place: SubjectIndex.Place) -> IndicatorUnits {
        let id = place.tableID
        if let known = units.tables[id] { return known }
        let made = IndicatorUnits(contexts[place.member], table: place.table)
        units.tables[id] = made
        return made
    }

    /// Whether an indicator measures a rate or a level (a percentage, an index, a score) rather than a count of
    /// outputs, whose planned volume follows the budget and may rightly fall.
    func isRate(_ indicator: String, unit: String?, value: TypedValue?) -> Bool {
        if case .percent = value?.value { return true }
        let key = TextKey.header(SubjectIndex.strip(indicator))
        if let unit, let known = vocabulary.unit(spelled: unit), ["Persen", "Indeks", "Nilai"].contains(known.name) { return true }
        return ["persentase", "presentase", "prosentase", "indeks", "nilai", "rasio", "tingkat", "angka", "rata rata"]
            .contains { key.hasPrefix($0 + " ") }
    }

    /// Whether an item's indicator is better when lower: by its own text (a row may hold a tujuan and a sasaran
    /// indicator, and the row's polarity is its first one's), or by the falling targets of a row that is its own.
    func lower(_ item: SubjectIndex.Item) -> Bool {
        let key = TextKey.header(SubjectIndex.strip(item.text))
        if positive(key) { return false }
        if vocabulary.polarity(ofIndicator: key) == .lowerIsBetter { return true }
        guard Self.same(item.row.indicator ?? "", item.text) else { return false }
        return IndicatorPolarity.inverse(item.row, in: item.table, vocabulary: vocabulary) != nil
    }

    /// Why an indicator is better when higher whatever population it names: it measures a change or a service.
    func positive(_ indicator: String) -> Bool {
        let key = TextKey.header(indicator)
        return (vocabulary.changeKeywords + vocabulary.servedKeywords).contains { TextKey.contains(key, $0) }
    }
}
