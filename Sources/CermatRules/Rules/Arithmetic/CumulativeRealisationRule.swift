import CermatPlanning

/// CAL02: cumulative realisation = realisation to last year + this year's, for money and for flow indicators.
public struct CumulativeRealisationRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "cumulative-realisation", catalogue: ["CAL02"],
        name: Message(id: "Realisasi kumulatif = s.d. tahun lalu + tahun ini", en: "Cumulative = to last year + this year"),
        severity: .error,
        description: Message(
            id: "Kolom realisasi s.d. tahun berjalan (E-81 kolom 14 = 6 + 12, Kab. Kukar kolom 10 = 5 + 7) sama dengan realisasi s.d. tahun lalu ditambah realisasi tahun berjalan. Untuk kinerja (K) hanya berlaku bagi indikator yang dijumlahkan (jumlah orang, dokumen); indikator persentase atau indeks tidak dijumlahkan, begitu pula indikator stok yang realisasi tahunnya dibaca pada triwulan terakhir (triwulan I = triwulan II = realisasi tahun: pegawai yang digaji, TKSK yang dibina): realisasi kumulatifnya sama dengan realisasi tahun ini.",
            en: "The cumulative realisation column (E-81 column 14 = 6 + 12, Kab. Kukar column 10 = 5 + 7) equals the realisation up to last year plus this year's. For performance (K) it applies only to indicators that add up (numbers of people, documents); percentages and indices do not add up, nor do stock indicators whose year is read at the last quarter (quarter I = quarter II = the year's realisation: staff on the payroll, TKSK supported): their cumulative realisation is the year's."),
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
            RuleExample("indikator stok (triwulan I = triwulan II = realisasi tahun): kumulatif = realisasi tahun ini", [
                ["Indikator", "Realisasi s/d 2023", "Realisasi Triwulan I", "Realisasi Triwulan II", "Realisasi Tahun 2024", "Realisasi s/d Tahun 2024"],
                ["1", "2", "3", "4", "5", "6 = 2 + 5"],
                ["Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "32", "32", "32", "32", "32"],
                ["Jumlah Paket Peralatan", "12", "2", "4", "6", "18"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks the table's cumulative sums.
    public func check(table: PlanningTable, in context: RuleContext) {
        DerivationCheck(owns: { derivation, table in
            let target = table.column(at: derivation.target)?.descriptor
            guard ["realisasi", "realisasi-anggaran"].contains(target?.role ?? ""), target?.period == "sd-tahun" else { return false }
            if case .sum = derivation.expression { return true }
            return false
        }, applies: { row, derivation, table in !Self.exempts(row, derivation, table) }).run(table, context)
    }

    /// Whether a cumulative sum of kinerja does not apply to the row: money always adds up, a percentage, an index or a
    /// stock does not (its cumulative realisation is its latest level).
    static func exempts(_ row: PlanningRow, _ derivation: Derivation, _ table: PlanningTable) -> Bool {
        guard let target = table.column(at: derivation.target)?.descriptor, target.role == "realisasi", target.measure == "K",
              target.period == "sd-tahun", case .sum = derivation.expression else { return false }
        return row.isLevelIndicator || isStock(row, table)
    }

    /// Whether the row reads its year at the last quarter (a stock: the same 32 staff on the payroll in quarter I and II),
    /// shown by at least two filled quarters whose sum differs from the year's realisation that repeats the last of them.
    static func isStock(_ row: PlanningRow, _ table: PlanningTable) -> Bool {
        let quarters = (1...4).compactMap { table.firstColumn("realisasi/K/TW\($0)") }.compactMap { row.number($0) }
        guard quarters.count >= 2, let year = table.firstColumn("realisasi/K/tahun").flatMap({ row.number($0) }),
              let last = quarters.last else { return false }
        return abs(year - last) < 1e-9 && abs(year - quarters.reduce(0, +)) > 1e-9
    }
}
