import CermatPlanning

/// DUP01: two rows of different kode or indicator whose numbers are the same, cell for cell, five or more of them.
public struct DuplicateRowsRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "duplicate-rows", catalogue: ["DUP01"],
        name: Message(id: "Baris angka kembar", en: "Rows with identical numbers"),
        severity: .info,
        description: Message(
            id: "Dua baris dengan kode atau indikator berbeda yang seluruh angkanya (sedikitnya lima, tiga di antaranya bukan nol, dengan sedikitnya tiga nilai berbeda) sama persis, kolom demi kolom. Kegiatan dengan satu sub kegiatan, atau program dengan satu kegiatan, wajar sama dengan turunannya dan tidak dilaporkan.",
            en: "Two rows with different codes or indicators whose numbers (at least five, three of them non-zero, with at least three distinct values) are identical, column by column. A kegiatan with a single sub-kegiatan, or a program with a single kegiatan, naturally equals its child and is not reported."),
        rationale: Message(
            id: "Angka yang sama persis pada dua kegiatan berbeda biasanya hasil salin-tempel baris yang lupa diganti.",
            en: "Identical numbers on two different activities usually come from a row copied and never updated."),
        examples: [
            RuleExample("dua sub kegiatan dengan angka sama (Tabel 1 Kab. Kutai Kartanegara)", [
                ["Kode", "Program/Kegiatan /Sub.Kegiatan", "Target Renstra", "Realisasi s.d. 2023", "Target 2024", "Realisasi TW II", "Tingkat Realisasi (%)", "Realisasi s.d. 2024"],
                ["1.06.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "135 Laporan", "", "", "", "", ""],
                ["1.06.01.2.08.01", "Penyediaan Jasa Surat Menyurat", "15 Laporan", "6 Laporan", "3", "1", "33%", "7"],
                ["1.06.01.2.08.02", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "60 Laporan", "24 Laporan", "12", "6", "50%", "30"],
                ["1.06.01.2.08.04", "Penyediaan Jasa Pelayanan Umum Kantor", "!60 Laporan", "24 Laporan", "12", "6", "50%", "30"],
            ]),
            RuleExample("kegiatan dengan satu sub kegiatan sama dengan turunannya", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Target", "Pagu", "Realisasi", "Realisasi Anggaran", "Capaian (%)"],
                ["1.06.01.2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "50", "102.984.801,00", "25", "51.492.400,00", "50,00"],
                ["1.06.01.2.07.06", "Pengadaan Peralatan dan Mesin Lainnya", "50", "102.984.801,00", "25", "51.492.400,00", "50,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's value columns, as other rules do.
    public static var readings: [any TableReading.Type] { [ValueColumns.self] }

    /// Compares every row's numbers with those of the rows above it.
    public func check(table: PlanningTable, in context: RuleContext) {
        let columns = table.columns.filter { $0.descriptor.isMeasured }.map(\.index)
        let values = ValueColumns.of(table, in: context)
        let cells = columns.compactMap { values[$0] }
        // Column by column, each row's count of numbers and of numbers other than zero, and a hash of its numbers: a
        // list of numbers made and hashed for every row cost more than the rest of the rule.
        let count = table.rows.count
        var numbers = [Int32](repeating: 0, count: count), nonZero = [Int32](repeating: 0, count: count)
        var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: count)
        for column in cells.map(\.numbers) {
            for index in 0..<count {
                let number = column[index]
                if !number.isNaN {
                    numbers[index] += 1
                    if number != 0 { nonZero[index] += 1 }
                }
                // Zero of either sign hashes alike, as it compares.
                let bits = number.isNaN ? 1 : number == 0 ? 0 : number.bitPattern
                hashes[index] = (hashes[index] ^ bits) &* 0x100_0000_01b3
            }
        }
        func same(_ a: Int, _ b: Int) -> Bool {
            cells.allSatisfy { $0.numbers[a] == $0.numbers[b] || ($0.numbers[a].isNaN && $0.numbers[b].isNaN) }
        }
        // By hash, the first row of each distinct list of numbers. A list of fewer than three distinct numbers is kept
        // too: the rows that repeat it are left alone below, as the list is. A hash's further lists (other numbers of
        // the same hash) are kept apart: most hashes have one, and a list for each cost more than the rest of the rule.
        var seen = FirstRows(capacity: count), further: [UInt64: [Int]] = [:]
        for index in values.dataRows where values.levels[index] != .total {
            // One or two round values repeated (100 everywhere, 22 in every year) match by chance; three distinct do not.
            guard numbers[index] >= 5, nonZero[index] >= 3 else { continue }
            let hash = hashes[index]
            guard let first = seen.first(hash, filing: index) else { continue }
            guard let earlierIndex = same(first, index) ? first : further[hash, default: []].first(where: { same($0, index) }) else {
                further[hash, default: []].append(index)
                continue
            }
            let row = table.rows[index]
            guard Self.holdsThreeDistinct(columns.map { row.number($0) }) else { continue }
            let earlier = table.rows[earlierIndex]
            guard Self.identity(row) != Self.identity(earlier), !Self.isLineage(index, earlierIndex, table),
                  let first = columns.first(where: { row.number($0) != nil }), let cell = row.values[first]?.cell else { continue }
            let shown = columns.compactMap { column in row.values[column].flatMap { value in value.value.number.map { value.shown($0) } } }
            context.report(table, row: row, cell: cell, column: table.column(at: first)?.descriptor,
                           message: Message(
                            id: "angka baris ini (\(shown.map(\.id).joined(separator: "; "))) sama persis dengan baris \(earlier.sheetRow + 1) (\(earlier.label)): salin-tempel yang belum diganti?",
                            en: "this row's numbers (\(shown.map(\.en).joined(separator: "; "))) are exactly those of row \(earlier.sheetRow + 1) (\(earlier.label)): a copied row never updated?"),
                           related: [table.cell(earlier, first)])
        }
    }

    // Whether three different numbers are among the values, without collecting them (every row of the table asks).
    private static func holdsThreeDistinct(_ values: [Double?]) -> Bool {
        var first: Double?, second: Double?
        for case let value? in values {
            guard let one = first else { first = value; continue }
            if value == one { continue }
            guard let two = second else { second = value; continue }
            if value != two { return true }
        }
        return false
    }

    // What tells rows apart: the kode, else the indicator, else the name.
    private static func identity(_ row: PlanningRow) -> String {
        TextKey.header(row.normalizedKode ?? row.indicator ?? row.name ?? "")
    }

    // Whether one row is the other's parent or ancestor (by kode or by position): an only child equals its parent.
    private static func isLineage(_ a: Int, _ b: Int, _ table: PlanningTable) -> Bool {
        func ancestors(_ index: Int) -> Set<Int> {
            var found: Set<Int> = []
            var current = table.rows[index].parent
            while let parent = current, found.insert(parent).inserted { current = table.rows[parent].parent }
            return found
        }
        if ancestors(a).contains(b) || ancestors(b).contains(a) { return true }
        guard let x = table.rows[a].kode.flatMap(Kode.init)?.normalized, let y = table.rows[b].kode.flatMap(Kode.init)?.normalized
        else { return false }
        return x.hasPrefix(y + ".") || y.hasPrefix(x + ".")
    }
}

// The first row of each hash, in a table probed by the hash itself: the hashes are mixed already, and a dictionary
// hashed each of them again, for every row of a large table.
private struct FirstRows {
    private var hashes: [UInt64]
    // -1 for an empty slot.
    private var rows: [Int32]
    private let mask: Int

    // Room for `capacity` rows, at most half full.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        rows = Array(repeating: -1, count: size)
        mask = size - 1
    }

    // The first row filed under `hash`; else `row` is filed under it, and nil.
    mutating func first(_ hash: UInt64, filing row: Int) -> Int? {
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
        while rows[slot] >= 0 {
            if hashes[slot] == hash { return Int(rows[slot]) }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        rows[slot] = Int32(row)
        return nil
    }
}
