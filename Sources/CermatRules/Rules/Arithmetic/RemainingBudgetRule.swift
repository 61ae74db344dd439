import CermatPlanning

/// SUM04: sisa = anggaran − realisasi.
public struct RemainingBudgetRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "remaining-budget", catalogue: ["SUM04"],
        name: Message(id: "Sisa = anggaran − realisasi", en: "Remaining = budget − spending"),
        severity: .error,
        description: Message(
            id: "Kolom sisa anggaran sama dengan anggaran dikurangi realisasi keuangan pada baris yang sama.",
            en: "The remaining-budget column equals the budget minus the spending of the same row."),
        rationale: Message(
            id: "Sisa anggaran yang salah menyembunyikan kelebihan belanja atau dana yang tidak terserap.",
            en: "A wrong remainder hides overspending or unspent funds."),
        examples: [
            RuleExample("sisa tidak sesuai", [
                ["Program", "Anggaran", "Realisasi Keuangan (Rp)", "Sisa (Rp)"],
                ["Program Penanganan Bencana", "125.000.000", "113.016.900", "!11.983.000"],
            ]),
            RuleExample("sesuai", [
                ["Program", "Anggaran", "Realisasi Keuangan (Rp)", "Sisa (Rp)"],
                ["Program Penanganan Bencana", "125.000.000", "113.016.900", "11.983.100"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks the table's sisa columns.
    public func check(table: PlanningTable, in context: RuleContext) {
        DerivationCheck(owns: { derivation, table in table.column(at: derivation.target)?.descriptor.role == "sisa" })
            .run(table, context)
    }
}
