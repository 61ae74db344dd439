import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// UNIT02: a unit one typing slip away from a known one (`Larpoan`, `Paekt`), a unit written in another case than the
/// rest of its table (`orang` among `Orang`), and a Satuan cell left empty where the other rows fill it.
public struct UnitSpellingRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "unit-spelling", catalogue: ["UNIT02"],
        name: Message(id: "Ejaan satuan", en: "Unit spelling"),
        severity: .info,
        description: Message(
            id: "Satuan yang hampir sama dengan satuan di kamus rules/vocabulary/units.yml (Larpoan → Laporan, Paekt → Paket) disebutkan dengan sarannya; satuan di kolom Satuan yang ditulis dengan huruf besar/kecil berbeda dari baris lain (orang di antara Orang), dan kolom Satuan yang kosong pada baris bernilai padahal baris lain mengisinya, juga dilaporkan.",
            en: "A unit close to one of the dictionary rules/vocabulary/units.yml (Larpoan → Laporan, Paekt → Paket) is reported with the suggestion; a unit in the Satuan column written in another case than the other rows (orang among Orang), and a Satuan cell left empty on a row with values where the other rows fill it, are reported too."),
        rationale: Message(
            id: "Satuan yang salah ketik tidak dikenali saat target dibandingkan dan dijumlahkan antartabel, dan mengurangi kepercayaan pembaca pada dokumen.",
            en: "A mistyped unit is not recognised when targets are compared and added up across tables, and it costs the reader's trust in the document."),
        examples: [
            RuleExample("salah ketik satuan", [
                ["Indikator", "Target", "Realisasi"],
                ["Jumlah Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD", "!60 Larpoan", "24 Laporan"],
                ["Jumlah Paket Bahan/Material yang Disediakan", "!10 Paekt", "8 Paket"],
            ]),
            RuleExample("huruf kecil di antara huruf besar; satuan kosong", [
                ["No", "Indikator", "Satuan", "Target", "Realisasi"],
                ["1", "Persentase PPKS", "!", "11,51", "9,19"],
                ["3", "Peningkatan kapasitas bagi Pekerja Sosial Masyarakat (PSM)", "Orang", "22", "22"],
                ["4", "Peningkatan kapasitas bagi Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", "!orang", "22", "22"],
                ["5", "Jumlah layanan data dan pengaduan yang dimiliki", "Layanan", "3", "3"],
                ["7", "Bantuan Sosial Ekonomi Produktif bagi Fakir Miskin", "Kelompok", "5", "6"],
                ["8", "Keluarga Yang Mendapat Bantuan Sosial Bersyarat", "Orang", "628842", "624481"],
            ]),
            RuleExample("ejaan dikenal, termasuk singkatan", [
                ["Indikator", "Satuan", "Target"],
                ["Jumlah Peserta Pembinaan PKH", "org", "3084"],
                ["Jumlah dokumen monev", "dok", "2"],
                ["Jumlah Orang yang Menerima Gaji", "Orang/Bulan", "79"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self, SatuanTexts.self] }

    /// Checks the units in the table's values and in its Satuan columns.
    public func check(table: PlanningTable, in context: RuleContext) {
        let units = IndicatorUnits(context, table: table)
        let columns = table.columns.filter { $0.descriptor.measure == "K" }
        // A table repeats its few units on every row: each text is judged once.
        var slips: [String: Slip?] = [:]
        func judged(_ text: String) -> Slip? {
            if let known = slips[text] { return known }
            let found = slip(in: text, units)
            slips[text] = found
            return found
        }
        func report(_ text: String, _ found: Slip, at cell: CellAddress, _ row: PlanningRow) {
            let place = found.slip == text ? "" : " (dalam \"\(text)\")"
            let placeEn = found.slip == text ? "" : " (in \"\(text)\")"
            context.report(table, row: row, cell: cell, column: table.column(at: cell.column)?.descriptor,
                           message: Message(id: "satuan \"\(found.slip)\"\(place) tidak dikenal; maksudnya \"\(found.meant.name)\"?",
                                            en: "the unit \"\(found.slip)\"\(placeEn) is unknown; did you mean \"\(found.meant.name)\"?"))
        }
        // Only a measured quantity or a list holds units in its cell: the others are told apart by the table's columns.
        let values = ValueColumns.of(table, in: context)
        // Each column's kinds looked up once, not for every cell, and read by position: a column's kinds taken out of the
        // list for every row retained them, shared with the rules on the other cores.
        let measured = columns.compactMap { column in values[column.index].map { (column: column.index, kinds: $0.kinds) } }
        for index in values.dataRows {
            for position in measured.indices
            where measured[position].kinds[index] == .measured || measured[position].kinds[index] == .list {
                let column = measured[position].column
                guard let value = table.rows[index].values[column] else { continue }
                for text in Self.units(in: value.value) {
                    guard let found = judged(text) else { continue }
                    report(text, found, at: table.cell(table.rows[index], column), table.rows[index])
                }
            }
        }
        // A Satuan column is a text column, its texts read once: each distinct text's units are listed and judged once.
        for satuan in table.columns(role: "unit") {
            guard let texts = context.texts(table, column: satuan.index) else { continue }
            let governed = columns.filter { units.satuanColumn(for: $0.index) == satuan.index }.map(\.index)
            var slipsOf = [[(text: String, slip: Slip)]?](repeating: nil, count: texts.distinct.count)
            for index in values.dataRows {
                let code = texts.code(sheetRow: values.sheetRows[index], in: table)
                let found = slipsOf[code] ?? {
                    let found = IndicatorUnits.list(texts.distinct[code]).compactMap { item in judged(item).map { (item, $0) } }
                    slipsOf[code] = found
                    return found
                }()
                for (item, slip) in found {
                    report(item, slip, at: CellAddress(row: values.sheetRows[index], column: satuan.index), table.rows[index])
                }
            }
            cases(values, texts, satuan, units, table, context)
            empty(values, texts, satuan, governed, table, context)
        }
    }

    /// A unit that is no spelling of the dictionary's, the part of it that is the slip, and the unit meant.
    private struct Slip {
        var slip: String
        var meant: CermatKnowledge.Vocabulary.Unit
    }

    private static func units(in value: PlanningValue) -> [String] {
        switch value {
        case .measured(_, let unit): return [unit]
        case .list(let items): return items.flatMap(units)
        default: return []
        }
    }

    // A unit that is no spelling of the dictionary's but one slip from one; in "Oang klien PW" the slip is "Oang".
    private func slip(in text: String, _ units: IndicatorUnits) -> Slip? {
        guard units.spelled(text) == nil else { return nil }
        let first = text.split(separator: " ").first.map(String.init) ?? text
        let (slip, meant): (String, CermatKnowledge.Vocabulary.Unit?) = units.nearMiss(text).map { (text, $0) }
            ?? (units.spelled(first) == nil ? (first, units.nearMiss(first)) : (first, nil))
        return meant.map { Slip(slip: slip, meant: $0) }
    }

    // The same unit written in two cases in one Satuan column: the less common way (the lower-case one on a tie) is
    // the slip.
    private func cases(_ values: ValueColumns, _ texts: TableTexts.Column, _ satuan: PlanningColumn, _ units: IndicatorUnits,
                       _ table: PlanningTable, _ context: RuleContext) {
        // The rows writing each way of a unit counted, each distinct text judged when a data row first writes it, and
        // the rows of a slip listed only once the slips are known.
        var ways: [(text: String, unit: String, rows: Int)] = []
        // Each distinct text's way: -2 not judged yet, -1 no unit.
        var wayOf = [Int](repeating: -2, count: texts.distinct.count)
        for index in values.dataRows {
            let code = texts.code(sheetRow: values.sheetRows[index], in: table)
            if wayOf[code] == -2 {
                wayOf[code] = units.spelled(texts.distinct[code]).map { unit in
                    ways.append((texts.distinct[code], unit.name, 0))
                    return ways.count - 1
                } ?? -1
            }
            if wayOf[code] >= 0 { ways[wayOf[code]].rows += 1 }
        }
        var usualOf: [Int: String] = [:]
        for spellings in Dictionary(grouping: ways.indices, by: { ways[$0].unit }).values where spellings.count > 1 {
            let ranked = spellings.sorted { a, b in
                ways[a].rows != ways[b].rows ? ways[a].rows > ways[b].rows : ways[a].text.lowercased() != ways[a].text
            }
            let usual = ways[ranked[0]].text
            for way in ranked.dropFirst() where ways[way].text.lowercased() == usual.lowercased() { usualOf[way] = usual }
        }
        guard !usualOf.isEmpty else { return }
        for index in values.dataRows {
            let way = wayOf[texts.code(sheetRow: values.sheetRows[index], in: table)]
            guard way >= 0, let usual = usualOf[way] else { continue }
            let row = table.rows[index], text = ways[way].text
            context.report(table, row: row, cell: table.cell(row, satuan.index), column: satuan.descriptor,
                           message: Message(id: "satuan ditulis \"\(text)\", baris lain menulis \"\(usual)\"",
                                            en: "the unit is written \"\(text)\", the other rows write \"\(usual)\""))
        }
    }

    // A Satuan left empty on a row with an indicator and values, where most such rows fill it.
    private func empty(_ values: ValueColumns, _ texts: TableTexts.Column, _ satuan: PlanningColumn, _ governed: [Int],
                       _ table: PlanningTable, _ context: RuleContext) {
        guard let indicator = table.columns(role: "indicator").last(where: { $0.index < satuan.index })?.index else { return }
        let governed = governed.compactMap { values[$0] }
        func isValued(_ index: Int) -> Bool { governed.contains { $0.number(index) != nil } }
        // The rows with values and no Satuan first: most tables have none, and then the indicator column (a text on
        // every row, each its own in a table of places) is not read at all.
        let unstated = values.dataRows.filter { texts.isEmpty(sheetRow: values.sheetRows[$0], in: table) && isValued($0) }
        guard !unstated.isEmpty, let indicators = context.texts(table, column: indicator) else { return }
        func isNamed(_ index: Int) -> Bool { !indicators.isEmpty(sheetRow: values.sheetRows[index], in: table) }
        let missing = unstated.filter(isNamed)
        // The rows with values are counted, not listed: most fill their Satuan.
        guard !missing.isEmpty, missing.count * 2 < values.dataRows.count(where: { isValued($0) && isNamed($0) }) else { return }
        for row in missing.map({ table.rows[$0] }) {
            let name = context.indicatorName(row, near: satuan.index, in: table)
            context.report(table, row: row, cell: table.cell(row, satuan.index), column: satuan.descriptor,
                           message: Message(id: "satuan untuk \"\(name)\" kosong, padahal baris lain mencantumkan satuannya",
                                            en: "the unit of \"\(name)\" is empty, while the other rows state theirs"))
        }
    }
}
