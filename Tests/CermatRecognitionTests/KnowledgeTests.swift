import CermatKnowledge
import CermatPlanning
import CermatTestSupport
import Foundation
import Testing

/// The rules folder loads, and a mistake in it is reported with its file (and line) instead of being ignored.
@Suite struct KnowledgeTests {
    private func copyOfRules() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("rules"), to: folder)
        return folder
    }

    @Test func loadsEveryFormAndTheVocabulary() throws {
        let knowledge = try KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
        let ids = Set(knowledge.forms.map(\.id))
        #expect(ids.isSuperset(of: ["e81", "tc30", "renja-perubahan", "evaluasi-renja-kukar", "apbd-perubahan", "spm",
                                    "pk-sasaran", "pk-program", "iku", "lkjip-capaian", "lkjip-perbandingan",
                                    "renstra-matriks", "realisasi-triwulan"]))
        let e81 = try #require(knowledge.form("e81"))
        #expect(e81.derived.contains { $0.target == ColumnDescriptor("capaian/%/tahun") })
        #expect(knowledge.vocabulary.nomenclature.contains { $0.kode == "1.06.01.2.09" && $0.level == .kegiatan })
        #expect(knowledge.vocabulary.unit(spelled: "org")?.name == "Orang")
    }

    @Test func refusesAnUnknownKeyNamingFileAndLine() throws {
        let folder = try copyOfRules()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("forms/tc30.yml")
        try (String(contentsOf: file, encoding: .utf8) + "colums: []\n").write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try KnowledgeBase.load(folder: folder.path)
        } throws: { error in
            let message = "\(error)"
            return message.contains("tc30.yml") && message.contains("unknown key 'colums'") && message.contains("line")
        }
    }

    @Test func refusesAnInvalidPatternAndADuplicateForm() throws {
        let folder = try copyOfRules()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id: e81\nname: x\ndocument: renja\nrecognise: {all: [x]}\n".write(
            to: folder.appendingPathComponent("forms/zz-copy.yml"), atomically: true, encoding: .utf8)
        #expect { try KnowledgeBase.load(folder: folder.path) } throws: { "\($0)".contains("a second form with id 'e81'") }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("forms/zz-copy.yml"))
        try "id: broken\nname: x\ndocument: renja\nrecognise: {all: [x]}\ncolumns:\n  - {when: ['(unclosed'], is: no}\n".write(
            to: folder.appendingPathComponent("forms/zz-broken.yml"), atomically: true, encoding: .utf8)
        #expect { try KnowledgeBase.load(folder: folder.path) } throws: { "\($0)".contains("not a valid regular expression") }
    }
}
