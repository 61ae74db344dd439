import ArgumentParser
import CermatAnnotator
import CermatPlanning
import CermatReporting
import CermatRules
import Foundation

/// `cermat lint`: checks workbooks and reports what is wrong, with an exit status that can gate an upload or a CI job.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check workbooks: recognise their planning tables and report every inconsistency found.",
        discussion: """
            Several reports in one run: give --format and --output in pairs, in order; the i-th --format goes to the i-th \
            --output, and one last --format without an --output goes to standard output:
              cermat lint uploads/ --format json --output a.json --format sarif --output b.sarif --format text
            Folders are walked for *.xlsx (Office lock files ~$… and Cermat's own *.cermat.xlsx copies are skipped); the \
            workbooks are read and checked --jobs at a time, and the report is the same whatever --jobs.
            Suppressions: a cell note "cermat: abaikan <rule-id> — <alasan>" (or "cermat: ignore <rule-id> — <reason>") \
            accepts that rule's finding on its cell; `suppress:` in .cermat.yml accepts findings by rule and file, sheet, \
            range or kode. Suppressed findings are counted; --show-suppressed lists them.
            Baselines: --write-baseline FILE records the current findings (exit status 0 unless an input cannot be read); \
            --baseline FILE then reports only findings it does not hold, and counts its entries that no longer occur.
            Exit status: 0 when no reported finding is at or above --fail-on; 1 when one is; 2 when an input could not be \
            read, the configuration or baseline is invalid or an output cannot be written (the other inputs are still \
            checked and reported); 64 on a usage error. Input files are never modified.
            """
    )

    @Argument(help: ArgumentHelp("Workbooks (.xlsx) to check; a folder means every .xlsx below it.", valueName: "file-or-folder"))
    var inputs: [String]

    @Option(help: ArgumentHelp("A report format: text (for people), json (DESIGN §4), sarif (2.1.0), junit (CI test reports) or github (Actions annotations); repeat it, paired with --output, for several reports; default: text.",
                               valueName: "format"))
    var format: [ReportFormat] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report of the --format in the same position to FILE instead of standard output (written whole, then moved into place); repeatable.",
                               valueName: "FILE"))
    var output: [String] = []

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "The least severe finding that makes the exit status 1: error, warning, info or never; default: the configuration's, else error.",
        valueName: "severity"))
    var failOn: FailOn?

    @Option(help: ArgumentHelp("Write an annotated copy of each workbook into DIR as <name>.cermat.xlsx: every finding marked on its cell with a note, and a first sheet 'Temuan' listing them.",
                               valueName: "DIR"))
    var annotate: String?

    @Option(help: ArgumentHelp("How many workbooks to read and check at once; default: the number of cores.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Report only the findings this baseline file does not hold, and count its entries that no longer occur.",
                               valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(
        "Record the findings of this run in FILE (JSON, by fingerprint), for a later --baseline; findings then do not fail the run.",
        valueName: "FILE"))
    var writeBaseline: String?

    @Flag(name: .customLong("show-suppressed"), help: "List the findings accepted by a suppression (a cell note or .cermat.yml), with their reason; they are always counted.")
    var showSuppressed = false

    @Flag(name: [.short, .long], help: "No progress line on standard error, and no line for each annotated copy or baseline written.")
    var quiet = false

    @Flag(help: "Print to standard error how long reading, recognition, the readings the rules share and each rule took for each workbook, slowest rule first.")
    var timings = false

    @OptionGroup var common: CommonOptions

    // What a run starts with, side by side: the linter, and the first workbook read.
    private enum Start {
        case linter(Result<Linter, any Error>)
        case read(LintRun.Read)
    }

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one workbook or folder to check") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        let formats = max(format.count, 1)
        if output.count > formats {
            throw ValidationError("each --output needs its own --format before it (--format json --output a.json --format sarif --output b.sarif)")
        }
        if formats > output.count + 1 {
            throw ValidationError("only one --format can go to standard output; give the others an --output each")
        }
        for (index, path) in output.enumerated() where output[..<index].contains(where: { InputFiles.sameFile($0, path) }) {
            throw ValidationError("two reports would be written to '\(path)'")
        }
    }

    func run() throws {
        let paths = try InputFiles.expand(inputs)
        // The rules folder loads while the first workbook is read: neither needs the other, and loading it (YAML, the
        // header patterns) would otherwise hold up every run's first read.
        let (rules, config) = (common.rules, common.config)
        let started = Parallel.map(2) { part -> Start in
            part == 0 ? .linter(Result { try Knowledge.linter(rules: rules, config: config) }) : .read(LintRun.read(paths[0]))
        }
        guard case .linter(let loaded) = started[0], case .read(let first) = started[1] else { preconditionFailure() }
        let linter = try loaded.get()
        let language = common.language(linter)
        let accepted = try baseline.map { path in
            do {
                return try Baseline(path: path)
            } catch {
                Terminal.error("error: \(error)")
                throw ExitCode(2)
            }
        }
        let copies = try annotate.map { folder in try AnnotatedCopies(folder: folder, inputs: paths) }
        let progress = !quiet && paths.count > 1 && Terminal.stderrIsTerminal ? BatchProgress(total: paths.count, language: language) : nil
        let result = LintRun(linter: linter, jobs: jobs, progress: progress).run(paths, first: first)
        if timings {
            for member in result.members {
                // The readings the rules share (CPU time) after recognition: each is charged to none of them.
                let steps = member.result.timings
                Terminal.error(Self.timings(member.path, [("read", member.readSeconds)] + steps.prefix(1) + member.result.readings.timings,
                                            ranked: steps.dropFirst()))
            }
            let count = result.members.count
            // A rule with nothing to check across documents takes no time: only those that do are listed.
            Terminal.error(Self.timings("document set of \(count) workbook\(count == 1 ? "" : "s")", result.acrossTimings.prefix(2),
                                        ranked: result.acrossTimings.dropFirst(2).filter { $0.seconds >= 0.000_05 }))
        }
        let annotationFailed = copies.map { writeCopies($0, result, language) } ?? false
        var report = LintReport(files: result.files, findings: result.findings, language: language,
                                rules: linter.rules.map { $0.info }, suppressed: result.suppressed, showSuppressed: showSuppressed)
        if let writeBaseline {
            try OutputFile.write(Baseline.render(report.findings, language: language), to: writeBaseline)
            if !quiet {
                Terminal.error(language == .id ? "baseline ditulis: \(writeBaseline) (\(report.findings.count) temuan)"
                               : "baseline written: \(writeBaseline) (\(report.findings.count) findings)")
            }
        }
        if let accepted {
            let comparison = accepted.compare(report.findings, files: paths)
            report = LintReport(files: report.files, findings: comparison.new, language: language, rules: report.rules,
                                suppressed: report.suppressed, showSuppressed: showSuppressed,
                                baseline: .init(known: comparison.known, fixed: comparison.fixed))
        }
        let formats = format.isEmpty ? [ReportFormat.text] : format
        for (index, format) in formats.enumerated() {
            let destination = index < output.count ? output[index] : nil
            let color = destination == nil && format == .text && Terminal.stdoutIsTerminal
            try OutputFile.write(format.render(report, color: color), to: destination)
        }
        let status: Int32
        if report.files.contains(where: \.failed) || annotationFailed {
            status = 2
        } else if writeBaseline != nil {
            status = 0
        } else {
            let threshold = failOn ?? linter.configuration.failOn.flatMap(FailOn.init(rawValue:)) ?? .error
            status = report.fails(at: threshold.severity) ? 1 : 0
        }
        // The process ends with the run's workbooks and tables still held (`Terminal.exit`): released after their last
        // use, they were freed one by one first, about a tenth of a second on the 200 000-row benchmark.
        withExtendedLifetime(result) { Terminal.exit(status) }
    }

    // Each workbook's copy with the findings reported on it (suppressed ones are not marked); whether one failed.
    private func writeCopies(_ copies: AnnotatedCopies, _ result: LintRun.Result, _ language: Language) -> Bool {
        let byFile = Dictionary(grouping: result.findings, by: \.file)
        var failed = false
        for member in result.members {
            let findings = byFile[member.workbook.source] ?? []
            let related = result.across.filter { $0.related.contains { $0.file == member.workbook.source } }
            do {
                let report = try Annotator(language: language).write(member.workbook, findings: findings, related: related,
                                                                     to: copies.path(for: member.path))
                if !quiet { Terminal.error(AnnotationSummary.line(report, findings: findings.count, language: language)) }
            } catch {
                Terminal.error("error: \(error)")
                failed = true
            }
        }
        return failed
    }
}

extension LintCommand {
    // Each step's time in milliseconds: the `fixed` steps in order, then the `ranked` ones (the rules) slowest first.
    static func timings(_ path: String, _ fixed: some Sequence<(step: String, seconds: Double)>,
                        ranked: some Sequence<(step: String, seconds: Double)>) -> String {
        let rows = (Array(fixed) + ranked.sorted { $0.seconds > $1.seconds }).map { [$0.step, String(format: "%.1f ms", $0.seconds * 1000)] }
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
