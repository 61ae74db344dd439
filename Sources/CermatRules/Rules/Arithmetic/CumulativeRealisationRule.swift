import CermatPlanning

/// CAL02: cumulative realisation = realisation to last year + this year's, for money and for flow indicators.
public struct CumulativeRealisationRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "cumulative-realisation", catalogue: ["CAL02"],
        name: Message(id: "Realisasi kumulatif = s.d. tahun lalu + tahun ini", en: "Cumulative = to last year + this year"),
        severity: .error,
        description: Message(
            id: "Kolom realisasi s.d. tahun berjalan (E-81 kolom 14 = 6 + 12, Kab. Kukar kolom 10 = 5 + 7) sama dengan realisasi s.d. tahun lalu ditambah realisasi tahun berjalan. Untuk kinerja (K) hanya berlaku bagi indikator yang dijumlahkan (jumlah orang, dokumen); indikator persentase atau indeks tidak dijumlahkan, dan selisihnya dilaporkan sebagai peringatan.",
            en: "The cumulative realisation column (E-81 column 14 = 6 + 12, Kab. Kukar column 10 = 5 + 7) equals the realisation up to last year plus this year's. For performance (K) it applies only to indicators that add up (numbers of people, documents); percentages and indices do not add up, and a difference is a warning."),
        rationale: Message(
            id: "Realisasi kumulatif menentukan tingkat capaian Renstra; kesalahan di sini menjalar ke kolom 15.",
            en: "The cumulative realisation drives the progress towards the Renstra; an error here carries into column 15."),
        examples: [
            RuleExample("kolom 14 mengulang kolom 12", [
                ["Indikator", "Realisasi s/d 2023", "Realisasi Tahun 2024", "Realisasi s/d Tahun 2024"],
                ["1", "2", "3", "4 = 2 + 3"],
                ["Jumlah Orang yang Menerima Gaji", "32", "32", "!32"],
            ]),
            RuleExample("dijumlahkan benar; persentase tidak dijumlahkan", [
                ["Indikator", "Realisasi s/d 2023", "Realisasi Tahun 2024", "Realisasi s/d Tahun 2024"],
                ["1", "2", "3", "4 = 2 + 3"],
                ["Jumlah Paket Peralatan", "12", "6", "18"],
                ["Persentase Pemenuhan Administrasi", "100", "40", "100"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Checks the table's cumulative sums.
    public func check(table: PlanningTable, in context: RuleContext) {
        DerivationCheck(owns: { derivation, table in
            let target = table.column(at: derivation.target)?.descriptor
            guard ["realisasi", "realisasi-anggaran"].contains(target?.role ?? ""), target?.period == "sd-tahun" else { return false }
            if case .sum = derivation.expression { return true }
            return false
        }, applies: { row, derivation, table in
            // Kinerja adds up only for flow indicators; money always does.
            table.column(at: derivation.target)?.descriptor.measure == "Rp" || !row.isLevelIndicator
        }).run(table, context)
    }
}
