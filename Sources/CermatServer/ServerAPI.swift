import CermatAnnotator
import CermatReader
import CermatReporting
import CermatRules
import Foundation
import HTTPTypes
import Hummingbird

/// The HTTP API: `POST /api/lint`, `POST /api/annotate`, `GET /api/rules`, `GET /healthz`. Uploads are
/// `multipart/form-data` with one file per workbook; they stay in memory, and annotated copies live in a private
/// scratch folder only while their request is worked on.
struct ServerAPI: Sendable {
    /// The linter every request uses.
    let linter: Linter
    /// The limits.
    let limits: ServerLimits
    /// Where each request's scratch folder is made.
    let scratchParent: String
    /// The language when a request names none.
    let language: Language
    /// The bound on requests worked on at once.
    let pool: WorkPool
    // `cermat rules --format json` in each language, made once.
    private let catalogues: [Language: String]

    /// The API over a linter.
    init(linter: Linter, limits: ServerLimits, scratchParent: String, language: Language) {
        self.linter = linter
        self.limits = limits
        self.scratchParent = scratchParent
        self.language = language
        pool = WorkPool(slots: limits.concurrency, queue: limits.queue)
        catalogues = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, RuleCatalogue.of(linter, language: $0).json()) })
    }

    /// `POST /api/lint?format=json|sarif|junit|text|github&lang=id|en`: the report of the uploaded workbooks as one set;
    /// the counts by severity also in `X-Cermat-Errors`, `X-Cermat-Warnings`, `X-Cermat-Info`.
    func lint(_ request: Request) async throws -> Response {
        let formatName = request.uri.queryParameters.get("format") ?? "json"
        guard let format = ReportFormat(rawValue: formatName) else {
            throw ServeError.badParameter("format", formatName, allowed: ReportFormat.allCases.map(\.rawValue))
        }
        let language = try language(of: request)
        let (slot, uploads) = try await receive(request)
        let linter = self.linter, serverLimits = limits
        let (text, summary) = try await pool.perform(on: slot, timeout: limits.timeout) { () throws(ServeError) in
            let set = try DocumentSet(uploads, limits: serverLimits)
            let report = set.report(set.lint(with: linter), linter: linter, language: language)
            return (format.render(report), report.summary)
        }
        var headers = Self.counts(summary)
        headers[.contentType] = Self.contentType(format)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `POST /api/annotate?lang=id|en`: the annotated copy of one workbook (`<name>.cermat.xlsx`), or a ZIP of the
    /// copies when several were uploaded; counts as for lint.
    func annotate(_ request: Request) async throws -> Response {
        let language = try language(of: request)
        let (slot, uploads) = try await receive(request)
        let linter = self.linter, serverLimits = limits, scratchParent = self.scratchParent
        let download = try await pool.perform(on: slot, timeout: limits.timeout) { () throws(ServeError) in
            let set = try DocumentSet(uploads, limits: serverLimits)
            let checked = set.lint(with: linter)
            let scratch = try ScratchFolder(in: scratchParent)
            defer { scratch.remove() }
            var copies: [(name: String, bytes: [UInt8])] = []
            var taken: Set<String> = []
            for (index, (workbook, result)) in zip(set.workbooks, checked.results).enumerated() {
                // Scratch files are numbered: an uploaded name never becomes a path on this machine.
                let path = scratch.file("\(index + 1).xlsx")
                do {
                    try Annotator(language: language).write(workbook, findings: result.findings,
                                                             related: checked.related(to: workbook), to: path)
                } catch {
                    throw .failed("\(error)")
                }
                guard let bytes = FileManager.default.contents(atPath: path) else { throw .failed("cannot read back the annotated copy") }
                copies.append((Self.copyName(workbook.source, taken: &taken), Array(bytes)))
            }
            let summary = set.report(checked, linter: linter, language: language).summary
            if copies.count == 1 { return (copies[0].name, copies[0].bytes, Self.xlsxType, summary) }
            let archive = scratch.file("copies.zip")
            do {
                try ZipWriter.write(copies, to: archive)
            } catch {
                throw .failed("\(error)")
            }
            guard let bytes = FileManager.default.contents(atPath: archive) else { throw .failed("cannot read back the ZIP archive") }
            let name = language == .id ? "cermat-salinan-beranotasi.zip" : "cermat-annotated-copies.zip"
            return (name, Array(bytes), "application/zip", summary)
        }
        var headers = Self.counts(download.3)
        headers[.contentType] = download.2
        headers[.contentDisposition] = Self.attachment(download.0)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: download.1)))
    }

    /// `GET /api/rules?lang=id|en`: every rule with both languages, settings and examples, as `cermat rules --format json`.
    func rules(_ request: Request) throws -> Response {
        let text = catalogues[try language(of: request)] ?? ""
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `GET /healthz`: answers while every worker is busy; says how many requests are being worked on and waiting.
    func health() -> Response {
        let load = pool.load
        let body = JSONValue.object([("status", .string("ok")), ("version", .string(CermatVersion.current)),
                                     ("working", .int(load.working)), ("waiting", .int(load.waiting))]).rendered() + "\n"
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    // The checks that need no body come first, so an oversized or malformed request is refused before it takes a
    // turn; the body is read inside the turn, so memory is bounded by the number of turns.
    private func receive(_ request: Request) async throws -> (WorkPool.Slot, [Upload]) {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxRequestBytes {
            throw ServeError.tooLarge(limit: limits.maxRequestBytes)
        }
        guard let contentType = request.headers[.contentType], let boundary = MultipartForm.boundary(contentType: contentType) else {
            throw ServeError.badMultipart("Content-Type must be multipart/form-data with a boundary")
        }
        let slot = try await pool.admit(wait: limits.queueWait)
        do {
            var body: [UInt8] = []
            body.reserveCapacity(min(request.headers[.contentLength].flatMap(Int.init) ?? 0, limits.maxRequestBytes))
            // A client that goes silent is cut off by the connection's idle timeout; one that trickles bytes, here.
            let deadline = ContinuousClock.now + limits.timeout
            for try await buffer in request.body {
                guard body.count + buffer.readableBytes <= limits.maxRequestBytes else {
                    throw ServeError.tooLarge(limit: limits.maxRequestBytes)
                }
                guard ContinuousClock.now < deadline else { throw ServeError.uploadTooSlow(limits.timeout) }
                body.append(contentsOf: buffer.readableBytesView)
            }
            let form = try MultipartForm(body: body, boundary: boundary)
            guard !form.files.isEmpty else { throw ServeError.noWorkbook }
            guard form.files.count <= limits.maxWorkbooks else {
                throw ServeError.tooManyWorkbooks(form.files.count, limit: limits.maxWorkbooks)
            }
            return (slot, Upload.uploads(form.files))
        } catch {
            slot.release()
            throw error
        }
    }

    private func language(of request: Request) throws(ServeError) -> Language {
        guard let name = request.uri.queryParameters.get("lang") else { return language }
        guard let language = Language(rawValue: name) else {
            throw .badParameter("lang", name, allowed: Language.allCases.map(\.rawValue))
        }
        return language
    }

    private static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    private static func contentType(_ format: ReportFormat) -> String {
        switch format {
        case .json: "application/json; charset=utf-8"
        case .sarif: "application/sarif+json; charset=utf-8"
        case .junit: "application/xml; charset=utf-8"
        case .text, .github: "text/plain; charset=utf-8"
        }
    }

    private static func counts(_ summary: LintReport.Summary) -> HTTPFields {
        var fields = HTTPFields()
        fields[HTTPField.Name("X-Cermat-Errors")!] = String(summary.errors)
        fields[HTTPField.Name("X-Cermat-Warnings")!] = String(summary.warnings)
        fields[HTTPField.Name("X-Cermat-Info")!] = String(summary.info)
        return fields
    }

    // `renja.xlsx` → `renja.cermat.xlsx`, unique within one download.
    private static func copyName(_ upload: String, taken: inout Set<String>) -> String {
        let base = upload.lowercased().hasSuffix(".xlsx") ? String(upload.dropLast(5)) : upload
        var name = base + ".cermat.xlsx"
        var number = 2
        while taken.contains(name.lowercased()) {
            name = "\(base)-\(number).cermat.xlsx"
            number += 1
        }
        taken.insert(name.lowercased())
        return name
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_")

    // RFC 6266: an ASCII fallback, and the exact name in UTF-8 for the browsers that read `filename*`.
    private static func attachment(_ name: String) -> String {
        let fallback = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
