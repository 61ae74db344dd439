import CermatPlanning
import CermatWorkbook

/// MISS01: a target or realisation left empty (or "-") where the row has money for it, a program without any
/// performance value, and a gap in a column that every other row of its level fills.
public struct MissingValueRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "missing-value", catalogue: ["MISS01"],
        name: Message(id: "Nilai wajib kosong", en: "Missing mandatory value"),
        severity: .warning,
        description: Message(
            id: "Dilaporkan: target kinerja yang kosong atau \"-\" pada baris yang memiliki pagu pada periode yang sama, realisasi kinerja yang kosong pada baris yang memiliki realisasi anggaran (selain per triwulan), baris program, baris berpagu dan baris berindikator tanpa satu pun nilai kinerja, dan sel kosong di kolom yang terisi pada hampir semua baris setingkat (90% atau lebih) padahal pasangannya pada baris itu terisi (realisasi tanpa isi di samping targetnya, pagu kosong di samping realisasinya). Tanda \"-\" pada baris yang memang tidak memiliki apa pun untuk periode itu (sub kegiatan yang baru ada setelah perubahan, program tanpa sasaran PPKS) tidak dilaporkan, begitu pula realisasi kosong bila tidak ada yang dibelanjakan. Kolom yang dihitung dengan rumus tabel tidak diperiksa: kekosongannya mengikuti kolom sumbernya.",
            en: "Reported: a target left empty or \"-\" on a row with a budget for the same period, a realisation left empty on a row with spending (other than per quarter), a program row, a budgeted row and a row stating an indicator without any performance value, and an empty cell in a column that nearly every row of its level fills (90% or more) while its partner on the row is filled (a realisation missing beside its target, a budget missing beside its spending). A \"-\" on a row that has nothing for that period (a sub-kegiatan that exists only after the perubahan, a program without PPKS beneficiaries) is not reported, nor an empty realisation where nothing was spent. Columns the table computes by formula are not checked: they are empty because their inputs are."),
        rationale: Message(
            id: "Anggaran tanpa target tidak dapat dinilai kinerjanya, dan capaian serta rata-rata capaian yang menghitung sel kosong sebagai nol menjadi keliru.",
            en: "A budget without a target cannot be assessed, and achievements and averages that count an empty cell as zero go wrong."),
        examples: [
            RuleExample("pagu 2025 tanpa target (APBD-P Kab. Kutai Kartanegara) dan program tanpa nilai kinerja", [
                ["Kode", "Program/Kegiatan /Sub.Kegiatan", "Target Capaian Kinerja 2025", "Pagu Indikatif 2025"],
                ["1.06.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "!", "13.532.212.074,00"],
                ["1.06.01.2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "215 Paket", "42.950.000,00"],
                ["1.06.01.2.07.06", "Pengadaan Peralatan dan Mesin Lainnya", "!-", "42.950.000,00"],
                ["1.06.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "12 Bulan", "2.299.000,00"],
                ["1.06.01.2.08.01", "Penyediaan Jasa Surat Menyurat", "12 Bulan", "2.299.000,00"],
            ]),
            RuleExample("realisasi kosong di kolom yang terisi pada baris lain (T-C.30 Kab. Blitar)", [
                ["No", "Indikator", "Satuan", "Target 2024", "Realisasi 2024"],
                ["1", "Persentase PPKS", "%", "11,31", "!-"],
                ["3", "Peningkatan kapasitas bagi Pekerja Sosial Masyarakat (PSM)", "Orang", "22", "22"],
                ["4", "Peningkatan kapasitas bagi Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", "Orang", "22", "22"],
                ["5", "Jumlah layanan data dan pengaduan yang dimiliki", "Layanan", "3", "3"],
                ["7", "Bantuan Sosial Ekonomi Produktif bagi Fakir Miskin", "Kelompok", "5", "5"],
                ["9", "Peningkatan kapasitas pendamping PKH", "Orang", "153", "128"],
                ["10", "Peningkatan kualitas pelayanan lembaga di bidang kesos", "Lembaga", "27", "29"],
                ["11", "Peningkatan kompetensi dan profesionalisme SDM kesos", "Orang", "45", "337"],
                ["12", "Jumlah Korban Bencana Alam Yang Mendapatkan Pemenuhan Kebutuhan Dasar", "Orang", "27", "63"],
                ["13", "Jumlah Warga Masyarakat Rawan Bencana Alam Yang Mendapatkan Kesiapsiagaan dan Mitigasi", "Orang", "200", "400"],
            ]),
            RuleExample("tanpa pagu tidak wajib bertarget; realisasi yang belum ada boleh kosong", [
                ["Kode", "Program/Kegiatan /Sub.Kegiatan", "Target Kinerja", "Pagu Indikatif", "Realisasi Kinerja", "Realisasi Anggaran"],
                ["1.06.05", "Program Perlindungan dan Jaminan Sosial", "100%", "5.693.790.262,00", "100%", "678.631.000,00"],
                ["1.06.05.2.02", "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota", "100%", "5.693.790.262,00", "100%", "678.631.000,00"],
                ["1.06.05.2.02.01", "Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota", "562.076 Keluarga", "107.445.042,00", "562.076 Keluarga", "9.533.000,00"],
                ["1.06.05.2.02.04", "Fasilitasi Bantuan Pengembangan Ekonomi Masyarakat", "-", "-", "", "0,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Checks every data row of the table; one finding per cell, and none besides a row's own when it has no value at all.
    public func check(table: PlanningTable, in context: RuleContext) {
        // Rows by index, their cells read column by column (`ValueColumns`): the rule visits every measured cell.
        let values = ValueColumns.of(table, in: context)
        let rows = values.dataRows.filter { values.levels[$0] != .total }
        let derived = Set(table.derivations.map(\.target))
        let measured = table.columns.filter { Self.partnerRoles[$0.descriptor.role] != nil && !derived.contains($0.index) }
        let performance = measured.filter { $0.descriptor.measure == "K" }
        var reported: Set<CellAddress> = []
        var settled: Set<Int> = []
        func report(_ row: PlanningRow, _ column: Int, _ message: Message) {
            let cell = table.cell(row, column)
            guard !settled.contains(row.sheetRow), reported.insert(cell).inserted else { return }
            context.report(table, row: row, cell: cell, column: table.column(at: column)?.descriptor, message: message)
        }
        let performanceCells = performance.compactMap { values[$0.index] }
        func hasPerformance(_ index: Int) -> Bool { performanceCells.contains { $0.isFilled(index) } }
        let withPerformance = rows.count(where: hasPerformance)
        let moneyColumns = Self.moneyColumns(table)
        let moneyCells = moneyColumns.map { values[$0.index]! }
        // The performance value each budget or spending column needs, found once for the table, with its cells: a column
        // copied for every row retained each of its texts.
        let partnerOf = moneyColumns.map { Self.partners($0, in: performance).first }
        let partnerCells = partnerOf.map { $0.flatMap { values[$0.index] } }
        // A row's amounts above zero, read in place: a list made for every row cost more than the checks.
        func money(_ index: Int) -> some Collection<(offset: Int, amount: Double)> {
            moneyCells.indices.lazy.compactMap { offset -> (offset: Int, amount: Double)? in
                moneyCells[offset].number(index).flatMap { $0 > 0 ? (offset, $0) : nil }
            }
        }
        for index in rows where !performance.isEmpty {
            guard !hasPerformance(index) else {
                for (offset, amount) in money(index) where partnerCells[offset]?.isFilled(index) == false {
                    pairing(table.rows[index], moneyColumns[offset], amount, partnerOf[offset]!, table, report)
                }
                continue
            }
            let row = table.rows[index]
            let budget = money(index).first.map { (column: moneyColumns[$0.offset], amount: $0.amount) }
            // A programme, a budgeted row or a stated indicator with nothing to measure it by: once, at the target of its
            // budget (or its first target).
            guard withPerformance >= 1, row.level == .program || budget != nil || row.indicator != nil,
                  let first = budget.flatMap({ Self.partners($0.column, in: performance).first })
                    ?? performance.first(where: { $0.descriptor.role == "target" }) ?? performance.first else { continue }
            let name = row.name ?? row.indicator ?? ""
            if let (column, amount) = budget {
                let shown = row.values[column.index]!.shown(amount)
                report(row, first.index, Message(
                    id: "\"\(name)\" memiliki \(shown.id) di \(table.columnLabel(column.index).id), tetapi tidak satu pun nilai kinerjanya (target atau realisasi) terisi",
                    en: "\"\(name)\" has \(shown.en) in \(table.columnLabel(column.index).en) but none of its performance values (target or realisation) is filled"))
            } else {
                let what = row.level == .program ? ("program", "program") : ("indikator", "indicator")
                let subject = row.level == .program ? name : row.indicator ?? name
                report(row, first.index, Message(
                    id: "\(what.0) \"\(subject)\" tidak memuat satu pun nilai kinerja (target atau realisasi), padahal baris lain di tabel ini memuatnya",
                    en: "\(what.1) \"\(subject)\" has no performance value at all (target or realisation) while the table's other rows do"))
            }
            settled.insert(row.sheetRow)
        }
        gaps(rows, measured, table, values, report)
    }

    // What a value goes with in the same period: a target with its realisation and budget, a budget with its target
    // and spending, and so on.
    private static let partnerRoles: [String: [String]] = [
        "target": ["realisasi", "pagu"], "realisasi": ["target", "realisasi-anggaran"],
        "pagu": ["target", "realisasi-anggaran"], "realisasi-anggaran": ["pagu", "realisasi"],
    ]

    // A table that repeats a pair (KINERJA target | realisasi, then SASARAN PPKS target | realisasi) pairs them in order;
    // its one budget goes with the first.
    private static func partners(_ column: PlanningColumn, in columns: [PlanningColumn]) -> [PlanningColumn] {
        let position = columns.filter { $0.descriptor == column.descriptor }.firstIndex { $0.index == column.index } ?? 0
        return (partnerRoles[column.descriptor.role] ?? []).compactMap { role in
            let candidates = columns.filter { $0.descriptor.role == role && $0.descriptor.period == column.descriptor.period }
            return position < candidates.count ? candidates[position] : nil
        }
    }

    // Money of the row with its performance counterpart left unfilled: a budget needs a target of its period, spending
    // a realisation.
    private func pairing(_ row: PlanningRow, _ column: PlanningColumn, _ amount: Double, _ partner: PlanningColumn,
                         _ table: PlanningTable, _ report: (PlanningRow, Int, Message) -> Void) {
        let shown = row.values[column.index]!.shown(amount)
        let what = partner.descriptor.role == "target" ? ("target kinerja", "the target") : ("realisasi kinerja", "the realisation")
        let state = Self.state(row.values[partner.index])
        report(row, partner.index, Message(
            id: "\(table.columnLabel(column.index).id) berisi \(shown.id), tetapi \(what.0) pada \(table.columnLabel(partner.index).id) \(state.id)",
            en: "\(table.columnLabel(column.index).en) holds \(shown.en), but \(what.1) in \(table.columnLabel(partner.index).en) \(state.en)"))
    }

    // A cell left empty while its partner of the same period is given, in a column that at least nine in ten other rows
    // of the same level fill: a "-" where the row has nothing for that period (a sub-kegiatan new in the perubahan, a
    // programme without beneficiaries) is left alone, and so is a realisation where nothing was spent or planned.
    private func gaps(_ rows: [Int], _ columns: [PlanningColumn], _ table: PlanningTable, _ values: ValueColumns,
                      _ report: (PlanningRow, Int, Message) -> Void) {
        // Each row's level as a small number, and how many rows each level has: once for all the columns, which then
        // count their filled rows in an array instead of hashing the level for every cell.
        let slot = rows.map { values.levels[$0].ordinal }
        var levelRows = [Int](repeating: 0, count: RowLevel.allCases.count)
        for level in slot { levelRows[level] += 1 }
        for column in columns {
            guard let cells = values[column.index] else { continue }
            let partners = Self.partners(column, in: columns).compactMap { values[$0.index] }
            let achieved = column.descriptor.role.hasPrefix("realisasi")
            // How many rows of each level fill this column, counted once for the whole column.
            var levelFilled = [Int](repeating: 0, count: levelRows.count)
            for (position, index) in rows.enumerated() where cells.isFilled(index) { levelFilled[slot[position]] += 1 }
            for (position, index) in rows.enumerated() where !cells.isFilled(index) && partners.contains(where: { partner in
                partner.isFilled(index) && (!achieved || partner.number(index).map { $0 != 0 } ?? true)
            }) {
                // The other rows of the row's level (the row itself is one of the unfilled).
                let peers = levelRows[slot[position]] - 1
                let filled = levelFilled[slot[position]]
                guard peers >= 5, filled * 10 >= peers * 9 else { continue }
                let row = table.rows[index]
                let state = Self.state(row.values[column.index])
                let label = table.columnLabel(column.index)
                report(row, column.index, Message(
                    id: "\(label.id) \(state.id), padahal \(filled) dari \(peers) baris lain setingkat di kolom ini terisi",
                    en: "\(label.en) \(state.en) while \(filled) of the \(peers) other rows of its level fill this column"))
            }
        }
    }

    private static func state(_ value: TypedValue?) -> (id: String, en: String) {
        value?.value == .dash ? ("hanya berisi \"-\"", "holds only \"-\"") : ("kosong", "is empty")
    }

    // The budget and spending columns whose amounts above zero need performance values: not quarterly ones (a
    // quarter's output may come later).
    private static func moneyColumns(_ table: PlanningTable) -> [PlanningColumn] {
        table.columns.filter { column in
            column.descriptor.measure == "Rp" && ["pagu", "realisasi-anggaran"].contains(column.descriptor.role)
                && !(column.descriptor.period ?? "").hasPrefix("TW")
        }
    }
}
