import CermatPlanning

/// RNG02: an achievement below 0% or absurdly high (−831%, 892%, 1.486,64%).
public struct CapaianOutlierRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "capaian-outlier", catalogue: ["RNG02"],
        name: Message(id: "Capaian tidak wajar", en: "Implausible achievement"),
        severity: .warning,
        description: Message(
            id: "Capaian (kinerja atau penyerapan anggaran) di bawah 0% adalah kesalahan; di atas 150% (parameter warn-above) patut diperiksa; di atas 300% (error-above) adalah kesalahan.",
            en: "An achievement (performance or budget absorption) below 0% is an error; above 150% (parameter warn-above) it deserves a look; above 300% (error-above) it is an error."),
        rationale: Message(
            id: "Nilai seperti −831% (LKjIP Kota Blitar 2020) atau 1.486,64% (Renja-P Kab. Blitar 2024) menandakan target yang salah satuan, realisasi kumulatif yang tertukar, atau rumus indikator negatif yang salah.",
            en: "Values such as −831% (Kota Blitar's LKjIP 2020) or 1.486,64% (Kab. Blitar's Renja-P 2024) point at a target in the wrong unit, a cumulative realisation swapped in, or a wrong formula for an inverse indicator."),
        parameters: [
            RuleParameter("warn-above", Message(id: "capaian di atas nilai ini (%) diberi peringatan",
                                                     en: "an achievement above this (%) is a warning")),
            RuleParameter("error-above", Message(id: "capaian di atas nilai ini (%) adalah kesalahan",
                                                      en: "an achievement above this (%) is an error")),
        ],
        examples: [
            RuleExample("negatif dan terlalu tinggi", [
                ["Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                ["Persentase penurunan PMKS", "1", "-7,31", "!-731,00"],
                ["Jumlah Penerima Bantuan", "10", "89,2", "!892,00"],
            ]),
            RuleExample("wajar", [
                ["Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                ["Jumlah Penerima Bantuan", "10", "12", "120,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Checks every capaian and absorption cell.
    public func check(table: PlanningTable, in context: RuleContext) {
        let warnAbove = context.settings.parameter("warn-above")
        let errorAbove = context.settings.parameter("error-above")
        for column in table.columns where ["capaian", "penyerapan"].contains(column.descriptor.role) {
            for row in table.dataRows() {
                guard let printed = row.values[column.index], let value = printed.value.number else { continue }
                let severity: Severity
                if value < 0 || value > errorAbove { severity = .error }
                else if value > warnAbove { severity = context.settings.severity }
                else { continue }
                let shown = printed.shown(value, percent: true)
                let bound = value < 0 ? ("di bawah 0%", "below 0%") : value > errorAbove
                    ? ("di atas \(Numeral.percent(errorAbove, decimals: 0, language: .id))", "above \(Numeral.percent(errorAbove, decimals: 0, language: .en))")
                    : ("di atas \(Numeral.percent(warnAbove, decimals: 0, language: .id))", "above \(Numeral.percent(warnAbove, decimals: 0, language: .en))")
                context.report(table, row: row, cell: table.cell(row, column.index), column: column.descriptor,
                               message: Message(id: "\(table.columnLabel(column.index).id) \(shown.id) \(bound.0): periksa target, realisasi dan rumusnya",
                                                en: "\(table.columnLabel(column.index).en) \(shown.en) is \(bound.1): check the target, the realisation and the formula"),
                               actual: value, severity: severity)
            }
        }
    }
}
