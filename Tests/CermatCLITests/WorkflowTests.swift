import CermatTestSupport
import Foundation
import Testing

/// The CI and review workflow, end to end: batches of folders, parallel jobs with deterministic output, the progress
/// line, baselines, suppressions (cell notes and .cermat.yml) and several reports in one run.
@Suite struct WorkflowTests {
    static let blitar = "fixtures/planning/renja-perubahan-2024-blitar.xlsx"
    static let catatan = "fixtures/workflow/renja-catatan.xlsx"

    /// A fresh folder holding copies of fixtures (relative paths below the repository root), under the names given.
    static func folder(_ files: [(fixture: String, name: String)]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-workflow-\(UUID().uuidString)")
        for (fixture, name) in files {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent(fixture), to: target)
        }
        return folder
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text.prefix(200))")
    }

    static func findings(_ root: [String: Any], _ key: String = "findings") -> [[String: Any]] {
        root[key] as? [[String: Any]] ?? []
    }

    // MARK: batches

    @Test func aFolderIsWalkedSkippingLockFilesAndOwnCopiesAndAnUnreadableFileIsNamed() throws {
        let folder = try Self.folder([
            (Self.blitar, "opd/dinsos/renja.xlsx"), ("fixtures/planning/lkjip-2023-mojokerto.xlsx", "opd/lkjip.xlsx"),
            ("fixtures/hostile/truncated.xlsx", "opd/rusak.xlsx"), (Self.blitar, "opd/~$renja.xlsx"),
            (Self.blitar, "opd/renja.cermat.xlsx"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("opd").path
        let run = try Binary.run(["lint", path, "--format", "json"])
        #expect(run.status == 2, "\(run.stderr)")
        let root = try Self.json(run.stdout)
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["\(path)/dinsos/renja.xlsx", "\(path)/lkjip.xlsx", "\(path)/rusak.xlsx"])
        #expect(files.map { $0["status"] as? String } == ["ok", "ok", "error"])
        #expect((files[2]["error"] as? String)?.contains("rusak.xlsx") == true)
        let findings = Self.findings(root)
        #expect(Set(findings.compactMap { $0["file"] as? String }) == ["\(path)/dinsos/renja.xlsx", "\(path)/lkjip.xlsx"])
        let text = try Binary.run(["lint", path])
        #expect(text.status == 2)
        #expect(text.stdout.contains("\(path)/rusak.xlsx: error: "))
        #expect(text.stdout.contains("2 berkas diperiksa: ") && text.stdout.contains("1 berkas tidak dapat dibaca"))
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "github"])
    func theReportIsTheSameBytesWhateverTheNumberOfJobs(format: String) throws {
        let folder = try Self.folder([("fixtures/hostile/ole2.xlsx", "a/ole2.xlsx")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = ["fixtures/planning", folder.path, Self.catatan]
        let one = try Binary.run(["lint"] + inputs + ["--format", format, "--jobs", "1"])
        let two = try Binary.run(["lint"] + inputs + ["--format", format, "--jobs", "2"])
        let many = try Binary.run(["lint"] + inputs + ["--format", format, "--jobs", "7"])
        #expect(one.status == 2 && two.status == 2 && many.status == 2)
        #expect(one.stdout.count > 1000)
        #expect(one.stdout == two.stdout, "--jobs 1 and --jobs 2 differ")
        #expect(one.stdout == many.stdout, "--jobs 1 and --jobs 7 differ")
    }

    @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
        let run = try Binary.run(["lint", "fixtures/planning", "--fail-on", "never"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func aProgressLineOnATerminalUnlessQuiet() throws {
        // script(1) gives the binary a terminal; stdout goes to a file so that only standard error reaches it.
        let folder = try Self.folder([])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func onTerminal(_ extra: String) throws -> String {
            let report = folder.appendingPathComponent("report.txt").path
            let command = "'\(Binary.path)' lint fixtures/planning --fail-on never --output '\(report)' \(extra)"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", command, "/dev/null"]
            process.currentDirectoryURL = Fixtures.root
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = Pipe()
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        let workbooks = Fixtures.files(in: "planning", suffix: ".xlsx").count
        let shown = try onTerminal("")
        #expect(shown.contains("\r\u{1B}[K\(workbooks)/\(workbooks) berkas diperiksa, "), "\(shown.debugDescription)")
        #expect(shown.hasSuffix("\r\u{1B}[K"), "the line is not cleared at the end")
        let quiet = try onTerminal("--quiet")
        #expect(!quiet.contains("berkas diperiksa"), "\(quiet.debugDescription)")
    }

    @Test func annotatedCopiesAndTimingsInABatchFollowTheInputOrder() throws {
        let folder = try Self.folder([])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Binary.run(["lint", Self.blitar, Self.catatan, "--annotate", folder.path, "--timings", "--jobs", "2",
                                  "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let reported = Self.findings(try Self.json(run.stdout))
        let onCatatan = reported.count { $0["file"] as? String == Self.catatan }
        let lines = run.stderr.split(separator: "\n").filter { !$0.hasPrefix("  ") }
        let expected = [
            "\(Self.blitar): timings (rules: CPU time each; they run in parallel)",
            "\(Self.catatan): timings (rules: CPU time each; they run in parallel)",
            "document set of 2 workbooks: timings (rules: CPU time each; they run in parallel)",
            "salinan beranotasi: \(folder.path)/renja-perubahan-2024-blitar.cermat.xlsx (\(reported.count - onCatatan) temuan pada ",
            "salinan beranotasi: \(folder.path)/renja-catatan.cermat.xlsx (\(onCatatan) temuan pada ",
        ]
        #expect(lines.count == expected.count && zip(lines, expected).allSatisfy { $0.hasPrefix($1) }, "\(lines)")
        #expect(run.stderr.contains("  invalid-suppression "))
        // The readings the rules share, each on a line of its own rather than in the time of the rule that made it.
        #expect(run.stderr.contains("  reading ValueColumns "))
        // The set's steps: its wall time, its subject index, then each check across documents.
        for step in ["across documents", "subject index", "target-divergence"] { #expect(run.stderr.contains("  \(step) "), "\(step)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == ["renja-catatan.cermat.xlsx", "renja-perubahan-2024-blitar.cermat.xlsx"])
    }

    // MARK: baselines

    @Test func aBaselineHidesKnownFindingsThroughInsertedRowsAndColumnsAndCountsFixedOnes() throws {
        let folder = try Self.folder([])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline.json").path
        let write = try Binary.run(["lint", Self.blitar, "--write-baseline", baseline, "--format", "json"])
        #expect(write.status == 0, "writing a baseline accepts every finding: \(write.stderr)")
        let all = Self.findings(try Self.json(write.stdout))
        let stored = try Self.json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: baseline)), as: UTF8.self))
        #expect(stored["version"] as? Int == 1)
        #expect(Self.findings(stored).compactMap { $0["fingerprint"] as? String } == all.compactMap { $0["fingerprint"] as? String })
        #expect(all.count > 100)

        let same = try Binary.run(["lint", Self.blitar, "--baseline", baseline, "--format", "json"])
        #expect(same.status == 0)
        let sameRoot = try Self.json(same.stdout)
        #expect(Self.findings(sameRoot).isEmpty)
        #expect((sameRoot["summary"] as? [String: Int])?["baselined"] == all.count)
        #expect((sameRoot["summary"] as? [String: Int])?["fixed"] == 0)

        // Rows inserted above and inside the table, a column before column A: every finding moved, none is new.
        let shifted = try Binary.run(["lint", "fixtures/workflow/sisip/renja-perubahan-2024-blitar.xlsx", "--baseline", baseline,
                                      "--format", "json"])
        #expect(shifted.status == 0, "\(shifted.stdout.prefix(2000))")
        let shiftedRoot = try Self.json(shifted.stdout)
        #expect(Self.findings(shiftedRoot).isEmpty)
        #expect((shiftedRoot["summary"] as? [String: Int])?["baselined"] == all.count)
        #expect((shiftedRoot["summary"] as? [String: Int])?["fixed"] == 0)

        let changed = try Binary.run(["lint", "fixtures/workflow/ubah/renja-perubahan-2024-blitar.xlsx", "--baseline", baseline])
        #expect(changed.status == 1)
        let lines = changed.stdout.split(separator: "\n").filter { $0.contains("]: ") }
        #expect(lines.count == 1 && lines[0].contains("E-81!U15: error[capaian-formula]: "), "\(lines)")
        #expect(changed.stdout.contains("; \(all.count - 1) temuan lama (ada di baseline) tidak ditampilkan, 1 entri baseline tidak muncul lagi (diperbaiki)"))
    }

    @Test func aBaselineOfOtherWorkbooksCountsNothingAsFixed() throws {
        let folder = try Self.folder([])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline.json").path
        _ = try Binary.run(["lint", Self.blitar, "--write-baseline", baseline, "--quiet"])
        let other = try Binary.run(["lint", "fixtures/planning/lkjip-2023-mojokerto.xlsx", "--baseline", baseline, "--format", "json",
                                    "--fail-on", "never"])
        let summary = try #require(try Self.json(other.stdout)["summary"] as? [String: Int])
        #expect(summary["baselined"] == 0 && summary["fixed"] == 0)
        #expect(!Self.findings(try Self.json(other.stdout)).isEmpty)
    }

    @Test func anInvalidBaselineExitsWith2NamingIt() throws {
        let folder = try Self.folder([])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline.json")
        try "{\"findings\": 3}".write(to: baseline, atomically: true, encoding: .utf8)
        let run = try Binary.run(["lint", Self.blitar, "--baseline", baseline.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(baseline.path) && run.stderr.contains("not a cermat baseline"), "\(run.stderr)")
    }

    // MARK: suppressions

    @Test func aNoteWithAReasonSuppressesItsCellAndOneWithoutIsAFinding() throws {
        let run = try Binary.run(["lint", Self.catatan, "--format", "json", "--show-suppressed"])
        #expect(run.status == 1)
        let root = try Self.json(run.stdout)
        let findings = Self.findings(root)
        let at: ([String: Any]) -> String = { "\($0["rule"] ?? "") \($0["cell"] ?? "")" }
        let capaian = Set(findings.filter { $0["sheet"] as? String == "E-81" && $0["rule"] as? String == "capaian-formula" }
            .compactMap { $0["cell"] as? String })
        #expect(!capaian.contains("U18") && !capaian.contains("U21"))
        #expect(capaian.contains("U19") && capaian.contains("U20"), "a note without a reason or with an unknown rule suppresses nothing")
        let invalid = findings.filter { $0["rule"] as? String == "invalid-suppression" }
        #expect(invalid.map(at) == ["invalid-suppression U19", "invalid-suppression U20"])
        #expect((invalid[0]["message"] as? String)?.contains("tidak menyebut alasan") == true)
        #expect((invalid[1]["message"] as? String)?.contains("capaian-formla") == true)
        let suppressed = Self.findings(root, "suppressed")
        #expect(suppressed.map(at) == ["capaian-formula U18", "capaian-formula U21"])
        let reasons = suppressed.compactMap { ($0["suppression"] as? [String: Any])?["reason"] as? String }
        #expect(reasons == ["capaian dihitung dari realisasi kumulatif, disepakati dengan Bappeda", "realisasi dari laporan triwulan IV"])
        #expect(suppressed.allSatisfy { ($0["suppression"] as? [String: Any])?["source"] as? String == "note" })
        #expect((root["summary"] as? [String: Int])?["suppressed"] == 2)

        let plain = try Binary.run(["lint", Self.catatan, "--format", "json"])
        #expect(try Self.json(plain.stdout)["suppressed"] == nil, "suppressed findings are listed only with --show-suppressed")
        let text = try Binary.run(["lint", Self.catatan, "--lang", "en"])
        #expect(text.stdout.contains("; 2 suppressed (--show-suppressed lists them)"))
        let shown = try Binary.run(["lint", Self.catatan, "--show-suppressed"])
        #expect(shown.stdout.contains("\(Self.catatan):E-81!U18: dikecualikan[capaian-formula]: "))
        #expect(shown.stdout.contains("(alasan: capaian dihitung dari realisasi kumulatif, disepakati dengan Bappeda; E-81!U18)"))
    }

    @Test func theConfigurationSuppressesByRuleSheetRangeKodeAndFile() throws {
        let folder = try Self.folder([])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Self.findings(try Self.json(try Binary.run(["lint", Self.blitar, "--format", "json"]).stdout))
        let config = folder.appendingPathComponent(".cermat.yml")
        try """
            suppress:
              - {rule: capaian-formula, sheet: E-81, range: U8:U12, reason: "program rows copied from the Renstra"}
              - {rule: renstra-overrun, kode: 1.06.04, reason: "Renstra revised in 2023"}
              - {rule: percent-range, file: "renja-perubahan-*.xlsx", reason: "cumulative percentages"}
              - {rule: parent-sum, file: "lkjip-*.xlsx", reason: "another workbook: matches nothing here"}
            """.write(to: config, atomically: true, encoding: .utf8)
        let run = try Binary.run(["lint", Self.blitar, "--config", config.path, "--format", "json", "--show-suppressed"])
        #expect(run.status == 1, "\(run.stderr)")
        let root = try Self.json(run.stdout)
        let after = Self.findings(root), suppressed = Self.findings(root, "suppressed")
        #expect(after.count + suppressed.count == before.count)
        func isRow(_ finding: [String: Any]) -> Bool {
            guard let cell = finding["cell"] as? String, let row = Int(cell.drop { $0.isLetter }) else { return false }
            return cell.hasPrefix("U") && (8...12).contains(row)
        }
        let expected = before.filter { finding in
            let rule = finding["rule"] as? String, kode = (finding["key"] as? [String: Any])?["kode"] as? String
            return (rule == "capaian-formula" && finding["sheet"] as? String == "E-81" && isRow(finding))
                || (rule == "renstra-overrun" && (kode == "1.06.04" || kode?.hasPrefix("1.06.04.") == true))
                || rule == "percent-range"
        }
        #expect(expected.count > 10)
        #expect(suppressed.compactMap { $0["fingerprint"] as? String } == expected.compactMap { $0["fingerprint"] as? String })
        #expect(suppressed.allSatisfy { ($0["suppression"] as? [String: Any])?["source"] as? String == "configuration" })
        let places = Set(suppressed.compactMap { ($0["suppression"] as? [String: Any])?["place"] as? String })
        #expect(places == Set((1...3).map { "\(config.path) suppress[\($0)]" }))
    }

    @Test(arguments: [
        ("suppress:\n  - {rule: capaian-formula, sheet: E-81}\n", "suppress[1] (capaian-formula) gives no reason"),
        ("suppress:\n  - {rule: capaian-formla, reason: typo}\n", "unknown rule 'capaian-formla' in suppress[1]"),
        ("suppress:\n  - {rule: capaian-formula, reason: x, cells: U8}\n", "unknown key 'cells' in suppress[1]"),
        ("suppress:\n  - {rule: capaian-formula, reason: x, range: U8-U9}\n", "'U8-U9' is not a cell range"),
        ("suppress: {rule: capaian-formula}\n", "'suppress' must be a list"),
    ])
    func anInvalidSuppressionInTheConfigurationExitsWith2(config: String, message: String) throws {
        let folder = try Self.folder([])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(".cermat.yml")
        try config.write(to: path, atomically: true, encoding: .utf8)
        let run = try Binary.run(["lint", Self.blitar, "--config", path.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    // MARK: CI formats

    static func sarifResults(_ arguments: [String]) throws -> (results: [[String: Any]], rules: [String]) {
        let run = try Binary.run(["lint"] + arguments + ["--format", "sarif"])
        let root = try Self.json(run.stdout)
        let sarif = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = (sarif["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let rules = (driver?["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        return (sarif["results"] as? [[String: Any]] ?? [], rules)
    }

    @Test func sarifIsWhatCodeScanningAccepts() throws {
        let (results, rules) = try Self.sarifResults([Self.blitar, Self.catatan, "--show-suppressed"])
        let json = Self.json
        let report = try json(try Binary.run(["lint", Self.blitar, Self.catatan, "--format", "json", "--show-suppressed"]).stdout)
        #expect(results.count == Self.findings(report).count + Self.findings(report, "suppressed").count)
        var fingerprints: Set<String> = []
        for result in results {
            #expect(rules.contains(result["ruleId"] as? String ?? ""))
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let locations = (result["locations"] as? [[String: Any]] ?? []) + (result["relatedLocations"] as? [[String: Any]] ?? [])
            #expect(!locations.isEmpty)
            for location in locations {
                let physical = location["physicalLocation"] as? [String: Any]
                #expect(((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String)?.hasSuffix(".xlsx") == true)
                #expect(((physical?["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
            }
            let fingerprint = try #require((result["partialFingerprints"] as? [String: String])?["cermat/v1"])
            #expect(fingerprint.count == 16)
            fingerprints.insert(fingerprint)
        }
        #expect(fingerprints.count == results.count, "partial fingerprints repeat")
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 2)
        let justification = (suppressed.first?["suppressions"] as? [[String: Any]])?.first
        #expect(justification?["kind"] as? String == "inSource")
        #expect(justification?["justification"] as? String == "capaian dihitung dari realisasi kumulatif, disepakati dengan Bappeda")
    }

    @Test func sarifFingerprintsSurviveInsertedRowsAndAColumn() throws {
        let (original, _) = try Self.sarifResults([Self.blitar])
        let (shifted, _) = try Self.sarifResults(["fixtures/workflow/sisip/renja-perubahan-2024-blitar.xlsx"])
        let fingerprints: ([[String: Any]]) -> [String] = { results in
            results.compactMap { ($0["partialFingerprints"] as? [String: String])?["cermat/v1"] }
        }
        let lines: ([[String: Any]]) -> [Int] = { results in
            results.compactMap { result in
                let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
                return (physical?["region"] as? [String: Any])?["startLine"] as? Int
            }
        }
        #expect(original.count > 100)
        #expect(fingerprints(original) == fingerprints(shifted))
        #expect(lines(original) != lines(shifted), "the rows did not move")
    }

    @Test func githubAnnotationsNameEveryFindingAndTheUnreadableFile() throws {
        let run = try Binary.run(["lint", "fixtures/hostile/ole2.xlsx", Self.blitar, "--format", "github"])
        #expect(run.status == 2)
        let lines = run.stdout.split(separator: "\n")
        let count = Self.findings(try Self.json(try Binary.run(["lint", Self.blitar, "--format", "json"]).stdout)).count
        #expect(lines.count == count + 1)
        #expect(lines.first?.hasPrefix("::error file=fixtures/hostile/ole2.xlsx,title=cermat::") == true)
        #expect(lines.contains { $0.hasPrefix("::error file=\(Self.blitar),title=capaian-formula E-81!U18::") })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
    }

    // MARK: several reports

    @Test func severalReportsInOneRunInPairsAndTheLastToStandardOutput() throws {
        let folder = try Self.folder([])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("a.json"), sarif = folder.appendingPathComponent("b.sarif")
        let run = try Binary.run(["lint", Self.blitar, "--format", "json", "--output", json.path, "--format", "sarif",
                                  "-o", sarif.path, "--format", "github"])
        #expect(run.status == 1)
        let alone = try Binary.run(["lint", Self.blitar, "--format", "json"])
        #expect(try String(contentsOf: json, encoding: .utf8) == alone.stdout)
        let log = try Self.json(try String(contentsOf: sarif, encoding: .utf8))
        #expect(log["version"] as? String == "2.1.0")
        #expect(run.stdout.contains("::error file=\(Self.blitar),title="))
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.json", "b.sarif"])
    }

    @Test(arguments: [
        ["--output", "a.json", "--output", "b.json"],
        ["--format", "json", "--format", "sarif", "--format", "text"],
        ["--format", "json", "--output", "a.json", "--format", "sarif", "--output", "a.json"],
        ["--jobs", "0"],
    ])
    func mismatchedFormatsAndOutputsAreUsageErrors(arguments: [String]) throws {
        let run = try Binary.run(["lint", Self.blitar] + arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
    }
}
