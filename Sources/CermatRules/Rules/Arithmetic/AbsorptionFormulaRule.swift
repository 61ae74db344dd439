import CermatPlanning

/// CAL04: budget absorption = realisasi anggaran / pagu × 100.
public struct AbsorptionFormulaRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "absorption-formula", catalogue: ["CAL04"],
        name: Message(id: "Penyerapan = realisasi anggaran / pagu × 100", en: "Absorption = spending / budget × 100"),
        severity: .error,
        description: Message(
            id: "Setiap kolom persentase penyerapan anggaran (capaian anggaran, % realisasi keuangan, Rp % E-81) dihitung ulang dari realisasi anggaran dan pagu pada baris yang sama.",
            en: "Every budget-absorption percentage (capaian anggaran, % realisasi keuangan, E-81's Rp %) is recomputed from the spending and the budget of the same row."),
        rationale: Message(
            id: "Penyerapan anggaran adalah dasar tingkat efisiensi dan penilaian akuntabilitas keuangan di LKjIP.",
            en: "Absorption is the basis of the efficiency measure and of the financial accountability assessment in an LKjIP."),
        examples: [
            RuleExample("97,25% tidak sesuai 836.704.750 / 860.400.000", [
                ["Program", "Alokasi Anggaran", "Realisasi Anggaran", "%"],
                ["Program Pemberdayaan Sosial", "860.400.000", "836.704.750", "97,25"],
                ["Program Rehabilitasi Sosial", "840.600.000", "836.704.750", "!95,00"],
            ]),
            RuleExample("sesuai", [
                ["Program", "Alokasi Anggaran", "Realisasi Anggaran", "%"],
                ["Program Pemberdayaan Sosial", "860.400.000", "836.704.750", "97,25"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks the table's absorption columns of the year (to the end of the Renstra is `renstra-progress`).
    public func check(table: PlanningTable, in context: RuleContext) {
        DerivationCheck(owns: { derivation, table in
            let target = table.column(at: derivation.target)?.descriptor
            return target?.role == "penyerapan" && target?.period != "sd-tahun"
        }).run(table, context)
    }
}
