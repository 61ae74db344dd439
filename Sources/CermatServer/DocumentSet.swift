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

    /// What linting the set found: each workbook's result (its own findings and the cross findings that lie in it),
    /// and the findings across documents apart, whose related cells the annotated copies note too.
    struct Checked {
        /// One result per workbook, in upload order.
        var results: [Linter.Result]
        /// The findings that compare documents.
        var across: [Finding]

        /// The cross findings with a related cell in a workbook.
        func related(to workbook: Workbook) -> [Finding] {
            across.filter { $0.related.contains { $0.file == workbook.source } }
        }
    }

    /// Lints the set: each workbook on its own, then the checks across documents over all of them.
    func lint(with linter: Linter) -> Checked {
        let results = workbooks.map(linter.lint)
        let across = linter.checkAcross(zip(workbooks, results).map {
            Linter.Member(workbook: $0.0, document: $0.1.document, readings: $0.1.readings)
        })
        return Checked(results: Linter.adding(across, to: results, of: workbooks), across: across)
    }

    /// The report of DESIGN §4 for the set, with the uploaded file names as paths.
    func report(_ checked: Checked, linter: Linter, language: Language) -> LintReport {
        let results = checked.results
        let files = zip(workbooks, results).map { workbook, result in
            LintReport.File(path: workbook.source, status: .ok(tables: result.document.tables, unrecognised: result.document.unrecognised))
        }
        return LintReport(files: files, findings: results.flatMap(\.findings), language: language, rules: linter.rules.map { $0.info })
    }
}
