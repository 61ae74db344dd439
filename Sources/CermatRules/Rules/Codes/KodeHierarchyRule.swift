import CermatPlanning
import CermatWorkbook

/// COD04: a kegiatan or sub-kegiatan whose kode does not belong to the program or kegiatan it is printed under.
public struct KodeHierarchyRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "kode-hierarchy", catalogue: ["COD04"],
        name: Message(id: "Urutan dan induk kode", en: "Kode hierarchy and order"),
        severity: .warning,
        description: Message(
            id: "Setiap kegiatan harus tercetak di bawah program yang kodenya menjadi awal kodenya (1.06.02.2.03 di bawah 1.06.02), dan setiap sub kegiatan di bawah kegiatannya (1.06.02.2.03.01 di bawah 1.06.02.2.03). Dilaporkan: baris yang berada di blok induk lain, baris yang muncul sebelum induknya, dan baris yang induknya tidak ada di tabel padahal tabel memuat baris setingkat induk itu.",
            en: "Every kegiatan must be printed under the program whose code starts its own (1.06.02.2.03 under 1.06.02), and every sub-kegiatan under its kegiatan (1.06.02.2.03.01 under 1.06.02.2.03). Reported: a row in another parent's block, a row printed before its parent, and a row whose parent is missing from a table that lists rows of the parent's level."),
        rationale: Message(
            id: "Jumlah pagu induk dan rekap per program dihitung dari baris di bawahnya; baris di blok yang salah membuat jumlah dua induk keliru sekaligus.",
            en: "Parent budgets and per-program summaries add up the rows below them; a row in the wrong block makes two parents' sums wrong at once."),
        examples: [
            RuleExample("sub kegiatan di blok kegiatan lain, kegiatan tanpa programnya", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Indikatif"],
                ["1.06.02", "Program Pemberdayaan Sosial", "1.338.839.384,00"],
                ["1.06.02.2.02", "Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota", "2.400.000,00"],
                ["1.06.02.2.02.01", "Koordinasi dan Sinkronisasi Penerbitan Izin Undian Gratis Berhadiah", "2.400.000,00"],
                ["!1.06.02.2.03.01", "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat", "7.598.600,00"],
                ["1.06.02.2.03", "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota", "7.598.600,00"],
                ["!1.06.03.2.01", "Pemulangan Warga Negara Migran Korban Tindak Kekerasan", "4.948.870,00"],
            ]),
            RuleExample("setiap baris di bawah induknya", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Indikatif"],
                ["1.06.02", "Program Pemberdayaan Sosial", "10.000.000,00"],
                ["1.06.02.2.02", "Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota", "2.400.000,00"],
                ["1.06.02.2.02.01", "Koordinasi dan Sinkronisasi Penerbitan Izin Undian Gratis Berhadiah", "2.400.000,00"],
                ["1.06.02.2.03", "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota", "7.600.000,00"],
                ["1.06.02.2.03.01", "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat", "7.600.000,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's kode column, as other rules do.
    public static var readings: [any TableReading.Type] { [KodeReading.self] }

    /// Walks the table keeping the program and kegiatan each row is printed under.
    public func check(table: PlanningTable, in context: RuleContext) {
        let reading = KodeReading.of(table, in: context)
        // The entries of programs, kegiatan and sub-kegiatan, read in place rather than listed: a large table has
        // hundreds of thousands. A kode counts at its row only when it denotes the row's level (`fitting`).
        func judged(_ entry: Int) -> Bool { [.program, .kegiatan, .subKegiatan].contains(reading.rowLevels[entry]) }
        // Where each kode is first printed: asked only when a row is reported.
        lazy var rowOf = reading.entries.reduce(into: [String: PlanningRow]()) { rowOf, entry in
            if judged(entry), let kode = reading.fitting(entry), rowOf[kode] == nil { rowOf[kode] = reading.row(entry) }
        }
        // Whether the table prints any program, any kegiatan: asked once, not filed row by row.
        let hasProgram = reading.rowLevels.contains(.program)
        let hasKegiatan = reading.rowLevels.contains(.kegiatan)
        // The last program and kegiatan printed above.
        var program: Int?, kegiatan: Int?
        for entry in reading.entries where judged(entry) {
            let level = reading.rowLevels[entry]
            defer {
                if level == .program {
                    program = entry
                    kegiatan = nil
                } else if level == .kegiatan {
                    kegiatan = entry
                }
            }
            guard reading.fits(entry), let parentKode = reading.parents[entry] else { continue }
            let parentLevel: RowLevel = level == .subKegiatan ? .kegiatan : .program
            guard parentLevel == .program ? hasProgram : hasKegiatan else { continue }
            let under = parentLevel == .program ? program : kegiatan
            // A parent printed without a code is `missing-kode`'s to report; its children are not judged by it.
            if let under, reading.fitting(under) == nil || reading.fitting(under) == parentKode { continue }
            guard let cell = reading.cell(entry), let kode = reading.fitting(entry) else { continue }
            let row = reading.row(entry)
            let names = Self.names(level)
            let actual = rowOf[parentKode]
            var message: Message
            if let under, let underKode = reading.fitting(under) {
                message = Message(id: "\(names.child.id) \(kode) tercetak di bawah \(names.parent.id) \(underKode), padahal kodenya milik \(names.parent.id) \(parentKode)",
                                  en: "\(names.child.en) \(kode) is printed under \(names.parent.en) \(underKode), but its code belongs to \(names.parent.en) \(parentKode)")
            } else {
                message = Message(id: "\(names.child.id) \(kode) tidak tercetak di bawah \(names.parent.id) mana pun",
                                  en: "\(names.child.en) \(kode) is not printed under any \(names.parent.en)")
            }
            if let actual {
                let position = actual.sheetRow > row.sheetRow ? ("baru muncul di bawahnya, di baris", "only comes further down, on row")
                                                                    : ("ada di baris", "is on row")
                message.id += "; \(names.parent.id) \(parentKode) \(position.0) \(actual.sheetRow + 1)"
                message.en += "; \(names.parent.en) \(parentKode) \(position.1) \(actual.sheetRow + 1)"
            } else {
                message.id += "; \(names.parent.id) \(parentKode) tidak ada di tabel ini"
                message.en += "; \(names.parent.en) \(parentKode) is not in this table"
            }
            context.report(table, row: row, cell: cell, column: table.column(at: cell.column)?.descriptor, message: message,
                           related: actual.map { [CellAddress(row: $0.sheetRow, column: cell.column)] } ?? [])
        }
    }

    static func names(_ level: RowLevel) -> (child: (id: String, en: String), parent: (id: String, en: String)) {
        if level == .subKegiatan { return (child: (id: "sub kegiatan", en: "sub-kegiatan"), parent: (id: "kegiatan", en: "kegiatan")) }
        return (child: (id: "kegiatan", en: "kegiatan"), parent: (id: "program", en: "program"))
    }
}
