import CermatPlanning
import CermatRules
import CermatWorkbook

/// Everything one `lint` call found: each input file's status and tables, and every finding in DESIGN §4 order.
public struct LintReport: Sendable {
    /// One input file.
    public struct File: Sendable {
        /// How reading it went.
        public enum Status: Sendable {
            /// Read and checked; the tables recognised in it and the sheets without one.
            case ok(tables: [PlanningTable], unrecognised: [PlanningDocument.UnrecognisedSheet])
            /// It could not be read: why, naming the file, part, sheet or cell.
            case error(String)
        }

        /// The path as the user gave it.
        public var path: String
        /// How reading it went.
        public var status: Status

        /// A file entry.
        public init(path: String, status: Status) {
            self.path = path
            self.status = status
        }

        /// Whether it could not be read.
        public var failed: Bool {
            if case .error = status { return true }
            return false
        }
    }

    /// Counts for the summary line.
    public struct Summary: Hashable, Sendable {
        /// Input files.
        public var files: Int
        /// Findings by severity.
        public var errors: Int, warnings: Int, info: Int
        /// Findings accepted by a suppression (not counted above).
        public var suppressed: Int
    }

    /// What a baseline hid and what no longer occurs.
    public struct BaselineCounts: Hashable, Sendable {
        /// Findings not reported because the baseline has them.
        public var known: Int
        /// Baseline entries that no longer occur (fixed).
        public var fixed: Int

        /// Counts.
        public init(known: Int, fixed: Int) {
            self.known = known
            self.fixed = fixed
        }
    }

    /// The input files, in the order given.
    public var files: [File]
    /// The findings, sorted by file (in input order), sheet order, row, column, rule.
    public var findings: [Finding]
    /// The language messages are written in.
    public var language: Language
    /// The rules that ran, for reporters that list them (SARIF).
    public var rules: [RuleInfo]
    /// Findings accepted by a suppression, in the same order as `findings`.
    public var suppressed: [Suppressions.Suppressed]
    /// Whether reporters list the suppressed findings (`--show-suppressed`), not only count them.
    public var showSuppressed: Bool
    /// What the baseline hid, when one was given.
    public var baseline: BaselineCounts?

    /// A report; findings are put in DESIGN §4 order.
    public init(files: [File], findings: [Finding], language: Language, rules: [RuleInfo],
                suppressed: [Suppressions.Suppressed] = [], showSuppressed: Bool = false, baseline: BaselineCounts? = nil) {
        self.files = files
        let order = Dictionary(files.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let before: (Finding, Finding) -> Bool = { a, b in
            let fileA = order[a.file] ?? Int.max, fileB = order[b.file] ?? Int.max
            if fileA != fileB { return fileA < fileB }
            if a.file != b.file { return a.file < b.file }
            return Finding.ordered(a, b)
        }
        self.findings = findings.sorted(by: before)
        self.suppressed = suppressed.sorted { before($0.finding, $1.finding) }
        self.language = language
        self.rules = rules
        self.showSuppressed = showSuppressed
        self.baseline = baseline
    }

    /// The counts of files and findings by severity.
    public var summary: Summary {
        Summary(files: files.count, errors: findings.count { $0.severity == .error },
                warnings: findings.count { $0.severity == .warning }, info: findings.count { $0.severity == .info },
                suppressed: suppressed.count)
    }

    /// Whether some finding is at or above a severity (`nil`: never).
    public func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        return findings.contains { $0.severity <= threshold }
    }
}
