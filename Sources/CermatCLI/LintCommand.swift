import ArgumentParser
import CermatAnnotator
import CermatReader
import CermatReporting
import CermatRules
import CermatWorkbook
import Foundation

/// `cermat lint`: checks workbooks and reports what is wrong, with an exit status that can gate an upload or a CI job.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check workbooks: recognise their planning tables and report every inconsistency found.",
        discussion: """
            Exit status: 0 when no finding is at or above --fail-on; 1 when one is; 2 when an input could not be read or \
            the configuration is invalid (the other inputs are still checked and reported); 64 on a usage error.
            Input files are never modified.
            """
    )

    @Argument(help: ArgumentHelp("Workbooks (.xlsx) to check; a folder means every .xlsx below it.", valueName: "file-or-folder"))
    var inputs: [String]

    @Option(help: "The report format: text (for people), json (DESIGN §4), sarif (2.1.0), junit (CI test reports) or github (Actions annotations).")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to FILE instead of standard output (written whole, then moved into place).",
                               valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "The least severe finding that makes the exit status 1: error, warning, info or never; default: the configuration's, else error.",
        valueName: "severity"))
    var failOn: FailOn?

    @Option(help: ArgumentHelp("Write an annotated copy of each workbook into DIR as <name>.cermat.xlsx: every finding marked on its cell with a note, and a first sheet 'Temuan' listing them.",
                               valueName: "DIR"))
    var annotate: String?

    @Flag(help: "Print to standard error how long reading, recognition and each rule took for each workbook, slowest first.")
    var timings = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one workbook or folder to check") }
    }

    func run() throws {
        let linter = try Knowledge.linter(rules: common.rules, config: common.config)
        let language = common.language(linter)
        let paths = try InputFiles.expand(inputs)
        let copies = try annotate.map { folder in try AnnotatedCopies(folder: folder, inputs: paths) }
        var annotationFailed = false
        var files: [LintReport.File] = []
        var findings: [Finding] = []
        var read: [(path: String, workbook: Workbook, result: Linter.Result)] = []
        let reader = XLSXReader()
        for path in paths {
            do {
                let started = DispatchTime.now()
                let workbook = try reader.read(path: path)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                let result = linter.lint(workbook)
                if timings { Terminal.error(Self.timings(path, [("read", seconds)] + result.timings)) }
                files.append(LintReport.File(path: path, status: .ok(tables: result.document.tables,
                                                                    unrecognised: result.document.unrecognised)))
                findings += result.findings
                read.append((path, workbook, result))
            } catch {
                files.append(LintReport.File(path: path, status: .error(String(describing: error))))
            }
        }
        // The inputs read are one document set: the checks across documents (and across sheets) run once over them.
        let started = DispatchTime.now()
        let across = linter.checkAcross(read.map { Linter.Member(workbook: $0.workbook, document: $0.result.document) })
        if timings {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            Terminal.error("document set of \(Plural.count(read.count, "workbook")): across documents \(String(format: "%.1f ms", seconds * 1000))")
        }
        findings += across
        if let copies {
            for (path, workbook, result) in read {
                let own = result.findings + across.filter { $0.file == workbook.source }
                let related = across.filter { $0.related.contains { $0.file == workbook.source } }
                do {
                    let report = try Annotator(language: language).write(workbook, findings: own, related: related,
                                                                         to: copies.path(for: path))
                    Terminal.error(AnnotationSummary.line(report, findings: own.count, language: language))
                } catch {
                    Terminal.error("error: \(error)")
                    annotationFailed = true
                }
            }
        }
        let report = LintReport(files: files, findings: findings, language: language,
                                rules: linter.rules.map { $0.info })
        let color = output == nil && format == .text && Terminal.stdoutIsTerminal
        try OutputFile.write(format.render(report, color: color), to: output)
        if report.files.contains(where: \.failed) || annotationFailed { throw ExitCode(2) }
        let threshold = failOn ?? linter.configuration.failOn.flatMap(FailOn.init(rawValue:)) ?? .error
        if report.fails(at: threshold.severity) { throw ExitCode(1) }
    }
}

extension LintCommand {
    // Each step's time in milliseconds, slowest first after reading and recognition.
    static func timings(_ path: String, _ steps: [(step: String, seconds: Double)]) -> String {
        let fixed = steps.prefix(2), rules = steps.dropFirst(2).sorted { $0.seconds > $1.seconds }
        let rows = (fixed + rules).map { [$0.step, String(format: "%.1f ms", $0.seconds * 1000)] }
        return "\(path): timings (rules: CPU time each; they run in parallel)\n" + TextTable.render(rows).split(separator: "\n").map { "  " + $0 }
            .joined(separator: "\n")
    }
}

/// The `--fail-on` threshold.
enum FailOn: String, CaseIterable, ExpressibleByArgument {
    case error, warning, info, never

    /// The least severe finding that fails the run, or `nil` for never.
    var severity: Severity? { Severity(rawValue: rawValue) }
}

extension ReportFormat: ExpressibleByArgument {}
