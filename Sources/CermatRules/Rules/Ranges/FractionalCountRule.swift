import CermatPlanning

/// RNG06: half a document, a third of a person: a count with a fraction.
public struct FractionalCountRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "fractional-count", catalogue: ["RNG06"],
        name: Message(id: "Satuan hitung pecahan", en: "Fractional count"),
        severity: .warning,
        description: Message(
            id: "Target, realisasi dan proyeksi dalam satuan hitung (Orang, Unit, Dokumen, Paket, Lembaga, KK… sesuai rules/vocabulary/units.yml), atau indikator \"Jumlah …\" tanpa satuan lain, harus bilangan bulat. Nilai 1,00 atau 3,00 tidak apa-apa; 0,50 tidak. Nilai yang dicetak sebagai persentase (18,10%) bukan hitungan.",
            en: "Targets, realisations and projections in a counting unit (Orang, Unit, Dokumen, Paket, Lembaga, KK… per rules/vocabulary/units.yml), or of a \"Jumlah …\" indicator with no other unit, must be whole numbers. 1,00 or 3,00 is fine; 0,50 is not. A value printed as a percentage (18,10%) is not a count."),
        rationale: Message(
            id: "Pecahan pada satuan hitung biasanya hasil rumus yang diterapkan pada kolom yang salah (realisasi kumulatif dibagi), atau satuan yang keliru; di E-81 Kab. Blitar 2024 realisasi s.d. 2024 pemeliharaan gedung kantor tercetak \"- 0,50\".",
            en: "A fraction in a counting unit usually comes from a formula applied to the wrong column (a cumulative realisation divided), or a wrong unit; in Kab. Blitar's E-81 2024 the realisation to 2024 of office-building maintenance prints \"- 0,50\"."),
        examples: [
            RuleExample("setengah gedung dan setengah dokumen", [
                ["Indikator", "Satuan", "Target", "Realisasi"],
                ["Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi", "", "1", "!0,50"],
                ["Penyusunan Dokumen Perencanaan", "Dokumen", "!2,5", "2"],
            ]),
            RuleExample("bilangan bulat, dan persentase boleh pecahan", [
                ["Indikator", "Satuan", "Target", "Realisasi"],
                ["Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi", "", "1", "1,00"],
                ["Persentase Pemenuhan Administrasi Umum", "%", "100", "92,5"],
                ["Nilai SAKIP Perangkat Daerah", "Nilai", "80,50", "80,98"],
            ]),
            RuleExample("persentase sasaran pada baris yang indikator kegiatannya jumlah orang", [
                ["Sasaran", "Indikator Sasaran", "Target", "Kegiatan", "Indikator Kegiatan", "Target"],
                ["Meningkatnya Pemberdayaan Fakir Miskin", "Persentase fakir miskin yang mandiri", "18,10%",
                 "Pembinaan dan Pelatihan Keterampilan Kerja", "Jumlah PMKS yang mengikuti pelatihan keterampilan", "40 org"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self, SatuanTexts.self] }

    /// Checks every quantity of every count indicator.
    public func check(table: PlanningTable, in context: RuleContext) {
        let units = IndicatorUnits(context, table: table)
        let columns = table.kinerjaColumns
        // Only a cell whose number is not whole, or a list, can hold a fraction: told apart by the table's columns.
        let values = ValueColumns.of(table, in: context)
        // Each column's kinds and numbers taken once, and a column itself only for a cell that may hold a fraction:
        // walking the columns for every cell copied each one, retaining its texts.
        let read = columns.compactMap { column in values[column.index].map { (column: column, cells: $0) } }
        let kinds = read.map(\.cells.kinds), numbers = read.map(\.cells.numbers)
        for index in values.dataRows {
            for slot in read.indices {
                let number = numbers[slot][index]
                guard kinds[slot][index] == .list || (!number.isNaN && number != number.rounded()) else { continue }
                let column = read[slot].column, row = table.rows[index]
                guard let printed = row.values[column.index], let fraction = printed.value.firstNumber(where: { $0 != $0.rounded() }),
                      units.isCount(row, column: column.index) else { continue }
                // A value printed as a percentage is a share, not a count (a sasaran's 18,10% on a row whose kegiatan
                // indicator counts people).
                if case .percent = printed.value { continue }
                let shown = printed.shown(fraction)
                let unit = units.reading(row, column: column.index).map { " " + $0.text } ?? ""
                let name = context.indicatorName(row, near: column.index, in: table)
                context.report(table, row: row, cell: table.cell(row, column.index), column: column.descriptor,
                               message: Message(
                                id: "\(table.columnLabel(column.index).id) bernilai \(shown.id)\(unit): \"\(name)\" dihitung dalam bilangan bulat; periksa rumus atau satuannya",
                                en: "\(table.columnLabel(column.index).en) is \(shown.en)\(unit): \"\(name)\" counts whole things; check the formula or the unit"),
                               actual: fraction)
            }
        }
    }
}
