import ArgumentParser
import CermatAnnotator
import CermatReader
import CermatRules
import CermatWorkbook

/// `cermat annotate FILE -o OUT.xlsx`: lints one workbook and writes its annotated copy.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Lint one workbook and write its annotated copy: every finding marked on its cell with a note, and a first sheet 'Temuan' listing them.",
        discussion: """
            The copy keeps the sheets, values, formulas, styles, merges, widths, heights, panes and notes of the original; \
            what it cannot keep (charts, images, pivot tables…) is listed on the Temuan sheet. The input is never modified. \
            Exit status as for lint: 0, 1 when findings are at or above --fail-on, 2 when the workbook cannot be read or the \
            copy cannot be written.
            """
    )

    @Argument(help: "The workbook (.xlsx) to annotate.")
    var file: String

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the annotated copy (.xlsx).", valueName: "OUT.xlsx"))
    var output: String

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "The least severe finding that makes the exit status 1: error, warning, info or never; default: the configuration's, else error.",
        valueName: "severity"))
    var failOn: FailOn?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if InputFiles.sameFile(file, output) { throw ValidationError("the output '\(output)' is the input itself; choose another path") }
    }

    func run() throws {
        let linter = try Knowledge.linter(rules: common.rules, config: common.config)
        let language = common.language(linter)
        let workbook: Workbook
        do {
            workbook = try XLSXReader().read(path: file)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
        let result = linter.lint(workbook)
        // The workbook's sheets are a document set of their own: the checks across documents run over them too.
        let across = linter.checkAcross([Linter.Member(workbook: workbook, document: result.document, readings: result.readings)])
        // As in lint: findings accepted by a note or the configuration are not marked.
        var suppressions = Suppressions(configuration: linter.configuration)
        suppressions.add(notesOf: workbook)
        let findings = suppressions.apply((result.findings + across).sorted(by: Finding.ordered)).reported
        let kept = Set(findings)
        do {
            let report = try Annotator(language: language).write(workbook, findings: findings,
                                                                 related: across.filter(kept.contains), to: output)
            Terminal.error(AnnotationSummary.line(report, findings: findings.count, language: language))
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
        let threshold = (failOn ?? linter.configuration.failOn.flatMap(FailOn.init(rawValue:)) ?? .error).severity
        Terminal.exit(threshold.map { threshold in findings.contains { $0.severity <= threshold } } == true ? 1 : 0)
    }
}
