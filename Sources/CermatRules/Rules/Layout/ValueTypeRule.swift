import CermatPlanning

/// HDR02: a value of another kind than its column holds: rupiah in a kinerja or percentage column, a percentage in a
/// rupiah column, words in a column of numbers. A derived value sitting one column off is `column-shift`'s.
public struct ValueTypeRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "value-type", catalogue: ["HDR02"],
        name: Message(id: "Jenis nilai tidak sesuai kolom", en: "Value of the wrong kind for its column"),
        severity: .error,
        description: Message(
            id: "Setiap kolom memuat satu jenis nilai: kinerja (K), rupiah (Rp) atau persentase (%). Dilaporkan: jumlah rupiah (1.000.000 ke atas) di kolom kinerja atau persentase, persentase di kolom rupiah, dan teks di kolom yang baris-baris lainnya berisi angka.",
            en: "Each column holds one kind of value: performance (K), rupiah (Rp) or a percentage (%). Reported: a rupiah amount (1.000.000 or more) in a performance or percentage column, a percentage in a rupiah column, and words in a column whose other rows hold numbers."),
        rationale: Message(
            id: "Nilai yang salah jenis biasanya berarti nilai tertulis di kolom sebelahnya; semua jumlah dan capaian yang memakai kolom itu ikut salah.",
            en: "A value of the wrong kind usually sits in its neighbour's column; every sum and achievement using the column goes wrong with it."),
        examples: [
            RuleExample("pagu di kolom target, persentase di kolom pagu, teks di kolom realisasi", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target Kinerja", "Realisasi Kinerja", "Pagu Indikatif"],
                ["1.06.02.2.03.01", "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat", "Persentase PSM yang Dibina", "!7.598.600,00", "80", "7.598.600,00"],
                ["1.06.02.2.03.02", "Peningkatan Kemampuan Potensi Tenaga Kesejahteraan Sosial Kecamatan", "Jumlah TKSK yang Dibina", "22", "22", "!98,15%"],
                ["1.06.02.2.03.04", "Peningkatan Kemampuan Potensi Sumber Kesejahteraan Sosial Kelembagaan", "Jumlah Lembaga yang Dibina", "27", "!belum ada laporan", "1.072.133.334,00"],
                ["1.06.02.2.03.05", "Peningkatan Kemampuan Sumber Daya Manusia dan Penguatan LK3", "Jumlah Lembaga yang Dibina", "17", "17", "8.113.200,00"],
            ]),
            RuleExample("jumlah orang yang besar tetap nilai kinerja; tanda - bukan teks", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target Kinerja", "Realisasi Kinerja", "Pagu Indikatif"],
                ["1.06.05.2.02.01", "Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota", "Jumlah Keluarga yang Didata", "1.562.076", "1.562.076", "107.445.042,00"],
                ["1.06.05.2.02.03", "Fasilitasi Bantuan Sosial Kesejahteraan Keluarga", "Jumlah Keluarga Penerima Manfaat", "9.600", "-", "5.491.425.220,00"],
                ["1.06.05.2.02.04", "Fasilitasi Bantuan Pengembangan Ekonomi Masyarakat", "Jumlah KPM yang Dibantu", "50", "50", "94.920.000,00"],
                ["1.06.06.2.01.01", "Penyediaan Makanan", "Jumlah Orang yang Mendapatkan Makanan", "1.000", "74", "84.826.565,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks every measured column of the table.
    public func check(table: PlanningTable, in context: RuleContext) {
        let valueColumns = ValueColumns.of(table, in: context)
        let rows = valueColumns.dataRows
        for column in table.columns where column.descriptor.isMeasured {
            guard let cells = valueColumns[column.index] else { continue }
            let money = column.descriptor.measure == "Rp", quantity = ["K", "%"].contains(column.descriptor.measure)
            // What the column holds, counted only when a cell needs it: most columns have no suspicious cell at all.
            lazy var values = rows.compactMap { table.rows[$0].values[column.index] }
            lazy var typical = Self.median(values.compactMap { $0.value.number.map(abs) }.filter { $0 > 0 })
            lazy var numeric = values.filter { $0.value.isNumeric }.count
            lazy var filled = values.filter { !$0.value.isEmpty && $0.value != .check }.count
            for index in rows where Self.mayBeWrong(cells.kinds[index], cells.numbers[index], money: money, quantity: quantity) {
                let row = table.rows[index]
                guard let value = row.values[column.index] else { continue }
                // Written only for the few cells that are wrong: this loop visits every cell of the table.
                var label: (id: String, en: String) { table.columnLabel(column.index) }
                let message: Message?
                switch (value.value, column.descriptor.measure) {
                case (.text(let text), _), (.error(let text), _):
                    // Words among numbers: only where the column is otherwise numbers.
                    guard numeric >= 3, numeric * 5 >= (filled - 1) * 4 else { continue }
                    message = Message(id: "\(label.id) berisi teks \"\(text)\", padahal baris lain di kolom ini berisi angka",
                                      en: "\(label.en) holds the words \"\(text)\" while the column's other rows hold numbers")
                case (.percent(let number), "Rp") where number != 0:
                    message = Self.percentInMoney(label, value.shown(number))
                case (.number(let number), "Rp") where number != 0 && abs(number) < 1000 && number != number.rounded()
                    && (typical ?? 0) >= 1_000_000:
                    message = Self.percentInMoney(label, value.shown(number))
                case (_, "K"), (_, "%"):
                    guard let number = value.value.number, abs(number) >= 1_000_000,
                          column.descriptor.measure == "%" || Self.looksLikeMoney(value, row, table) else { continue }
                    let shown = value.shown(number)
                    message = Message(id: "\(label.id) berisi \(shown.id), sebesar jumlah rupiah, padahal kolom ini memuat \(column.descriptor.measure == "%" ? "persentase" : "nilai kinerja")",
                                      en: "\(label.en) holds \(shown.en), a rupiah-sized amount, in a column of \(column.descriptor.measure == "%" ? "percentages" : "performance values")")
                default:
                    message = nil
                }
                guard let message, !Self.isShifted(row, column.index, table, context) else { continue }
                context.report(table, row: row, cell: value.cell, column: column.descriptor, message: message,
                               actual: value.value.number)
            }
        }
    }

    private static func percentInMoney(_ label: (id: String, en: String), _ shown: (id: String, en: String)) -> Message {
        Message(id: "\(label.id) berisi \(shown.id), yang tampak sebagai persentase, bukan jumlah rupiah",
                en: "\(label.en) holds \(shown.en), which reads as a percentage, not an amount of rupiah")
    }

    // A large K value is money when the row prints the same amount as rupiah, when the indicator is a percentage or a
    // rate, or when it carries "Rp"; a large count of people or families is not.
    private static func looksLikeMoney(_ value: TypedValue, _ row: PlanningRow, _ table: PlanningTable) -> Bool {
        guard let number = value.value.number else { return false }
        if row.isLevelIndicator || TextKey.header(value.raw).hasPrefix("rp") { return true }
        return table.columns.contains { column in
            column.descriptor.measure == "Rp" && row.number(column.index).map { abs($0 - number) < 0.5 } == true
        }
    }

    // Whether a cell may be one the checks report, by its kind and number alone (`money`: a rupiah column; `quantity`:
    // kinerja or percentages): they visit every measured cell of the table, and reading each cell's value where it
    // lies cost more than the checks.
    private static func mayBeWrong(_ kind: PlanningValue.Kind, _ number: Double, money: Bool, quantity: Bool) -> Bool {
        switch kind {
        case .text, .error: return true
        case .absent: return false
        default:
            guard !number.isNaN else { return false }
            if money { return kind == .percent ? number != 0 : kind == .number && abs(number) < 1000 && number != number.rounded() }
            return quantity && abs(number) >= 1_000_000
        }
    }

    // A value its derived column's neighbour should hold is `column-shift`'s to report.
    private static func isShifted(_ row: PlanningRow, _ column: Int, _ table: PlanningTable, _ context: RuleContext) -> Bool {
        table.derivations.contains { $0.target == column && DerivationCheck.isShifted(row, $0, table, context) }
    }

    private static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[values.count / 2]
    }
}
