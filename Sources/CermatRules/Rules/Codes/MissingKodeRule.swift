import CermatKnowledge
import CermatPlanning

/// COD03: a program, kegiatan or sub-kegiatan row without a kode in a table whose other rows of that level have one,
/// with the kode the nomenclature gives its name.
public struct MissingKodeRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "missing-kode", catalogue: ["COD03"],
        name: Message(id: "Kode kosong", en: "Missing kode"),
        severity: .warning,
        description: Message(
            id: "Baris program, kegiatan atau sub kegiatan (dikenali dari huruf tebal/miring, penomoran atau namanya) yang kolom kodenya kosong, padahal sebagian besar baris setingkat di tabel yang sama berkode. Bila namanya ada dalam nomenklatur (Kepmendagri 050-5889/2021 dan 900.1.15.5-1317/2023) di bawah kode induknya, kode itu disarankan.",
            en: "A program, kegiatan or sub-kegiatan row (known by its bold/italic font, numbering or name) whose kode cell is empty while most rows of its level in the same table have one. When its name is in the nomenclature (Kepmendagri 050-5889/2021 and 900.1.15.5-1317/2023) under its parent's code, that code is suggested."),
        rationale: Message(
            id: "Tanpa kode, baris itu tidak dapat dicocokkan dengan DPA, Renstra atau LKjIP, dan jumlah induknya tidak dapat diperiksa menurut kode (APBD-P Kab. Kutai Kartanegara 2024: seluruh blok Program Perlindungan dan Jaminan Sosial tanpa kode).",
            en: "Without a code the row cannot be matched with the DPA, Renstra or LKjIP, nor its parent's sum checked by code (Kab. Kutai Kartanegara's APBD-P 2024: the whole Program Perlindungan dan Jaminan Sosial block without codes)."),
        examples: [
            RuleExample("blok program tanpa kode (APBD-P Kab. Kutai Kartanegara 2024)", [
                ["Kode", "Program/Kegiatan /Sub.Kegiatan", "Pagu Indikatif"],
                ["1.06.04", "Program Rehabilitasi Sosial", "4.538.500.000,00"],
                ["1.06.04.2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial", "4.538.500.000,00"],
                ["1.06.04.2.01.01", "Penyediaan Permakanan", "4.538.500.000,00"],
                ["!", "Program Perlindungan dan Jaminan Sosial", "7.163.800.000,00"],
                ["!", "Pemeliharaan Anak-Anak Terlantar", "7.163.800.000,00"],
                ["!", "Penjangkauan Anak-Anak Terlantar", "7.163.800.000,00"],
                ["1.06.06", "Program Penanganan Bencana", "4.175.000.000,00"],
                ["1.06.06.2.01", "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota", "4.175.000.000,00"],
                ["1.06.06.2.01.01", "Penyediaan Makanan", "4.175.000.000,00"],
            ]),
            RuleExample("baris indikator kedua program tidak perlu kode", [
                ["Kode", "Program/Kegiatan /Sub.Kegiatan", "Indikator Kinerja", "Target"],
                ["1.06.05", "Program Perlindungan dan Jaminan Sosial", "Cakupan Layanan Jaminan Sosial bagi Korban Bencana", "100%"],
                ["", "", "Presentase PMKS yang memperoleh layanan Perlindungan dan Jaminan Sosial", "85%"],
                ["1.06.05.2.01", "Pemeliharaan Anak-Anak Terlantar", "Jumlah Anak Terlantar yang Dijangkau", "100 Orang"],
                ["1.06.05.2.01.01", "Penjangkauan Anak-Anak Terlantar", "Jumlah Anak Terlantar yang Dijangkau", "100 Orang"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's kode column, as other rules do.
    public static var readings: [any TableReading.Type] { [KodeReading.self] }

    private static let levels: [RowLevel] = [.program, .kegiatan, .subKegiatan]

    /// Walks the table top to bottom, keeping the kode (printed or suggested) of the current program and kegiatan.
    public func check(table: PlanningTable, in context: RuleContext) {
        let reading = KodeReading.of(table, in: context)
        // Each entry with its level's place in `levels`: counts and the current kode are kept by place, since every row
        // of a large table passes here and hashing its level each time cost more than the rest.
        let entries = reading.entries.compactMap { entry in Self.levels.firstIndex(of: reading.rowLevels[entry]).map { (entry, $0) } }
        var coded = Self.levels.map { _ in 0 }, total = coded
        for (entry, place) in entries {
            total[place] += 1
            if reading.printed[entry] != nil { coded[place] += 1 }
        }
        let nomenclature = context.knowledge.vocabulary.nomenclature
        // The kode last seen at each level: an entry's own, read only when a row under it is reported (reading every
        // entry's kode waited on memory for each), or the one suggested for an uncoded row.
        enum Current {
            case entry(Int)
            case suggested(String?)
        }
        var current = Self.levels.map { _ in Current.suggested(nil) }
        // A table repeats its names under kegiatan after kegiatan: each name is looked up once per level and parent.
        struct Asked: Hashable {
            let name: String?
            let level: RowLevel
            let parent: String?
        }
        var suggestions: [Asked: String?] = [:]
        for (entry, place) in entries {
            defer { for deeper in place + 1..<current.count { current[deeper] = .suggested(nil) } }
            if reading.printed[entry] != nil {
                current[place] = .entry(entry)
                continue
            }
            guard coded[place] * 2 >= total[place], let cell = reading.cell(entry) else { continue }
            let row = reading.row(entry)
            let parent: String?
            switch place > 0 ? current[place - 1] : .suggested(nil) {
            case .entry(let above): parent = reading.normalized[above]
            case .suggested(let kode): parent = kode
            }
            let asked = Asked(name: row.name, level: row.level, parent: parent)
            let suggestion = suggestions[asked] ?? Self.suggestion(for: row, under: parent, in: nomenclature)
            suggestions[asked] = suggestion
            current[place] = .suggested(suggestion)
            let what = Self.what(row.level)
            let name = row.name ?? row.indicator ?? ""
            var message = Message(id: "\(what.id) \"\(name)\" tidak berkode, padahal \(what.id) lain di tabel ini berkode",
                                  en: "\(what.en) \"\(name)\" has no code, while the other \(what.plural) of this table have one")
            if let suggestion {
                message.id += "; menurut nomenklatur kodenya \(suggestion)"
                message.en += "; by the nomenclature its code is \(suggestion)"
            }
            context.report(table, row: row, cell: cell, column: table.column(at: cell.column)?.descriptor, message: message)
        }
    }

    // The one nomenclature code of the row's level whose name matches and that lies under the parent's code; a name
    // shared by several codes of that level (Penyediaan Permakanan under two kegiatan) without a parent gives none.
    static func suggestion(for row: PlanningRow, under parent: String?, in nomenclature: [Vocabulary.NomenclatureEntry]) -> String? {
        guard let name = row.name else { return nil }
        let candidates = nomenclature.filter { entry in
            entry.level == row.level && (parent.map { Kode(entry.kode)?.normalizedAncestors.first == $0 } ?? true)
        }
        let matcher = NameMatcher()
        let exact = candidates.filter { matcher.key($0.name) == matcher.key(name) }
        let found = exact.isEmpty ? matcher.bestMatch(name, in: candidates.map(\.name)).map { [candidates[$0.index]] } ?? [] : exact
        // `…06.0010` and `…06.10` are one sub-kegiatan in the 2023 and the 2021 notation.
        let codes = found.map { Kode($0.kode)?.normalized ?? $0.kode }
        let distinct = Set(codes.map { $0.split(separator: ".").map { Int($0) ?? -1 } })
        return distinct.count == 1 ? codes.first : nil
    }

    static func what(_ level: RowLevel) -> (id: String, en: String, plural: String) {
        switch level {
        case .program: return ("program", "the program", "programs")
        case .kegiatan: return ("kegiatan", "the kegiatan", "kegiatan")
        default: return ("sub kegiatan", "the sub-kegiatan", "sub-kegiatan")
        }
    }
}
