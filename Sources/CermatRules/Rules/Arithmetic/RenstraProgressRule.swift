import CermatPlanning

/// CAL03: progress towards the Renstra = cumulative realisation / end-of-Renstra target × 100; "Rp=14" repeats column 14.
public struct RenstraProgressRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "renstra-progress", catalogue: ["CAL03"],
        name: Message(id: "Tingkat capaian Renstra = kumulatif / target akhir × 100", en: "Renstra progress = cumulative / end target × 100"),
        severity: .error,
        description: Message(
            id: "Kolom tingkat capaian Renstra s.d. tahun berjalan (E-81 kolom 15 = 14/5 × 100%, Kab. Kukar kolom 11 = 10/4, LKjIP tingkat kemajuan) dihitung ulang dari realisasi kumulatif dan target akhir periode Renstra; sub-kolom \"Rp=14\" harus sama dengan kolom 14 Rp.",
            en: "The progress towards the Renstra (E-81 column 15 = 14/5 × 100%, Kab. Kukar column 11 = 10/4, the LKjIP's tingkat kemajuan) is recomputed from the cumulative realisation and the end-of-period target; the \"Rp=14\" sub-column must equal column 14 Rp."),
        rationale: Message(
            id: "Angka ini menunjukkan apakah target lima tahunan akan tercapai; LKjIP Kab. Mojokerto 2023 mencetaknya sebagai selisih (0,18%), bukan rasio.",
            en: "This figure shows whether the five-year target will be met; Kab. Mojokerto's LKjIP 2023 printed it as a difference (0,18%) instead of a ratio."),
        examples: [
            RuleExample("tingkat kemajuan dicetak sebagai selisih", [
                ["Indikator Kinerja", "Target Akhir Renstra", "Realisasi s/d 2023", "Tingkat Kemajuan"],
                ["Persentase PPKS yang mendapatkan layanan", "82", "82,18", "!0,18"],
            ]),
            RuleExample("rasio yang benar", [
                ["Indikator Kinerja", "Target Akhir Renstra", "Realisasi s/d 2023", "Tingkat Kemajuan"],
                ["Persentase PPKS yang mendapatkan layanan", "82", "82,18", "100,22"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks progress ratios and the copies of the cumulative money column.
    public func check(table: PlanningTable, in context: RuleContext) {
        DerivationCheck(owns: { derivation, table in
            let target = table.column(at: derivation.target)?.descriptor
            guard target?.period == "sd-tahun" else { return false }
            if ["capaian", "penyerapan"].contains(target?.role ?? "") { return true }
            if case .column = derivation.expression { return true }
            return false
        }).run(table, context)
    }
}
