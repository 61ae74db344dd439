/// Every rule Cermat has, in the order `cermat rules` lists them.
public enum RuleRegistry {
    /// All rules.
    public static let all: [any Rule.Type] = [
        // Arithmetic and derived columns.
        CapaianFormulaRule.self, AbsorptionFormulaRule.self, CumulativeRealisationRule.self, RenstraProgressRule.self,
        QuarterlySumRule.self, ChangeDifferenceRule.self, RemainingBudgetRule.self, ParentSumRule.self, TotalSumRule.self,
        ColumnShiftRule.self,
        // Ranges.
        PercentRangeRule.self, CapaianOutlierRule.self, RealisasiOverPaguRule.self,
        // Codes, numbers and layout.
        KodeFormatRule.self, DuplicateKodeRule.self, MissingKodeRule.self, KodeHierarchyRule.self, MalformedNumberRule.self,
        SignConventionRule.self, HeaderMismatchRule.self, ValueTypeRule.self, MissingValueRule.self, DuplicateRowsRule.self,
        // Values, scales and units.
        RenstraOverrunRule.self, NonPositiveTargetRule.self, FractionalCountRule.self, OutputWithoutSpendingRule.self,
        CountParentSumRule.self, AverageRowRule.self, InverseIndicatorRule.self, PredicateScaleRule.self,
        CategoryValueRule.self, UnitConsistencyRule.self, UnitSpellingRule.self,
        // Workflow.
        InvalidSuppressionRule.self,
        // Across documents (Renstra, Renja, PK, IKU, LKjIP): the whole document set.
        TargetDivergenceRule.self, TargetBelowPriorRule.self, MissingCounterpartRule.self, BudgetDivergenceRule.self,
        RealisationDivergenceRule.self, NameDivergenceRule.self, TrendPolarityRule.self, RevisedTargetBelowAchievementRule.self,
        FormulaDivergenceRule.self, UnitDivergenceRule.self,
        // Pagu and target of one row (XT08 of the catalogue's cross-table family, checked table by table).
        PaguTargetPairingRule.self,
    ]

    /// The rule with an id.
    public static func rule(_ id: String) -> (any Rule.Type)? {
        all.first { $0.info.id == id }
    }
}
