import CermatPlanning

/// A check. It declares what it is (`info`) and reports findings through a context; it never throws.
///
/// A rule looks at one table at a time (`check(table:in:)`), at a whole workbook once (`check(document:in:)`) when
/// it compares tables with each other, or at the whole document set of a run (`check(set:in:)`) when it compares
/// documents: every table of every workbook, across sheets and files. All default to checking nothing.
public protocol Rule: Sendable {
    /// What the rule is.
    static var info: RuleInfo { get }
    /// A rule with its default behaviour; its settings come through the context.
    init()
    /// Checks one table.
    func check(table: PlanningTable, in context: RuleContext)
    /// Checks a whole workbook once.
    func check(document: PlanningDocument, in context: RuleContext)
    /// Checks the document set once: every workbook of the run with its classified tables.
    func check(set members: [Linter.Member], in context: SetContext)
    /// How much of the subject index checking a set with these columns reads.
    static func indexUse(in columns: SetColumns) -> IndexUse
    /// The readings of a table it shares with other rules (`TableReadings`), made before the rules start.
    static var readings: [any TableReading.Type] { get }
}

/// A reading of a table that several rules share (`TableReadings`). A rule declares the ones it reads (`Rule.readings`)
/// and the linter makes them before the rules start, each on a core: left to the first rule that asks, a reading of a
/// large table kept every other rule that reads it waiting, each holding a core.
public protocol TableReading: Sendable {
    /// Reads the table afresh (`of(_:in:)` shares it).
    init(reading table: PlanningTable, in context: RuleContext)
}

extension TableReading {
    /// The table's reading among the context's shared readings: made before the rules start, or by the first rule that
    /// asks for it.
    static func of(_ table: PlanningTable, in context: RuleContext) -> Self {
        context.readings.reading(Self.self, of: table) { Self(reading: table, in: context) }
    }
}

/// How much of the subject index a rule reads to check a set (`Rule.indexUse`): the index reads every row of every
/// table, and it is built only when a rule reads it, with the named subjects only when a rule reads them.
public enum IndexUse: Sendable {
    /// Nothing: the rule can find nothing in the set through it.
    case none
    /// Its indicators.
    case indicators
    /// Its indicators and the programs, kegiatan and sasaran the rows name (half the items of a large table).
    case names
}

extension Rule {
    /// Nothing to check per table.
    public func check(table: PlanningTable, in context: RuleContext) {}
    /// Nothing to check per workbook.
    public func check(document: PlanningDocument, in context: RuleContext) {}
    /// Nothing to check across documents.
    public func check(set members: [Linter.Member], in context: SetContext) {}
    /// None: a rule that reads the subject index says how much, in which sets.
    public static func indexUse(in columns: SetColumns) -> IndexUse { .none }
    /// None shared.
    public static var readings: [any TableReading.Type] { [] }
}
