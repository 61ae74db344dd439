import CermatPlanning
import CermatWorkbook

/// NUM01: number-like text the Indonesian reading cannot take without guessing, and numbers printed unlike the rest of
/// their table (no thousands separator, no % where the row's other values have one).
public struct MalformedNumberRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "malformed-number", catalogue: ["NUM01"],
        name: Message(id: "Format angka", en: "Number format"),
        severity: .warning,
        description: Message(
            id: "Angka ditulis dengan format Indonesia: titik pemisah ribuan, koma pemisah desimal (6.675.575.000,00; 98,15%). Dilaporkan sebagai peringatan: titik di akhir (4.035.693.583.), kelompok ribuan yang tidak tiga digit (2.754.6000; 860.400.00), koma sebagai pemisah ribuan (420,000,000), titik sebagai tanda desimal (80.50; 130.84%) dan angka yang terpisah spasi (96.925.000 0). Bila rumus tabel atau jumlah induknya menunjukkan nilai yang dimaksud, nilai itu disebut. Dilaporkan sebagai info: angka 1.000 ke atas tanpa pemisah ribuan di kolom yang memakainya, dan nilai tanpa % di baris yang nilai lainnya memakai %.",
            en: "Numbers are written the Indonesian way: a dot between thousands, a comma before decimals (6.675.575.000,00; 98,15%). Reported as warnings: a trailing dot (4.035.693.583.), a thousands group that is not three digits (2.754.6000; 860.400.00), commas between thousands (420,000,000), a decimal point (80.50; 130.84%) and digits split by a space (96.925.000 0). When the table's formula or its parent's sum shows the intended value, the message names it. Reported as info: numbers of 1.000 or more without thousands separators in a column that uses them, and a value without % in a row whose other values have it."),
        rationale: Message(
            id: "Angka yang tidak dapat dibaca tidak ikut dijumlah dan dihitung: jumlah induk, selisih dan capaian yang memakainya tidak dapat diperiksa, dan pembaca dapat salah membacanya seribu kali lipat.",
            en: "A number that cannot be read takes part in no sum or formula: the parent totals, changes and achievements built on it go unchecked, and a reader may misread it a thousandfold."),
        examples: [
            RuleExample("titik di akhir dan kelompok ribuan empat digit (Tabel 5 Renja-P Kab. Blitar 2024)", [
                ["NO. URUT", "PROGRAM/KEGIATAN/ SUB KEGIATAN", "ANGGARAN SEBELUM PERUBAHAN", "ANGGARAN SETELAH PERUBAHAN", "BERTAMBAH / BERKURANG"],
                ["3", "Penyediaan Gaji dan Tunjangan ASN", "!4.035.693.583.", "3.544.764.420", "(490.929.163)"],
                ["18", "Koordinasi dan Sinkronisasi Penerbitan Izin Undian Gratis Berhadiah", "2.754.600", "!2.754.6000", "0"],
            ]),
            RuleExample("koma ribuan dan titik desimal (LKjIP Kab. Mojokerto 2023)", [
                ["No", "Program", "Indikator Kinerja", "Target", "Realisasi", "Anggaran"],
                ["1", "Program Penunjang Urusan Pemerintahan Daerah", "Persentase Realisasi Anggaran", "!80.50", "95,53", "!420,000,000,-"],
            ]),
            RuleExample("tanpa pemisah ribuan di kolom yang memakainya, dan tanpa %: info", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Realisasi", "Pagu"],
                ["1.06.06.2.01.01", "Penyediaan Makanan", "- Jumlah Paket Makanan yang Disediakan", "- 1.000", "- 1.074", "6.675.575,00"],
                ["1.06.05.2.02.01", "Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota", "- Jumlah Fakir Miskin yang Didata", "!- 562076", "!- 562076", "107.445.042,00"],
                ["1.06.05.2.02.04", "Fasilitasi Bantuan Pengembangan Ekonomi Masyarakat", "- Persentase KPM yang Dibantu", "10%", "!18,18", "94.920.000,00"],
            ]),
            RuleExample("format Indonesia", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Realisasi", "Pagu"],
                ["1.06.05.2.02.01", "Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota", "- Jumlah Fakir Miskin yang Didata", "- 562.076", "- 562.076", "107.445.042,00"],
                ["1.06.05.2.02.04", "Fasilitasi Bantuan Pengembangan Ekonomi Masyarakat", "- Persentase KPM yang Dibantu", "10%", "18,18%", "94.920.000,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks every measured cell of the table.
    public func check(table: PlanningTable, in context: RuleContext) {
        let reading = NumberReading(table: table, tolerance: context.tolerance)
        // The measured cells read column by column (`ValueColumns`): a row's own value is read only when its kind or
        // number says the cell may be one to report.
        let valueColumns = ValueColumns.of(table, in: context)
        let measured = table.columns.filter(\.descriptor.isMeasured).map(\.index).sorted()
        let cells = measured.map { valueColumns[$0]! }
        let grouped = Self.columnsWithThousandsSeparators(table, measured, cells)
        let kinerja = table.columns.filter { $0.descriptor.measure == "K" }.map(\.index)
        let kinerjaCells = kinerja.compactMap { valueColumns[$0] }
        // The rows that may hold a cell to report, found column by column: a malformed number, a number of 1.000 or
        // more in a column that prints separators (unless its cell's format groups it), a percentage among kinerja.
        var marked = [Bool](repeating: false, count: table.rows.count)
        for (position, column) in cells.enumerated() {
            for index in table.rows.indices where Self.mayReport(column, index, grouped: grouped[position]) { marked[index] = true }
        }
        for column in kinerjaCells {
            for index in table.rows.indices where column.kinds[index] == .percent { marked[index] = true }
        }
        for index in table.rows.indices where marked[index] {
            for (position, column) in measured.enumerated() where Self.mayReport(cells[position], index, grouped: grouped[position]) {
                if cells[position].kinds[index] == .malformed {
                    guard case .malformed(let raw, let reason) = table.rows[index].values[column]?.value else { continue }
                    malformed(raw, reason, row: index, column: column, reading, context)
                    continue
                }
                let row = table.rows[index]
                guard let value = row.values[column], Self.lacksThousandsSeparator(value) else { continue }
                let number = value.value.number!
                let shown = Numeral.both(number, decimals: value.decimals)
                context.report(table, row: row, cell: value.cell, column: table.column(at: column)?.descriptor,
                               message: Message(id: "angka \(value.raw) ditulis tanpa pemisah ribuan, sedangkan angka lain di kolom ini memakainya: \(shown.id)",
                                                en: "the number \(value.raw) has no thousands separators while the column's other numbers do: \(shown.en)"),
                               actual: number, severity: .info)
            }
            if kinerjaCells.contains(where: { $0.kinds[index] == .percent }) {
                missingPercent(table.rows[index], kinerja, table, context)
            }
        }
    }

    // Whether a row's cell of a column may be one to report: a malformed number, or a number of 1.000 or more in a
    // `grouped` column (one that prints separators) that its own format does not group.
    private static func mayReport(_ column: ValueColumns.Column, _ index: Int, grouped: Bool) -> Bool {
        switch column.kinds[index] {
        case .malformed: return true
        case .number: return grouped && abs(column.numbers[index]) >= 1000 && !column.written[index].contains(.groupedNumber)
        default: return false
        }
    }

    private func malformed(_ raw: String, _ reason: MalformedNumber, row index: Int, column: Int, _ reading: NumberReading,
                           _ context: RuleContext) {
        let table = reading.table
        let row = table.rows[index]
        // Values separated by spaces, each whole ("116 134" under "Orang Orang"), are a list, not one split number.
        if reason == .splitDigits, Self.isSpacedList(raw) { return }
        guard let cell = row.values[column]?.cell else { return }
        if let list = Self.listWithTrailingSeparator(raw) {
            context.report(table, row: row, cell: cell, column: table.column(at: column)?.descriptor, message: Message(
                id: "daftar nilai \"\(raw)\" diakhiri tanda pemisah tanpa nilai sesudahnya, sehingga tidak dapat dibaca; kemungkinan maksudnya \"\(list)\"",
                en: "the list \"\(raw)\" ends with a separator and no value after it, so it cannot be read; probably meant \"\(list)\""))
            return
        }
        let why = Self.explain(reason)
        var message = Message(id: "angka \"\(raw)\" tidak dapat dibaca dengan pasti: \(why.id)",
                              en: "the number \"\(raw)\" cannot be read with certainty: \(why.en)")
        let candidates = NumberReading.candidates(raw, reason)
        var expected: Double?
        let decimals = raw.contains(",") || reason == .decimalPoint ? 2 : 0
        let percent = raw.contains("%")
        if let confirmed = reading.confirmed(candidates, row: index, column: column) {
            let shown = Numeral.both(confirmed.value, decimals: decimals, percent: percent)
            message.id += "; kemungkinan maksudnya \(shown.id) (\(confirmed.identity.id))"
            message.en += "; probably meant \(shown.en) (\(confirmed.identity.en))"
            expected = confirmed.value
        } else if [.trailingSeparator, .englishSeparators, .decimalPoint].contains(reason), let first = candidates.first {
            let shown = Numeral.both(first, decimals: decimals, percent: percent)
            message.id += "; kemungkinan maksudnya \(shown.id)"
            message.en += "; probably meant \(shown.en)"
            expected = first
        } else if candidates.count > 1 {
            let shown = candidates.prefix(3).map { Numeral.both($0, decimals: decimals, percent: percent) }
            message.id += "; dapat terbaca \(shown.map(\.id).joined(separator: " atau "))"
            message.en += "; it may read \(shown.map(\.en).joined(separator: " or "))"
        }
        context.report(table, row: row, cell: cell, column: table.column(at: column)?.descriptor, message: message,
                       expected: expected)
    }

    // A K value without % in a row whose other K values carry one ("10%" target, "18,18" realisation).
    private func missingPercent(_ row: PlanningRow, _ columns: [Int], _ table: PlanningTable, _ context: RuleContext) {
        let percent = columns.lazy.compactMap { column -> TypedValue? in
            guard let value = row.values[column], case .percent = value.value else { return nil }
            return value
        }
        guard let example = percent.first, let exampleNumber = example.value.number else { return }
        let other = example.shown(exampleNumber)
        for column in columns {
            guard let value = row.values[column], case .number(let number) = value.value, number != 0 else { continue }
            let label = table.columnLabel(column)
            let shown = value.shown(number)
            context.report(table, row: row, cell: value.cell, column: table.column(at: column)?.descriptor,
                           message: Message(id: "\(label.id) \(shown.id) ditulis tanpa tanda %, sedangkan nilai lain pada baris ini memakainya (\(other.id))",
                                            en: "\(label.en) \(shown.en) has no % sign while the row's other values do (\(other.en))"),
                           actual: number, severity: .info)
        }
    }

    static func explain(_ reason: MalformedNumber) -> (id: String, en: String) {
        switch reason {
        case .englishSeparators:
            return ("koma dipakai sebagai pemisah ribuan (cara Inggris); dalam format Indonesia ribuan dipisah titik dan desimal dengan koma",
                    "commas separate the thousands (the English way); Indonesian uses dots between thousands and a comma before decimals")
        case .decimalPoint:
            return ("titik dipakai sebagai tanda desimal; dalam format Indonesia desimal ditulis dengan koma",
                    "a dot marks the decimals; Indonesian writes decimals after a comma")
        case .trailingSeparator:
            return ("ada tanda pemisah di akhir angka", "it ends with a separator")
        case .groupLength:
            return ("setiap kelompok ribuan harus tiga digit", "every thousands group must have three digits")
        case .splitDigits:
            return ("angkanya terpotong spasi", "its digits are split by a space")
        }
    }

    // "116 134", "17 9 7 50 5 12 3": every piece a whole number of its own, none ending in a broken group.
    static func isSpacedList(_ raw: String) -> Bool {
        let pieces = raw.split(separator: " ")
        return pieces.count >= 2 && pieces.allSatisfy { (piece: Substring) -> Bool in
            guard piece.first?.isNumber == true, piece.last?.isNumber == true,
                  case .success = ValueParser.number(piece) else { return false }
            let groups: [Substring] = piece.split(separator: ".")
            return groups.dropFirst().allSatisfy { $0.count == 3 }
        }
    }

    // "12, 12,": a list of numbers whose last separator has nothing after it; the list without it, if it reads.
    static func listWithTrailingSeparator(_ raw: String) -> String? {
        let trimmed = TextKey.trimmed(raw)
        guard let last = trimmed.last, last == "," || last == ";" else { return nil }
        let rest = TextKey.trimmed(trimmed.dropLast())
        guard case .list = ValueParser.parse(rest).value else { return nil }
        return rest
    }

    // For each of `columns` (with its `cells`), whether it prints some number of 1.000 or more with thousands
    // separators: a count column formatted "General" beside money columns formatted "#,##0" is the author's choice,
    // not an inconsistency.
    static func columnsWithThousandsSeparators(_ table: PlanningTable, _ columns: [Int], _ cells: [ValueColumns.Column])
        -> [Bool] {
        // Column by column, each read only down to its first grouped number: a money column prints one on its first row.
        zip(columns, cells).map { column, cells in
            table.rows.indices.contains { index in
                guard abs(cells.numbers[index]) >= 1000 else { return false }
                // A numeric cell is grouped by its format, told by the column; text by how it is typed.
                if cells.written[index].contains(.numericCell) { return cells.written[index].contains(.groupedNumber) }
                return table.rows[index].values[column].map(Self.printsGrouped) ?? false
            }
        }
    }

    // A number of 1.000 or more printed alone without separators; years (2024) are left alone, and so is a number
    // written with its unit ("1500 KK"), which is words rather than a figure.
    static func lacksThousandsSeparator(_ value: TypedValue) -> Bool {
        guard case .number(let number) = value.value, abs(number) >= 1000,
              !(number >= 1990 && number <= 2100 && number == number.rounded()) else { return false }
        return !Self.printsGrouped(value)
    }

    // Whether the cell shows thousands separators: from its text, or from its number format (`#,##0`).
    private static func printsGrouped(_ value: TypedValue) -> Bool {
        if value.isNumericCell { return value.formatGroupsThousands }
        let digits = value.raw.drop { !$0.isNumber }.prefix { $0 != "," }.filter { $0.isNumber || $0 == "." }
        return digits.contains(".")
    }
}
