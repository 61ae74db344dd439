import CermatKnowledge
import CermatReader
import CermatRules
import CermatTestSupport
import Foundation
import Testing

/// Cermat's findings on every planning fixture against its golden findings (`fixtures/planning/<name>.findings.tsv`),
/// judged by a person: any change in the output is a conscious golden update. The `.corrected` workbooks must draw no
/// error and no warning. `docs/precision.md` sums the goldens up per rule.
///
/// With `CERMAT_RECORD_GOLDENS=1` (what `scripts/goldens.sh` sets) the tests first rewrite the golden files and
/// `docs/precision.md` from the current output, keeping every verdict and note of a finding that still occurs.
@Suite struct GoldenFindingsTests {
    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
    static let workbooks = Fixtures.files(in: "planning", suffix: ".xlsx").map { URL(fileURLWithPath: $0).lastPathComponent }
    static let recording = ProcessInfo.processInfo.environment["CERMAT_RECORD_GOLDENS"] == "1"

    static func goldenPath(_ workbook: String) -> String {
        Fixtures.path("planning/" + workbook.dropLast(".xlsx".count) + ".findings.tsv")
    }

    static func golden(_ workbook: String) -> GoldenFindings? {
        (try? String(contentsOfFile: goldenPath(workbook), encoding: .utf8)).map(GoldenFindings.parse)
    }

    @Test(arguments: workbooks)
    func findingsAreTheJudgedGolden(workbook: String) throws {
        let read = try XLSXReader().read(path: Fixtures.path("planning/\(workbook)"), name: workbook)
        let findings = try Linter(knowledge: Self.knowledge).lint(read).findings
        var golden = Self.golden(workbook)
        if Self.recording {
            let merged = GoldenFindings.merge(golden, with: findings)
            try merged.render(workbook: workbook).write(toFile: Self.goldenPath(workbook), atomically: true, encoding: .utf8)
            golden = merged
        }
        guard let golden else {
            Issue.record("\(workbook): no golden findings; run `bash scripts/goldens.sh` and judge them")
            return
        }
        // Both directions, as multisets (a rule may flag a cell once per reason).
        var expected = golden.findings.filter { $0.verdict != "unjudged" }.map(\.key)
        var extra: [GoldenFindings.Key] = []
        for key in findings.map(GoldenFindings.Key.init) {
            if let index = expected.firstIndex(of: key) { expected.remove(at: index) } else { extra.append(key) }
        }
        let unjudged = golden.lines.filter { $0.verdict == "unjudged" }
        extra.removeAll { key in unjudged.contains { $0.key == key } }
        #expect(extra.isEmpty && expected.isEmpty, """
            \(workbook): Cermat's findings differ from \(URL(fileURLWithPath: Self.goldenPath(workbook)).lastPathComponent) \
            (run `bash scripts/goldens.sh`, then judge the new lines)
            findings Cermat makes that the golden lacks (\(extra.count)):
            \(extra.sorted().map { "  + \($0)" }.joined(separator: "\n"))
            golden findings Cermat no longer makes (\(expected.count)):
            \(expected.sorted().map { "  - \($0)" }.joined(separator: "\n"))
            """)
        #expect(unjudged.isEmpty, """
            \(workbook): \(unjudged.count) finding(s) not judged yet: set the verdict to right or wrong and write a note
            \(unjudged.map { "  ? \($0.key): \($0.note)" }.joined(separator: "\n"))
            """)
        let malformed = golden.lines.filter { !GoldenFindings.verdicts.contains($0.verdict) || $0.rule.isEmpty || $0.sheet.isEmpty
            || $0.cell.isEmpty || ($0.verdict != "unjudged" && $0.note.isEmpty) }
        #expect(malformed.isEmpty, "\(workbook): malformed golden lines: \(malformed.map(\.key))")
        if workbook.hasSuffix(".corrected.xlsx") {
            let serious = findings.filter { $0.severity != .info }
            #expect(serious.isEmpty, """
                \(workbook): a corrected workbook must draw no error and no warning, but Cermat reports
                \(serious.map { "  \($0.rule) \($0.severity.rawValue) '\($0.sheet)'!\($0.cell.a1): \($0.message.en)" }.joined(separator: "\n"))
                """)
        }
    }

    @Test func precisionRecordIsCurrent() throws {
        let goldens = Self.workbooks.compactMap { workbook in Self.golden(workbook).map { (workbook: workbook, golden: $0) } }
        let generated = PrecisionRecord.markdown(goldens, rules: RuleRegistry.all.map { $0.info })
        let file = Fixtures.root.appendingPathComponent("docs/precision.md")
        if Self.recording { try generated.write(to: file, atomically: true, encoding: .utf8) }
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(committed == generated, "docs/precision.md is out of date: run `bash scripts/goldens.sh`")
    }
}
