import CermatKnowledge
import CermatPlanning
import CermatReader
import CermatRules
import CermatTestSupport
import Foundation
import Testing

/// The real inconsistencies of the seeds that budget-divergence (XT02), realisation-divergence (XT06),
/// pagu-target-pairing (XT08) and name-divergence (NAME01) find, on the planning fixtures and the document sets, and
/// what they leave alone in the corrected workbooks.
@Suite struct BudgetRealisationNameTests {
    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)

    static func findings(_ paths: [String], rule: String) throws -> [Finding] {
        let workbooks = try paths.map { try XLSXReader().read(path: Fixtures.path($0)) }
        return try Linter(knowledge: knowledge).lint(set: workbooks).flatMap(\.findings).filter { $0.rule == rule }
    }

    static func at(_ findings: [Finding], _ sheet: String, _ cell: String) -> Finding? {
        findings.first { $0.sheet == sheet && $0.cell.a1 == cell }
    }

    static func relates(_ finding: Finding, _ sheet: String, _ cell: String) -> Bool {
        finding.related.contains { $0.sheet == sheet && $0.cell.a1 == cell }
    }

    // 004-kinerja-anggaran: Pemberdayaan Sosial 840.600.000 where the PK, Tabel 2.1 and TW IV say 860.400.000; TW IV
    // Penanganan Bencana spending 113.016.100 where Tabel 2.2 and the evaluation say 113.016.900.
    @Test func mojokertoBudgetsAcrossTables() throws {
        let findings = try Self.findings(["planning/lkjip-2023-mojokerto.xlsx"], rule: "budget-divergence")
        let pemberdayaan = try #require(Self.at(findings, "Tabel 2.2 Kinerja Anggaran", "G7"))
        #expect(pemberdayaan.actual == 840_600_000 && pemberdayaan.expected == 860_400_000)
        #expect(pemberdayaan.severity == .error)
        #expect(Self.relates(pemberdayaan, "Tabel III PK Program", "C5") && Self.relates(pemberdayaan, "Tabel 2.1 Alokasi", "D8")
                && Self.relates(pemberdayaan, "TW IV", "C27"))
        let bencana = try #require(Self.at(findings, "TW IV", "F47"))
        #expect(bencana.actual == 113_016_100 && bencana.expected == 113_016_900)
        #expect(Self.relates(bencana, "Tabel 2.2 Kinerja Anggaran", "H10") && Self.relates(bencana, "Evaluasi TW IV", "L45"))
        // The program amounts every table agrees on are not reported, nor the malformed `860.400.00` (NUM01's).
        #expect(!findings.contains { $0.sheet == "Evaluasi TW IV" && $0.cell.a1 == "K30" })
        #expect(findings.count == 3)
        let corrected = try Self.findings(["planning/lkjip-2023-mojokerto.corrected.xlsx"], rule: "budget-divergence")
        #expect(Self.at(corrected, "Tabel 2.2 Kinerja Anggaran", "G7") == nil && Self.at(corrected, "TW IV", "F47") == nil)
    }

    // 001-R3: Kinerja dan Anggaran prints the 2019 realisation 18,07% (capaian 180,7%) for 2020; every other table
    // 18,18% (181,80%). 001-R1: the summary prints the PMKS capaian −731% where four tables print −831%.
    @Test func blitarRealisationsAcrossTheLkjip() throws {
        let findings = try Self.findings(["planning/lkjip-2020-kota-blitar.xlsx"], rule: "realisation-divergence")
        let realisasi = try #require(Self.at(findings, "Kinerja dan Anggaran", "D7"))
        #expect(abs((realisasi.actual ?? 0) - 18.07) < 1e-9 && abs((realisasi.expected ?? 0) - 18.18) < 1e-9)
        #expect(Self.relates(realisasi, "Ringkasan Capaian", "D7") && Self.relates(realisasi, "Lamp IV Pengukuran", "F10"))
        #expect(Self.at(findings, "Kinerja dan Anggaran", "E7") != nil)
        let capaian = try #require(Self.at(findings, "Ringkasan Capaian", "E4"))
        #expect(capaian.actual == -731 && capaian.expected == -831)
        #expect(findings.count == 3)
        #expect(try Self.findings(["planning/lkjip-2020-kota-blitar.corrected.xlsx"], rule: "realisation-divergence").isEmpty)
    }

    // 004-tabel-3-5: the program rows' "Realisasi 2023" hold the capaian 100% (Tabel 3.2: 75 / 55 / 60 / 60); the fifth
    // program realised 100% and agrees. In the single LKjIP workbook also 004-pencapaian-2023 90,53 for 95,53.
    @Test func mojokertoRealisationsAcrossTables() throws {
        let set = try Self.findings(["documents/004/renstra.xlsx", "documents/004/pk-2023.xlsx", "documents/004/renja-2023.xlsx",
                                     "documents/004/iku-2023.xlsx", "documents/004/lkjip-2023.xlsx"], rule: "realisation-divergence")
        #expect(Set(set.map { "\($0.sheet)!\($0.cell.a1)" }) == ["Tabel 3.5!E8", "Tabel 3.5!E9", "Tabel 3.5!E10", "Tabel 3.5!E11"])
        let psks = try #require(Self.at(set, "Tabel 3.5", "E8"))
        #expect(psks.actual == 100 && psks.expected == 75 && Self.relates(psks, "Tabel 3.2", "D4"))
        let workbook = try Self.findings(["planning/lkjip-2023-mojokerto.xlsx"], rule: "realisation-divergence")
        let anggaran = try #require(Self.at(workbook, "Pencapaian 2023", "F10"))
        #expect(abs((anggaran.actual ?? 0) - 90.53) < 1e-9 && abs((anggaran.expected ?? 0) - 95.53) < 1e-9)
        // A list against the one number a table prints for it (its first part or its sum) is no divergence.
        #expect(Self.at(workbook, "Evaluasi TW IV", "E31") == nil && Self.at(workbook, "Evaluasi TW IV", "E51") == nil)
    }

    // 000-e81 C10: sub-kegiatan 1.06.01.2.09.01 targets 26 with a 2024 pagu of 0,00 (Tabel 5: 178.395.000).
    @Test func blitarTargetWithoutPagu() throws {
        let findings = try Self.findings(["planning/renja-perubahan-2024-blitar.xlsx"], rule: "pagu-target-pairing")
        let finding = try #require(Self.at(findings, "E-81", "J34"))
        #expect(finding.key.kode == "1.06.01.2.09.01")
        #expect(Self.relates(finding, "E-81", "I34"))
        #expect(findings.count == 1)
        #expect(try Self.findings(["planning/renja-perubahan-2024-blitar.corrected.xlsx"], rule: "pagu-target-pairing").isEmpty)
    }

    // 002-apbd-perubahan #16, #18: 1.06.04.2.01.01 "Penyediaan Perumahan" and 1.06.04.2.01.02 "Penyediaan Alat Bantu"
    // where Tabel 1 says Permakanan and Sandang; 000: "Pemberian Layanan" / "Pemberian Pelayanan Reunifikasi Keluarga".
    @Test func namesOfOneKodeAcrossTables() throws {
        let kukar = try Self.findings(["planning/renja-perubahan-2024-kukar.xlsx"], rule: "name-divergence")
        let permakanan = try #require(Self.at(kukar, "APBD-P 2024", "B56"))
        #expect(permakanan.message.id.contains("Penyediaan Perumahan") && permakanan.message.id.contains("Penyediaan Permakanan"))
        #expect(Self.relates(permakanan, "Tabel 1 Evaluasi Renja", "B69"))
        #expect(Self.at(kukar, "APBD-P 2024", "B57") != nil)
        #expect(try Self.findings(["planning/renja-perubahan-2024-kukar.corrected.xlsx"], rule: "name-divergence").isEmpty)
        let blitar = try Self.findings(["planning/renja-perubahan-2024-blitar.xlsx"], rule: "name-divergence")
        let reunifikasi = try #require(Self.at(blitar, "Tabel 5 Renja-P", "B55"))
        #expect(Self.relates(reunifikasi, "E-81", "C65"))
        // "Kerjasama" and "Kerja Sama" are one name.
        #expect(Self.at(blitar, "Tabel 5 Renja-P", "B57") == nil)
    }
}
