import CermatPlanning
import Foundation

/// XT06: the same indicator with a different realisasi (or capaian) for the same year in two tables of one workbook.
public struct RealisationDivergenceRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "realisation-divergence", catalogue: ["XT06"],
        name: Message(id: "Realisasi berbeda untuk indikator yang sama", en: "Realisations diverge for the same indicator"),
        severity: .error,
        description: Message(
            id: "Indikator yang sama (dicocokkan menurut teks yang dinormalkan, dan menurut program atau kegiatan barisnya bila keduanya menyebutnya) harus berealisasi dan bercapaian sama untuk tahun yang sama di setiap tabel satu dokumen (ringkasan, tabel Bab III, lampiran). Nilai daftar dibandingkan sebagai kumpulan; nilai yang dicetak dengan ketelitian berbeda (82% dan 82,18%) dianggap sama. Nilai yang disebut paling banyak tabel menjadi acuan (bila sama banyak, yang menghasilkan capaian barisnya sendiri, lalu yang disebut lebih dulu); temuan ditaruh pada setiap nilai lain dan menyebut tempat acuannya. Dua baris satu tabel tidak dibandingkan.",
            en: "The same indicator (matched by its normalised text, and by the program or kegiatan of its row when both rows name one) must have the same realisation and the same capaian for the same year in every table of one document (summary, Bab III tables, annexes). Lists are compared as collections; values printed at different precision (82% and 82.18%) count as equal. The value most tables state is the reference (of equally common ones, one from which its row's own capaian recomputes, then the first stated); the finding is put on every other value and names the reference's places. Two rows of one table are not compared."),
        rationale: Message(
            id: "LKjIP 2020 Kota Blitar: realisasi \"Persentase fakir miskin yang mandiri\" 18,07% (capaian 180,7%) di tabel kinerja dan anggaran, padahal setiap tabel lain menyebut 18,18% (181,80%) untuk 2020 — 18,07% adalah realisasi 2019. LKjIP 2023 Kab. Mojokerto: kolom \"Realisasi 2023\" Tabel 3.5 memuat capaian 100% untuk program yang realisasinya 75%, 55% dan 60% di Tabel 3.2.",
            en: "LKjIP 2020 of Kota Blitar: the realisation of \"Persentase fakir miskin yang mandiri\" is 18.07% (capaian 180.7%) in the performance and budget table while every other table says 18.18% (181.80%) for 2020 — 18.07% is the 2019 realisation. LKjIP 2023 of Kab. Mojokerto: the \"Realisasi 2023\" column of Tabel 3.5 holds the capaian 100% for programs whose realisation is 75%, 55% and 60% in Tabel 3.2."),
        parameters: [.similarity],
        examples: [
            RuleExample("realisasi 2019 tercetak sebagai realisasi 2020 di satu tabel", sheets: [
                RuleExample.Sheet("Capaian 2020", [
                    ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                    ["1", "Meningkatnya Pemberdayaan Fakir Miskin", "Persentase fakir miskin yang mandiri", "10%", "18,18%", "181,80%"],
                ]),
                RuleExample.Sheet("Kinerja dan Anggaran 2020", [
                    ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                    ["1", "Meningkatnya Pemberdayaan Fakir Miskin", "Persentase fakir miskin yang mandiri", "10%", "!18,07%", "!180,7%"],
                ]),
            ]),
            RuleExample("realisasi yang sama di dua tabel, dicetak dengan ketelitian berbeda", sheets: [
                RuleExample.Sheet("Capaian 2023", [
                    ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                    ["1", "Meningkatnya pemenuhan kebutuhan dasar PPKS", "Persentase PPKS yang memperoleh bantuan sosial", "82%", "82,18%", "100,22%"],
                ]),
                RuleExample.Sheet("Pengukuran Kinerja 2023", [
                    ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                    ["1", "Meningkatnya pemenuhan kebutuhan dasar PPKS", "PERSENTASE PPKS yang memperoleh bantuan sosial.", "82", "82,18", "100,2"],
                ]),
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads what each indicator belongs to from the named subjects, in a set with tables to compare.
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        columns.hasTablesToCompare ? .names : .none
    }

    private static let roles = ["realisasi", "capaian"]

    /// Compares the realisations and capaian of each indicator, workbook by workbook and year by year.
    public func check(set members: [Linter.Member], in context: SetContext) {
        guard context.readsIndex else { return }
        let index = context.index
        let owners = index.owners()
        for subject in index.subjects.indices {
            // Every finding names a place in another table (`compare`): a subject stated in one table has none.
            guard index.spanTables(items: index.subjects[subject]) else { continue }
            var groups: [String: [(owner: String?, statement: SubjectIndex.Statement)]] = [:]
            for itemIndex in index.subjects[subject] where index.items[itemIndex].aspect == .indicator {
                let item = index.items[itemIndex]
                for statement in item.statements where Self.roles.contains(statement.role) {
                    guard let year = statement.year, statement.numberCount > 0 else { continue }
                    // A capaian is compared only with capaian of the same target: against another target it differs rightly.
                    let target = statement.role == "capaian"
                        ? item.statements.first { $0.role == "target" && $0.year == year }.map { $0.numbers.map { String($0) } } ?? []
                        : []
                    groups["\(statement.origin.member)#\(statement.role)#\(year)#\(target.joined(separator: ","))", default: []]
                        .append((SubjectIndex.owner(of: item.place, in: owners), statement))
                }
            }
            let consistent = Set(index.subjects[subject].flatMap { Self.consistent(index.items[$0].statements) }
                .map(\.id))
            for key in groups.keys.sorted() {
                for group in Self.byOwner(groups[key]!) {
                    compare(SubjectIndex.distinct(group), consistent: consistent, subject: subject, index, context)
                }
            }
        }
    }

    // An indicator text shared by two programs or kegiatan (a copied indicator) is two indicators; a table that names
    // no program for it cannot be told apart then and is left out.
    private static func byOwner(_ group: [(owner: String?, statement: SubjectIndex.Statement)]) -> [[SubjectIndex.Statement]] {
        let byOwner = Dictionary(grouping: group.filter { $0.owner != nil }) { $0.owner! }
        guard byOwner.count > 1 else { return [group.map(\.statement)] }
        return byOwner.keys.sorted().map { byOwner[$0]!.map(\.statement) }
    }

    // Equal as collections, each number to the coarser of the two printed precisions.
    private static func same(_ a: SubjectIndex.Statement, _ b: SubjectIndex.Statement) -> Bool {
        let x = a.numbers.sorted(), y = b.numbers.sorted()
        guard x.count == y.count else { return false }
        let decimals = min(a.value.decimals ?? 2, b.value.decimals ?? 2, 2)
        let tolerance = 0.5 * pow(10, -Double(decimals)) + 1e-9
        return zip(x, y).allSatisfy { abs($0 - $1) <= tolerance }
    }

    // The realisations whose own row's capaian recomputes from them (capaian = realisasi / target × 100).
    private static func consistent(_ statements: [SubjectIndex.Statement]) -> [SubjectIndex.Statement] {
        statements.filter { realised in
            guard realised.role == "realisasi", let done = realised.single,
                  let target = statements.first(where: { $0.role == "target" && $0.year == realised.year && $0.numberCount == 1 }),
                  let capaian = statements.first(where: { $0.role == "capaian" && $0.year == realised.year && $0.numberCount == 1 }),
                  let planned = target.single, planned != 0, let printed = capaian.single else { return false }
            return abs(done / planned * 100 - printed) <= 0.01
        }
    }

    private func compare(_ statements: [SubjectIndex.Statement], consistent: Set<SubjectIndex.Place.ID>, subject: Int, _ index: SubjectIndex,
                         _ context: SetContext) {
        // Every finding names a place in another table: rows of one table alone are never compared.
        guard SubjectIndex.spanTables(statements) else { return }
        // The value most places state; of equally common ones, one that its row's capaian recomputes from, then the first.
        func agreeing(_ list: [SubjectIndex.Statement]) -> Int {
            list.filter { consistent.contains($0.id) }.count
        }
        var reference: [SubjectIndex.Statement] = []
        for statement in statements {
            let same = statements.filter { Self.same($0, statement) }
            if same.count > reference.count || (same.count == reference.count && agreeing(same) > agreeing(reference)) {
                reference = same
            }
        }
        let first = reference[0]
        // A list against one number is no divergence: a table may print a list's parts on rows of their own, or its sum.
        for statement in statements where statement.numberCount == first.numberCount && !Self.same(statement, first) {
            let elsewhere = reference.filter { !$0.sameTable(statement) }
            guard let cited = elsewhere.first else { continue }
            let year = statement.year.map(String.init) ?? ""
            let what = statement.role == "capaian" ? Message(id: "capaian \(year)", en: "the capaian \(year)")
                : Message(id: "realisasi \(year)", en: "the realisation \(year)")
            context.reportDivergence(statement, from: cited, what: what, name: index.name(of: subject),
                                     also: cited.alsoSaid(by: elsewhere.count - 1), related: elsewhere.map(\.place))
        }
    }
}
