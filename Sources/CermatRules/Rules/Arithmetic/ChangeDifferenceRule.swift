import CermatPlanning

/// SUM03: bertambah / berkurang = after − before perubahan.
public struct ChangeDifferenceRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "change-difference", catalogue: ["SUM03", "NUM02"],
        name: Message(id: "Bertambah/berkurang = sesudah − sebelum", en: "Change = after − before"),
        severity: .error,
        description: Message(
            id: "Kolom bertambah/berkurang sama dengan anggaran sesudah perubahan dikurangi sebelum perubahan; pengurangan harus bertanda negatif (dalam kurung atau diawali minus).",
            en: "The change column equals the budget after perubahan minus the budget before; a decrease must carry its sign (in parentheses or with a minus)."),
        rationale: Message(
            id: "Di Renja-P Kab. Blitar 2024 beberapa pengurangan kehilangan tanda minusnya, sehingga jumlah perubahan per kegiatan dan total tidak cocok.",
            en: "In Kab. Blitar's Renja-P 2024 several decreases lost their minus sign, so the changes of kegiatan and of the total do not add up."),
        examples: [
            RuleExample("pengurangan tanpa tanda minus", [
                ["Program/Kegiatan", "Anggaran Sebelum Perubahan", "Anggaran Setelah Perubahan", "Bertambah/Berkurang"],
                ["Penyediaan Makanan", "100.000.000", "90.000.000", "!10.000.000"],
            ]),
            RuleExample("benar", [
                ["Program/Kegiatan", "Anggaran Sebelum Perubahan", "Anggaran Setelah Perubahan", "Bertambah/Berkurang"],
                ["Penyediaan Makanan", "100.000.000", "90.000.000", "(10.000.000)"],
                ["Penyediaan Pakaian", "50.000.000", "65.000.000", "15.000.000"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Checks the table's change columns.
    public func check(table: PlanningTable, in context: RuleContext) {
        DerivationCheck(owns: { derivation, table in table.column(at: derivation.target)?.descriptor.role == "selisih" })
            .run(table, context)
    }
}
