import CermatPlanning

/// XT01: the same indicator with different targets for the same year in two documents (Renstra, Renja, Renja-P, PK,
/// IKU, LKjIP) or two tables of one document.
public struct TargetDivergenceRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "target-divergence", catalogue: ["XT01"],
        name: Message(id: "Target tidak selaras antar dokumen", en: "Targets diverge across documents"),
        severity: .warning,
        description: Message(
            id: "Indikator yang sama (dicocokkan menurut kode, atau menurut teks indikator yang dinormalkan) harus bertarget sama untuk tahun yang sama di Renstra, Renja, Renja Perubahan, PK, IKU dan LKjIP, dan di setiap tabel satu dokumen. Target daftar (\"60, 18, 90, 30\") dibandingkan satu per satu. Temuan ditaruh pada target yang berbeda dari Renstra (atau dari tabel pertama yang menyebutnya) dan menyebut dokumen mana mengatakan apa, termasuk apakah nilainya sebelum atau sesudah perubahan. Baris perubahan (target sebelum | sesudah perubahan) yang salah satu nilainya diikuti tabel pembanding adalah perubahannya sendiri, bukan perbedaan. Tabel yang mengikuti target sebelum perubahan di sebagian baris dan target sesudah perubahan di baris lain (nilai yang berubah, sama persis dengan salah satunya) dilaporkan sebagai tabel yang mencampur basis, pada baris kelompok yang lebih kecil. Baris dengan kode berbeda tidak dibandingkan walau teks indikatornya sama.",
            en: "The same indicator (matched by kode, or by its normalised text) must have the same target for the same year in the Renstra, Renja, Renja Perubahan, PK, IKU and LKjIP, and in every table of one document. Lists (\"60, 18, 90, 30\") are compared element by element. The finding is put on the target that differs from the Renstra (or from the first table stating it) and names which document says what, including whether a value is before or after perubahan. A revision row (target before | after perubahan) one of whose values the other table follows is the revision itself, not a divergence. A table that follows the before-perubahan targets on some rows and the after-perubahan targets on others (changed values, exactly equal to one of them) is reported as mixing bases, on the rows of the smaller group. Rows with different kode are not compared, even when their indicator texts are the same."),
        rationale: Message(
            id: "Inspektorat menilai keselarasan target Renstra → Renja → PK → LKjIP: target Renja 2023 75% padahal Renstra 100% adalah temuan LHE AKIP. Target yang berbeda untuk tahun yang sama berarti salah satu dokumen tidak mengikuti yang lain. Evaluasi Renja 2024 Kutai Kartanegara memakai target sesudah perubahan APBD-P di sebagian besar baris tetapi target sebelum perubahan untuk 1.06.04.2.01.05 (118, bukan 24), 1.06.06.2.02.02 dan 1.06.07.2.01.01: capaian tiap baris diukur terhadap rencana yang berbeda.",
            en: "The inspectorate judges whether targets follow Renstra → Renja → PK → LKjIP: a Renja 2023 target of 75% where the Renstra says 100% is an LHE AKIP finding. Different targets for one year mean one document does not follow the other. Kutai Kartanegara's 2024 Renja evaluation uses the APBD-P targets after perubahan on most rows but those before perubahan for 1.06.04.2.01.05 (118, not 24), 1.06.06.2.02.02 and 1.06.07.2.01.01: each row's capaian is measured against a different plan."),
        parameters: [.similarity],
        examples: [
            RuleExample("evaluasi Renja mengikuti target sesudah perubahan APBD-P, kecuali satu baris yang memakai target sebelum perubahan", sheets: [
                RuleExample.Sheet("Evaluasi Renja 2024", [
                    ["Kode", "Sub Kegiatan", "Indikator", "Target Renja 2024"],
                    ["1.06.01.2.01.01", "Penyusunan Dokumen Perencanaan", "Jumlah Dokumen Perencanaan Perangkat Daerah", "5"],
                    ["1.06.01.2.05.02", "Pengadaan Pakaian Dinas", "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapannya", "270"],
                    ["1.06.04.2.01.05", "Pemberian Bimbingan Sosial", "Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial", "!118"],
                ]),
                RuleExample.Sheet("APBD-P 2024", [
                    ["Kode", "Sub Kegiatan", "Indikator", "Target Sebelum Perubahan", "Target Sesudah Perubahan"],
                    ["1.06.01.2.01.01", "Penyusunan Dokumen Perencanaan", "Jumlah Dokumen Perencanaan Perangkat Daerah", "6 Dokumen", "5 Dokumen"],
                    ["1.06.01.2.05.02", "Pengadaan Pakaian Dinas", "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapannya", "157 Paket", "270 Paket"],
                    ["1.06.04.2.01.05", "Pemberian Bimbingan Sosial", "Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial", "118 Orang", "24 Orang"],
                ]),
            ]),
            RuleExample("evaluasi Renja mengikuti target sesudah perubahan di setiap baris", sheets: [
                RuleExample.Sheet("Evaluasi Renja 2024", [
                    ["Kode", "Sub Kegiatan", "Indikator", "Target Renja 2024"],
                    ["1.06.01.2.01.01", "Penyusunan Dokumen Perencanaan", "Jumlah Dokumen Perencanaan Perangkat Daerah", "5"],
                    ["1.06.04.2.01.05", "Pemberian Bimbingan Sosial", "Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial", "24"],
                ]),
                RuleExample.Sheet("APBD-P 2024", [
                    ["Kode", "Sub Kegiatan", "Indikator", "Target Sebelum Perubahan", "Target Sesudah Perubahan"],
                    ["1.06.01.2.01.01", "Penyusunan Dokumen Perencanaan", "Jumlah Dokumen Perencanaan Perangkat Daerah", "6 Dokumen", "5 Dokumen"],
                    ["1.06.04.2.01.05", "Pemberian Bimbingan Sosial", "Jumlah Peserta Bimbingan Fisik, Mental, Spiritual dan Sosial", "118 Orang", "24 Orang"],
                ]),
            ]),
            RuleExample("satu baris Renja mengutip target Renstra 100% di samping target Renja 75%", sheets: [
                RuleExample.Sheet("Renja 2023", [
                    ["Program", "Indikator Kinerja", "Target Renstra", "Target Renja 2023"],
                    ["Program Pemberdayaan Sosial", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "100%", "!75%"],
                ]),
            ]),
            RuleExample("kolom \"Target Renstra 2023\" di samping \"Target Renja 2023\" pada baris yang sama", sheets: [
                RuleExample.Sheet("Renja 2023", [
                    ["Program", "Indikator Kinerja", "Target Renstra 2023", "Target Renja 2023"],
                    ["Program Pemberdayaan Sosial", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "100%", "!75%"],
                ]),
            ]),
            RuleExample("Renja 2023 menargetkan 75% padahal Renstra 100% untuk 2023", sheets: [
                RuleExample.Sheet("Renstra 2021-2026", [
                    ["Program", "Indikator Kinerja Program", "Satuan", "2022", "2023", "2024"],
                    ["Program Pemberdayaan Sosial", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "%", "90", "100", "100"],
                ]),
                RuleExample.Sheet("Renja 2023", [
                    ["Program", "Indikator Kinerja Program", "Satuan", "Target"],
                    ["Program Pemberdayaan Sosial", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "%", "!75"],
                ]),
            ]),
            RuleExample("target yang sama di Renstra dan PK (ejaan dan huruf besar berbeda)", sheets: [
                RuleExample.Sheet("Renstra 2021-2026", [
                    ["Program", "Indikator Kinerja Program", "Satuan", "2022", "2023", "2024"],
                    ["Program Pemberdayaan Sosial", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "%", "90", "75", "80"],
                ]),
                RuleExample.Sheet("PK 2023", [
                    ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                    ["1", "Meningkatnya pemberdayaan PSKS", "PERSENTASE PSKS yang mendapatkan  pembinaan dan aktif.", "75%"],
                ]),
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the indicators, in a set with tables to compare or a table quoting the targets of two documents for a year.
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        columns.hasTablesToCompare || columns.quotesTwoDocuments("target") ? .indicators : .none
    }

    /// Compares the targets of each indicator year by year.
    public func check(set members: [Linter.Member], in context: SetContext) {
        guard context.readsIndex else { return }
        let index = context.index
        for subject in index.subjects.indices {
            let stated = index.indicatorStatements(of: subject) { $0.role == "target" && $0.year != nil && $0.numberCount > 0 }
            // Only a year with two targets can diverge; most subjects (a row each) state one target per year.
            guard Self.repeatsAYear(stated) else { continue }
            let targets = SubjectIndex.distinct(stated)
            // A subject's few years, each gathered by a pass over its targets rather than hashed into groups (all of
            // them, not copied, when they state one year: an indicator repeated on thousands of rows).
            let years = SubjectIndex.years(targets).sorted()
            for year in years {
                let group = years.count == 1 ? targets : targets.filter { $0.year == year }
                guard group.count > 1 else { continue }
                // The Renstra itself is the reference; a Renstra target quoted in another document's table is not.
                let reference = group.first { $0.document == .renstra && $0.origin.table.classification?.kind == .renstra }
                    ?? group.first { $0.document == .renstra } ?? group[0]
                var reported: [[Double]] = []
                let rows = SubjectIndex.rowRuns(group)
                let spansTables = SubjectIndex.spanTables(group)
                // Rows of one table are compared by the table's own rules; here, tables with each other.
                // A revision row (before | after perubahan) one of whose values the reference follows is the revision
                // itself, not a divergence: the reference uses that basis.
                func revised(_ statement: SubjectIndex.Statement, _ row: ArraySlice<SubjectIndex.Statement>) -> Bool {
                    row.contains {
                        $0.basis != nil && statement.basis != nil && $0.basis != statement.basis && $0.agrees(with: reference)
                    }
                }
                // Only a group spanning tables has any to compare.
                if spansTables {
                    for row in rows.lazy.map({ group[$0] }) {
                        for statement in row where !statement.sameTable(reference) && !statement.agrees(with: reference)
                            && statement.sameKode(reference) && !revised(statement, row) {
                            // One finding per different value: the other places saying the same are its related cells.
                            guard !reported.contains(where: { $0 == statement.numbers }) else { continue }
                            reported.append(statement.numbers)
                            let same = group.filter { $0.cell != statement.cell && $0.agrees(with: statement) && $0.sameKode(statement) }
                            report(statement, against: reference, also: same, year: year, subject: subject, index, context)
                        }
                    }
                }
                // One row stating the targets of two documents ("Target Renstra | Target Renja 2023") that differ: each
                // pair once, on the target that differs from the Renstra's, else on the later of the two.
                for row in rows.lazy.map({ group[$0] }) {
                    for (position, statement) in zip(row.indices, row) where statement.document != .renstra {
                        for (otherPosition, other) in zip(row.indices, row) where other.document != statement.document
                            && (other.document == .renstra || otherPosition < position) && !other.agrees(with: statement) {
                            report(statement, against: other, also: [], year: year, subject: subject, index, context)
                        }
                    }
                }
            }
        }
        mixedBases(index, context)
    }

    // Whether two statements are for the same year: pair by pair for the few most subjects have, else through a set
    // (an indicator text repeated on thousands of rows).
    private static func repeatsAYear(_ statements: [SubjectIndex.Statement]) -> Bool {
        guard statements.count <= 16 else {
            var years = Set<Int?>(minimumCapacity: statements.count)
            return statements.contains { !years.insert($0.year).inserted }
        }
        for (offset, statement) in statements.enumerated() where statements[..<offset].contains(where: { $0.year == statement.year }) {
            return true
        }
        return false
    }

    /// A target and the revision row it follows: equal to that row's target before perubahan and not to the one after
    /// (or the other way round).
    private struct Following {
        var statement: SubjectIndex.Statement
        var basis: DocumentClassification.Basis
        var before: SubjectIndex.Statement
        var after: SubjectIndex.Statement
        var subject: Int
    }

    // A table whose targets follow the before-perubahan values on some rows and the after-perubahan values on others
    // (a Renja evaluation quoting the APBD-P): reported on the rows of the smaller group, naming both bases.
    private func mixedBases(_ index: SubjectIndex, _ context: SetContext) {
        // Without a column stating values before perubahan there is no revision row to follow, and without another
        // table none to follow one.
        guard context.columns.bases.contains(.murni), context.columns.hasTablesToCompare else { return }
        var tables: [SubjectIndex.Place.TableID: [Following]] = [:]
        var order: [SubjectIndex.Place.TableID] = []
        for subject in index.subjects.indices {
            let stated = index.indicatorStatements(of: subject) { $0.role == "target" && $0.year != nil && $0.numberCount == 1 }
            // A revision row states a target before perubahan: without one, nothing follows a revision.
            guard stated.contains(where: { $0.basis == .murni }) else { continue }
            let targets = SubjectIndex.distinct(stated)
            // Revision rows: one row stating the year's target before and after perubahan, and changing it.
            let revisions = SubjectIndex.rowRuns(targets).flatMap { run in
                targets[run].filter { $0.basis == .murni }.flatMap { before in
                    targets[run].filter { $0.basis == .perubahan && $0.year == before.year && !$0.agrees(with: before) }
                        .map { (before: before, after: $0) }
                }
            }
            for statement in targets {
                let matches = revisions.filter { pair in
                    pair.before.year == statement.year && !pair.before.sameTable(statement) && statement.sameKode(pair.before)
                }.compactMap { pair -> Following? in
                    if statement.agrees(with: pair.before) { return Following(statement: statement, basis: .murni, before: pair.before, after: pair.after, subject: subject) }
                    if statement.agrees(with: pair.after) { return Following(statement: statement, basis: .perubahan, before: pair.before, after: pair.after, subject: subject) }
                    return nil
                }
                // A value that follows one revision row's "before" and another's "after" says nothing for certain.
                guard let first = matches.first, matches.allSatisfy({ $0.basis == first.basis }) else { continue }
                let table = statement.tableID
                if tables[table] == nil { order.append(table) }
                tables[table, default: []].append(first)
            }
        }
        for table in order {
            let rows = tables[table] ?? []
            let murni = rows.filter { $0.basis == .murni }, perubahan = rows.filter { $0.basis == .perubahan }
            guard !murni.isEmpty, !perubahan.isEmpty else { continue }
            let minority = murni.count == perubahan.count ? rows : (murni.count < perubahan.count ? murni : perubahan)
            for row in minority {
                let others = row.basis == .murni ? perubahan : murni
                report(mixed: row, others: others, index, context)
            }
        }
    }

    private func report(mixed row: Following, others: [Following], _ index: SubjectIndex, _ context: SetContext) {
        let statement = row.statement
        let name = index.name(of: row.subject)
        let (own, ownEn) = row.basis == .murni ? ("sebelum perubahan", "before perubahan") : ("sesudah perubahan", "after perubahan")
        let (other, otherEn) = row.basis == .murni ? ("sesudah perubahan", "after perubahan") : ("sebelum perubahan", "before perubahan")
        let followed = row.basis == .murni ? row.before : row.after, rival = row.basis == .murni ? row.after : row.before
        let example = others[0].statement
        let cells = others.map(\.statement.place.cell.a1).joined(separator: ", ")
        context.report(at: statement.place, column: statement.column.descriptor,
                       message: Message(
                        id: "tabel '\(statement.place.table.sheet)' mencampur basis target: target \(statement.year!) \"\(name)\" \(statement.shown(.id)) (\(statement.place.cell.a1)) sama dengan target \(own) \(followed.cited(.id)), bukan target \(other) \(rival.cited(.id)), padahal \(others.count) baris lain tabel ini (\(cells)) mengikuti target \(other); satu tabel harus memakai satu basis",
                        en: "the table '\(statement.place.table.sheet)' mixes target bases: the \(statement.year!) target of \"\(name)\" \(statement.shown(.en)) (\(statement.place.cell.a1)) is the target \(ownEn) \(followed.cited(.en)), not the target \(otherEn) \(rival.cited(.en)), while \(others.count) other rows of this table (\(cells)) follow the targets \(otherEn); one table must use one basis"),
                       expected: rival.numbers.first, actual: statement.numbers.first,
                       related: [followed.place, rival.place, example.place])
    }

    private func report(_ statement: SubjectIndex.Statement, against reference: SubjectIndex.Statement,
                        also same: [SubjectIndex.Statement], year: Int, subject: Int, _ index: SubjectIndex,
                        _ context: SetContext) {
        context.reportDivergence(statement, from: reference, what: Message(id: "target \(year)", en: "the \(year) target"),
                                 name: index.name(of: subject), also: statement.alsoSaid(by: same.count),
                                 related: [reference.place] + same.map(\.place))
    }
}
