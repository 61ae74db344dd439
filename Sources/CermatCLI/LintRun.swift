import CermatAnnotator
import CermatPlanning
import CermatReader
import CermatReporting
import CermatRules
import CermatWorkbook
import Dispatch
import Foundation

/// One `lint` call over its document set: every workbook read and its tables recognised, `jobs` at a time; then each
/// workbook's own rules and, beside them, the checks that see every workbook at once; then the suppressions, over all
/// findings alike.
///
/// Results are kept in input order whatever the number of jobs, so the report is the same bytes for any `--jobs`.
struct LintRun {
    /// A workbook that was read and linted, kept whole for the steps that look at every workbook at once.
    struct Member {
        /// The path as given (or found below a folder).
        let path: String
        /// The workbook as read.
        let workbook: Workbook
        /// Its recognised tables and its own findings.
        let result: Linter.Result
        /// Seconds spent reading it, for `--timings`.
        let readSeconds: Double
    }

    /// What became of one input.
    enum Outcome {
        /// Read and linted.
        case checked(Member)
        /// Could not be read: why, naming the file, part, sheet or cell.
        case unreadable(path: String, message: String)
    }

    /// Everything the run found.
    struct Result {
        /// Each input in order, read or not.
        var outcomes: [Outcome]
        /// Findings to report.
        var findings: [Finding]
        /// Findings accepted by a suppression.
        var suppressed: [Suppressions.Suppressed]
        /// The reported findings that compare documents (their related cells are noted in the annotated copies too).
        var across: [Finding] = []
        /// Seconds spent on the checks across documents (wall time), on their subject index (wall time), then in each of
        /// their rules (CPU time), for `--timings`.
        var acrossTimings: [(step: String, seconds: Double)] = []
        /// The subject indexes of the checks across documents, held with the result: `lint` exits holding both.
        var indexes: AnyObject?

        /// The workbooks that were read, in input order.
        var members: [Member] {
            outcomes.compactMap { if case .checked(let member) = $0 { member } else { nil } }
        }

        /// The report's file entries, in input order.
        var files: [LintReport.File] {
            outcomes.map { outcome in
                switch outcome {
                case .checked(let member):
                    LintReport.File(path: member.path, status: .ok(tables: member.result.document.tables,
                                                                  unrecognised: member.result.document.unrecognised))
                case .unreadable(let path, let message):
                    LintReport.File(path: path, status: .error(message))
                }
            }
        }
    }

    /// The linter, with its configuration.
    let linter: Linter
    /// How many workbooks are read and linted at once.
    let jobs: Int
    /// The progress line, when one is shown.
    let progress: BatchProgress?

    /// A workbook read, or why it could not be, with the seconds reading took.
    struct Read: Sendable {
        /// The workbook, or the error naming the file, part, sheet or cell.
        let workbook: Swift.Result<Workbook, any Error>
        /// Seconds spent reading, for `--timings`.
        let seconds: Double
    }

    /// Reads a workbook.
    static func read(_ path: String) -> Read {
        let started = DispatchTime.now()
        let workbook = Swift.Result { try XLSXReader().read(path: path) }
        return Read(workbook: workbook, seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
    }

    /// Lints every input, then applies the suppressions of the configuration and of every workbook's notes; `first` is
    /// the first input, already read.
    func run(_ paths: [String], first: Read) -> Result {
        let recognised = recogniseEach(paths, first: first)
        let set = recognised.compactMap { reading in
            if case .read(let member, _, _) = reading { member } else { nil }
        }
        // The workbooks read are one document set: the checks across documents (and across sheets) run once over them,
        // beside the workbooks' own rules, since they need only the recognised tables: each fills the cores the other
        // leaves idle. The checks across documents go first: their subject index is the longest chain of work in a run, and
        // the workbooks' own rules fill the cores around it.
        let parts = Parallel.map(2) { part -> Part in
            if part == 1 { return .own(checkEach(paths, recognised)) }
            let started = DispatchTime.now()
            let across = linter.checkAcrossWithTimings(set)
            return .across(across.findings, timings: [("across documents", Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)]
                            + across.timings, indexes: across.indexes)
        }
        guard case .across(let across, let timings, let indexes) = parts[0], case .own(let outcomes) = parts[1] else { preconditionFailure() }
        var result = Result(outcomes: outcomes, findings: [], suppressed: [], acrossTimings: timings, indexes: indexes)
        let members = result.members
        // Each workbook's findings together, in input order, so that the report stays in file order.
        let findings = Linter.adding(across, to: members.map(\.result), of: members.map(\.workbook)).flatMap(\.findings)
        var suppressions = Suppressions(configuration: linter.configuration)
        for member in members { suppressions.add(notesOf: member.workbook) }
        let applied = suppressions.apply(findings)
        result.findings = applied.reported
        result.suppressed = applied.suppressed
        let acrossSet = Set(across)
        result.across = applied.reported.filter(acrossSet.contains)
        return result
    }

    // The two halves of a run that go side by side.
    private enum Part {
        case own([Outcome])
        case across([Finding], timings: [(step: String, seconds: Double)], indexes: AnyObject)
    }

    // A workbook read and its tables recognised (with the seconds each took), or why it could not be read.
    private enum Reading {
        // A member's readings are shared by its own rules and the checks across documents, which run side by side.
        case read(Linter.Member, readSeconds: Double, recognitionSeconds: Double)
        case unreadable(message: String)
    }

    /// Reads each workbook and recognises its tables, `jobs` workers taking the next input as they finish one.
    private func recogniseEach(_ paths: [String], first: Read) -> [Reading] {
        Parallel.map(paths.count, width: jobs) { index in
            let read = index == 0 ? first : Self.read(paths[index])
            do {
                let workbook = try read.workbook.get()
                let recognised = linter.recognise(workbook)
                return .read(Linter.Member(workbook: workbook, document: recognised.document), readSeconds: read.seconds,
                             recognitionSeconds: recognised.seconds)
            } catch {
                return .unreadable(message: String(describing: error))
            }
        }
    }

    /// Runs each recognised workbook's own rules, `jobs` at a time; outcomes in input order.
    private func checkEach(_ paths: [String], _ recognised: [Reading]) -> [Outcome] {
        let outcomes = Parallel.map(paths.count, width: jobs) { index -> Outcome in
            let outcome: Outcome
            switch recognised[index] {
            case .read(let member, let read, let recognition):
                var result = linter.check(member.workbook, member.document, readings: member.readings)
                result.timings.insert(("recognition", recognition), at: 0)
                outcome = .checked(Member(path: paths[index], workbook: member.workbook, result: result, readSeconds: read))
                progress?.advance(findings: result.findings.count)
            case .unreadable(let message):
                outcome = .unreadable(path: paths[index], message: message)
                progress?.advance(findings: 0)
            }
            return outcome
        }
        progress?.finish()
        return outcomes
    }
}
