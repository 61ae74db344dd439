import Dispatch
import Hummingbird
import Logging

/// One log line per request: method, path, status, bytes in and out, duration. Never a query, a header or a byte of
/// a workbook.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where the lines go.
    let logger: Logger

    /// Passes the request on and logs how it ended.
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now()
        let received = request.headers[.contentLength] ?? "-"
        do {
            let response = try await next(request, context)
            log(request, status: Int(response.status.code), received: received,
                sent: response.body.contentLength.map(String.init) ?? "-", start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: Int(status), received: received, sent: "-", start: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, received: String, sent: String, start: DispatchTime) {
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        logger.info("\(request.method) \(request.uri.path) \(status) in=\(received) out=\(sent) \(Int(milliseconds.rounded())) ms")
    }
}
