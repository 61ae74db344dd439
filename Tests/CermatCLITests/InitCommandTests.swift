import CermatTestSupport
import Foundation
import Testing

/// `cermat init`: the commented `.cermat.yml` it writes is a valid configuration naming every rule, its examples are
/// valid once uncommented, and an existing file is kept unless --force.
@Suite struct InitCommandTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: ["id", "en"])
    func theFileIsAValidConfigurationWithEveryRule(language: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Binary.run(["init", "--lang", language], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let config = folder.appendingPathComponent(".cermat.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(try Binary.run(["rules", "--format", "json"]).stdout.utf8))
            as? [[String: Any]])
        let listed = text.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.hasSuffix(": {}") }
            .map { $0.trimmingCharacters(in: .whitespaces).dropLast(4) }.map(String.init)
        #expect(listed == rules.compactMap { $0["id"] as? String })
        for key in ["language", "fail-on", "rules", "sheets", "suppress"] {
            #expect(text.contains("\n## \(key): "), "\(key) is not documented")
        }
        // As written, it changes nothing: the same findings as without a configuration.
        let blitar = "fixtures/planning/renja-perubahan-2024-blitar.xlsx"
        let with = try Binary.run(["lint", blitar, "--config", config.path, "--format", "json"])
        let empty = folder.appendingPathComponent("empty.yml")
        try "language: \(language)\n".write(to: empty, atomically: true, encoding: .utf8)
        let without = try Binary.run(["lint", blitar, "--config", empty.path, "--format", "json"])
        #expect(with.status == 1, "\(with.stderr)")
        #expect(with.stdout == without.stdout)
    }

    @Test func itsExamplesAreValidOnceUncommented() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Binary.run(["init", "--lang", "en"], in: folder).status == 0)
        let config = folder.appendingPathComponent(".cermat.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("# ") ? String($0.dropFirst(2)) : String($0) }.joined(separator: "\n")
        #expect(uncommented != text)
        try uncommented.write(to: config, atomically: true, encoding: .utf8)
        let run = try Binary.run(["lint", "fixtures/planning/renja-perubahan-2024-blitar.xlsx", "--config", config.path,
                                  "--format", "json", "--show-suppressed"])
        #expect(run.status == 1, "\(run.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let suppressed = try #require(root["suppressed"] as? [[String: Any]])
        #expect(!suppressed.isEmpty && suppressed.allSatisfy { $0["rule"] as? String == "capaian-formula" })
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["sheet"] as? String == "Tabel 5 Renja-P" && $0["rule"] as? String == "change-difference" })
    }

    @Test func anExistingFileIsKeptUnlessForced() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("team.yml")
        try "language: en\n".write(to: config, atomically: true, encoding: .utf8)
        let refused = try Binary.run(["init", config.path])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("already exists; give --force"))
        #expect(try String(contentsOf: config, encoding: .utf8) == "language: en\n")
        let forced = try Binary.run(["init", config.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: config, encoding: .utf8).contains("invalid-suppression: {}"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["team.yml"], "a temporary file was left")
    }
}
