import CermatKnowledge
import CermatPlanning
import CermatReader
import CermatRules
import CermatTestSupport
import Foundation
import Testing

/// The inspectorate's findings of seed 004 (DOMAIN §4 rows 1-4) and the Renstra/PK divergence 001-R4 of seed 001,
/// found by the checks across documents, on one workbook per document and on the single multi-sheet LKjIP workbook.
@Suite struct AcrossDocumentsTests {
    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)

    static func findings(_ paths: [String]) throws -> [Finding] {
        let workbooks = try paths.map { try XLSXReader().read(path: Fixtures.path($0)) }
        return try Linter(knowledge: knowledge).lint(set: workbooks).flatMap(\.findings)
    }

    static let set004 = ["documents/004/renstra.xlsx", "documents/004/pk-2023.xlsx", "documents/004/renja-2023.xlsx",
                         "documents/004/iku-2023.xlsx", "documents/004/lkjip-2023.xlsx"]

    static func at(_ findings: [Finding], _ rule: String, _ file: String, _ sheet: String, _ cell: String) -> Finding? {
        findings.first { $0.rule == rule && $0.file.hasSuffix(file) && $0.sheet == sheet && $0.cell.a1 == cell }
    }

    @Test func tablesAreClassifiedWithTheirEvidence() throws {
        let linter = try Linter(knowledge: Self.knowledge)
        let renja = linter.lint(try XLSXReader().read(path: Fixtures.path("documents/004/renja-2023.xlsx"))).document
        #expect(renja.tables[0].classification?.kind == .renja)
        #expect(renja.tables[0].classification?.year == 2023)
        let pk = linter.lint(try XLSXReader().read(path: Fixtures.path("documents/004/pk-2023.xlsx"))).document
        #expect(pk.tables[0].classification?.kind == .pk)
        #expect(pk.tables[0].classification?.basis == .perubahan)
        #expect(pk.tables[0].classification?.evidence.contains { $0.contains("form pk-sasaran") } == true)
        let renstra = linter.lint(try XLSXReader().read(path: Fixtures.path("documents/004/renstra.xlsx"))).document
        #expect(renstra.tables[0].classification?.kind == .renstra)
        #expect(renstra.tables[0].classification?.period == 2021...2026)
        let lkjip = linter.lint(try XLSXReader().read(path: Fixtures.path("planning/lkjip-2023-mojokerto.xlsx"))).document
        #expect(lkjip.tables.filter { $0.sheet == "LHE" }.allSatisfy { $0.classification?.kind == .evaluasi })
        #expect(lkjip.tables.first { $0.sheet == "Tabel 3.2" }?.classification?.year == 2023)
    }

    // `documents:` in .cermat.yml states what a table is where the workbook does not say it, and the checks follow it.
    @Test func theConfigurationStatesADocumentsKindAndYear() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-documents-\(UUID().uuidString).yml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "documents:\n  \"Renja 2023\": {type: renja, year: 2024, basis: perubahan}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let linter = try Linter(knowledge: Self.knowledge, configuration: try Configuration.load(path: path))
        let renja = try XLSXReader().read(path: Fixtures.path("documents/004/renja-2023.xlsx"))
        let table = try #require(linter.lint(renja).document.tables.first)
        #expect(table.classification?.year == 2024 && table.classification?.basis == .perubahan)
        #expect(table.classification?.evidence.contains { $0.contains(".cermat.yml") || $0.contains("configuration") } == true)
        // Stated as 2024, its targets are no longer compared with the Renstra's 2023 targets.
        let set = try Self.set004.map { try XLSXReader().read(path: Fixtures.path($0)) }
        let findings = linter.lint(set: set).flatMap(\.findings)
        #expect(Self.at(findings, "target-divergence", "renja-2023.xlsx", "Renja 2023", "D3") == nil)
    }

    // LHE rows 1-2: IKU/PK sasaran and the Taman Makam Pahlawan program are not in the Renstra.
    @Test func pkAndIkuItemsMissingFromTheRenstra() throws {
        let findings = try Self.findings(Self.set004)
        let missing = findings.filter { $0.rule == "missing-counterpart" }
        #expect(missing.contains { $0.message.id.contains("Program Pengelolaan Taman Makam Pahlawan") })
        #expect(missing.contains { $0.message.id.contains("Tatakelola Birokrasi") })
        #expect(missing.contains { $0.message.id.contains("Optimalisasi Kualitas Pelayanan") })
        // The programs the Renstra has are not reported, nor the routine support program of a Renstra that lists none,
        // nor the PPKS sasaran the Renstra's Tabel 2.1 states: exactly the LHE's rows 1 and 2, in the IKU.
        #expect(!missing.contains { $0.message.id.contains("\"Program Pemberdayaan Sosial\"") })
        #expect(Set(missing.map(Self.subject)) == [
            "Meningkatnya Tatakelola Birokrasi Pemerintahan yang Efektif, Efisien dan Akuntabel", "Nilai SAKIP Perangkat Daerah",
            "Persentase Realisasi Anggaran Perangkat Daerah", "Indeks Profesionalitas ASN",
            "Optimalisasi Kualitas Pelayanan melalui Pembangunan Inovasi yang Mempunyai Nilai Tambah",
            "Jumlah Inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan",
            "Program Pengelolaan Taman Makam Pahlawan", "Persentase Jumlah Taman Makam Pahlawan yang Dikelola"])
        #expect(missing.count == 8)
    }

    /// The first quoted text of a finding's message: the subject it is about.
    static func subject(_ finding: Finding) -> String {
        finding.message.id.split(separator: "\"", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
    }

    // Seed 001: a Renstra matrix row states a tujuan, a sasaran with its own indicator and values, and a program; each
    // is read. The PK programs it lists are found, its support programs are not asked for, and the one PK program
    // named differently ("Pemberdayaan Kesejahteraan Sosial" / "pemberdayaan Kelembagaan Kesejahteraan Sosial") is
    // reported both ways.
    @Test func renstraMatrixRowsOfSeed001AreReadByBlock() throws {
        let findings = try Self.findings(["documents/001/renstra.xlsx", "documents/001/pk-2020.xlsx", "documents/001/lkjip-2020.xlsx"])
        let missing = findings.filter { $0.rule == "missing-counterpart" }
        #expect(Set(missing.map(Self.subject)) == [
            "Meningkatnya Pemberdayaan Fakir Miskin Kelembagaan Sosial Masyarakat", "Program Pemberdayaan Kesejahteraan Sosial",
            "Meningkatnya Pemberdayaan Fakir Miskin dan Kelompok Sosial Masyarakat", "Program pemberdayaan Kelembagaan Kesejahteraan Sosial"])
        #expect(missing.count == 4)
        // 001-R5: the rehabilitasi target is 85 % in the Renstra's sasaran block and 90 % in the PK and LKjIP.
        let rehab = try #require(findings.first { $0.rule == "target-divergence" && $0.message.en.contains("2020 target") && $0.actual == 90 })
        #expect(rehab.expected == 85)
        #expect(rehab.related.contains { $0.file.hasSuffix("renstra.xlsx") && $0.cell.a1 == "S11" })
    }

    // LHE row 3: Renja 2023 75% against the Renstra target 100%, and against the 2022 realisation 80% (55 / 60 likewise).
    @Test func renjaTargetsAgainstRenstraAndLastYear() throws {
        let findings = try Self.findings(Self.set004)
        let psks = try #require(Self.at(findings, "target-divergence", "renja-2023.xlsx", "Renja 2023", "D3"))
        #expect(psks.actual == 75 && psks.expected == 100)
        #expect(psks.related.contains { $0.sheet == "Renja 2023" && $0.cell.a1 == "C3" })
        let rehab = try #require(Self.at(findings, "target-divergence", "renja-2023.xlsx", "Renja 2023", "D4"))
        #expect(abs((rehab.actual ?? 0) - 55) < 1e-6 && rehab.expected == 100)
        // The quoted Renstra 100% is not what the Renstra matrix says for 2023 (75).
        let quoted = try #require(Self.at(findings, "target-divergence", "renja-2023.xlsx", "Renja 2023", "C3"))
        #expect(quoted.related.contains { $0.file.hasSuffix("renstra.xlsx") && $0.cell.a1 == "H6" })
        for (cell, prior) in [("D3", 80.0), ("D4", 60.0)] {
            let below = try #require(Self.at(findings, "target-below-prior", "renja-2023.xlsx", "Renja 2023", cell))
            #expect(below.expected == prior)
            #expect(below.related.count == 1)
        }
    }

    // LHE row 3 as the inspector wrote it: one row quoting the Renstra target beside the Renja's (100% | 75%), found in the
    // Renja alone, once per row, on the Renja's target.
    @Test func aRowQuotingTheRenstraTargetBesideItsOwnDiverges() throws {
        let findings = try Self.findings(["documents/004/renja-2023.xlsx"]).filter { $0.rule == "target-divergence" }
        #expect(findings.map(\.cell.a1) == ["D3", "D4"])
        let psks = try #require(findings.first)
        #expect(psks.actual == 75 && psks.expected == 100)
        #expect(psks.related.map(\.cell.a1) == ["C3"])
    }

    // LHE row 4: PK 2023 program targets below the 2022 realisation.
    @Test func pkTargetsBelowLastYearsRealisation() throws {
        let findings = try Self.findings(Self.set004)
        for (cell, target, prior) in [("D3", 75.0, 80.0), ("D4", 55.0, 60.0)] {
            let finding = try #require(Self.at(findings, "target-below-prior", "pk-2023.xlsx", "PK Target Program", cell))
            #expect(abs((finding.actual ?? 0) - target) < 1e-6 && finding.expected == prior)
        }
        // The sasaran target 82% is above the 2022 realisation 80%: not reported.
        #expect(Self.at(findings, "target-below-prior", "pk-2023.xlsx", "PK Sasaran", "D4") == nil)
    }

    // The same checks across the sheets of the one LKjIP workbook (its LHE sheet quotes, and is not compared).
    @Test func theSameFindingsAcrossTheSheetsOfOneWorkbook() throws {
        let findings = try Self.findings(["planning/lkjip-2023-mojokerto.xlsx"])
        #expect(findings.contains { $0.rule == "missing-counterpart" && $0.message.id.contains("Taman Makam Pahlawan") })
        // The workbook holds the Renstra's program matrix only, without its sasaran: the governance indicators are
        // missing from it, the sasaran cannot be checked.
        #expect(findings.contains { $0.rule == "missing-counterpart" && $0.message.id.contains("\"Nilai SAKIP Perangkat Daerah\"") })
        #expect(!findings.contains { $0.rule == "missing-counterpart" && $0.message.id.hasPrefix("sasaran") })
        let below = try #require(Self.at(findings, "target-below-prior", "lkjip-2023-mojokerto.xlsx", "Tabel 3.2", "C4"))
        #expect(below.actual == 75 && below.expected == 80)
        #expect(!findings.contains { $0.sheet == "LHE" && ["target-divergence", "target-below-prior"].contains($0.rule) })
        #expect(findings.filter { $0.rule == "target-divergence" }.allSatisfy { !$0.related.isEmpty })
    }

    // The same inspectorate findings on the set as one workbook with a sheet per document table.
    @Test func theSameFindingsOnTheSetAsOneWorkbook() throws {
        let separate = try Self.findings(Self.set004)
        let combined = try Self.findings(["documents/combined/004.xlsx"])
        for rule in ["missing-counterpart", "target-divergence", "target-below-prior"] {
            let subjects = { (findings: [Finding]) in Set(findings.filter { $0.rule == rule }.map { "\($0.sheet)|\($0.cell.a1)|\($0.actual ?? -1)" }) }
            #expect(subjects(combined) == subjects(separate), "\(rule)")
        }
        #expect(Self.at(combined, "target-below-prior", "004.xlsx", "PK Target Program", "D3")?.expected == 80)
    }

    // The corrected counterparts (fixtures/documents/<seed>-corrected, built from the `.aligned.tsv` transcriptions):
    // every finding above corrected in every document, so nothing is reported, neither across the separate workbooks nor
    // across the sheets of the one workbook. Every rule runs, those of one workbook included.
    @Test(arguments: [["documents/004-corrected/renstra.xlsx", "documents/004-corrected/pk-2023.xlsx",
                       "documents/004-corrected/renja-2023.xlsx", "documents/004-corrected/iku-2023.xlsx",
                       "documents/004-corrected/lkjip-2023.xlsx"],
                      ["documents/combined/004-corrected.xlsx"],
                      ["documents/001-corrected/renstra.xlsx", "documents/001-corrected/pk-2020.xlsx",
                       "documents/001-corrected/lkjip-2020.xlsx"],
                      ["documents/combined/001-corrected.xlsx"]])
    func correctedSetsDrawNothing(paths: [String]) throws {
        let findings = try Self.findings(paths)
        #expect(findings.map { "\($0.rule) \($0.sheet)!\($0.cell.a1): \($0.message.en)" } == [])
    }

    // 001-R4: the PSKS target is 98% in the Renstra and 100% in the PK and LKjIP (2020), 99% in the LKjIP for 2019.
    @Test func renstraAndPkDivergeInSeed001() throws {
        for paths in [["documents/001/renstra.xlsx", "documents/001/pk-2020.xlsx", "documents/001/lkjip-2020.xlsx"],
                      ["planning/lkjip-2020-kota-blitar.xlsx"]] {
            let findings = try Self.findings(paths).filter { $0.rule == "target-divergence" }
            #expect(findings.contains { $0.message.en.contains("2020 target") && $0.actual == 100 && $0.expected == 98 }, "\(paths)")
            #expect(findings.contains { $0.message.en.contains("2019 target") && $0.actual == 99 && $0.expected == 98 }, "\(paths)")
        }
    }

    // The bases the value columns state, which tells whether a check comparing targets after perubahan can find anything:
    // an APBD-P prints pagu and targets before and after perubahan; the documents of seed 004 state one plan each.
    @Test func theColumnsOfASetSayWhichBasesTheyState() throws {
        #expect(try columns(["planning/renja-perubahan-2024-kukar.xlsx"]).bases == [.murni, .perubahan])
        #expect(try !columns(Self.set004).bases.contains(.murni))
    }

    // The years the value columns state, by role, which lets the checks comparing a year with the one before skip a set
    // that states no two following years.
    @Test func theColumnsOfASetSayWhichYearsTheyState() throws {
        // The PK of seed 004 prints the realisation of 2022 beside its targets for 2023.
        let pk = try columns(["documents/004/pk-2023.xlsx"]).years
        #expect(pk["target"] == [2023] && pk["realisasi"] == [2022], "\(pk)")
        // The Renja Perubahan of Kutai Kartanegara prints the realisations of 2022 and 2023 beside its targets to 2026.
        let kukar = try columns(["planning/renja-perubahan-2024-kukar.xlsx"]).years
        #expect(kukar["realisasi"] == [2022, 2023] && kukar["target"] == [2022, 2023, 2024, 2025, 2026], "\(kukar)")
        // An E-81 of one year: nothing to compare with the year before.
        let e81 = try columns(["planning/e81-tanpa-nomor.xlsx"]).years
        #expect(e81["target"] == [2024] && e81["realisasi"] == [2024], "\(e81)")
    }

    // The workbooks at the paths, recognised and classified.
    private func members(_ paths: [String]) throws -> [Linter.Member] {
        let linter = try Linter(knowledge: Self.knowledge)
        return try paths.map { path in
            let workbook = try XLSXReader().read(path: Fixtures.path(path))
            return Linter.Member(workbook: workbook, document: linter.recognise(workbook).document)
        }
    }

    // The value columns of the workbooks at the paths.
    private func columns(_ paths: [String]) throws -> SetColumns {
        SetColumns(members: try members(paths), knowledge: Self.knowledge)
    }

    // The checks that read only indicators skip a subject by its first item's aspect: every item of a subject must have
    // it, on the documents of seed 004 (sasaran, programs and indicators in five tables) and on an APBD-P (kegiatan).
    @Test func aSubjectsItemsShareOneAspect() throws {
        let sets: [(paths: [String], aspects: Set<SubjectIndex.Aspect>)] = [
            (Self.set004, [.sasaran, .program, .indicator]), (["planning/renja-perubahan-2024-kukar.xlsx"], [.kegiatan, .indicator]),
        ]
        for (paths, expected) in sets {
            let members = try members(paths)
            let index = SubjectIndex(members: members, knowledge: Self.knowledge, threshold: SubjectIndex.defaultThreshold)
            let aspects = Set(index.subjects.map { index.items[$0[0]].aspect })
            #expect(aspects.isSuperset(of: expected), "\(paths)")
            #expect(index.subjects.allSatisfy { subject in subject.allSatisfy { index.items[$0].aspect == index.items[subject[0]].aspect } },
                    "\(paths)")
        }
    }

    // An index without the named subjects (a set no rule reads them of) must match every indicator as the full index
    // does: matching is by aspect, so leaving programs, kegiatan and sasaran out changes no indicator's subject.
    @Test func indicatorsMatchAlikeWithoutTheNamedSubjects() throws {
        for paths in [Self.set004, ["planning/renja-perubahan-2024-kukar.xlsx"], ["planning/lkjip-2023-mojokerto.xlsx"]] {
            let members = try members(paths)
            // Each indicator subject as the cells of its items, comparable between two indexes.
            func indicatorSubjects(_ index: SubjectIndex) -> Set<[String]> {
                Set(index.subjects.indices.compactMap { subject in
                    let items = index.items(of: subject).filter { $0.aspect == .indicator }
                    return items.isEmpty ? nil : items.map { "\($0.place.member)|\($0.table.sheet)|\($0.place.cell.a1)" }
                })
            }
            let full = SubjectIndex(members: members, knowledge: Self.knowledge, threshold: SubjectIndex.defaultThreshold)
            let indicators = SubjectIndex(members: members, knowledge: Self.knowledge, threshold: SubjectIndex.defaultThreshold,
                                          includingNames: false)
            #expect(!indicators.hasNames && full.hasNames)
            #expect(indicators.items.allSatisfy { $0.aspect == .indicator }, "\(paths)")
            #expect(full.items.contains { $0.aspect != .indicator }, "\(paths)")
            #expect(indicatorSubjects(indicators) == indicatorSubjects(full), "\(paths)")
            #expect(indicators.items.filter { $0.subject == nil }.map(\.place.cell)
                    == full.items.filter { $0.aspect == .indicator && $0.subject == nil }.map(\.place.cell), "\(paths)")
        }
    }

    // Each check across documents says how much of the subject index it reads where it could find something: the budget
    // and name checks the named subjects of a set of two tables, missing-counterpart beside a Renstra; the checks of
    // targets and realisations the indicators where two tables or two following years can differ. An E-81 of one
    // year linted alone gives none of them anything to compare: it is not indexed at all.
    @Test func theRulesSayHowMuchOfTheIndexTheyRead() throws {
        let one = SetColumns(members: try members(["planning/lkjip-2023-mojokerto.xlsx"]).map { member in
            var member = member
            member.document.tables = [member.document.tables[0]]
            return member
        }, knowledge: Self.knowledge)
        let (renja, set, kukar) = try (columns(["documents/004/renja-2023.xlsx"]), columns(Self.set004),
                                       columns(["planning/renja-perubahan-2024-kukar.xlsx"]))
        let e81 = try columns(["planning/e81-tanpa-nomor.xlsx"])
        #expect(!one.hasTablesToCompare && set.hasTablesToCompare)
        for rule in [BudgetDivergenceRule.self, NameDivergenceRule.self, RealisationDivergenceRule.self] as [any Rule.Type] {
            #expect(rule.indexUse(in: one) == .none && rule.indexUse(in: set) == .names, "\(rule.info.id)")
        }
        #expect(MissingCounterpartRule.indexUse(in: renja) == .none && MissingCounterpartRule.indexUse(in: set) == .names)
        // Table 2.1 of the Mojokerto LKjIP and the IKU of seed 004 print each indicator's formula; the Renja does not.
        #expect(FormulaDivergenceRule.indexUse(in: renja) == .none && FormulaDivergenceRule.indexUse(in: one) == .names)
        for rule in [TargetDivergenceRule.self, UnitDivergenceRule.self] as [any Rule.Type] {
            #expect(rule.indexUse(in: one) == .none && rule.indexUse(in: set) == .indicators, "\(rule.info.id)")
        }
        // The PK of seed 004 sets targets for 2023 beside the realisation of 2022; the Renja Perubahan of Kutai
        // Kartanegara prints realisations of 2022 and 2023 and targets after perubahan.
        #expect(TargetBelowPriorRule.indexUse(in: set) == .indicators)
        #expect(TrendPolarityRule.indexUse(in: kukar) == .indicators)
        #expect(RevisedTargetBelowAchievementRule.indexUse(in: kukar) == .indicators)
        for rule in RuleRegistry.all {
            #expect(rule.indexUse(in: e81) == .none, "\(rule.info.id)")
        }
    }
}
