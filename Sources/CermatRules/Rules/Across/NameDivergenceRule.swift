import CermatPlanning

/// NAME01: the same program, kegiatan or sub-kegiatan printed with different names in different tables.
public struct NameDivergenceRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "name-divergence", catalogue: ["NAME01"],
        name: Message(id: "Nomenklatur tidak konsisten", en: "Names diverge across tables"),
        severity: .warning,
        description: Message(
            id: "Program, kegiatan atau sub kegiatan yang sama harus bernama sama di setiap tabel. Sama berarti berkode sama, atau — bila salah satu baris tidak berkode — bernama mirip (kemiripan paling sedikit parameter similarity) di bawah kegiatan yang sama dan pada tingkat yang sama. Nama dibandingkan setelah dinormalkan: huruf besar-kecil, spasi, tanda baca, penomoran, spasi antar kata (Kerjasama, Kerja Sama), keterangan dalam kurung, kata \"Program\" di depan nama program, dan varian ejaan rules/vocabulary/spellings.yml tidak dihitung sebagai beda. Nama yang dipakai paling banyak tabel menjadi acuan (bila sama banyak, yang lebih dulu); temuan ditaruh pada nama lain dan menyebut tempat acuannya.",
            en: "The same program, kegiatan or sub-kegiatan must have the same name in every table. The same means the same kode, or — when a row has no kode — a similar name (at least the similarity parameter) under the same kegiatan at the same level. Names are compared after normalisation: case, spacing, punctuation, numbering, spaces between words (Kerjasama, Kerja Sama), parenthesised asides, the word \"Program\" before a program's name, and the spelling variants of rules/vocabulary/spellings.yml do not count as differences. The name most tables use is the reference (of equally common ones, the earlier); the finding is put on the other name and names the reference's place."),
        rationale: Message(
            id: "APBD-P 2024 Kab. Kutai Kartanegara: sub kegiatan 1.06.04.2.01.01 \"Penyediaan Perumahan\" padahal Tabel 1 dan nomenklatur menyebut \"Penyediaan Permakanan\"; \"Titik Debarisasi\" untuk \"Titik Debarkasi\". LKjIP 2023 Kab. Mojokerto: \"Pemeeliharaan Taman Makam Pahlawan\" dan \"Perencanaan, Panganggaran, dan Evaluasi\" di tabel realisasi. Nama yang berbeda membuat baris yang sama tidak dapat ditelusuri antar dokumen.",
            en: "APBD-P 2024 of Kab. Kutai Kartanegara: sub-kegiatan 1.06.04.2.01.01 \"Penyediaan Perumahan\" where Tabel 1 and the nomenclature say \"Penyediaan Permakanan\"; \"Titik Debarisasi\" for \"Titik Debarkasi\". LKjIP 2023 of Kab. Mojokerto: \"Pemeeliharaan Taman Makam Pahlawan\" and \"Perencanaan, Panganggaran, dan Evaluasi\" in the realisation tables. Different names keep the same row from being traced across documents."),
        parameters: [.similarity],
        examples: [
            RuleExample("kode sama, nama berbeda (Permakanan / Perumahan)", sheets: [
                RuleExample.Sheet("Evaluasi Renja 2024", [
                    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target"],
                    ["1.06.04.2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar", "Jumlah Penyandang Disabilitas", "120 Orang"],
                    ["1.06.04.2.01.01", "Penyediaan Permakanan", "Jumlah Penyandang Disabilitas yang mendapatkan permakanan", "120 Orang"],
                ]),
                RuleExample.Sheet("APBD-P 2024", [
                    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Sebelum Perubahan", "Pagu Sesudah Perubahan"],
                    ["1.06.04.2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar", "96.000.000,00", "96.000.000,00"],
                    ["1.06.04.2.01.01", "!Penyediaan Perumahan", "96.000.000,00", "96.000.000,00"],
                ]),
            ]),
            RuleExample("tanpa kode, nama yang hanya berbeda nomornya menyebut dua program yang berbeda", sheets: [
                RuleExample.Sheet("PK Program 2024", [
                    ["No", "Program", "Anggaran", "Keterangan"],
                    ["1", "Program Pembangunan Gedung SD Negeri 1", "175.000.000", "APBD 2024"],
                    ["2", "Program Pembangunan Gedung SD Negeri 2", "150.000.000", "APBD 2024"],
                ]),
                RuleExample.Sheet("Alokasi 2024", [
                    ["No", "Program", "Alokasi (Rp)", "Realisasi (Rp)", "Capaian (%)"],
                    ["1", "Program Pembangunan Gedung SD Negeri 2", "150.000.000", "148.500.000", "99,00%"],
                    ["2", "Program Pembangunan Gedung SD Negeri 1", "175.000.000", "171.500.000", "98,00%"],
                ]),
            ]),
            RuleExample("nama sama setelah dinormalkan (huruf besar, spasi, garis miring, kata Program)", sheets: [
                RuleExample.Sheet("Evaluasi Renja 2024", [
                    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target"],
                    ["1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Persentase layanan", "100%"],
                    ["1.06.01.2.02", "Administrasi Keuangan  Perangkat Daerah", "Jumlah laporan", "12 Laporan"],
                ]),
                RuleExample.Sheet("APBD-P 2024", [
                    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Sebelum Perubahan", "Pagu Sesudah Perubahan"],
                    ["1.06.01", "Penunjang Urusan Pemerintahan Daerah Kabupaten / Kota", "6.389.070.692,00", "6.389.070.692,00"],
                    ["1.06.01.2.02", "Administrasi Keuangan Perangkat Daerah.", "5.213.979.000,00", "5.213.979.000,00"],
                ]),
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the names of its budget lines from the named subjects, in a set with tables to compare.
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        columns.hasTablesToCompare ? .names : .none
    }

    /// Compares the names of each program, kegiatan and sub-kegiatan, by kode and by line.
    public func check(set members: [Linter.Member], in context: SetContext) {
        guard context.readsIndex else { return }
        let index = context.index
        let lines = index.lines
        // Rows with a kode are the same by their kode; rows without by their line (name and kegiatan above).
        enum Key: Hashable {
            case kode(SubjectIndex.Aspect, String)
            case line(String)

            // The groups are compared in the order of this text.
            var text: String {
                switch self {
                case .kode(let aspect, let kode): return "\(aspect.rawValue)#kode#\(kode)"
                case .line(let line): return "line#\(line)"
                }
            }
        }
        var groups: [Key: [Int]] = [:]
        var uncoded = false
        for (itemIndex, line) in lines.enumerated() {
            guard let line else { continue }
            let item = index.items[itemIndex]
            groups[item.kode.map { .kode(item.aspect, $0) } ?? .line(line), default: []].append(itemIndex)
            uncoded = uncoded || item.kode == nil
        }
        // A row without kode joins the kode of the rows of its line, when they have exactly one.
        var kodeOfLine: [String: Set<String>] = [:]
        for (itemIndex, line) in lines.enumerated() where uncoded {
            if let line, let kode = index.items[itemIndex].kode { kodeOfLine[line, default: []].insert(kode) }
        }
        for (line, kodes) in kodeOfLine {
            guard let uncoded = groups.removeValue(forKey: .line(line)) else { continue }
            guard kodes.count == 1, let kode = kodes.first else { continue }
            let aspect = index.items[uncoded[0]].aspect
            groups[.kode(aspect, kode), default: []] += uncoded
        }
        // Every finding names a place in another table: a group within one table (most of them, a row each) is skipped.
        let spanning = groups.filter { index.spanTables(items: $0.value) }.map { (text: $0.key.text, members: $0.value) }
        for (_, members) in spanning.sorted(by: { $0.text < $1.text }) {
            compare(members.sorted().map { index.items[$0] }, context)
        }
    }

    // The normalised name without its spaces: "Kerjasama" and "Kerja Sama", "Tatakelola" and "Tata Kelola" are one name.
    private static func spelling(_ item: SubjectIndex.Item) -> String {
        item.key.filter { $0 != " " }
    }

    private func compare(_ items: [SubjectIndex.Item], _ context: SetContext) {
        // One place per table: a row printed twice in one table is that table's duplicate.
        struct Seen: Hashable {
            let table: SubjectIndex.Place.TableID
            let key: String
        }
        var seen = Set<Seen>(minimumCapacity: items.count)
        let places = items.filter { seen.insert(Seen(table: $0.tableID, key: $0.key)).inserted }
        guard Set(places.map(Self.spelling)).count > 1 else { return }
        var reference: [SubjectIndex.Item] = []
        for item in places {
            let same = places.filter { Self.spelling($0) == Self.spelling(item) }
            if same.count > reference.count { reference = same }
        }
        let first = reference[0]
        var reported: Set<SubjectIndex.Place.ID> = []
        for item in places where Self.spelling(item) != Self.spelling(first) {
            guard reference.contains(where: { $0.tableID != item.tableID }) else { continue }
            guard reported.insert(item.place.id).inserted else { continue }
            let kode = (item.kode ?? first.kode).map { "\($0) " } ?? ""
            let others = reference.count > 1 ? "; \(reference.count - 1) tempat lain juga menulis demikian" : ""
            let othersEn = reference.count > 1 ? "; \(reference.count - 1) other places write it so too" : ""
            context.report(at: item.place, column: nil,
                           message: Message(
                            id: "\(kode)\"\(item.text)\" (\(item.place.description)) bernama \"\(first.text)\" di \(first.place.description)\(others): samakan nomenklaturnya",
                            en: "\(kode)\"\(item.text)\" (\(item.place.description)) is named \"\(first.text)\" in \(first.place.description)\(othersEn): use one name"),
                           related: reference.map(\.place))
        }
    }
}
