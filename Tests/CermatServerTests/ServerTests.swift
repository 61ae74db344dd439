@testable import CermatReader
import CermatReporting
import CermatRules
import CermatServer
import CermatTestSupport
import Foundation
import Testing

/// `cermat serve` over a real socket: every endpoint, hostile uploads, the token, concurrent uploads, and findings
/// equal to what `Linter` finds in the same file.
@Suite struct ServerTests {
    static let blitar = "planning/renja-perubahan-2024-blitar.xlsx"
    static let e81 = "planning/e81-tanpa-nomor.xlsx"

    /// What the linter finds in a fixture read from memory under its file name, as the server reads an upload.
    static func expected(_ fixture: String, language: Language = .id) throws -> [[String]] {
        try expected([fixture], language: language)
    }

    /// What the linter finds on fixtures uploaded together: one document set, checked across its workbooks too.
    static func expected(_ fixtures: [String], language: Language = .id) throws -> [[String]] {
        let workbooks = try fixtures.map { fixture in
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(fixture))))
            return try XLSXReader().read(bytes: bytes, name: URL(fileURLWithPath: fixture).lastPathComponent)
        }
        return TestServer.linter.lint(set: workbooks).flatMap(\.findings).map {
            [$0.file, $0.rule, $0.severity.rawValue, $0.sheet, $0.cell.a1, $0.message.text(language), $0.fingerprint]
        }
    }

    /// The findings of a JSON report in the same shape.
    static func findings(_ report: [String: Any]) throws -> [[String]] {
        let findings = try #require(report["findings"] as? [[String: Any]])
        return findings.map { finding in
            ["file", "rule", "severity", "sheet", "cell", "message", "fingerprint"].map { finding[$0] as? String ?? "" }
        }
    }

    @Test func healthzAnswers() async throws {
        try await TestServer.serving { server in
            let reply = try await server.get("/healthz")
            #expect(reply.status == 200)
            #expect(try reply.json()["status"] as? String == "ok")
        }
    }

    @Test func rulesAreTheCatalogueAsTheCommandPrintsIt() async throws {
        try await TestServer.serving { server in
            let reply = try await server.get("/api/rules?lang=en")
            #expect(reply.status == 200)
            #expect(reply.text == RuleCatalogue.of(TestServer.linter, language: .en).json())
            let rules = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]])
            #expect(rules.count == RuleRegistry.all.count)
        }
    }

    @Test func lintReturnsWhatTheLinterFindsUnderTheUploadedName() async throws {
        try await TestServer.serving { server in
            let reply = try await server.post("/api/lint", fixtures: [Self.blitar])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            let report = try reply.json()
            let files = try #require(report["files"] as? [[String: Any]])
            #expect(files.map { $0["path"] as? String } == ["renja-perubahan-2024-blitar.xlsx"])
            #expect(files.first?["status"] as? String == "ok")
            let expected = try Self.expected(Self.blitar)
            #expect(expected.count > 50)
            // Same findings, the report's order (file, sheet, row, column, rule) being the linter's for one file.
            #expect(try Self.findings(report) == expected)
            let summary = try #require(report["summary"] as? [String: Any])
            #expect(reply.headers["x-cermat-errors"] == String(summary["errors"] as? Int ?? -1))
        }
    }

    @Test func severalWorkbooksAreOneReportInUploadOrder() async throws {
        try await TestServer.serving { server in
            let reply = try await server.post("/api/lint?lang=en", fixtures: [Self.e81, Self.blitar])
            #expect(reply.status == 200, "\(reply.text)")
            let report = try reply.json()
            let files = try #require(report["files"] as? [[String: Any]])
            #expect(files.map { $0["path"] as? String } == ["e81-tanpa-nomor.xlsx", "renja-perubahan-2024-blitar.xlsx"])
            #expect(try Self.findings(report) == (try Self.expected([Self.e81, Self.blitar], language: .en)))
        }
    }

    @Test func sarifAndJUnitAreAvailable() async throws {
        try await TestServer.serving { server in
            let sarif = try await server.post("/api/lint?format=sarif", fixtures: [Self.e81])
            #expect(sarif.status == 200)
            #expect(sarif.headers["content-type"]?.hasPrefix("application/sarif+json") == true)
            let runs = try #require(try sarif.json()["runs"] as? [[String: Any]])
            let results = try #require(runs.first?["results"] as? [[String: Any]])
            #expect(results.count == (try Self.expected(Self.e81)).count)
            let junit = try await server.post("/api/lint?format=junit", fixtures: [Self.e81])
            #expect(junit.status == 200)
            #expect(junit.text.contains("<testcase classname=\"cermat\" name=\"e81-tanpa-nomor.xlsx\">"))
            let unknown = try await server.post("/api/lint?format=pdf", fixtures: [Self.e81])
            #expect(unknown.status == 400)
            #expect((try unknown.json()["error"] as? String)?.contains("pdf") == true)
        }
    }

    @Test func annotateReturnsTheCopyOrAZipOfCopies() async throws {
        try await TestServer.serving { server in
            let one = try await server.post("/api/annotate", fixtures: [Self.e81])
            #expect(one.status == 200, "\(one.text)")
            #expect(one.headers["content-disposition"]?.contains("filename=\"e81-tanpa-nomor.cermat.xlsx\"") == true)
            let copy = try XLSXReader().read(bytes: Array(one.body), name: "copy.xlsx")
            #expect(copy.sheets.first?.name == "Temuan")

            let several = try await server.post("/api/annotate?lang=en", fixtures: [Self.e81, Self.blitar])
            #expect(several.status == 200, "\(several.text)")
            #expect(several.headers["content-type"] == "application/zip")
            let archive = try ZipArchive(bytes: Array(several.body), limits: ReadLimits())
            #expect(archive.entries.values.map(\.name).sorted() == ["e81-tanpa-nomor.cermat.xlsx", "renja-perubahan-2024-blitar.cermat.xlsx"])
            let inner = try archive.read("renja-perubahan-2024-blitar.cermat.xlsx").withBytes { Array($0) }
            let blitar = try XLSXReader().read(bytes: inner, name: "blitar.cermat.xlsx")
            #expect(blitar.sheets.first?.name == "Temuan")
            #expect(blitar.sheets.count == (try XLSXReader().read(path: Fixtures.path(Self.blitar))).sheets.count + 1)
            #expect(try server.leftovers().isEmpty, "the scratch folder was not removed")
        }
    }

    @Test(arguments: [
        ("reader/../../README.md", 415, "ZIP signature missing"),
        ("hostile/ole2.xlsx", 415, "legacy .xls"),
        ("hostile/empty.xlsx", 415, "the file is empty"),
        ("hostile/zip-bomb.xlsx", 422, "inflates past the"),
        ("hostile/zip-bomb-lying-size.xlsx", 422, "inflates past its declared size"),
        ("hostile/malformed-xml.xlsx", 422, "malformed XML"),
    ])
    func hostileUploadsAreRefusedWithTheReadersMessage(fixture: String, status: Int, message: String) async throws {
        try await TestServer.serving { server in
            for endpoint in ["/api/lint?lang=en", "/api/annotate?lang=en"] {
                let reply = try await server.post(endpoint, fixtures: [fixture])
                #expect(reply.status == status, "\(endpoint): \(reply.text)")
                let json = try reply.json()
                let files = try #require(json["files"] as? [[String: Any]])
                let name = URL(fileURLWithPath: fixture).lastPathComponent
                #expect(files.first?["name"] as? String == name)
                #expect((files.first?["error"] as? String)?.contains(message) == true, "\(json)")
                #expect((json["error"] as? String)?.contains(name) == true)
            }
            #expect(try server.leftovers().isEmpty)
            #expect(try await server.get("/healthz").status == 200)
        }
    }

    @Test func oneUnreadableFileRefusesTheWholeSet() async throws {
        try await TestServer.serving { server in
            let reply = try await server.post("/api/lint", fixtures: [Self.e81, "hostile/truncated.xlsx"])
            #expect(reply.status == 422)
            let files = try #require(try reply.json()["files"] as? [[String: Any]])
            #expect(files.map { $0["name"] as? String } == ["truncated.xlsx"])
        }
    }

    @Test func requestLimitsAnswer413And400() async throws {
        try await TestServer.serving(limits: ServerLimits(maxRequestBytes: 1 << 20, maxWorkbooks: 2)) { server in
            let big = try await server.post("/api/lint", files: [("big.xlsx", Data(repeating: 0x50, count: 2 << 20))])
            #expect(big.status == 413)
            #expect((try big.json()["error"] as? String)?.contains("1 MiB") == true)
            let many = try await server.post("/api/lint", fixtures: [Self.e81, Self.e81, Self.e81])
            #expect(many.status == 413)
            let none = try await server.post("/api/lint", files: [])
            #expect(none.status == 400)
            let notMultipart = try await server.send("/api/lint", method: "POST", body: Data("{}".utf8), contentType: "application/json")
            #expect(notMultipart.status == 400)
            let cut = try await server.send("/api/lint", method: "POST", body: Data("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.xlsx\"\r\n\r\nPK".utf8),
                                            contentType: "multipart/form-data; boundary=b")
            #expect(cut.status == 400)
            #expect((try cut.json()["error"] as? String)?.contains("multipart") == true)
            let language = try await server.post("/api/lint?lang=fr", fixtures: [Self.e81])
            #expect(language.status == 400)
        }
    }

    @Test func theTokenGuardsTheAPIButNotThePage() async throws {
        try await TestServer.serving(token: "s3cret") { server in
            #expect(try await server.post("/api/lint", fixtures: [Self.e81]).status == 401)
            #expect(try await server.post("/api/lint", fixtures: [Self.e81], token: "wrong").status == 401)
            #expect(try await server.post("/api/annotate", fixtures: [Self.e81], token: "s3cret-").status == 401)
            #expect(try await server.get("/api/rules").status == 401)
            let denied = try await server.get("/api/rules", token: "S3CRET")
            #expect(denied.status == 401)
            #expect(denied.headers["www-authenticate"] == "Bearer")
            #expect(try await server.post("/api/lint", fixtures: [Self.e81], token: "s3cret").status == 200)
            #expect(try await server.get("/api/rules", token: "s3cret").status == 200)
            #expect(try await server.get("/").status == 200)
            #expect(try await server.get("/healthz").status == 200)
        }
    }

    @Test func concurrentUploadsOfEveryPlanningFixtureAreEachRight() async throws {
        // Room for every request to wait its turn, however loaded the machine running the tests.
        try await TestServer.serving(limits: ServerLimits(queue: 32, queueWait: .seconds(300))) { server in
            let fixtures = Fixtures.files(in: "planning", suffix: ".xlsx").map { "planning/" + URL(fileURLWithPath: $0).lastPathComponent }
            #expect(fixtures.count >= 10)
            try await withThrowingTaskGroup(of: (String, TestServer.Reply).self) { group in
                for fixture in fixtures + fixtures.prefix(4) {
                    group.addTask { (fixture, try await server.post("/api/lint", fixtures: [fixture])) }
                }
                for try await (fixture, reply) in group {
                    #expect(reply.status == 200, "\(fixture): \(reply.text)")
                    #expect(try Self.findings(reply.json()) == (try Self.expected(fixture)), "\(fixture)")
                }
            }
        }
    }

    @Test func overTheBoundRequestsGet503AndHealthzStillAnswers() async throws {
        // One at a time and nobody waiting: of simultaneous uploads, the ones that find the worker busy get 503 at once.
        try await TestServer.serving(limits: ServerLimits(concurrency: 1, queue: 0)) { server in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 { group.addTask { try await server.post("/api/annotate", fixtures: [Self.blitar]).status } }
                group.addTask {
                    // While they run, /healthz keeps answering.
                    try await Task.sleep(for: .milliseconds(100))
                    return try await server.get("/healthz").status == 200 ? 0 : -1
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.contains(0))
            #expect(statuses.contains(200))
            #expect(statuses.contains(503))
            #expect(Set(statuses).isSubset(of: [0, 200, 503]))
            let busy = try await server.get("/healthz")
            #expect(try busy.json()["working"] as? Int == 0)
        }
    }

    @Test func aStalledUploadIsCutOffAndItsTurnGivenBack() async throws {
        try await TestServer.serving(limits: ServerLimits(timeout: .seconds(2), concurrency: 1, queue: 0)) { server in
            let stalled = try RawConnection(server.base)
            stalled.write("POST /api/lint HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000\r\n\r\n--b\r\n")
            // The server closes the silent connection (recv ends before its own 30 s timeout)…
            let start = ContinuousClock.now
            #expect(await stalled.receiveAll().isEmpty)
            #expect(ContinuousClock.now - start < .seconds(25))
            // …and the only turn it held is free again.
            var working = -1
            for _ in 0..<300 where working != 0 {
                working = try await server.get("/healthz").json()["working"] as? Int ?? -1
                if working != 0 { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(working == 0)
            // Admitted, not refused as busy: checked, or (on a machine loaded enough to take 2 s) timed out while checking.
            let after = try await server.post("/api/lint", fixtures: [Self.e81])
            let timedOut = after.status == 503 && after.text.contains("pemeriksaan melebihi batas waktu")
            #expect(after.status == 200 || timedOut, "\(after.text)")
        }
    }

    @Test func thePageIsServedWithItsScriptAndStyle() async throws {
        try await TestServer.serving { server in
            let page = try await server.get("/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(page.headers["content-security-policy"]?.contains("default-src 'self'") == true)
            #expect(page.text.contains("<html lang=\"id\""))
            #expect(page.text.contains("src=\"/app.js\""))
            for asset in ["/app.js", "/app.css"] {
                let reply = try await server.get(asset)
                #expect(reply.status == 200)
                #expect(reply.body.count > 1000, "\(asset)")
            }
            #expect(try await server.get("/nothing-here").status == 404)
        }
    }
}
