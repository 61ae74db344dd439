import CermatPlanning

/// RNG05: an indicator planned with a target of zero or below, where money is planned for it (or the table plans no
/// money at all).
public struct NonPositiveTargetRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "non-positive-target", catalogue: ["RNG05"],
        name: Message(id: "Target nol atau negatif", en: "Zero or negative target"),
        severity: .warning,
        description: Message(
            id: "Target suatu indikator tidak boleh 0 atau negatif bila pagu periode yang sama lebih dari 0; di tabel tanpa kolom pagu (T-C.30, matriks Renstra, RKT) setiap indikator yang direncanakan perlu target di atas 0. Target negatif selalu ditandai; target 0 indikator negatif (semakin kecil semakin baik) boleh.",
            en: "An indicator's target may not be 0 or below when the pagu of the same period is above 0; in a table without pagu (T-C.30, a Renstra matrix, an RKT) every planned indicator needs a target above 0. A negative target is always flagged; a target of 0 is fine for an inverse indicator (lower is better)."),
        rationale: Message(
            id: "Anggaran tanpa target kinerja tidak dapat dievaluasi: capaiannya tidak terhitung (pembagian dengan nol) dan belanja tidak dapat dipertanggungjawabkan terhadap keluaran.",
            en: "Money without a performance target cannot be evaluated: its capaian cannot be computed (division by zero) and the spending cannot be accounted for against an output."),
        examples: [
            RuleExample("target 0 dengan pagu; target 0 di T-C.30", [
                ["Indikator", "Target Kinerja Tahun 2024", "Pagu Indikatif Tahun 2024"],
                ["Jumlah Orang yang Mengikuti Bimbingan Teknis", "!0", "200.000.000,00"],
                ["Jumlah Dokumen Perencanaan Perangkat Daerah", "5", "165.000.000,00"],
            ]),
            RuleExample("tanpa pagu: indikator dengan target 0 sepanjang periode", [
                ["No", "Indikator", "Satuan", "Target Renstra", "<", "<", "<"],
                ["^", "^", "^", "2023", "2024", "2025", "2026"],
                ["6", "Penguatan Forum Tanggung Jawab Sosial Perusahaan", "Orang", "!0", "0", "0", "0"],
                ["7", "Bantuan Sosial Ekonomi Produktif bagi Fakir Miskin", "Kelompok", "5", "5", "5", "5"],
            ]),
            RuleExample("target 0 tanpa pagu pada periode itu; indikator negatif dengan target 0", [
                ["Indikator", "Target Kinerja Tahun 2024", "Pagu Indikatif Tahun 2024"],
                ["Jumlah Orang yang Mengikuti Bimbingan Teknis", "0", "0,00"],
                ["Angka kemiskinan ekstrem", "0", "50.000.000,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks each row's targets against the pagu of the same period.
    public func check(table: PlanningTable, in context: RuleContext) {
        let targets = table.columns(role: "target").filter { $0.descriptor.measure == "K" }
        let budgets = table.columns(role: "pagu")
        guard !targets.isEmpty else { return }
        // Each target column's pagu of the same period, and the yearly targets that show an inverse indicator: found
        // once for the table, not for every row.
        let paired = targets.map { column in (column, budgets.first { $0.descriptor.period == column.descriptor.period }) }
        let yearly = IndicatorPolarity.yearlyTargets(table)
        // Only a row with a target of zero or less (or a list of them) can be flagged: told apart by the table's columns.
        let values = ValueColumns.of(table, in: context)
        let cells = targets.compactMap { values[$0.index] }
        for index in values.dataRows where cells.contains(where: { $0.kinds[index] == .list || $0.numbers[index] <= 0 }) {
            let row = table.rows[index]
            // Only a zero target asks whether the indicator is inverse, where zero is the ideal.
            lazy var inverse = IndicatorPolarity.inverse(row, yearly: yearly, vocabulary: context.knowledge.vocabulary) != nil
            // Without any pagu, a zero in one year among positive ones is only a year the indicator is not planned for.
            let plannedSomewhere = targets.contains { (row.values[$0.index]?.value.numberBounds?.max ?? 0) > 0 }
            var flagged: [(column: PlanningColumn, value: Double, budget: PlanningColumn?)] = []
            for (column, budget) in paired {
                guard let value = row.values[column.index]?.value.numberBounds?.min else { continue }
                if value < 0 {
                    flagged.append((column, value, budget))
                } else if value == 0, !inverse {
                    // With pagu columns, a zero target matters where money is planned; without any, on every year.
                    if let budget {
                        if (row.number(budget.index) ?? 0) > 0 { flagged.append((column, value, budget)) }
                    } else if budgets.isEmpty, !plannedSomewhere {
                        flagged.append((column, value, nil))
                    }
                }
            }
            guard let first = flagged.first, let printed = row.values[first.column.index] else { continue }
            let shown = printed.shown(first.value)
            let name = context.indicatorName(row, near: first.column.index, in: table)
            var because: (id: String, en: String) = ("indikator yang direncanakan perlu target di atas 0", "a planned indicator needs a target above 0")
            if let budget = first.budget, let money = row.number(budget.index), money > 0, let planned = row.values[budget.index] {
                let shownMoney = planned.shown(money)
                because = ("padahal pagunya \(shownMoney.id) (\(table.columnLabel(budget.index).id))",
                           "while its pagu is \(shownMoney.en) (\(table.columnLabel(budget.index).en))")
            }
            let others = flagged.count > 1 ? (" (juga di \(flagged.count - 1) kolom target lain)", " (and in \(flagged.count - 1) other target columns)") : ("", "")
            context.report(table, row: row, cell: table.cell(row, first.column.index), column: first.column.descriptor,
                           message: Message(
                            id: "target \"\(name)\" \(shown.id) pada \(table.columnLabel(first.column.index).id)\(others.0): \(because.id)",
                            en: "the target of \"\(name)\" is \(shown.en) in \(table.columnLabel(first.column.index).en)\(others.1): \(because.en)"),
                           actual: first.value, related: flagged.dropFirst().map { table.cell(row, $0.column.index) })
        }
    }
}
