import CermatReporting
import CermatRules
import Hummingbird

/// Why a request was refused: an HTTP status and a message in both languages, answered as JSON
/// `{"error": "…", "status": 422, "files": [{"name": "…", "error": "…"}]}` in the language of `?lang=`.
struct ServeError: HTTPResponseError {
    /// An upload the reader refused, with the reader's message (file, part, sheet, cell).
    struct Unreadable: Sendable {
        /// The uploaded file's name.
        var name: String
        /// The reader's message.
        var reason: String
    }

    /// The HTTP status.
    let status: HTTPResponse.Status
    /// What went wrong, for a person.
    let message: Message
    /// The uploads that could not be read, when that is the reason.
    var files: [Unreadable] = []

    /// The JSON answer.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        let language = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) ?? .id
        var fields: [(String, JSONValue)] = [("error", .string(message.text(language))), ("status", .int(status.code))]
        if !files.isEmpty {
            fields.append(("files", .array(files.map { .object([("name", .string($0.name)), ("error", .string($0.reason))]) })))
        }
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if status == .serviceUnavailable { headers[.retryAfter] = "5" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: JSONValue.object(fields).rendered() + "\n")))
    }
}

extension ServeError {
    /// 400: the body is not the multipart form the API takes.
    static func badMultipart(_ detail: String) -> ServeError {
        ServeError(status: .badRequest, message: Message(id: "formulir multipart tidak sah: \(detail)",
                                                         en: "malformed multipart form: \(detail)"))
    }

    /// 400: a form with no file in it.
    static let noWorkbook = ServeError(status: .badRequest, message: Message(
        id: "tidak ada berkas dalam permintaan; kirim satu atau beberapa berkas .xlsx sebagai multipart/form-data",
        en: "no file in the request; send one or more .xlsx files as multipart/form-data"))

    /// 400: a query parameter with a value the API does not know.
    static func badParameter(_ name: String, _ value: String, allowed: [String]) -> ServeError {
        let list = allowed.joined(separator: ", ")
        return ServeError(status: .badRequest, message: Message(id: "nilai '\(value)' untuk \(name) tidak dikenal; pilih: \(list)",
                                                                en: "unknown value '\(value)' for \(name); choose one of: \(list)"))
    }

    /// 401: the token is missing or wrong.
    static let unauthorized = ServeError(status: .unauthorized, message: Message(
        id: "token tidak ada atau salah; kirim header 'Authorization: Bearer <token>'",
        en: "missing or wrong token; send the header 'Authorization: Bearer <token>'"))

    /// 413: the body is larger than the limit.
    static func tooLarge(limit: Int) -> ServeError {
        ServeError(status: .contentTooLarge, message: Message(id: "permintaan lebih besar dari batas \(limit >> 20) MiB",
                                                              en: "the request is larger than the limit of \(limit >> 20) MiB"))
    }

    /// 413: more workbooks than one request may carry.
    static func tooManyWorkbooks(_ count: Int, limit: Int) -> ServeError {
        ServeError(status: .contentTooLarge, message: Message(id: "\(count) berkas dalam satu permintaan; batasnya \(limit)",
                                                              en: "\(count) files in one request; the limit is \(limit)"))
    }

    /// 415 or 422: uploads the reader refused; 415 when one of them is not a workbook at all.
    static func unreadable(_ files: [Unreadable], notWorkbook: Bool) -> ServeError {
        let names = files.map(\.name).joined(separator: ", ")
        if notWorkbook {
            return ServeError(status: .unsupportedMediaType, message: Message(
                id: "bukan buku kerja .xlsx yang dapat dibaca Cermat: \(names)",
                en: "not an .xlsx workbook Cermat can read: \(names)"), files: files)
        }
        return ServeError(status: .unprocessableContent, message: Message(
            id: "buku kerja tidak dapat dibaca: \(names)", en: "the workbook cannot be read: \(names)"), files: files)
    }

    /// 503: every worker is busy and the queue is full, or the wait was too long.
    static let busy = ServeError(status: .serviceUnavailable, message: Message(
        id: "server sedang sibuk; coba lagi sebentar lagi", en: "the server is busy; try again shortly"))

    /// 408: the upload took longer than the limit.
    static func uploadTooSlow(_ limit: Duration) -> ServeError {
        ServeError(status: .requestTimeout, message: Message(
            id: "unggahan melebihi batas waktu \(limit.components.seconds) detik",
            en: "the upload took longer than the limit of \(limit.components.seconds) s"))
    }

    /// 503: the work took longer than the limit.
    static func timedOut(_ limit: Duration) -> ServeError {
        ServeError(status: .serviceUnavailable, message: Message(
            id: "pemeriksaan melebihi batas waktu \(limit.components.seconds) detik",
            en: "checking took longer than the limit of \(limit.components.seconds) s"))
    }

    /// 500: the server could not finish (e.g. the annotated copy could not be written).
    static func failed(_ detail: String) -> ServeError {
        ServeError(status: .internalServerError, message: Message(id: "gagal: \(detail)", en: "failed: \(detail)"))
    }
}
