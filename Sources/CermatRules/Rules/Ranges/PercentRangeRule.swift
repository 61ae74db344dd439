import CermatPlanning

/// RNG01: a percentage indicator's target or realisation outside 0–100.
public struct PercentRangeRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "percent-range", catalogue: ["RNG01"],
        name: Message(id: "Indikator persentase di luar 0–100", en: "Percentage indicator outside 0–100"),
        severity: .error,
        description: Message(
            id: "Target atau realisasi indikator yang berupa persentase (diawali \"Persentase\" atau bersatuan %) harus di antara 0 dan 100, termasuk realisasi kumulatif (100 + 24 = 124% adalah salah) dan angka jumlah yang dimasukkan ke indikator persentase (248). Indikator perubahan (penurunan, kenaikan, pertumbuhan) dikecualikan: nilainya boleh negatif. Kolom yang menghitung kelompok sasaran (SASARAN PPKS - PSKS: berapa orang) bukan nilai indikator dan tidak diperiksa.",
            en: "The target or realisation of a percentage indicator (starting \"Persentase\" or in %) must lie between 0 and 100, cumulative realisations included (100 + 24 = 124% is wrong), as must counts typed into a percentage indicator (248). Indicators of a change (penurunan, kenaikan, pertumbuhan) are exempt: they may be negative. Columns that count the target group (SASARAN PPKS - PSKS: how many people) are not the indicator's value and are not checked."),
        rationale: Message(
            id: "Persentase lebih dari 100 biasanya berarti indikator kondisi dijumlahkan seperti indikator aliran, atau satuan yang salah.",
            en: "A percentage above 100 usually means a state indicator was added up like a flow, or a wrong unit."),
        examples: [
            RuleExample("persentase kumulatif 124", [
                ["Indikator", "Target", "Realisasi s/d Tahun 2024"],
                ["Persentase Pemenuhan Administrasi Umum", "100", "!124"],
            ]),
            RuleExample("dalam batas; jumlah boleh lebih dari 100; indikator perubahan boleh negatif", [
                ["Indikator", "Target", "Realisasi s/d Tahun 2024"],
                ["Persentase Pemenuhan Administrasi Umum", "100", "98,5"],
                ["Jumlah Orang yang Menerima Bantuan", "500", "562"],
                ["Persentase penurunan PMKS", "1", "-7,31"],
            ]),
            RuleExample("kolom sasaran PPKS menghitung orang, bukan persentase", [
                ["Indikator Kinerja", "Kinerja", "<", "Sasaran PPKS - PSKS", "<"],
                ["^", "Target", "Realisasi", "Target", "Realisasi"],
                ["Persentase PPKS penerima manfaat Program Rehabilitasi Sosial", "100", "100", "454", "454"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks targets and realisations of percentage indicators.
    public func check(table: PlanningTable, in context: RuleContext) {
        // A column under a SASARAN (target group) heading counts the people served, not the indicator's percentage.
        let columns = table.columns.filter {
            ["target", "realisasi", "proyeksi"].contains($0.descriptor.role) && $0.descriptor.measure == "K"
                && !$0.header.dropLast().contains { TextKey.header($0).hasPrefix("sasaran") }
        }
        let change = context.knowledge.vocabulary.changeKeywords
        // Only a row with a number outside 0–100 can be flagged: told by the value columns, before the row is read.
        let values = ValueColumns.of(table, in: context)
        let numbers = columns.compactMap { values[$0.index]?.numbers }
        for index in values.dataRows where numbers.contains(where: { $0[index] < 0 || $0[index] > 100.0001 }) {
            let row = table.rows[index]
            guard row.isPercentage else { continue }
            // A change may be negative or above 100 (PMKS rose: "Persentase penurunan PMKS" = -7,31%).
            if change.contains(where: { TextKey.contains(row.indicatorKey, $0) }) { continue }
            for column in columns {
                guard let value = row.number(column.index), value < 0 || value > 100.0001, let printed = row.values[column.index] else { continue }
                let shown = printed.shown(value)
                context.report(table, row: row, cell: table.cell(row, column.index), column: column.descriptor,
                               message: Message(id: "indikator persentase \"\(row.indicator ?? row.label)\" bernilai \(shown.id) pada \(table.columnLabel(column.index).id), di luar 0–100",
                                                en: "the percentage indicator \"\(row.indicator ?? row.label)\" is \(shown.en) in \(table.columnLabel(column.index).en), outside 0–100"),
                               actual: value)
            }
        }
    }
}
