import CermatPlanning

/// SUM03: bertambah / berkurang = after − before perubahan.
public struct ChangeDifferenceRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "change-difference", catalogue: ["SUM03"],
        name: Message(id: "Bertambah/berkurang = sesudah − sebelum", en: "Change = after − before"),
        severity: .error,
        description: Message(
            id: "Kolom bertambah/berkurang sama dengan anggaran sesudah perubahan dikurangi sebelum perubahan. Selisih yang hanya salah tanda (pengurangan tanpa tanda negatif) dilaporkan oleh sign-convention.",
            en: "The change column equals the budget after perubahan minus the budget before. A change whose sign alone is wrong (a decrease without its negative sign) is reported by sign-convention."),
        rationale: Message(
            id: "Di Renja-P Kab. Blitar 2024 beberapa pengurangan kehilangan tanda minusnya, sehingga jumlah perubahan per kegiatan dan total tidak cocok.",
            en: "In Kab. Blitar's Renja-P 2024 several decreases lost their minus sign, so the changes of kegiatan and of the total do not add up."),
        examples: [
            RuleExample("selisih salah hitung (Renja-P Kab. Blitar 2024, program A.)", [
                ["Program/Kegiatan", "Anggaran Sebelum Perubahan", "Anggaran Setelah Perubahan", "Bertambah/Berkurang"],
                ["Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota", "5.779.630.969", "5.296.087.166", "!(483.543.166)"],
            ]),
            RuleExample("benar", [
                ["Program/Kegiatan", "Anggaran Sebelum Perubahan", "Anggaran Setelah Perubahan", "Bertambah/Berkurang"],
                ["Penyediaan Makanan", "100.000.000", "90.000.000", "(10.000.000)"],
                ["Penyediaan Pakaian", "50.000.000", "65.000.000", "15.000.000"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks the table's change columns.
    public func check(table: PlanningTable, in context: RuleContext) {
        DerivationCheck(owns: { derivation, table in table.column(at: derivation.target)?.descriptor.role == "selisih" },
                        applies: { row, derivation, table in !SignConventionRule.isSignFlip(row, derivation, table, context.tolerance) })
            .run(table, context)
    }
}
