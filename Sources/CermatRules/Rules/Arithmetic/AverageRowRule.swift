import CermatPlanning

/// CAL07: a "Rata-rata Capaian Kinerja Program/Kegiatan" footer recomputed over the rows of the level it names,
/// blanks left out; when it differs, which other average the printed value is.
public struct AverageRowRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "average-row", catalogue: ["CAL07"],
        name: Message(id: "Rata-rata capaian", en: "Average row"),
        severity: .warning,
        description: Message(
            id: "Baris \"Rata-rata Capaian Kinerja Program/Kegiatan/Sub Kegiatan\" di bawah tabel dihitung ulang untuk setiap kolom: rata-rata nilai baris pada tingkat yang disebut labelnya, tanpa sel kosong, dan kode yang tercetak dua kali dihitung sekali. Bila berbeda, disebutkan rata-rata mana yang menghasilkan angka tercetak (sel kosong dihitung 0, atau tingkat lain).",
            en: "A footer \"Rata-rata Capaian Kinerja Program/Kegiatan/Sub Kegiatan\" is recomputed for each column: the mean over the rows of the level its label names, blanks left out, a kode printed twice counted once. When it differs, the message says which average gives the printed value (blanks counted as 0, or another level)."),
        rationale: Message(
            id: "Rata-rata capaian menentukan predikat kinerja program dan kegiatan. Di E-81 Kab. Blitar 2024, rata-rata program 80,83% menghitung program tanpa capaian sebagai 0 (seharusnya 97,00%), dan rata-rata \"kegiatan\" diambil dari 45 sub kegiatan.",
            en: "The average capaian decides the predicate of programs and kegiatan. In Kab. Blitar's E-81 2024 the programs' average 80.83% counts a program without capaian as 0 (it should be 97.00%), and the \"kegiatan\" average is taken over the 45 sub-kegiatan."),
        examples: [
            RuleExample("program tanpa capaian dihitung 0", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Target", "Realisasi", "Tingkat Capaian (%)"],
                ["1.06.01", "Program Penunjang Urusan Pemerintahan Daerah", "100", "24", "24,00"],
                ["1.06.02", "Program Pemberdayaan Sosial", "100", "50", "50,00"],
                ["1.06.06", "Program Penanganan Bencana", "", "", ""],
                ["", "Rata-rata Capaian Kinerja Program", "", "", "!24,67%"],
            ]),
            RuleExample("rata-rata program yang terisi", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Target", "Realisasi", "Tingkat Capaian (%)"],
                ["1.06.01", "Program Penunjang Urusan Pemerintahan Daerah", "100", "24", "24,00"],
                ["1.06.02", "Program Pemberdayaan Sosial", "100", "50", "50,00"],
                ["1.06.06", "Program Penanganan Bencana", "", "", ""],
                ["", "Rata-rata Capaian Kinerja Program", "", "", "37,00%"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Recomputes every average footer of the table.
    public func check(table: PlanningTable, in context: RuleContext) {
        for footer in table.rows where footer.level == .footer {
            guard let label = footer.footerLabel, TextKey.header(label).contains("rata"), let level = footer.footerLevel else { continue }
            for (column, printed) in footer.values {
                guard let actual = printed.value.number else { continue }
                check(footer, label: label, level: level, column: column, printed: printed, actual: actual, table, context)
            }
        }
    }

    private func check(_ footer: PlanningRow, label: String, level: RowLevel, column: Int, printed: TypedValue, actual: Double,
                       _ table: PlanningTable, _ context: RuleContext) {
        func matches(_ average: Average?) -> Bool {
            // Averaging printed, rounded values may move the last digit: that is rounding, not a wrong average.
            average.map { context.tolerance.compare(printed, actual, expected: $0.value) != .different } ?? false
        }
        guard let stated = Average(table, level: level, column: column, blanksAsZero: false) else { return }
        if matches(stated) { return }
        let levels: [RowLevel] = [.program, .kegiatan, .subKegiatan, .sasaran]
        let alternatives = [Average(table, level: level, column: column, blanksAsZero: true)]
            + levels.filter { $0 != level }.flatMap { other in
                [Average(table, level: other, column: column, blanksAsZero: false), Average(table, level: other, column: column, blanksAsZero: true)]
            }
        let shownActual = printed.shown(actual, percent: true), shownExpected = printed.shown(stated.value, percent: true)
        var message = Message(
            id: "\(label) tercetak \(shownActual.id), seharusnya \(shownExpected.id) = rata-rata \(table.columnLabel(column).id) dari \(stated.count) \(stated.level.id) yang terisi",
            en: "\(label) prints \(shownActual.en), should be \(shownExpected.en) = the mean of \(table.columnLabel(column).en) over the \(stated.count) \(stated.level.en) that have a value")
        if let cause = alternatives.first(where: matches) ?? nil {
            let blanks = cause.blanksAsZero ? (" dengan sel kosong dihitung 0", " with blanks counted as 0") : ("", "")
            message.id += "; angka tercetak adalah rata-rata \(cause.count) \(cause.level.id)\(blanks.0)"
            message.en += "; the printed value is the mean over \(cause.count) \(cause.level.en)\(blanks.1)"
        }
        context.report(table, row: footer, cell: table.cell(footer, column), column: table.column(at: column)?.descriptor,
                       message: message, expected: stated.value, actual: actual,
                       related: stated.rows.map { table.cell($0, column) })
    }

    /// The mean of a column over the rows of one level.
    private struct Average {
        var value: Double
        var count: Int
        var rows: [PlanningRow]
        var blanksAsZero: Bool
        var level: (id: String, en: String)

        /// `nil` when no row of the level has a value in the column.
        init?(_ table: PlanningTable, level: RowLevel, column: Int, blanksAsZero: Bool) {
            var seen: Set<String> = []
            // A kode printed twice (E-81 repeats a kegiatan before its second block of sub-kegiatan) counts once.
            let rows = table.dataRows([level]).filter { row in row.kode.map { seen.insert(row.normalizedKode ?? $0).inserted } ?? true }
            // A footer is printed where the level's rows print the value it averages: rows read in their own layout
            // (E-81 program rows' column 15) hold it under the column it means.
            let moved = table.rowLayouts.filter { $0.level == level }.flatMap { layout in
                layout.moves.filter { $0.printedIn == column && !$0.repeats }.map { (rows: Set(layout.rows), means: $0.means) }
            }
            func number(_ row: PlanningRow) -> Double? {
                row.number(moved.first { $0.rows.contains(row.sheetRow) }?.means ?? column)
            }
            let filled = rows.filter { number($0) != nil }
            guard !filled.isEmpty else { return nil }
            let counted = blanksAsZero ? rows : filled
            value = counted.reduce(0) { $0 + (number($1) ?? 0) } / Double(counted.count)
            count = counted.count
            self.rows = counted
            self.blanksAsZero = blanksAsZero
            switch level {
            case .program: self.level = ("program", "programs")
            case .kegiatan: self.level = ("kegiatan", "kegiatan")
            case .subKegiatan: self.level = ("sub kegiatan", "sub-kegiatan")
            default: self.level = ("sasaran", "sasaran")
            }
        }
    }
}
