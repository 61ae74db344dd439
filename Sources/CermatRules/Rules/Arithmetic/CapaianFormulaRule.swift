import CermatPlanning

/// CAL01, CAL06: a capaian column equals realisasi / target × 100 (for an inverse indicator, also (2T − R)/T × 100).
public struct CapaianFormulaRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "capaian-formula", catalogue: ["CAL01", "CAL06"],
        name: Message(id: "Capaian = realisasi / target × 100", en: "Achievement = realisation / target × 100"),
        severity: .error,
        description: Message(
            id: "Setiap kolom capaian (tingkat capaian, % capaian) dihitung ulang dari kolom realisasi dan target yang menjadi dasarnya, sesuai rumus yang dinyatakan baris nomor kolom (13=(12/7)*100%) atau bentuk tabelnya. Selisih pada digit terakhir saja dilaporkan sebagai info (pembulatan ke bawah).",
            en: "Every achievement column (tingkat capaian, % capaian) is recomputed from the realisation and target it is based on, by the formula the column-number row states (13=(12/7)*100%) or the table's form declares. A difference in the last printed digit only is reported as info (truncation)."),
        rationale: Message(
            id: "Capaian yang salah hitung menyesatkan penilaian kinerja (predikat, evaluasi Inspektorat). Di Renja-P Kab. Blitar 2024, kolom 13 memakai realisasi kumulatif (kolom 14) alih-alih realisasi tahun berjalan (kolom 12).",
            en: "A miscomputed achievement misleads every assessment built on it (predicates, the inspectorate's evaluation). In Kab. Blitar's Renja-P 2024, column 13 used the cumulative realisation (column 14) instead of the year's (column 12)."),
        examples: [
            RuleExample("capaian tercetak 150 padahal 6/12×100 = 50", [
                ["Indikator", "Target", "Realisasi", "% Capaian"],
                ["Jumlah Paket Peralatan", "12", "6", "!150,00"],
            ]),
            RuleExample("dihitung benar", [
                ["Indikator", "Target", "Realisasi", "% Capaian"],
                ["Jumlah Paket Peralatan", "12", "6", "50,00"],
                ["Persentase PSKS yang dibina", "90", "92,30", "102,56"],
            ]),
            RuleExample("hanya digit terakhir berbeda: info", [
                ["Indikator", "Target", "Realisasi", "% Capaian"],
                ["Persentase Realisasi Anggaran", "86,36", "113", "!130,84"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks the table's capaian columns of the year (progress towards the Renstra is `renstra-progress`).
    public func check(table: PlanningTable, in context: RuleContext) {
        DerivationCheck(owns: { derivation, table in
            let target = table.column(at: derivation.target)?.descriptor
            return target?.role == "capaian" && target?.period != "sd-tahun" && Self.isRatio(derivation.expression)
        }, applies: { row, derivation, table in
            !Self.matchesInverse(row, derivation, table, context)
        }).run(table, context)
    }

    static func isRatio(_ expression: ColumnExpression) -> Bool {
        switch expression {
        case .quotient: return true
        case .product(let inner, .constant): return isRatio(inner)
        default: return false
        }
    }

    // An inverse indicator may be computed as (2T − R)/T × 100 or T/R × 100 (DOMAIN §2.5): either is right.
    static func matchesInverse(_ row: PlanningRow, _ derivation: Derivation, _ table: PlanningTable, _ context: RuleContext) -> Bool {
        guard row.polarity == .lowerIsBetter, let printed = row.values[derivation.target], let actual = printed.value.number,
              case .some(let columns) = Optional(derivation.expression.columns), columns.count == 2,
              let realisasi = row.number(columns[0]), let target = row.number(columns[1]), target != 0, realisasi != 0 else {
            return false
        }
        return [(2 * target - realisasi) / target * 100, target / realisasi * 100].contains {
            context.tolerance.compare(printed, actual, expected: $0) != .different
        }
    }
}
