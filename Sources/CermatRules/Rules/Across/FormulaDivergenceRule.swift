import CermatPlanning
import Foundation

/// FORM01: the same indicator with different formula texts in two tables (IKU, Renstra, LKjIP), and a formula that
/// names another indicator or another program than its own.
public struct FormulaDivergenceRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "formula-divergence", catalogue: ["FORM01"],
        name: Message(id: "Formulasi indikator tidak konsisten", en: "Indicator formulas diverge"),
        severity: .warning,
        description: Message(
            id: "Rumus (formulasi perhitungan) indikator yang sama harus sama di setiap tabel set dokumen (IKU, Renstra, LKjIP). Teks dibandingkan setelah dinormalkan: huruf besar/kecil, spasi, tanda kurung, titik dan koma, %, ×/x/X/* sebagai kali, : dan / sebagai bagi. Temuan ditaruh pada rumus yang berbeda dari rumus pertama (IKU lebih dulu) dan menyebut keduanya. Rumus yang menyebut nama indikator lain dari set (\"Rumus Kalkulator Indeks Gini\" pada indikator PSKS) atau program lain (\"… penerima manfaat Program Perlindungan dan Jaminan Sosial\" pada Program Penanganan Bencana) juga dilaporkan. Rumus di kolom rumus dipasangkan dengan kolom indikator terdekat di kirinya.",
            en: "The formula (formulasi perhitungan) of one indicator must be the same in every table of the document set (IKU, Renstra, LKjIP). Texts are compared normalised: case, spacing, parentheses, full stops and commas, %, ×/x/X/* as times, : and / as divided by. The finding is put on the formula that differs from the first one (the IKU's first) and names both. A formula that names another indicator of the set (\"Rumus Kalkulator Indeks Gini\" on the PSKS indicator) or another program (\"… beneficiaries of Program Perlindungan dan Jaminan Sosial\" on Program Penanganan Bencana) is reported too. A formula column is paired with the nearest indicator column to its left."),
        rationale: Message(
            id: "LHE AKIP 2023: \"Adanya perbedaan formulasi perhitungan kinerja yang tertuang pada IKU … dan LKJIP\": IKU \"(Jumlah PSKS penerima manfaat … : Jumlah PSKS yang seharusnya menerima manfaat …) X 100\", LKjIP \"(Realisasi : Target) x 100%\"; akibatnya LKjIP \"belum menggambarkan … ketercapaian target sasaran strategis\". Rumus milik indikator lain berarti nilai indikator tidak dapat dihitung ulang.",
            en: "LHE AKIP 2023: \"the performance formulas in the IKU … and the LKjIP differ\": IKU \"(PSKS beneficiaries … : PSKS who should benefit …) X 100\", LKjIP \"(Realisasi : Target) x 100%\"; so the LKjIP \"does not show … whether the strategic targets were met\". A formula of another indicator means the indicator's value cannot be recomputed."),
        parameters: [.similarity],
        examples: [
            RuleExample("rumus IKU rasio penerima manfaat, rumus LKjIP realisasi : target", sheets: [
                RuleExample.Sheet("IKU 2023", [
                    ["Sasaran", "Indikator Kinerja Utama", "Formulasi Perhitungan", "Sumber Data"],
                    ["Meningkatnya pemberdayaan PSKS", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "(Jumlah PSKS penerima manfaat : Jumlah PSKS yang seharusnya menerima manfaat) X 100", "DTKS"],
                ]),
                RuleExample.Sheet("LKjIP 2023", [
                    ["Sasaran", "Indikator Kinerja", "Formulasi Perhitungan", "Target", "Realisasi"],
                    ["Meningkatnya pemberdayaan PSKS", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "!(Realisasi : Target) x 100%", "75%", "75%"],
                ]),
            ]),
            RuleExample("rumus indikator lain (Indeks Gini) pada indikator PSKS", [
                ["Tujuan", "Indikator", "Formula Perhitungan", "2019", "2020"],
                ["Meningkatkan Pemerataan dan Kesejahteraan", "Indeks Gini", "Rumus Kalkulator Indeks Gini", "0,36", "0,36"],
                ["Meningkatkan Pemberdayaan Kelompok Sosial", "Persentase PSKS yang dibina dan aktif", "!Rumus Kalkulator Indeks Gini", "98%", "98%"],
            ]),
            RuleExample("rumus sama setelah dinormalkan (: dan /, X dan ×, kurung, spasi)", sheets: [
                RuleExample.Sheet("IKU 2022", [
                    ["Sasaran", "Indikator Kinerja Utama", "Formulasi Perhitungan", "Sumber Data"],
                    ["Meningkatnya pemberdayaan PSKS", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "(Jumlah PSKS penerima manfaat : Jumlah PSKS yang seharusnya menerima manfaat X 100", "DTKS"],
                ]),
                RuleExample.Sheet("IKU 2023", [
                    ["Sasaran", "Indikator Kinerja Utama", "Formulasi Perhitungan", "Sumber Data"],
                    ["Meningkatnya pemberdayaan PSKS", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "Jumlah PSKS penerima manfaat / Jumlah PSKS yang seharusnya menerima manfaat × 100", "DTKS"],
                ]),
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the programs a formula may name, in a set with a formula column.
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        // Without a formula column in the set there is nothing to compare.
        columns.members.contains { $0.document.tables.contains { !$0.columns(role: "formula").isEmpty } } ? .names : .none
    }

    /// A formula cell and the indicator it belongs to.
    private struct Formula {
        var item: SubjectIndex.Item
        var place: SubjectIndex.Place
        var text: String
        var key: String
        var document: DocumentKind?
    }

    /// Compares each indicator's formulas, then looks in each formula for the name of another indicator or program.
    public func check(set members: [Linter.Member], in context: SetContext) {
        guard context.readsIndex else { return }
        let index = context.index
        let reading = AcrossReading(context)
        let all = index.subjects.indices.map { subject in
            index.indicators(of: subject).flatMap { formulas($0, reading) }
        }
        // A formula of another indicator is reported as such, not again as a divergence.
        let borrowed = foreign(all.flatMap { $0 }, index, context)
        for subject in index.subjects.indices {
            compare(all[subject].filter { !borrowed.contains($0.place.id) }, subject: subject, index, context)
        }
    }

    // The formula cells of an item's row that belong to its indicator: those whose nearest indicator column to the left
    // holds its text (a Renstra matrix has a tujuan formula and a sasaran formula on one row).
    private func formulas(_ item: SubjectIndex.Item, _ reading: AcrossReading) -> [Formula] {
        item.table.columns(role: "formula").compactMap { column in
            let place = reading.place(item.place, column: column.index)
            let text = reading.text(place, column: column.index)
            guard !text.isEmpty, text != "-", AcrossReading.same(reading.indicator(place, column: column.index), item.text) else {
                return nil
            }
            return Formula(item: item, place: place, text: text, key: Self.key(text), document: item.document.kind)
        }
    }

    // One finding per different formula, against the first one (the IKU's, where formulas are defined).
    private func compare(_ formulas: [Formula], subject: Int, _ index: SubjectIndex, _ context: SetContext) {
        guard let reference = formulas.first(where: { $0.document == .iku }) ?? formulas.first else { return }
        var reported: Set<String> = [reference.key]
        // One text inside the other is a formula printed incompletely (a numerator lost above a fraction bar), not
        // a different formula.
        for formula in formulas where !formula.place.sameTable(reference.place) && !Self.within(formula.key, reference.key)
            && reported.insert(formula.key).inserted {
            let same = formulas.filter { $0.key == formula.key && $0.place.cell != formula.place.cell }
            let name = index.name(of: subject)
            let also = same.isEmpty ? "" : "; \(same.count) tempat lain juga"
            let alsoEn = same.isEmpty ? "" : "; \(same.count) other places too"
            context.report(at: formula.place, column: nil,
                           message: Message(
                            id: "rumus \"\(name)\" di \(Self.source(formula)) \"\(formula.text)\" berbeda dengan rumus di \(Self.source(reference)) \"\(reference.text)\"\(also): indikator yang sama harus dihitung dengan rumus yang sama",
                            en: "the formula of \"\(name)\" in \(Self.source(formula)) \"\(formula.text)\" differs from the formula in \(Self.source(reference)) \"\(reference.text)\"\(alsoEn): one indicator must be computed with one formula"),
                           related: [reference.place] + same.map(\.place))
        }
    }

    // A formula naming another indicator of the set, or a program other than its row's; the cells reported.
    private func foreign(_ formulas: [Formula], _ index: SubjectIndex, _ context: SetContext) -> Set<SubjectIndex.Place.ID> {
        guard !formulas.isEmpty else { return [] }
        var names: [(key: String, text: String, place: SubjectIndex.Place, what: (id: String, en: String))] = []
        var seen: Set<String> = []
        for item in index.items {
            let text = item.aspect == .program && !TextKey.header(item.text).hasPrefix("program ") ? "Program " + item.text : item.text
            let key = Self.key(text)
            guard [.indicator, .program].contains(item.aspect), key.split(separator: " ").count >= 2,
                  seen.insert(key).inserted else { continue }
            names.append((key, text, item.place, item.aspect == .program ? ("program", "program") : ("indikator", "indicator")))
        }
        var reported: Set<String> = []
        var cells: Set<SubjectIndex.Place.ID> = []
        for formula in formulas {
            let own = [formula.item.text, formula.place.row.name.map { "Program " + $0 }, formula.place.row.name]
                .compactMap { $0 }.map(Self.key)
            let padded = " \(formula.key) "
            guard let other = names.first(where: { name in
                padded.contains(" \(name.key) ") && !own.contains { $0.contains(name.key) || name.key.contains($0) }
            }) else { continue }
            cells.insert(formula.place.id)
            guard reported.insert("\(formula.item.subject ?? -1)|\(formula.key)").inserted else { continue }
            let same = formulas.filter { $0.key == formula.key && $0.item.subject == formula.item.subject
                && $0.place.cell != formula.place.cell }
            context.report(at: formula.place, column: nil,
                           message: Message(
                            id: "rumus \"\(formula.text)\" pada indikator \"\(formula.item.text)\" menyebut \(other.what.id) lain, \"\(other.text)\" (\(other.place.description)): rumus milik \(other.what.id) lain tidak menghitung indikator ini",
                            en: "the formula \"\(formula.text)\" of the indicator \"\(formula.item.text)\" names another \(other.what.en), \"\(other.text)\" (\(other.place.description)): another \(other.what.en)'s formula does not compute this indicator"),
                           related: [other.place] + same.map(\.place))
        }
        return cells
    }

    /// The formula normalised: lower case, one space between words and operators (`N-1` is `N - 1`), × x X * as `*`,
    /// : ÷ / and a fraction bar `_____` as `/`, no parentheses, %, full stops or commas.
    static func key(_ text: String) -> String {
        var spaced = ""
        for char in TextKey.header(text) {
            if "()[]:/÷×*%-–+".contains(char) { spaced += " \(char == "–" ? "-" : char) " } else { spaced.append(char) }
        }
        var words: [String] = []
        for raw in spaced.split(separator: " ") {
            var word = String(raw).trimmingCharacters(in: CharacterSet(charactersIn: ".,;"))
            if word.first == "x", word.count > 1, word.dropFirst().allSatisfy(\.isNumber) {
                words.append("*")
                word.removeFirst()
            }
            switch word {
            case "x", "×", "*": words.append("*")
            case ":", "÷", "/": words.append("/")
            case _ where word.allSatisfy({ $0 == "_" }) && word.count >= 3: words.append("/")
            case "(", ")", "[", "]", "%", "": continue
            default: words.append(word)
            }
        }
        return words.joined(separator: " ")
    }

    private static func within(_ a: String, _ b: String) -> Bool {
        " \(a) ".contains(" \(b) ") || " \(b) ".contains(" \(a) ")
    }

    // `IKU 2023, 'Tabel 2.2 IKU'!C12 (iku-2023.xlsx)`.
    private static func source(_ formula: Formula) -> String {
        let year = formula.item.document.year.map { " \($0)" } ?? ""
        return "\(formula.document?.name ?? "?")\(year), \(formula.place.description)"
    }
}
