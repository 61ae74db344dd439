import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// UNIT01: a unit that contradicts its indicator ("Jumlah Orang …" counted in KK, "Persentase …" in Desa/Kel), a
/// Satuan list that does not pair with the values, or one kode or indicator counted in different units in two tables.
public struct UnitConsistencyRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "unit-consistency", catalogue: ["UNIT01"],
        name: Message(id: "Satuan konsisten", en: "Consistent units"),
        severity: .warning,
        description: Message(
            id: "Satuan harus sesuai dengan indikatornya: \"Jumlah Orang …\" dihitung dalam Orang (bukan KK), \"Jumlah Paket …\" dalam Paket (bukan Unit atau Jenis), indikator \"Persentase …\" dalam % (bukan Desa/Kel); daftar satuan di kolom Satuan harus sepanjang daftar nilainya; dan kode atau indikator yang sama harus bersatuan sama di semua tabel workbook. Satuan yang merupakan nama lain (KK dan KPM untuk Keluarga, Orang/Bulan untuk Orang; rules/vocabulary/units.yml same-as) dianggap sama.",
            en: "A unit must fit its indicator: \"Jumlah Orang …\" counts Orang (not KK), \"Jumlah Paket …\" Paket (not Unit or Jenis), a \"Persentase …\" indicator is in % (not Desa/Kel); a list of units in the Satuan column must be as long as its list of values; and the same kode or indicator must have the same unit in every table of the workbook. Units that are other names of each other (KK and KPM for Keluarga, Orang/Bulan for Orang; rules/vocabulary/units.yml same-as) count as the same."),
        rationale: Message(
            id: "Satuan yang berbeda membuat target dan realisasi tidak dapat dibandingkan atau dijumlahkan: 1500 KK dan 1500 Orang bukan jumlah yang sama, dan persentase yang diisi jumlah desa menghasilkan capaian di atas 100%.",
            en: "Different units make targets and realisations impossible to compare or add up: 1500 KK and 1500 Orang are not the same number, and a percentage filled with a count of villages gives capaian above 100%."),
        examples: [
            RuleExample("satuan tidak sesuai indikator; persentase dalam Desa/Kel", [
                ["Kode", "Sub Kegiatan", "Indikator", "Satuan", "Target", "Realisasi"],
                ["1.06.06.2.01.01", "Penyediaan Makanan", "Jumlah Orang yang Mendapatkan Permakanan", "", "!1500 KK", "1500 KK"],
                ["1.06.01.2.06.04", "Penyediaan Bahan Logistik Kantor", "Jumlah Paket Bahan Logistik Kantor", "", "!3 Jenis", "6 Jenis"],
                ["", "Pemutakhiran data terpadu", "Persentase daerah yang aktif melakukan pemutakhiran data", "!Desa/Kel", "248", "248"],
            ]),
            RuleExample("kode yang sama dengan satuan berbeda di dua tabel", [
                ["Kode", "Kegiatan", "Indikator", "Target Kinerja"],
                ["1.06.01.2.01", "Perencanaan, Penganggaran dan Evaluasi Kinerja", "Tersedianya Layanan Administrasi", "88 Dokumen"],
                ["", "", "", ""],
                ["", "", "", ""],
                ["Kode", "Kegiatan", "Indikator", "Target Capaian Kinerja"],
                ["1.06.01.2.01", "Perencanaan, Penganggaran dan Evaluasi Kinerja", "Tersedianya Layanan Administrasi", "!12 Bulan"],
            ]),
            RuleExample("satuan sesuai; KPM adalah Keluarga, Orang/Bulan adalah Orang", [
                ["Kode", "Sub Kegiatan", "Indikator", "Satuan", "Target", "Realisasi"],
                ["1.06.05.2.02.03", "Fasilitasi Bantuan Sosial Kesejahteraan Keluarga", "Jumlah Keluarga Penerima Manfaat (KPM)", "", "7187 KPM", "739 KPM"],
                ["1.06.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "", "79 Orang/Bulan", "79 Orang/Bulan"],
                ["", "Pendataan Fakir Miskin", "Persentase PMKS yang divalidasi", "%", "100", "98"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Where a row of a table states its unit, to compare tables.
    private struct Occurrence {
        var table: PlanningTable
        var row: PlanningRow
        var cell: CellAddress
        var unit: Vocabulary.Unit
        var text: String
        var flagged: Bool
    }

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self, SatuanTexts.self] }

    /// Checks each table's units against its indicators, then the units of one kode or indicator across tables.
    public func check(document: PlanningDocument, in context: RuleContext) {
        // Sized for every row up front: a dictionary grown one row at a time rehashes every key at each doubling.
        // Tables are compared only with each other: a workbook of one table has nothing to gather for that.
        let comparing = document.tables.count > 1
        var occurrences = [String: [Occurrence]](minimumCapacity: comparing ? document.tables.reduce(0) { $0 + $1.rows.count } : 0)
        var order: [String] = []
        for table in document.tables {
            let units = IndicatorUnits(context, table: table)
            let columns = table.kinerjaColumns
            let values = ValueColumns.of(table, in: context)
            // What most rows are passed over for, read from the value columns: whether any cell holds a list, and each
            // Satuan column governing these columns once, in their order.
            let kinds = columns.compactMap { values[$0.index]?.kinds }
            var satuans: [Int] = []
            for satuan in columns.compactMap({ units.satuanColumn(for: $0.index) }) where !satuans.contains(satuan) {
                satuans.append(satuan)
            }
            // Each row's indicator first, in a loop of its own: taking a row out of the table while judging it waited on
            // memory at every row. Most rows are then passed over without being taken out again.
            let rows = table.rows
            let indicators = values.dataRows.map { (key: rows[$0].indicatorKey, isPercentage: rows[$0].isPercentage) }
            for (position, index) in values.dataRows.enumerated() {
                let noun = units.noun(indicators[position].key), list = kinds.contains { $0[index] == .list }
                guard noun != nil || indicators[position].isPercentage || list || comparing else { continue }
                let row = rows[index]
                var flagged = noun.map { against(row, noun: $0, columns: columns, units, table, context) } ?? false
                flagged = percentage(row, satuans: satuans, units, table, context) || flagged
                if list { lists(row, columns: columns, units, table, context) }
                guard comparing, let key = Self.key(row), let stated = stated(row, columns: columns, units, table) else { continue }
                if occurrences[key] == nil { order.append(key) }
                occurrences[key, default: []].append(Occurrence(table: table, row: row, cell: stated.cell, unit: stated.unit,
                                                                text: stated.text, flagged: flagged))
            }
        }
        for key in order {
            across(occurrences[key] ?? [], context)
        }
    }

    // "Jumlah Orang …" with KK: the unit of each value (in its cell or its Satuan column) against the indicator's noun.
    private func against(_ row: PlanningRow, noun: Vocabulary.Unit, columns: [PlanningColumn], _ units: IndicatorUnits,
                         _ table: PlanningTable, _ context: RuleContext) -> Bool {
        var cells: [(cell: CellAddress, text: String)] = []
        for column in columns {
            var place: (cell: CellAddress, text: String)?
            // The kind first, read in place: only a measured value is taken out of the row.
            let kind = row.values.kind(column.index)
            if kind == .measured, let value = row.values[column.index], case .measured(_, let text) = value.value {
                place = (table.cell(row, column.index), text)
            } else if row.values.number(column.index) != nil, let satuan = units.satuan(row, for: column.index) {
                place = (satuan.cell, satuan.text)
            }
            guard let place, !cells.contains(where: { $0.cell == place.cell }), let unit = units.known(place.text),
                  !IndicatorUnits.sameKind(unit, noun) else { continue }
            cells.append(place)
        }
        guard let first = cells.first else { return false }
        let name = context.indicatorName(row, near: first.cell.column, in: table)
        let also = cells.dropFirst().map(\.cell.a1).joined(separator: ", ")
        context.report(table, row: row, cell: first.cell, column: table.column(at: first.cell.column)?.descriptor,
                       message: Message(
                        id: "indikator \"\(name)\" menghitung \(noun.name), tetapi satuannya \"\(first.text)\"" + (also.isEmpty ? "" : " (juga di \(also))"),
                        en: "the indicator \"\(name)\" counts \(noun.name), but its unit is \"\(first.text)\"" + (also.isEmpty ? "" : " (also in \(also))")),
                       related: cells.dropFirst().map(\.cell))
        return true
    }

    // "Persentase …" whose Satuan is a count (Desa/Kel, Orang): the values are counts typed into a percentage.
    private func percentage(_ row: PlanningRow, satuans: [Int], _ units: IndicatorUnits, _ table: PlanningTable,
                            _ context: RuleContext) -> Bool {
        guard row.isPercentage else { return false }
        let filled = satuans.lazy.compactMap { units.satuan(row, in: $0) }
        guard let satuan = filled.first(where: { units.known($0.text)?.isCount == true }) else { return false }
        let name = context.indicatorName(row, near: satuan.cell.column, in: table)
        context.report(table, row: row, cell: satuan.cell, column: table.column(at: satuan.cell.column)?.descriptor,
                       message: Message(
                        id: "indikator persentase \"\(name)\" bersatuan \"\(satuan.text)\", satuan hitung: nilainya jumlah, bukan persentase; satuannya seharusnya %",
                        en: "the percentage indicator \"\(name)\" has the unit \"\(satuan.text)\", a count: its values are counts, not percentages; its unit should be %"))
        return true
    }

    // "Orang, Orang, Bulan, Orang" over "9, 82": each value needs its unit.
    private func lists(_ row: PlanningRow, columns: [PlanningColumn], _ units: IndicatorUnits, _ table: PlanningTable,
                       _ context: RuleContext) {
        var reported: Set<CellAddress> = []
        for column in columns {
            guard row.values.kind(column.index) == .list, let value = row.values[column.index], case .list(let items) = value.value,
                  let satuan = units.satuan(row, for: column.index), !reported.contains(satuan.cell) else { continue }
            let named = IndicatorUnits.list(satuan.text)
            guard named.count >= 2, items.count != named.count else { continue }
            reported.insert(satuan.cell)
            context.report(table, row: row, cell: table.cell(row, column.index), column: column.descriptor,
                           message: Message(
                            id: "\(items.count) nilai (\(value.raw)) tetapi \(named.count) satuan di \(satuan.cell.a1) (\(satuan.text)): setiap nilai perlu satuannya sendiri",
                            en: "\(items.count) values (\(value.raw)) but \(named.count) units in \(satuan.cell.a1) (\(satuan.text)): each value needs its own unit"),
                           related: [satuan.cell])
        }
    }

    /// The unit a row states: its first valued column's own unit or, when that holds a bare number, its Satuan's.
    private func stated(_ row: PlanningRow, columns: [PlanningColumn], _ units: IndicatorUnits, _ table: PlanningTable)
        -> (cell: CellAddress, unit: Vocabulary.Unit, text: String)? {
        // Only the first column with a value speaks for the indicator: later groups may count something else
        // ("Sasaran PPKS - PSKS" beside "Kinerja").
        guard let column = columns.first(where: { row.values.isFilled($0.index) }),
              let reading = units.reading(row, column: column.index), reading.source != .indicator,
              let unit = reading.unit else { return nil }
        let cell = reading.source == .cell ? table.cell(row, column.index) : units.satuan(row, for: column.index)!.cell
        return (cell, unit, reading.text)
    }

    // The same kode (or, without kode, the same indicator) in another table with a unit of another kind.
    private func across(_ occurrences: [Occurrence], _ context: RuleContext) {
        guard let first = occurrences.first(where: { !$0.flagged }) else { return }
        for later in occurrences where later.table.sheet != first.table.sheet || later.table.range != first.table.range {
            guard !later.flagged, !IndicatorUnits.sameKind(later.unit, first.unit) else { continue }
            // One kode counting two different things ("Jumlah laporan …", "Jumlah waktu …") is an indicator mismatch:
            // each unit may fit its own indicator.
            let openers = context.knowledge.vocabulary.countOpeners
            if let a = Self.counted(first.row.indicator ?? "", openers), let b = Self.counted(later.row.indicator ?? "", openers),
               a != b { continue }
            let what = later.row.kode.map { "kode \($0)" } ?? "indikator \"\(later.row.indicator ?? "")\""
            let whatEn = later.row.kode.map { "kode \($0)" } ?? "the indicator \"\(later.row.indicator ?? "")\""
            context.report(Finding(rule: context.rule, severity: context.settings.severity, file: context.workbook.source,
                                   sheet: later.table.sheet, sheetIndex: later.table.sheetIndex, cell: later.cell,
                                   message: Message(
                                    id: "satuan \"\(later.text)\" untuk \(what) berbeda dengan \"\(first.text)\" di sheet '\(first.table.sheet)' (\(first.cell.a1)): yang sama seharusnya bersatuan sama di semua tabel",
                                    en: "the unit \"\(later.text)\" of \(whatEn) differs from \"\(first.text)\" on sheet '\(first.table.sheet)' (\(first.cell.a1)): the same thing should have the same unit in every table"),
                                   key: Finding.Key(kode: later.row.kode, indicator: later.row.indicator ?? later.row.name),
                                   column: later.table.column(at: later.cell.column)?.descriptor,
                                   related: [Finding.Location(file: context.workbook.source, sheet: first.table.sheet, cell: first.cell)]))
        }
    }

    /// What a "Jumlah …" indicator counts: the word after its count word.
    static func counted(_ indicator: String, _ openers: [String]) -> String? {
        let words = TextKey.header(indicator).split(separator: " ").map(String.init)
        return words.count >= 2 && openers.contains(words[0]) ? words[1] : nil
    }

    private static func key(_ row: PlanningRow) -> String? {
        if let kode = row.kode { return "kode:" + (row.normalizedKode ?? kode) }
        return row.indicator.map { "indikator:" + TextKey.header($0) }
    }
}
