import CermatPlanning

/// COD02: one kode on two rows of a table.
public struct DuplicateKodeRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "duplicate-kode", catalogue: ["COD02"],
        name: Message(id: "Kode ganda", en: "Duplicate kode"),
        severity: .error,
        description: Message(
            id: "Satu kode program, kegiatan atau sub kegiatan hanya boleh muncul pada satu baris dalam satu tabel. Pesan menyebut baris pertama yang memakai kode itu dan apakah nilai kedua baris sama persis (baris tercetak dua kali) atau berbeda. Program yang memiliki beberapa indikator boleh mengulang kodenya pada baris indikator berikutnya, asalkan indikatornya berbeda.",
            en: "A program, kegiatan or sub-kegiatan code may appear on one row of a table only. The message names the first row with that code and says whether the two rows hold identical values (a row printed twice) or different ones. A program with several indicators may repeat its code on the rows of its further indicators, as long as the indicators differ."),
        rationale: Message(
            id: "Baris ganda terhitung dua kali dalam jumlah program dan total, dan sub kegiatannya terpecah di dua tempat (Renja-P Kab. Blitar 2024: kegiatan 1.06.01.2.06 tercetak pada No 2 dan No 10).",
            en: "A duplicated row is counted twice in program sums and totals, and its sub-kegiatan are split between two places (Kab. Blitar's Renja-P 2024: kegiatan 1.06.01.2.06 is printed as No 2 and No 10)."),
        examples: [
            RuleExample("kegiatan tercetak dua kali (E-81 Kab. Blitar, No 2 dan No 10)", [
                ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Pagu Indikatif"],
                ["2", "1.06.01.2.06", "Administrasi Umum Perangkat Daerah", "- persentase Pemenuhan Administrasi Umum Prangkat Daerah", "- 100", "805.559.203,00"],
                ["4", "1.06.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "- Jumlah Dokumen Perencanaan", "- 9", "1.550.448,00"],
                ["10", "!1.06.01.2.06", "Administrasi Umum Perangkat Daerah", "- persentase Pemenuhan Administrasi Umum Prangkat Daerah", "- 100", "805.559.203,00"],
            ]),
            RuleExample("program dengan dua indikator pada dua baris berkode sama: bukan kode ganda", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Pagu Indikatif"],
                ["1.06.05", "Program Perlindungan dan Jaminan Sosial", "Cakupan Layanan Jaminan Sosial bagi Korban Bencana", "100%", "12.947.600.000,00"],
                ["1.06.05", "", "Presentase PMKS yang memperoleh layanan Perlindungan dan Jaminan Sosial", "85%", ""],
                ["1.06.05.2.01", "Pemeliharaan Anak-Anak Terlantar", "Jumlah Anak Terlantar yang Dijangkau", "100 Orang", "7.163.800.000,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's kode column, as other rules do.
    public static var readings: [any TableReading.Type] { [KodeReading.self] }

    /// Reports every row whose kode an earlier row of the table already used.
    public func check(table: PlanningTable, in context: RuleContext) {
        let reading = KodeReading.of(table, in: context)
        guard !reading.ascending else { return }
        // Each kode's first entry (by position), looked up and filed in one access: a 200 000-row table has as many kode.
        var first = [String: Int](minimumCapacity: reading.entries.count)
        for entry in reading.entries {
            guard let text = reading.printed[entry] else { continue }
            let earliest = first.value(for: reading.normalized[entry] ?? text, inserting: entry)
            guard earliest != entry, let cell = reading.cell(entry) else { continue }
            let row = reading.row(entry), earlier = reading.row(earliest)
            guard !Self.isFurtherIndicator(row, of: earlier) else { continue }
            let differences = Self.differences(row, earlier, table)
            let name = earlier.name ?? earlier.indicator ?? ""
            var message = Message(id: "kode \(text) sudah dipakai di baris \(earlier.sheetRow + 1) (\(name))",
                                  en: "code \(text) is already used on row \(earlier.sheetRow + 1) (\(name))")
            if let first = differences.first {
                message.id += "; nilainya berbeda, mis. \(first.id)"
                message.en += "; the values differ, e.g. \(first.en)"
            } else {
                message.id += "; seluruh nilai kedua baris sama: baris ini tercetak dua kali"
                message.en += "; both rows hold the same values: the row is printed twice"
            }
            context.report(table, row: row, cell: cell, column: table.column(at: cell.column)?.descriptor, message: message,
                           related: reading.cell(earliest).map { [$0] } ?? [])
        }
    }

    // A further indicator of the same program or kegiatan: its own indicator, and no other name.
    static func isFurtherIndicator(_ row: PlanningRow, of earlier: PlanningRow) -> Bool {
        guard let indicator = row.indicator, let other = earlier.indicator,
              TextKey.header(indicator) != TextKey.header(other) else { return false }
        return row.name == nil || TextKey.header(row.name!) == TextKey.header(earlier.name ?? "")
    }

    // The measured cells where the rows differ, as printed: "kolom 7 (J, pagu/Rp/tahun) 805.559.203,00 di baris 9, 846.059.203,00 di sini".
    static func differences(_ row: PlanningRow, _ earlier: PlanningRow, _ table: PlanningTable) -> [(id: String, en: String)] {
        let columns = Set(row.values.keys).union(earlier.values.keys).sorted()
        return columns.compactMap { column in
            let mine = row.values[column], theirs = earlier.values[column]
            guard (mine?.value ?? .blank) != (theirs?.value ?? .blank) else { return nil }
            let label = table.columnLabel(column)
            let here = Self.printed(mine), there = Self.printed(theirs)
            return ("\(label.id) \(there?.id ?? "kosong") di baris \(earlier.sheetRow + 1), \(here?.id ?? "kosong") di sini",
                    "\(label.en) \(there?.en ?? "empty") on row \(earlier.sheetRow + 1), \(here?.en ?? "empty") here")
        }
    }

    private static func printed(_ value: TypedValue?) -> (id: String, en: String)? {
        guard let value, !value.value.isEmpty || value.value == .dash else { return nil }
        return value.value.number.map { value.shown($0) } ?? (value.raw, value.raw)
    }
}
