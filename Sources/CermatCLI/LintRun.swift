import CermatAnnotator
import CermatReader
import CermatReporting
import CermatRules
import CermatWorkbook
import Dispatch
import Foundation

/// One `lint` call over its document set: every workbook read and linted on its own, `jobs` at a time; then the steps
/// that see every workbook at once; then the suppressions, over all findings alike.
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
        /// Seconds spent on the checks across documents, for `--timings`.
        var acrossSeconds: Double = 0

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

    /// Lints every input, then applies the suppressions of the configuration and of every workbook's notes.
    func run(_ paths: [String]) -> Result {
        let outcomes = checkEach(paths)
        var result = Result(outcomes: outcomes, findings: [], suppressed: [])
        let members = result.members
        // The workbooks read are one document set: the checks across documents (and across sheets) run once over them.
        let started = DispatchTime.now()
        let across = linter.checkAcross(members.map { Linter.Member(workbook: $0.workbook, document: $0.result.document) })
        result.acrossSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
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

    /// Reads and lints each workbook, `jobs` workers taking the next input as they finish one; outcomes in input order.
    func checkEach(_ paths: [String]) -> [Outcome] {
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<Outcome?>.allocate(capacity: paths.count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let queue = WorkQueue(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, paths.count))) { _ in
            // Each index is taken by exactly one worker, so each slot has one writer.
            while let index = queue.next() {
                let outcome = check(paths[index])
                slots[index] = outcome
                if case .checked(let member) = outcome { progress?.advance(findings: member.result.findings.count) }
                else { progress?.advance(findings: 0) }
            }
        }
        progress?.finish()
        return slots.map { $0! }
    }

    private func check(_ path: String) -> Outcome {
        do {
            let started = DispatchTime.now()
            let workbook = try XLSXReader().read(path: path)
            let read = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return .checked(Member(path: path, workbook: workbook, result: linter.lint(workbook), readSeconds: read))
        } catch {
            return .unreadable(path: path, message: String(describing: error))
        }
    }
}

/// The next input to check, handed to one worker at a time.
private final class WorkQueue: @unchecked Sendable {
    private let count: Int
    private var taken = 0
    private let lock = NSLock()

    init(count: Int) {
        self.count = count
    }

    /// The next index, or `nil` when every input is taken.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < count else { return nil }
        taken += 1
        return taken - 1
    }
}
