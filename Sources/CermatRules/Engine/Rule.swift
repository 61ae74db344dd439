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
    /// Whether checking this set reads the programs, kegiatan and sasaran of the subject index, not only its indicators.
    static func readsNames(in members: [Linter.Member]) -> Bool
}

extension Rule {
    /// Nothing to check per table.
    public func check(table: PlanningTable, in context: RuleContext) {}
    /// Nothing to check per workbook.
    public func check(document: PlanningDocument, in context: RuleContext) {}
    /// Nothing to check across documents.
    public func check(set members: [Linter.Member], in context: SetContext) {}
    /// Indicators at most: a rule that reads the index's named subjects says so, or a set that no rule asks them of is
    /// indexed without them (they are half the items of a large table).
    public static func readsNames(in members: [Linter.Member]) -> Bool { false }
}
