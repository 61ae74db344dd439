import CermatPlanning

/// A check. It declares what it is (`info`) and reports findings through a context; it never throws.
///
/// A rule looks at one table at a time (`check(table:in:)`), or at a whole workbook once (`check(document:in:)`) when
/// it compares tables with each other. Both default to checking nothing.
public protocol Rule: Sendable {
    /// What the rule is.
    static var info: RuleInfo { get }
    /// A rule with its default behaviour; its settings come through the context.
    init()
    /// Checks one table.
    func check(table: PlanningTable, in context: RuleContext)
    /// Checks a whole workbook once.
    func check(document: PlanningDocument, in context: RuleContext)
}

extension Rule {
    /// Nothing to check per table.
    public func check(table: PlanningTable, in context: RuleContext) {}
    /// Nothing to check per workbook.
    public func check(document: PlanningDocument, in context: RuleContext) {}
}
