import CermatTestSupport
import Foundation
import Testing

/// `cermat lint`, `rules` and `explain`, end to end: the built binary on fixtures, its output and exit status.
@Suite struct LintCommandTests {
    static let blitar = "fixtures/planning/renja-perubahan-2024-blitar.xlsx"

    /// A fresh folder for files a test writes.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func findingsAtOrAboveTheThresholdExitWith1() throws {
        let run = try Binary.run(["lint", Self.blitar])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("\(Self.blitar):E-81!U"))
        #expect(run.stdout.contains(": error[capaian-formula]: kolom 13 (U, capaian/%/tahun) bernilai "))
        #expect(run.stdout.hasSuffix(" info\n"))
        #expect(run.stderr.isEmpty)
    }

    @Test func failOnNeverExitsWith0AndEnglishIsAvailable() throws {
        let run = try Binary.run(["lint", Self.blitar, "--fail-on", "never", "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stdout.contains(": error[capaian-formula]: column 13 (U, capaian/%/tahun) is "))
        #expect(run.stdout.contains("1 file checked: "))
    }

    @Test func anUnreadableInputExitsWith2AndTheOthersAreStillChecked() throws {
        let run = try Binary.run(["lint", "fixtures/hostile/ole2.xlsx", "does-not-exist.xlsx", Self.blitar, "--format", "json"])
        #expect(run.status == 2)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["error", "error", "ok"])
        #expect((files[0]["error"] as? String)?.contains("legacy .xls") == true)
        #expect((files[1]["error"] as? String)?.contains("does-not-exist.xlsx") == true)
        #expect(((root["findings"] as? [Any])?.count ?? 0) > 50)
    }

    @Test func outputGoesToAFileAndTheInputIsNotModified() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: Fixtures.root.appendingPathComponent(Self.blitar))
        let target = folder.appendingPathComponent("report.sarif")
        let run = try Binary.run(["lint", Self.blitar, "--format", "sarif", "--output", target.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.sarif"], "a temporary file was left")
        #expect(try Data(contentsOf: Fixtures.root.appendingPathComponent(Self.blitar)) == before)
    }

    @Test func aFolderMeansEveryWorkbookBelowIt() throws {
        let run = try Binary.run(["lint", "fixtures/planning", "--format", "junit", "--fail-on", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        let cases = run.stdout.components(separatedBy: "<testcase classname=\"cermat\" name=\"fixtures/planning/").count - 1
        let workbooks = Fixtures.files(in: "planning", suffix: ".xlsx").count
        #expect(cases == workbooks)
    }

    @Test func aConfigurationChangesSeverityAndSwitchesRulesOffPerSheet() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent(".cermat.yml")
        try """
            language: en
            rules:
              capaian-formula: {severity: warning}
            sheets:
              "Tabel 5 Renja-P":
                disable: [change-difference, parent-sum, total-sum]
            """.write(to: config, atomically: true, encoding: .utf8)
        let run = try Binary.run(["lint", Self.blitar, "--config", config.path, "--format", "json", "--fail-on", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(root["findings"] as? [[String: Any]])
        let capaian = findings.filter { $0["rule"] as? String == "capaian-formula" }
        #expect(!capaian.isEmpty && capaian.allSatisfy { $0["severity"] as? String != "error" })
        #expect(capaian.allSatisfy { ($0["message"] as? String)?.hasPrefix("column ") == true })
        #expect(!findings.contains { $0["sheet"] as? String == "Tabel 5 Renja-P" && $0["rule"] as? String == "parent-sum" })
        #expect(findings.contains { $0["sheet"] as? String == "E-81" && $0["rule"] as? String == "parent-sum" })
    }

    @Test(arguments: [
        ("rules:\n  capaian-formla: {severity: warning}\n", "unknown rule 'capaian-formla' in rules"),
        ("rule:\n  capaian-formula: {severity: warning}\n", "'rule'"),
        ("rules:\n  capaian-outlier: {parameters: {warn-over: 200}}\n", "rule 'capaian-outlier' has no parameter 'warn-over'"),
        ("fail-on: sometimes\n", "fail-on must be error, warning, info or never"),
    ])
    func anInvalidConfigurationExitsWith2NamingTheProblem(config: String, message: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(".cermat.yml")
        try config.write(to: path, atomically: true, encoding: .utf8)
        let run = try Binary.run(["lint", Self.blitar, "--config", path.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(path.path) && run.stderr.contains(message), "\(run.stderr)")
    }

    @Test(arguments: [["lint"], ["lint", "x.xlsx", "--format", "pdf"], ["lint", "x.xlsx", "--fail-on", "sometimes"],
                      ["explain", "no-such-rule"]])
    func usageErrorsExitWith64(arguments: [String]) throws {
        let run = try Binary.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test func rulesListsEveryRuleInEachFormat() throws {
        let text = try Binary.run(["rules"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("capaian-formula") && text.stdout.contains("CAL01"))
        let json = try Binary.run(["rules", "--format", "json"])
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rules.count == text.stdout.split(separator: "\n").count)
        #expect(rules.allSatisfy { ($0["examples"] as? [Any])?.count ?? 0 >= 2 })
        let markdown = try Binary.run(["rules", "--format", "markdown", "--lang", "en"])
        #expect(markdown.stdout.hasPrefix("# Cermat rules\n"))
    }

    @Test func explainShowsWhatWhyAndTheExamples() throws {
        let run = try Binary.run(["explain", "capaian-outlier"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("capaian-outlier (RNG02): "))
        #expect(run.stdout.contains("warn-above: 150"))
        #expect(run.stdout.contains("Ditandai: "))
        #expect(run.stdout.contains("["))
    }
}

/// `cermat lint` over several workbooks treats them as one document set.
@Suite struct LintDocumentSetTests {
    @Test func jsonNamesTheRelatedPlaceInTheOtherWorkbook() throws {
        let renja = Fixtures.path("documents/004/renja-2023.xlsx"), renstra = Fixtures.path("documents/004/renstra.xlsx")
        let run = try Binary.run(["lint", renja, renstra, "--format", "json", "--fail-on", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let quoted = try #require(findings.first { $0["rule"] as? String == "target-divergence" && $0["cell"] as? String == "C3" })
        #expect((quoted["file"] as? String)?.hasSuffix("renja-2023.xlsx") == true)
        let related = try #require(quoted["related"] as? [[String: Any]])
        #expect(related.contains { ($0["file"] as? String)?.hasSuffix("renstra.xlsx") == true && $0["cell"] as? String == "H6" })
        // Linted alone, the Renja has no Renstra matrix for its quoted Renstra target to disagree with: only its own
        // targets are compared with the quoted ones, on their row.
        let alone = try Binary.run(["lint", renja, "--format", "json", "--fail-on", "never"])
        let own = try #require(try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? [String: Any])
        let divergences = try #require(own["findings"] as? [[String: Any]]).filter { $0["rule"] as? String == "target-divergence" }
        #expect(divergences.map { $0["cell"] as? String } == ["D3", "D4"])
    }
}
