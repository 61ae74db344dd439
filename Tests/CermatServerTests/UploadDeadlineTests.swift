@testable import CermatServer
import CermatTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// A client that trickles its upload is cut off once `--timeout` has passed (408), whatever the pace of its bytes;
/// driven without a socket, so the connection's idle timeout (tested over a socket) plays no part.
@Suite struct UploadDeadlineTests {
    static func request(_ chunks: AsyncStream<ByteBuffer>) -> Request {
        let head = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1", path: "/api/lint",
                               headerFields: [.contentType: "multipart/form-data; boundary=b", .contentLength: "1000"])
        return Request(head: head, body: RequestBody(asyncSequence: chunks))
    }

    @Test func aTricklingUploadGets408() async throws {
        let api = ServerAPI(linter: TestServer.linter, limits: ServerLimits(timeout: .milliseconds(300)),
                            scratchParent: NSTemporaryDirectory(), language: .id)
        let (chunks, feed) = AsyncStream<ByteBuffer>.makeStream()
        let sender = Task {
            // A byte every 100 ms, for far longer than the limit.
            for _ in 0..<100 {
                feed.yield(ByteBuffer(string: "x"))
                try await Task.sleep(for: .milliseconds(100))
            }
            feed.finish()
        }
        defer { sender.cancel() }
        await #expect {
            _ = try await api.lint(Self.request(chunks))
        } throws: { error in
            guard let error = error as? ServeError else { return false }
            return error.status == .requestTimeout && error.message.id == "unggahan melebihi batas waktu 0 detik"
        }
        #expect(api.pool.load.working == 0, "the turn was not given back")
    }

    @Test func anUploadWithinTheLimitIsRead() async throws {
        let api = ServerAPI(linter: TestServer.linter, limits: ServerLimits(timeout: .seconds(60)),
                            scratchParent: NSTemporaryDirectory(), language: .id)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("planning/e81-tanpa-nomor.xlsx")))
        let (chunks, feed) = AsyncStream<ByteBuffer>.makeStream()
        feed.yield(ByteBuffer(string: "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"e81.xlsx\"\r\n\r\n"))
        feed.yield(ByteBuffer(bytes: bytes))
        feed.yield(ByteBuffer(string: "\r\n--b--\r\n"))
        feed.finish()
        let response = try await api.lint(Self.request(chunks))
        #expect(response.status == .ok)
        #expect(response.headers[HTTPField.Name("X-Cermat-Errors")!] != nil)
    }
}
