import CermatReader
import CermatReporting
import CermatRules
import CermatWorkbook

/// The workbooks of one request, read from memory: one document set (DESIGN §3), checked together.
struct DocumentSet {
    /// The workbooks, in upload order, each named after its upload.
    var workbooks: [Workbook]

    /// Reads every upload. When one cannot be read the whole request is refused, naming each unreadable file with the
    /// reader's message: a portal should not accept a set with a file nobody can check. 415 when one is not a workbook
    /// at all (empty, not a ZIP, a legacy or encrypted .xls, another kind of package), else 422.
    init(_ uploads: [Upload], limits: ServerLimits) throws(ServeError) {
        var workbooks: [Workbook] = []
        var unreadable: [ServeError.Unreadable] = []
        var notWorkbook = false
        for upload in uploads {
            do {
                let reader = XLSXReader(limits: limits.readLimits(forUploadOf: upload.bytes.count))
                workbooks.append(try reader.read(bytes: upload.bytes, name: upload.name))
            } catch {
                unreadable.append(ServeError.Unreadable(name: upload.name, reason: error.description))
                switch error.kind {
                case .emptyFile, .ole2File, .notZip, .unsupportedPackage: notWorkbook = true
                default: break
                }
            }
        }
        if !unreadable.isEmpty { throw .unreadable(unreadable, notWorkbook: notWorkbook) }
        self.workbooks = workbooks
    }

    /// Lints the set. Until the cross-document checks land, each workbook on its own; then this becomes
    /// `linter.lint(set: workbooks)`, the one line to change for the server to compare the workbooks with each other.
    func lint(with linter: Linter) -> [Linter.Result] {
        workbooks.map { linter.lint($0) }
    }

    /// The report of DESIGN §4 for the set, with the uploaded file names as paths.
    func report(_ results: [Linter.Result], linter: Linter, language: Language) -> LintReport {
        let files = zip(workbooks, results).map { workbook, result in
            LintReport.File(path: workbook.source, status: .ok(tables: result.document.tables, unrecognised: result.document.unrecognised))
        }
        return LintReport(files: files, findings: results.flatMap(\.findings), language: language, rules: linter.rules.map { $0.info })
    }
}
