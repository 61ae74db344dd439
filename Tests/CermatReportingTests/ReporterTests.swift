import CermatKnowledge
import CermatReader
@testable import CermatReporting
import CermatRules
import CermatTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Every report format on a real run: a transcribed Renja-P workbook with real findings, a workbook with a sheet that
/// holds no table, and a legacy `.xls` renamed `.xlsx` that cannot be read.
@Suite struct ReporterTests {
    static let report: LintReport = {
        let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
        let linter = try! Linter(knowledge: knowledge)
        var files: [LintReport.File] = []
        var findings: [Finding] = []
        for path in ["fixtures/planning/renja-perubahan-2024-blitar.xlsx", "fixtures/planning/dua-tabel-satu-sheet.xlsx",
                     "fixtures/hostile/ole2.xlsx"] {
            do {
                var workbook = try XLSXReader().read(path: Fixtures.root.appendingPathComponent(path).path)
                workbook.source = path
                let result = linter.lint(workbook)
                files.append(.init(path: path, status: .ok(tables: result.document.tables, unrecognised: result.document.unrecognised)))
                findings += result.findings
            } catch {
                files.append(.init(path: path, status: .error(String(describing: error))))
            }
        }
        return LintReport(files: files, findings: findings, language: .id, rules: linter.rules.map { $0.info })
    }()

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theRunHasFindingsAndAnUnreadableFile() {
        #expect(Self.report.findings.count > 50)
        #expect(Self.report.files.map(\.failed) == [false, false, true])
    }

    @Test func jsonFollowsTheVersion1Contract() throws {
        let root = try Self.json(JSONReporter().render(Self.report))
        #expect(root["version"] as? Int == 1)
        #expect((root["tool"] as? [String: Any])?["name"] as? String == "cermat")
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["ok", "ok", "error"])
        let tables = try #require(files[0]["tables"] as? [[String: Any]])
        #expect(tables.contains { $0["sheet"] as? String == "E-81" && $0["form"] as? String == "e81" && ($0["range"] as? String)?.contains(":") == true })
        #expect((files[2]["error"] as? String)?.contains("not an XLSX file") == true)

        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == Self.report.findings.count)
        let a1 = /^[A-Z]{1,3}[1-9][0-9]*$/
        for finding in findings {
            for key in ["rule", "severity", "file", "sheet", "cell", "message", "fingerprint"] {
                #expect(finding[key] is String, "finding lacks \(key): \(finding)")
            }
            #expect((finding["cell"] as? String)?.wholeMatch(of: a1) != nil)
            #expect(finding["key"] is [String: Any] && finding["related"] is [Any])
            #expect(["error", "warning", "info"].contains(finding["severity"] as? String ?? ""))
        }
        let capaian = try #require(findings.first { $0["rule"] as? String == "capaian-formula" })
        #expect(capaian["expected"] is Double && capaian["actual"] is Double)
        #expect(((capaian["key"] as? [String: Any])?["kode"] as? String)?.hasPrefix("1.06") == true)
        #expect(Set(findings.compactMap { $0["fingerprint"] as? String }).count == findings.count, "fingerprints repeat")

        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary["files"] == 3)
        #expect(summary["errors"]! + summary["warnings"]! + summary["info"]! == findings.count)
    }

    @Test func findingsAreSortedByFileSheetRowColumnRule() {
        let findings = Self.report.findings
        let fileOrder = Dictionary(uniqueKeysWithValues: Self.report.files.enumerated().map { ($0.element.path, $0.offset) })
        for (a, b) in zip(findings, findings.dropFirst()) {
            let key: (Finding) -> [Int] = { [fileOrder[$0.file]!, $0.sheetIndex, $0.cell.row, $0.cell.column] }
            #expect(key(a).lexicographicallyPrecedes(key(b)) || (key(a) == key(b) && a.rule <= b.rule))
        }
    }

    @Test func sarifHasRulesResultsCellsAndTheUnreadableFile() throws {
        let root = try Self.json(SARIFReporter().render(Self.report))
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.all.map { $0.info.id })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == Self.report.findings.count)
        for (result, finding) in zip(results, Self.report.findings) {
            #expect(rules[result["ruleIndex"] as! Int]["id"] as? String == result["ruleId"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == finding.file)
            #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == finding.cell.row + 1)
            let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
            #expect(logical["fullyQualifiedName"] as? String == "'\(finding.sheet)'!\(finding.cell.a1)")
            #expect(logical["kind"] as? String == "cell")
            #expect((result["partialFingerprints"] as? [String: String])?.values.first == finding.fingerprint)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
        }
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect("\(invocation["toolExecutionNotifications"] ?? "")".contains("ole2.xlsx"))
    }

    @Test func junitHasOneTestCasePerWorkbookAndOneFailurePerFinding() throws {
        let xml = JUnitReporter().render(Self.report)
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "JUnit output is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.counts["testsuite"] == 1)
        #expect(counter.testcases == Self.report.files.map(\.path))
        #expect(counter.counts["failure"] == Self.report.findings.count)
        #expect(counter.counts["error"] == 1)
        let perCase = Dictionary(grouping: Self.report.findings, by: \.file).mapValues(\.count)
        #expect(counter.failuresByCase == perCase)
        #expect(xml.contains("<testsuite name=\"cermat\" tests=\"3\" failures=\"2\" errors=\"1\">"))
    }

    @Test func githubAnnotatesEachFindingAndEscapesItsProperties() {
        let lines = GitHubReporter().render(Self.report).split(separator: "\n")
        #expect(lines.count == Self.report.findings.count + 1)
        #expect(lines.first?.hasPrefix("::error file=fixtures/hostile/ole2.xlsx,title=cermat::") == true)
        #expect(lines.contains { $0.hasPrefix("::error file=fixtures/planning/renja-perubahan-2024-blitar.xlsx,title=capaian-formula E-81!U") })
        #expect(GitHubReporter.property("a,b:c%\n") == "a%2Cb%3Ac%25%0A")
    }

    @Test func textReadsLikeACompilersOutput() throws {
        let text = TextReporter().render(Self.report)
        let line = /^fixtures\/planning\/[a-z0-9.-]+\.xlsx:('[^']+'|[^ !']+)![A-Z]+[0-9]+: (error|warning|info)\[[a-z0-9-]+\]: .+$/
        let findingLines = text.split(separator: "\n").filter { $0.contains("]: ") }
        #expect(findingLines.count == Self.report.findings.count)
        for finding in findingLines { #expect(finding.wholeMatch(of: line) != nil, "\(finding)") }
        #expect(text.contains("fixtures/planning/renja-perubahan-2024-blitar.xlsx:'Tabel 5 Renja-P'!I"))
        #expect(text.contains("fixtures/planning/dua-tabel-satu-sheet.xlsx:Catatan: note: tidak ada tabel perencanaan yang dikenali"))
        #expect(text.contains("fixtures/hostile/ole2.xlsx: error: "))
        #expect(text.hasSuffix("2 berkas diperiksa: \(Self.report.summary.errors) kesalahan, \(Self.report.summary.warnings) peringatan, \(Self.report.summary.info) info; 1 berkas tidak dapat dibaca\n"))
        var english = Self.report
        english.language = .en
        #expect(TextReporter().render(english).contains("2 files checked: "))
    }
}

/// Counts elements while XMLParser checks well-formedness.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var testcases: [String] = []
    var failuresByCase: [String: Int] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        if name == "testcase", let path = attributes["name"] { testcases.append(path) }
        if name == "failure", let path = testcases.last { failuresByCase[path, default: 0] += 1 }
    }
}
