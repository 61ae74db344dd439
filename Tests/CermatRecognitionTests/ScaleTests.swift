import CermatKnowledge
import CermatTestSupport
import Foundation
import Testing

/// The predicate and category scales of `rules/scales/`: loaded, read as the regulations print them, and refused
/// with their file and key when a mistake is made.
@Suite struct ScaleTests {
    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)

    private func copyOfRules() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-scales-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("rules"), to: folder)
        return folder
    }

    @Test func loadsEveryScale() throws {
        #expect(Set(Self.knowledge.scales.map(\.id)) == ["akip", "e81", "lkjip", "memenuhi", "tercapai", "terpenuhi"])
        let e81 = try #require(Self.knowledge.scale("e81"))
        #expect(e81.kind == .predicate && e81.forms.contains("e81"))
        #expect(e81.classes(containing: 80.83).map(\.label) == ["Tinggi"])
        #expect(e81.classes(containing: 91).map(\.label) == ["Sangat Tinggi"])
        #expect(e81.classes(containing: 50.5).isEmpty, "Permendagri 86/2017 leaves 50–51 to no class")
        #expect(!e81.domain.contains(123.37))
        let akip = try #require(Self.knowledge.scale("akip"))
        #expect(akip.class(labelled: "A (Memuaskan)")?.label == "A")
        #expect(akip.class(labelled: "CC (Cukup (Memadai))")?.label == "CC")
        #expect(akip.class(labelled: "A (Sangat Memuaskan)") == nil, "a label naming two classes names none")
        #expect(akip.classes(containing: 80.98).map(\.label) == ["A"])
    }

    @Test func keepsTheLKjIPScaleAsPrintedWithItsOverlapAndGaps() throws {
        let lkjip = try #require(Self.knowledge.scale("lkjip"))
        #expect(Set(lkjip.classes(containing: 100).map(\.label)) == ["Memuaskan", "Sangat Baik"])
        let irregularities = lkjip.irregularities
        #expect(irregularities.filter { $0.kind == .overlap }.map(\.from) == [100])
        #expect(irregularities.filter { $0.kind == .gap }.map { "\($0.from)-\($0.to)" } == ["55.0-56.0", "70.0-71.0", "85.0-86.0"])
    }

    @Test func placesCategoriesAroundTheThreshold() throws {
        let terpenuhi = try #require(Self.knowledge.scale("terpenuhi"))
        #expect(terpenuhi.kind == .category && terpenuhi.irregularities.isEmpty)
        let met = try #require(terpenuhi.class(labelled: "TERPENUHI"))
        let unmet = try #require(terpenuhi.class(labelled: "Belum Terpenuhi"))
        #expect(met.interval(threshold: 100).contains(100) && !met.interval(threshold: 100).contains(99.99))
        #expect(unmet.interval(threshold: 50).contains(37.5) && !unmet.interval(threshold: 50).contains(50))
        let memenuhi = try #require(Self.knowledge.scale("memenuhi"))
        #expect(Set(memenuhi.classes(containing: 120).map(\.label)) == ["melebihi target", "memenuhi target"])
    }

    @Test(arguments: [
        ("≥ 100", "≥ 100"), ("86 ≤ 100", "86 – 100"), ("76 ≤ x < 91", "76 – <91"), ("> 90 – 100", ">90 – 100"),
        ("≤ 55", "≤ 55"), ("< 50", "< 50"), ("91 - 100", "91 – 100"), (">0 – 30", ">0 – 30"), ("85,5 ≤ 90", "85,5 – 90"),
    ])
    func readsPrintedIntervals(printed: String, written: String) throws {
        #expect(try #require(Scale.Interval(printed: printed)).text == written)
    }

    @Test func refusesTextThatIsNoInterval() {
        for text in ["Memuaskan", "100 ≤ 86", "", "86 ≤", "≥ ≥ 100"] { #expect(Scale.Interval(printed: text) == nil, "\(text)") }
    }

    @Test func refusesMistakesNamingFileAndKey() throws {
        let folder = try copyOfRules()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scales/e81.yml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try (original + "treshold: 50\n").write(to: file, atomically: true, encoding: .utf8)
        #expect { try KnowledgeBase.load(folder: folder.path) } throws: {
            "\($0)".contains("e81.yml") && "\($0)".contains("unknown key 'treshold'") && "\($0)".contains("line")
        }
        try original.replacingOccurrences(of: "kind: predicate", with: "kind: grade").write(to: file, atomically: true, encoding: .utf8)
        #expect { try KnowledgeBase.load(folder: folder.path) } throws: { "\($0)".contains("e81.yml") && "\($0)".contains("'kind'") }
        try original.replacingOccurrences(of: "{label: Tinggi, at-least: 76, below: 91}", with: "{label: Tinggi}")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect { try KnowledgeBase.load(folder: folder.path) } throws: { "\($0)".contains("e81.yml") && "\($0)".contains("'Tinggi'") }
        try original.replacingOccurrences(of: "at-least: 76, below: 91", with: "at-least: 91, below: 76")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect { try KnowledgeBase.load(folder: folder.path) } throws: { "\($0)".contains("lower bound") }
        let category = folder.appendingPathComponent("scales/terpenuhi.yml")
        try String(contentsOf: category, encoding: .utf8).replacingOccurrences(of: "when: below", with: "when: under")
            .write(to: category, atomically: true, encoding: .utf8)
        try original.write(to: file, atomically: true, encoding: .utf8)
        #expect { try KnowledgeBase.load(folder: folder.path) } throws: { "\($0)".contains("terpenuhi.yml") && "\($0)".contains("'when'") }
    }
}
