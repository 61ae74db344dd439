import CermatKnowledge
import CermatReader
import CermatRules
import CermatTestSupport
import CermatWorkbook
import Foundation
import Testing

/// The trend, revision, formula and unit checks across documents (XT05, XT07, FORM01, UNIT01) and the mixed-basis
/// flag of XT01, on the real document sets and planning workbooks of seeds 000, 001, 002 and 004.
@Suite struct AcrossTrendTests {
    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)

    static func findings(_ paths: [String]) throws -> [Finding] {
        try findings(paths.map { try XLSXReader().read(path: Fixtures.path($0)) })
    }

    static func findings(_ workbooks: [Workbook]) throws -> [Finding] {
        try Linter(knowledge: knowledge).lint(set: workbooks).flatMap(\.findings)
    }

    static let set004 = ["documents/004/renstra.xlsx", "documents/004/pk-2023.xlsx", "documents/004/renja-2023.xlsx",
                         "documents/004/iku-2023.xlsx", "documents/004/lkjip-2023.xlsx"]
    static let set001 = ["documents/001/renstra.xlsx", "documents/001/pk-2020.xlsx", "documents/001/lkjip-2020.xlsx"]

    static func at(_ findings: [Finding], _ rule: String, _ file: String, _ sheet: String, _ cell: String) -> Finding? {
        findings.first { $0.rule == rule && $0.file.hasSuffix(file) && $0.sheet == sheet && $0.cell.a1 == cell }
    }

    static func relates(_ finding: Finding, _ sheet: String, _ cell: String) -> Bool {
        finding.related.contains { $0.sheet == sheet && $0.cell.a1 == cell }
    }

    // XT05: the Renstra 2021-2026 lowers the targets of its four higher-is-better program indicators (004 notes), and
    // the 2023 realisations of PSKS and Rehabilitasi fell below 2022 (LKjIP Tabel 3.2 against Tabel 3.5).
    @Test func fallingTargetsAndDecliningRealisationsOfSeed004() throws {
        let findings = try Self.findings(Self.set004)
        let psks = try #require(Self.at(findings, "trend-against-polarity", "renstra.xlsx", "Renstra 2021-2026", "E6"))
        #expect(psks.expected == 85 && psks.actual == 80)
        #expect(Self.relates(psks, "Renstra 2021-2026", "D6"))
        for cell in ["E12", "E18", "E24"] {
            #expect(Self.at(findings, "trend-against-polarity", "renstra.xlsx", "Renstra 2021-2026", cell) != nil, "\(cell)")
        }
        for (cell, now, before, prior) in [("D4", 75.0, 80.0, "D8"), ("D5", 55.0, 60.0, "D9")] {
            let decline = try #require(Self.at(findings, "trend-against-polarity", "lkjip-2023.xlsx", "Tabel 3.2", cell))
            #expect(abs((decline.actual ?? 0) - now) < 1e-9 && abs((decline.expected ?? 0) - before) < 1e-9)
            #expect(Self.relates(decline, "Tabel 3.5", prior))
        }
        // Perlindungan and Bencana stay at 60% (flat), Taman Makam Pahlawan rises from 0: not reported; nor the sasaran
        // (80% → 82,18%), nor the count rows of the Renstra (Tagana 50 → 44 is a planned volume, not a rate).
        for cell in ["D6", "D7", "D8"] {
            #expect(Self.at(findings, "trend-against-polarity", "lkjip-2023.xlsx", "Tabel 3.2", cell) == nil, "\(cell)")
        }
        #expect(!findings.contains { $0.rule == "trend-against-polarity" && ["Tabel 3.1", "Tabel 3.5"].contains($0.sheet) })
        #expect(Self.at(findings, "trend-against-polarity", "renstra.xlsx", "Renstra 2021-2026", "E22") == nil)
    }

    // XT05 in seed 001: rehabilitasi 82,29% (2016) → 82% (2017) is reported; the Indeks Gini, lower-is-better, may fall.
    @Test func indeksGiniIsLowerIsBetterAndRehabilitasiFalls() throws {
        let findings = try Self.findings(Self.set001)
        let rehab = try #require(Self.at(findings, "trend-against-polarity", "renstra.xlsx", "Renstra 2016-2021", "P11"))
        #expect(rehab.actual == 82 && abs((rehab.expected ?? 0) - 82.29) < 1e-9)
        #expect(Self.relates(rehab, "Renstra 2016-2021", "O11"))
        #expect(!findings.contains { $0.rule == "trend-against-polarity" && $0.cell.a1.filter(\.isNumber) == "10" })
    }

    // XT07, seed 002: the APBD-P 2024 revised targets below the triwulan II realisation of the Renja evaluation.
    @Test func revisedTargetsBelowTheTriwulanIIRealisationOfKukar() throws {
        let findings = try Self.findings(["planning/renja-perubahan-2024-kukar.xlsx"])
        let bimbingan = try #require(Self.at(findings, "revised-target-below-achievement", "kukar.xlsx", "APBD-P 2024", "I60"))
        #expect(bimbingan.actual == 24 && bimbingan.expected == 81)
        #expect(Self.relates(bimbingan, "Tabel 1 Evaluasi Renja", "G76"))
        #expect(bimbingan.message.id.contains("sebelum perubahan: 118 Orang"))
        #expect(Self.at(findings, "revised-target-below-achievement", "kukar.xlsx", "APBD-P 2024", "I59")?.expected == 52)
        #expect(Self.at(findings, "revised-target-below-achievement", "kukar.xlsx", "APBD-P 2024", "I62")?.expected == 892)
        // 79 Orang/Bulan is no count of the 632 person-months paid by triwulan II; Kedaruratan 50 (1.06.04.2.01.10) is
        // not the 61 of the other Kedaruratan sub-kegiatan (1.06.04.2.02.02).
        #expect(Self.at(findings, "revised-target-below-achievement", "kukar.xlsx", "APBD-P 2024", "I11") == nil)
        #expect(Self.at(findings, "revised-target-below-achievement", "kukar.xlsx", "APBD-P 2024", "I61") == nil)
        #expect(findings.filter { $0.rule == "revised-target-below-achievement" }.count == 3)
        // The corrected workbook reads 89 for the slipped 892.
        let corrected = try Self.findings(["planning/renja-perubahan-2024-kukar.corrected.xlsx"])
        #expect(Self.at(corrected, "revised-target-below-achievement", "corrected.xlsx", "APBD-P 2024", "I62") == nil)
    }

    // FORM01: a formula naming another program (004 IK Program, Penanganan Bencana) or another indicator (001 Renstra,
    // "Rumus Kalkulator Indeks Gini" on PSKS and fakir miskin); a formula printed without its numerator is no divergence.
    @Test func formulasOfAnotherProgramOrIndicator() throws {
        let findings004 = try Self.findings(Self.set004).filter { $0.rule == "formula-divergence" }
        let bencana = try #require(Self.at(findings004, "formula-divergence", "iku-2023.xlsx", "Tabel 2.3 IK Program", "G14"))
        #expect(bencana.message.en.lowercased().contains("names another program, \"program perlindungan dan jaminan sosial\""))
        #expect(bencana.related.count == 1)
        #expect(findings004.count == 1)
        let findings001 = try Self.findings(Self.set001).filter { $0.rule == "formula-divergence" }
        let psks = try #require(Self.at(findings001, "formula-divergence", "renstra.xlsx", "Renstra 2016-2021", "C11"))
        #expect(psks.message.en.contains("\"Indeks Gini\""))
        #expect(Self.relates(psks, "Renstra 2016-2021", "B10") && Self.relates(psks, "Renstra 2016-2021", "C12"))
        #expect(Self.at(findings001, "formula-divergence", "renstra.xlsx", "Renstra 2016-2021", "C13") != nil)
        // The Renstra's "_____ x 100% Jumlah PSKS x 100%" lost its numerator in print; the LKjIP's has it.
        #expect(Self.at(findings001, "formula-divergence", "renstra.xlsx", "Renstra 2016-2021", "M12") == nil)
        #expect(Self.at(findings001, "formula-divergence", "lkjip-2020.xlsx", "Lamp IV Pengukuran", "D9") == nil)
        #expect(findings001.count == 2)
    }

    // UNIT01 across documents: Kukar's Renja evaluation and APBD-P given as two workbooks; 1.06.01.2.01 counts 88
    // Dokumen in one and 12 Bulan in the other. In the one workbook unit-consistency reports it, not this rule.
    @Test func unitsOfOneKodeDivergeAcrossWorkbooks() throws {
        let kukar = try XLSXReader().read(path: Fixtures.path("planning/renja-perubahan-2024-kukar.xlsx"))
        func part(_ sheet: String, _ name: String) -> Workbook {
            var part = kukar
            part.sheets = kukar.sheets.filter { $0.name == sheet }
            part.source = name
            return part
        }
        let findings = try Self.findings([part("Tabel 1 Evaluasi Renja", "renja-2024.xlsx"), part("APBD-P 2024", "apbd-p-2024.xlsx")])
        let bulan = try #require(Self.at(findings, "unit-divergence", "apbd-p-2024.xlsx", "APBD-P 2024", "E6"))
        #expect(bulan.message.en.contains("\"Bulan\"") && bulan.message.en.contains("\"Dokumen\""))
        #expect(bulan.related.contains { $0.file == "renja-2024.xlsx" && $0.sheet == "Tabel 1 Evaluasi Renja" })
        // Jumlah Keluarga … counted in Orang in the evaluation: unit-consistency's finding there, not a divergence here.
        #expect(!findings.contains { $0.rule == "unit-divergence" && $0.message.en.contains("Pengentasan Fakir Miskin") })
        let whole = try Self.findings([kukar])
        #expect(!whole.contains { $0.rule == "unit-divergence" })
        #expect(whole.contains { $0.rule == "unit-consistency" && $0.sheet == "APBD-P 2024" && $0.cell.a1 == "E6" })
    }

    // XT01 mixed bases: Kukar's Renja evaluation follows the APBD-P targets after perubahan except on three rows
    // (002-evaluasi-renja notes), which are reported; the before-perubahan values it does not follow are no divergence.
    @Test func renjaEvaluationMixingBeforeAndAfterPerubahan() throws {
        let findings = try Self.findings(["planning/renja-perubahan-2024-kukar.xlsx"]).filter { $0.rule == "target-divergence" }
        let mixed = findings.filter { $0.message.en.contains("mixes target bases") }
        #expect(Set(mixed.map(\.cell.a1)) == ["F76", "F109", "F112"])
        let bimbingan = try #require(mixed.first { $0.cell.a1 == "F76" })
        #expect(bimbingan.actual == 118 && bimbingan.expected == 24)
        #expect(Self.relates(bimbingan, "APBD-P 2024", "E60") && Self.relates(bimbingan, "APBD-P 2024", "I60"))
        // 6 → 5 Dokumen: the evaluation's 5 is the revised target, so the murni 6 is the revision, not a divergence.
        #expect(Self.at(findings, "target-divergence", "kukar.xlsx", "APBD-P 2024", "E7") == nil)
        // 228 against 200 (1.06.01.2.07.06) follows neither basis and stays a divergence.
        #expect(Self.at(findings, "target-divergence", "kukar.xlsx", "APBD-P 2024", "E32") != nil)
    }
}
