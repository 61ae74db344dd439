import CermatPlanning

/// XT02: the same program, kegiatan or sub-kegiatan with a different pagu or realisasi anggaran for the same year in two
/// tables (PK program list, alokasi per sasaran, kinerja dan anggaran, TW IV, evaluasi, E-81, Renja-P, APBD-P).
public struct BudgetDivergenceRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "budget-divergence", catalogue: ["XT02"],
        name: Message(id: "Pagu tidak selaras antar tabel", en: "Budgets diverge across tables"),
        severity: .error,
        description: Message(
            id: "Program, kegiatan atau sub kegiatan yang sama (dicocokkan menurut kode, atau menurut nama yang dinormalkan beserta kegiatan di atasnya) harus berpagu dan berealisasi anggaran sama untuk tahun yang sama di setiap tabel yang menyebutnya, sampai ke rupiah. Pagu sebelum perubahan hanya dibandingkan dengan pagu sebelum perubahan (kolom \"sebelum\", Renja murni) dan pagu sesudah perubahan dengan pagu sesudah perubahan (kolom \"sesudah\", Renja Perubahan, PK Perubahan); pagu tabel yang tidak menyebut dasarnya (LKjIP, DPA) harus sama dengan salah satunya. Pagu lima tahunan Renstra tidak dibandingkan. Nilai yang disebut paling banyak tabel menjadi acuan (bila sama banyak, yang disebut lebih dulu); temuan ditaruh pada setiap nilai lain dan menyebut tempat acuannya.",
            en: "The same program, kegiatan or sub-kegiatan (matched by kode, or by its normalised name with the kegiatan above it) must have the same pagu and the same realisasi anggaran for the same year in every table stating it, to the rupiah. A pagu before perubahan is compared only with pagu before perubahan (\"sebelum\" columns, the Renja murni) and a pagu after perubahan with pagu after perubahan (\"sesudah\" columns, Renja Perubahan, PK Perubahan); the pagu of a table that does not say its basis (LKjIP, DPA) must equal one of them. Five-year Renstra pagu are not compared. The value most tables state is the reference (of equally common ones, the first stated); the finding is put on every other value and names the reference's places."),
        rationale: Message(
            id: "LKjIP 2023 Kab. Mojokerto: alokasi Program Pemberdayaan Sosial 840.600.000 di Tabel 2.2, padahal PK Perubahan, Tabel 2.1 dan realisasi TW IV menyebut 860.400.000 (penyerapan 97,25% di tabel itu sendiri hanya benar dengan 860.400.000). Renja Perubahan 2024 Kab. Blitar: kolom 7 E-81 memakai pagu sebelum perubahan, kecuali Penyediaan Gaji dan Tunjangan ASN yang memakai pagu sesudah perubahan (3.545.784.420 terhadap 4.035.693.583).",
            en: "LKjIP 2023 of Kab. Mojokerto: the allocation of Program Pemberdayaan Sosial is 840.600.000 in Tabel 2.2 while the PK Perubahan, Tabel 2.1 and the TW IV realisation say 860.400.000 (the table's own 97.25% absorption is right only with 860.400.000). Renja Perubahan 2024 of Kab. Blitar: E-81 column 7 uses the pagu before perubahan, except for Penyediaan Gaji dan Tunjangan ASN, which has the pagu after perubahan (3,545,784,420 against 4,035,693,583)."),
        parameters: [.similarity],
        examples: [
            RuleExample("alokasi program di tabel kinerja dan anggaran berbeda dengan PK dan tabel alokasi", sheets: [
                RuleExample.Sheet("PK Program 2023", [
                    ["No", "Program", "Anggaran", "Keterangan"],
                    ["1", "Program Pemberdayaan Sosial", "860.400.000", "P-APBD 2023"],
                    ["2", "Program Rehabilitasi Sosial", "1.243.197.980", "P-APBD 2023"],
                ]),
                RuleExample.Sheet("Alokasi 2023", [
                    ["No", "Program", "Alokasi (Rp)", "Realisasi (Rp)", "Capaian (%)"],
                    ["1", "Program Pemberdayaan Sosial", "860.400.000", "836.704.750", "97,25%"],
                    ["2", "Program Rehabilitasi Sosial", "1.243.197.980", "1.164.720.625", "93,69%"],
                ]),
                RuleExample.Sheet("Kinerja dan Anggaran 2023", [
                    ["No", "Program", "Alokasi (Rp)", "Realisasi (Rp)", "Capaian (%)"],
                    ["1", "Program Pemberdayaan Sosial", "!840.600.000", "836.704.750", "97,25%"],
                    ["2", "Program Rehabilitasi Sosial", "1.243.197.980", "1.164.720.625", "93,69%"],
                ]),
            ]),
            RuleExample("pagu E-81 yang sama dengan pagu sesudah perubahan, bukan sebelum perubahan", sheets: [
                RuleExample.Sheet("Evaluasi Renja 2024", [
                    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Target Kinerja 2024", "Pagu 2024 (Rp)"],
                    ["1.06.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN", "38", "!3.545.784.420,00"],
                    ["1.06.01.2.02.02", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "12", "36.525.519,00"],
                ]),
                RuleExample.Sheet("Renja Perubahan 2024", [
                    ["No", "Program/Kegiatan/Sub Kegiatan", "Target Sebelum Perubahan", "Target Setelah Perubahan",
                     "Anggaran Sebelum Perubahan", "Anggaran Setelah Perubahan"],
                    ["1", "Penyediaan Gaji dan Tunjangan ASN", "38", "30", "4.035.693.583", "3.545.784.420"],
                    ["2", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "12", "12", "36.525.519", "36.525.519"],
                ]),
            ]),
            RuleExample("nama yang hanya berbeda nomornya adalah dua program, bukan satu program dengan pagu berbeda", sheets: [
                RuleExample.Sheet("Alokasi 2023", [
                    ["No", "Program", "Alokasi (Rp)", "Realisasi (Rp)", "Capaian (%)"],
                    ["1", "Program Rehabilitasi Jalan Ruas 12", "860.400.000", "836.704.750", "97,25%"],
                    ["2", "Program Rehabilitasi Jalan Ruas 13", "1.243.197.980", "1.164.720.625", "93,69%"],
                ]),
                RuleExample.Sheet("Kinerja dan Anggaran 2023", [
                    ["No", "Program", "Alokasi (Rp)", "Realisasi (Rp)", "Capaian (%)"],
                    ["1", "Program Rehabilitasi Jalan Ruas 13", "1.243.197.980", "1.164.720.625", "93,69%"],
                    ["2", "Program Rehabilitasi Jalan Ruas 12", "860.400.000", "836.704.750", "97,25%"],
                ]),
            ]),
            RuleExample("pagu berubah dalam Renja Perubahan; PK Perubahan memuat pagu sesudah perubahan", sheets: [
                RuleExample.Sheet("Renja Perubahan 2024", [
                    ["No", "Program/Kegiatan/Sub Kegiatan", "Anggaran Sebelum Perubahan", "Anggaran Setelah Perubahan"],
                    ["1", "Program Rehabilitasi Sosial", "1.250.000.000", "1.243.197.980"],
                ]),
                RuleExample.Sheet("PK Perubahan 2024", [
                    ["No", "Program", "Anggaran", "Keterangan"],
                    ["1", "Program Rehabilitasi Sosial", "1.243.197.980", "P-APBD 2024"],
                ]),
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads its budget lines from the named subjects, in a set with tables to compare.
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        columns.hasTablesToCompare ? .names : .none
    }

    private static let roles = ["pagu", "realisasi-anggaran"]

    /// Compares the pagu and the realisasi anggaran of each budget line, year by year, basis by basis.
    public func check(set members: [Linter.Member], in context: SetContext) {
        // Every finding names an amount of another table (`differing`): a set of one table has none.
        guard context.readsIndex else { return }
        let index = context.index
        struct Key: Hashable {
            let line: String
            let role: String
            let year: Int
        }
        // Gathered as positions in the index, not as amounts: a large table states hundreds of thousands, and copying
        // each one's references into a list (and dropping them again) was most of the rule.
        var groups: [Key: [Handle]] = [:]
        for (itemIndex, line) in index.lines.enumerated() {
            guard let line else { continue }
            let item = index.items[itemIndex]
            for (statementIndex, statement) in item.statements.enumerated()
            where Self.roles.contains(statement.role) && statement.column.descriptor.measure == "Rp" {
                // A five-year Renstra pagu is indicative, not one year's budget.
                guard let year = statement.year, statement.document != .renstra,
                      statement.column.descriptor.period != "akhir-renstra", statement.numberCount == 1 else { continue }
                groups[Key(line: line, role: statement.role, year: year), default: []]
                    .append(Handle(item: itemIndex, statement: statementIndex, kode: item.kodeNumber))
            }
        }
        // A line stated once has nothing to differ from; the others are compared in the order of their keys as text.
        let compared = groups.filter { $0.value.count > 1 }.map { (text: "\($0.key.line)#\($0.key.role)#\($0.key.year)", handles: $0.value) }
        for (_, handles) in compared.sorted(by: { $0.text < $1.text }) {
            for group in Self.byKode(handles, index) {
                compare(Self.distinct(group.map { Amount(item: index.items[$0.item], statement: index.items[$0.item].statements[$0.statement]) }),
                        context)
            }
        }
    }

    // Where the index holds an amount: its item, the statement's position among the item's, and the item's kode number
    // (read here, so that splitting a line by kode reads the list alone, not an item scattered in memory for each).
    private struct Handle {
        var item: Int
        var statement: Int
        var kode: Int?
    }

    /// One amount a table states, with the row's item.
    struct Amount {
        var item: SubjectIndex.Item
        var statement: SubjectIndex.Statement
        var value: Double { statement.single! }

        /// The basis the amount is for: the column's or table's, and the Renja's pagu is the one before perubahan.
        var basis: DocumentClassification.Basis? {
            statement.role == "pagu" ? statement.plannedBasis : nil
        }

        /// Whether the basis is printed (a sebelum / sesudah column, a perubahan title) rather than inferred.
        var statedBasis: Bool { statement.basis != nil }

        /// Rupiah agree to the sen.
        func same(_ other: Double) -> Bool { abs(value - other) < 0.005 }
    }

    // Lines printed with two kode (a name shared by two sub-kegiatan of the same kegiatan) are split by kode; an amount
    // without kode then cannot be told apart and is left out.
    private static func byKode(_ handles: [Handle], _ index: SubjectIndex) -> [[Handle]] {
        // Most lines carry one kode or none: nothing to split, and no dictionary to build.
        let first = handles.lazy.compactMap(\.kode).first
        guard handles.contains(where: { $0.kode != nil && $0.kode != first }) else { return [handles] }
        // A kode stated once has nothing to differ from (a line shared by thousands of sub-kegiatan, each its own kode):
        // only the others are compared, in kode order. They are counted first, so that only those are gathered.
        var counts = [Int: Int](minimumCapacity: handles.count)
        for handle in handles { if let kode = handle.kode { counts[kode, default: 0] += 1 } }
        var byKode: [Int: [Handle]] = [:]
        for handle in handles { if let kode = handle.kode, counts[kode]! > 1 { byKode[kode, default: []].append(handle) } }
        return byKode.values.sorted { index.items[$0[0].item].kode! < index.items[$1[0].item].kode! }
    }

    private static func distinct(_ amounts: [Amount]) -> [Amount] {
        SubjectIndex.distinct(amounts, at: \.statement)
            .sorted { a, b in
                let x = a.statement.id, y = b.statement.id
                return (x.member, x.sheetIndex, x.cell.row, x.cell.column) < (y.member, y.sheetIndex, y.cell.row, y.cell.column)
            }
    }

    // The value most places state; of equally common ones, one whose basis is printed, then the first stated.
    private static func reference(_ amounts: [Amount]) -> [Amount] {
        var best: [Amount] = []
        for amount in amounts {
            let same = amounts.filter { $0.same(amount.value) }
            if best.isEmpty || same.count > best.count
                || (same.count == best.count && same.contains(where: \.statedBasis) && !best.contains(where: \.statedBasis)) {
                best = same
            }
        }
        return best
    }

    private func compare(_ amounts: [Amount], _ context: SetContext) {
        guard amounts.count > 1, amounts.contains(where: { !$0.same(amounts[0].value) }) else { return }
        let murni = amounts.filter { $0.basis == .murni }, perubahan = amounts.filter { $0.basis == .perubahan }
        let open = amounts.filter { $0.basis == nil }
        if !murni.isEmpty && !perubahan.isEmpty {
            let before = Self.reference(murni), after = Self.reference(perubahan)
            differing(murni, from: before, other: after, context)
            differing(perubahan, from: after, other: before, context)
            for amount in open where !amount.same(before[0].value) && !amount.same(after[0].value) {
                report(amount, against: before, and: after, context)
            }
        } else {
            let pool = murni + perubahan + open
            differing(pool, from: Self.reference(pool), other: nil, context)
        }
    }

    // Every amount of a pool that differs from its reference, unless the reference lies only in the amount's own table
    // (a row printed twice in one table is the table's own duplicate).
    private func differing(_ pool: [Amount], from reference: [Amount], other: [Amount]?, _ context: SetContext) {
        for amount in pool where !amount.same(reference[0].value) {
            guard reference.contains(where: { !$0.statement.sameTable(amount.statement) }) else { continue }
            report(amount, against: reference, and: other.flatMap { $0[0].same(amount.value) ? $0 : nil }, context)
        }
    }

    // `and` is the other basis's reference: the one the amount matches, or (for an amount of no stated basis) the one it
    // does not match either.
    private func report(_ amount: Amount, against reference: [Amount], and other: [Amount]?, _ context: SetContext) {
        let statement = amount.statement
        let first = reference[0].statement
        let year = statement.year.map(String.init) ?? ""
        let what = statement.role == "pagu" ? ("pagu", "the pagu") : ("realisasi anggaran", "the spending")
        let label = (amount.item.kode ?? reference.lazy.compactMap(\.item.kode).first).map { "\($0) " } ?? ""
        let name = "\(label)\(amount.item.text)"
        let also = first.alsoSaid(by: reference.count - 1)
        var tail = ("", "")
        if let other, let second = other.first?.statement {
            if amount.same(other[0].value) {
                let basis = amount.basis == .murni ? ("sesudah", "after") : ("sebelum", "before")
                tail = ("; nilai ini adalah pagu \(basis.0) perubahan \(second.cited(.id)): tabel ini mencampur pagu sebelum dan sesudah perubahan",
                        "; it is the pagu \(basis.1) perubahan \(second.cited(.en)): the table mixes pagu before and after perubahan")
            } else {
                tail = (" maupun pagu sesudah perubahan \(second.cited(.id))", " or from the pagu after perubahan \(second.cited(.en))")
            }
        }
        let before = other != nil && !amount.same(other![0].value) ? ("pagu sebelum perubahan ", "the pagu before perubahan ") : ("", "")
        context.report(at: statement.place, column: statement.column.descriptor,
                       message: Message(
                        id: "\(what.0) \(year) \"\(name)\": \(statement.cited(.id)) berbeda dengan \(before.0)\(first.cited(.id))\(tail.0)\(also.id)",
                        en: "\(what.1) \(year) of \"\(name)\": \(statement.cited(.en)) differs from \(before.1)\(first.cited(.en))\(tail.1)\(also.en)"),
                       expected: reference[0].value, actual: amount.value,
                       related: reference.map(\.statement.place) + (other?.prefix(1).map(\.statement.place) ?? []))
    }
}
