import CermatReader
import CermatServer
import CermatTestSupport
import Foundation
import Testing

/// The page in a real browser: headless Chromium, driven by `scripts/page_browser_test.py` over WebDriver, uploads
/// fixtures as a planner would and must see the findings the linter finds and a working download link. Skips when
/// chromium or chromedriver is not installed. Screenshots are kept in `.build/artifacts/serve-page*/`.
@Suite(.serialized) struct BrowserTests {
    static let available = ["chromium", "chromedriver", "python3"].allSatisfy { program in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
        }
    }

    /// Runs the driver against a server; returns what it saw. The driver is waited for on a thread of its own: blocking
    /// one of Swift's few cooperative threads for it would starve the server under test.
    static func drive(_ server: TestServer, fixtures: [String], token: String? = nil, artifacts: String) async throws -> [String: Any] {
        let folder = Fixtures.root.appendingPathComponent(".build/artifacts/\(artifacts)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.root.appendingPathComponent("scripts/page_browser_test.py").path,
                             "--url", server.base + "/", "--artifacts", folder]
            + (token.map { ["--token", $0] } ?? []) + fixtures.map(Fixtures.path)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: data)
            }
        }
        print("browser test artifacts (screenshots, download): \(folder)")
        let seen = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")
        #expect(process.terminationStatus == 0, "\(seen["failure"] ?? "")")
        return seen
    }

    @Test(.enabled(if: available)) func aPlannerUploadsAWorkbookAndSeesTheFindingsAndTheDownload() async throws {
        let fixture = "planning/renja-perubahan-2024-blitar.xlsx"
        let expected = try ServerTests.expected(fixture)
        let english = try ServerTests.expected(fixture, language: .en)
        try await TestServer.serving { server in
            let seen = try await Self.drive(server, fixtures: [fixture], artifacts: "serve-page")
            #expect(seen["title"] as? String == "Cermat — periksa buku kerja perencanaan")
            let table = try #require(seen["table"] as? [String: Any])
            let rows = try #require(table["rows"] as? [[String]])
            // Columns: severity, file, sheet, cell, rule, message, expected, actual.
            #expect(rows.map { [$0[2], $0[3], $0[4], $0[5]] } == expected.map { [$0[3], $0[4], $0[1], $0[5]] })
            let counts = try #require(table["counts"] as? [Int])
            #expect(counts == ["error", "warning", "info"].map { severity in expected.count { $0[2] == severity } })

            let errorsOnly = try #require((seen["errorsOnly"] as? [String: Any])?["rows"] as? [[String]])
            #expect(errorsOnly.count == counts[0])
            #expect(errorsOnly.allSatisfy { $0[0] == "Kesalahan" })

            let download = try #require(seen["download"] as? [String: Any])
            #expect(download["name"] as? String == "renja-perubahan-2024-blitar.cermat.xlsx")
            #expect(download["text"] as? String == "Unduh salinan beranotasi (.xlsx)")
            let saved = try #require(seen["downloaded"] as? String, "the browser saved no file")
            let copy = try XLSXReader().read(path: saved)
            #expect(copy.sheets.first?.name == "Temuan")

            let englishRows = try #require((seen["english"] as? [String: Any])?["rows"] as? [[String]])
            #expect(englishRows.map { $0[5] } == english.map { $0[5] })
        }
    }

    @Test(.enabled(if: available)) func thePageAsksForTheTokenOnceThenChecksASet() async throws {
        let fixtures = ["planning/e81-tanpa-nomor.xlsx", "planning/lkjip-2023-mojokerto.xlsx"]
        let expected = try ServerTests.expected(fixtures)
        try await TestServer.serving(token: "rahasia-dinas") { server in
            let seen = try await Self.drive(server, fixtures: fixtures, token: "rahasia-dinas", artifacts: "serve-page-token")
            #expect(seen["askedForToken"] as? Bool == true)
            let rows = try #require((seen["table"] as? [String: Any])?["rows"] as? [[String]])
            #expect(rows.map { [$0[1], $0[4], $0[3]] } == expected.map { [$0[0], $0[1], $0[4]] })
            let download = try #require(seen["download"] as? [String: Any])
            #expect(download["name"] as? String == "cermat-salinan-beranotasi.zip")
            let saved = try #require(seen["downloaded"] as? String)
            #expect(try Data(contentsOf: URL(fileURLWithPath: saved)).prefix(2) == Data("PK".utf8))
        }
    }
}
