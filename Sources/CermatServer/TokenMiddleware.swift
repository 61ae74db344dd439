import Foundation
import Hummingbird

/// With `--token`, every API request must carry `Authorization: Bearer <token>` (401 otherwise). The page's own files
/// and `/healthz` hold no data and stay open, so a browser can load the page, which then asks for the token once.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The token requests must carry.
    let token: String

    /// Lets the request through when it carries the token or needs none.
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let given = request.headers[.authorization].flatMap { header in
            header.lowercased().hasPrefix("bearer ") ? String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
        }
        guard let given, Self.same(given, token) else { return try ServeError.unauthorized.response(from: request, context: context) }
        return try await next(request, context)
    }

    // Compares every byte whatever the first difference, so the time taken tells nothing about the token.
    private static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: x.count ^ y.count)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0 && x.count == y.count
    }
}
