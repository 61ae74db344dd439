import CermatKnowledge
import CermatPlanning

/// UNIT01 across documents: the same indicator (matched by kode or by similar text) stated in units of different
/// kinds in two workbooks of the set, or in two tables of one workbook under texts the single-workbook check does not
/// match.
public struct UnitDivergenceRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "unit-divergence", catalogue: ["UNIT01"],
        name: Message(id: "Satuan berbeda antar dokumen", en: "Units diverge across documents"),
        severity: .warning,
        description: Message(
            id: "Indikator yang sama (dicocokkan menurut kode, atau menurut teks indikator yang dinormalkan) harus bersatuan sama di setiap dokumen set (Renstra, Renja, APBD-P, PK, LKjIP). Satuan dibaca seperti unit-consistency: di sel nilai (\"20 KPM\") atau di kolom Satuan, dinormalkan menurut rules/vocabulary/units.yml; nama lain dan jenisnya (KK dan KPM untuk Keluarga, Orang/Bulan untuk Orang) dianggap sama. Dua tabel satu workbook dengan kode atau teks indikator yang persis sama sudah diperiksa unit-consistency; aturan ini menambah pasangan antar workbook dan pasangan yang hanya mirip teksnya. Indikator \"Jumlah …\" yang menghitung benda berbeda tidak dibandingkan.",
            en: "The same indicator (matched by kode, or by its normalised text) must have the same unit in every document of the set (Renstra, Renja, APBD-P, PK, LKjIP). Units are read as unit-consistency reads them: in the value's cell (\"20 KPM\") or the Satuan column, normalised by rules/vocabulary/units.yml; other names and kinds (KK and KPM for Keluarga, Orang/Bulan for Orang) count as the same. Two tables of one workbook with exactly the same kode or indicator text are unit-consistency's; this rule adds the pairs across workbooks and those matched by similar text only. \"Jumlah …\" indicators counting different things are not compared."),
        rationale: Message(
            id: "Target dalam satu satuan tidak dapat dibandingkan dengan realisasi dalam satuan lain: 1.06.01.2.01 Kutai Kartanegara bertarget 88 Dokumen di evaluasi Renja 2024 dan 12 Bulan di APBD-P 2024.",
            en: "A target in one unit cannot be compared with a realisation in another: Kutai Kartanegara's 1.06.01.2.01 has 88 Dokumen in the Renja evaluation and 12 Bulan in the APBD-P."),
        parameters: [.similarity],
        examples: [
            RuleExample("indikator yang sama bersatuan Dokumen di Renja dan Bulan di APBD-P (teks sedikit berbeda)", sheets: [
                RuleExample.Sheet("Renja 2024", [
                    ["Kegiatan", "Indikator", "Satuan", "Target"],
                    ["Perencanaan, Penganggaran dan Evaluasi Kinerja", "Tersedianya Layanan Administrasi Keuangan pada Dinas Sosial", "Dokumen", "25"],
                ]),
                RuleExample.Sheet("APBD-P 2024", [
                    ["Kegiatan", "Indikator", "Target Sebelum Perubahan", "Target Sesudah Perubahan"],
                    ["Perencanaan, Penganggaran dan Evaluasi Kinerja", "Tersedianya Layanan Administrasi Keuangan pada Dinas Sosial.", "!12 Bulan", "12 Bulan"],
                ]),
            ]),
            RuleExample("satuan sama jenis: KPM dan Keluarga", sheets: [
                RuleExample.Sheet("Renja 2024", [
                    ["Sub Kegiatan", "Indikator", "Satuan", "Target"],
                    ["Fasilitasi Bantuan Sosial", "Jumlah Keluarga Penerima Manfaat yang Mendapatkan Bantuan Sosial", "Keluarga", "7187"],
                ]),
                RuleExample.Sheet("APBD-P 2024", [
                    ["Sub Kegiatan", "Indikator", "Target Sebelum Perubahan", "Target Sesudah Perubahan"],
                    ["Fasilitasi Bantuan Sosial", "Jumlah Keluarga Penerima Manfaat yang Mendapatkan Bantuan Sosial.", "7187 KPM", "1358 KPM"],
                ]),
            ]),
        ])

    /// The rule.
    public init() {}

    /// Where an item states its unit.
    private struct Stated {
        var item: SubjectIndex.Item
        var place: SubjectIndex.Place
        var text: String
        var unit: Vocabulary.Unit
    }

    /// Reads the indicators, in a set with tables to compare: within one table, units are unit-consistency's.
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        columns.hasTablesToCompare ? .indicators : .none
    }

    /// Compares the unit of each subject's items with the first one stated.
    public func check(set members: [Linter.Member], in context: SetContext) {
        guard context.readsIndex else { return }
        let index = context.index
        let reading = AcrossReading(context)
        let openers = reading.vocabulary.countOpeners
        for subject in index.subjects.indices {
            // Reading a unit is the costly part, and a subject with one indicator row has nothing to compare it with.
            guard index.subjects[subject].count > 1 else { continue }
            let indicators = index.indicators(of: subject)
            guard indicators.count > 1 else { continue }
            var rest = indicators[...]
            var first: Stated?
            while first == nil, let item = rest.popFirst() { first = unit(of: item, reading) }
            guard let first else { continue }
            // Every stated unit, read only for a finding's related cells.
            var stated: [Stated]?
            var reported: Set<String> = []
            for item in rest {
                // Rows of different kode that share an indicator text are different sub-kegiatan: their units are not
                // read at all (a text shared by thousands of sub-kegiatan).
                if let a = first.item.kode, let b = item.kode, a != b { continue }
                guard let later = unit(of: item, reading), !IndicatorUnits.sameKind(later.unit, first.unit) else { continue }
                // Two rows of one table, or exactly the same kode or text in one workbook: unit-consistency compares those.
                if later.item.tableID == first.item.tableID { continue }
                if later.place.member == first.place.member, Self.key(later.item) == Self.key(first.item) { continue }
                // Two "Jumlah …" that count different things: each unit may fit its own indicator.
                if let a = UnitConsistencyRule.counted(first.item.text, openers),
                   let b = UnitConsistencyRule.counted(later.item.text, openers), a != b { continue }
                guard reported.insert(later.unit.name).inserted else { continue }
                stated = stated ?? indicators.compactMap { unit(of: $0, reading) }
                let same = stated!.filter { $0.unit.name == later.unit.name && $0.place.cell != later.place.cell }
                let what = later.item.kode.map { "kode \($0)" } ?? "indikator \"\(later.item.text)\""
                let whatEn = later.item.kode.map { "kode \($0)" } ?? "the indicator \"\(later.item.text)\""
                context.report(at: later.place, column: later.place.table.column(at: later.place.cell.column)?.descriptor,
                               message: Message(
                                id: "satuan \"\(later.text)\" untuk \(what) di \(Self.source(later)) berbeda dengan \"\(first.text)\" di \(Self.source(first)): indikator yang sama seharusnya bersatuan sama di setiap dokumen",
                                en: "the unit \"\(later.text)\" of \(whatEn) in \(Self.source(later)) differs from \"\(first.text)\" in \(Self.source(first)): one indicator should have one unit in every document"),
                               related: [first.place] + same.map(\.place))
            }
        }
    }

    // The unit an item states: its first value's own unit (in the cell or its Satuan column), as unit-consistency
    // reads it; none when only the indicator's noun names one, or when the unit contradicts that noun ("Jumlah
    // Keluarga …" in Orang: unit-consistency reports that row, and the other document may well be right).
    private func unit(of item: SubjectIndex.Item, _ reading: AcrossReading) -> Stated? {
        guard let statement = item.statements.first(where: { reading.speaks($0, for: item) }),
              let read = reading.unit(statement.place, column: statement.column.index), read.source != .indicator,
              let unit = read.unit else { return nil }
        if let noun = reading.noun(statement.place), !IndicatorUnits.sameKind(unit, noun) { return nil }
        let place: SubjectIndex.Place
        if read.source == .cell {
            place = statement.place
        } else {
            let satuan = item.place.table.columns(role: "unit").map(\.index).filter { $0 < statement.column.index }.max()
            place = reading.place(statement.place, column: satuan ?? statement.column.index)
        }
        return Stated(item: item, place: place, text: read.text, unit: unit)
    }

    private static func key(_ item: SubjectIndex.Item) -> String {
        item.kode.map { "kode:" + $0 } ?? "indikator:" + TextKey.header(item.row.indicator ?? item.text)
    }

    // `APBD-P 2024, 'APBD-P 2024'!E12 (kukar.xlsx)`.
    private static func source(_ stated: Stated) -> String {
        let document = stated.item.document
        return "\(document.kind?.name ?? "?")\(document.year.map { " \($0)" } ?? ""), \(stated.place.description)"
    }
}
