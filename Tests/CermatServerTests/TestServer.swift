import CermatKnowledge
import CermatRules
import CermatServer
import CermatTestSupport
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `cermat serve` started in this process on a free loopback port, with its own scratch folder, and a real HTTP
/// client (URLSession) talking to it over a socket.
final class TestServer: Sendable {
    /// What one request got back.
    struct Reply: Sendable {
        /// The status code.
        let status: Int
        /// The headers, by lower-cased name.
        let headers: [String: String]
        /// The body.
        let body: Data

        /// The body as a JSON object.
        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any], "not a JSON object: \(String(decoding: body, as: UTF8.self))")
        }

        /// The body as text.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
    static let linter = try! Linter(knowledge: knowledge)

    /// `http://127.0.0.1:<port>`.
    let base: String
    /// The folder the server makes each request's scratch folder in.
    let scratch: String
    private let task: Task<Void, any Error>
    private let listening: WebServer.Listening
    private let session: URLSession

    private init(listening: WebServer.Listening, scratch: String, task: Task<Void, any Error>) {
        base = "http://127.0.0.1:\(listening.port)"
        self.listening = listening
        self.scratch = scratch
        self.task = task
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 120
        configuration.httpMaximumConnectionsPerHost = 32
        session = URLSession(configuration: configuration)
    }

    /// Starts a server on port 0 and waits until it listens.
    static func start(token: String? = nil, limits: ServerLimits = ServerLimits()) async throws -> TestServer {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-serve-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let server = WebServer(linter: linter, configuration: .init(host: "127.0.0.1", port: 0, token: token, limits: limits,
                                                                    scratchParent: scratch, logLevel: .warning))
        let (started, continuation) = AsyncStream<WebServer.Listening>.makeStream()
        let task = Task {
            try await server.run(signals: false) { continuation.yield($0) }
        }
        var iterator = started.makeAsyncIterator()
        guard let listening = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        return TestServer(listening: listening, scratch: scratch, task: task)
    }

    /// Runs `body` against a server started for it, then stops the server, also when `body` throws.
    static func serving<T>(token: String? = nil, limits: ServerLimits = ServerLimits(),
                           _ body: (TestServer) async throws -> T) async throws -> T {
        let server = try await start(token: token, limits: limits)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Stops the server and removes its scratch folder.
    func stop() async {
        await listening.shutdown()
        _ = try? await task.value
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// What is left in the scratch folder (nothing, once every request has ended).
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch)
    }

    /// A GET.
    func get(_ path: String, token: String? = nil) async throws -> Reply {
        try await send(path, method: "GET", body: nil, contentType: nil, token: token)
    }

    /// A POST of files as `multipart/form-data`, each as a `files` field.
    func post(_ path: String, files: [(name: String, bytes: Data)], token: String? = nil) async throws -> Reply {
        let boundary = "cermat-test-\(UUID().uuidString)"
        var body = Data()
        for file in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\n".utf8))
            body.append(Data("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".utf8))
            body.append(file.bytes)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(path, method: "POST", body: body, contentType: "multipart/form-data; boundary=\(boundary)", token: token)
    }

    /// A POST of fixtures by their path below `fixtures/`, uploaded under their file names.
    func post(_ path: String, fixtures: [String], token: String? = nil) async throws -> Reply {
        try await post(path, files: fixtures.map { (URL(fileURLWithPath: $0).lastPathComponent, try Data(contentsOf: URL(fileURLWithPath: Fixtures.path($0)))) },
                       token: token)
    }

    /// Any request with a raw body.
    func send(_ path: String, method: String, body: Data?, contentType: String?, token: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers[String(describing: name).lowercased()] = String(describing: value) }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }
}
