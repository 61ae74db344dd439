import CermatRules
import Foundation

/// The findings a team has accepted as they stand (`lint --write-baseline`), so that a later `lint --baseline` reports
/// only new ones. Findings are matched by fingerprint, which survives inserted rows and columns (DESIGN §4).
///
/// The file is JSON, version 1: `{"version": 1, "tool": {…}, "findings": [{"fingerprint", "rule", "file", "sheet",
/// "cell", "message"}]}`; only `fingerprint` and `file` are read back, the rest is there for the people who review it.
public struct Baseline: Sendable {
    /// One accepted finding.
    public struct Entry: Hashable, Sendable {
        /// The finding's fingerprint.
        public var fingerprint: String
        /// The workbook it was found in, as given on the command line.
        public var file: String
    }

    /// A baseline split against a run: what is new, what the baseline already has, and what no longer occurs.
    public struct Comparison: Sendable {
        /// Findings the baseline does not have: the ones to report.
        public var new: [Finding]
        /// How many findings the baseline has.
        public var known: Int
        /// Entries for workbooks of this run that no longer occur (fixed since the baseline was written).
        public var fixed: Int
    }

    /// The entries.
    public var entries: [Entry]

    /// The baseline of a run's findings.
    public init(findings: [Finding]) {
        entries = findings.map { Entry(fingerprint: $0.fingerprint, file: $0.file) }
    }

    /// Reads a baseline file.
    public init(path: String) throws(BaselineError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw BaselineError(file: path, "cannot be read") }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw BaselineError(file: path, "is not JSON: \(error.localizedDescription)")
        }
        guard let object = root as? [String: Any], object["version"] as? Int == 1, let findings = object["findings"] as? [Any] else {
            throw BaselineError(file: path, "is not a cermat baseline (version 1 with a list of findings); write one with --write-baseline")
        }
        var entries: [Entry] = []
        for (index, item) in findings.enumerated() {
            guard let entry = item as? [String: Any], let fingerprint = entry["fingerprint"] as? String,
                  let file = entry["file"] as? String else {
                throw BaselineError(file: path, "finding \(index + 1) lacks its fingerprint or file")
            }
            entries.append(Entry(fingerprint: fingerprint, file: file))
        }
        self.entries = entries
    }

    /// Splits a run's findings; `files` are the run's workbooks, so that entries of workbooks not linted now are not
    /// counted as fixed.
    public func compare(_ findings: [Finding], files: [String]) -> Comparison {
        let known = Set(entries.map(\.fingerprint))
        let current = Set(findings.map(\.fingerprint))
        // Fingerprints hold the file name, not its folder: a baseline written in one place is read in another.
        let names = Set(files.map(Self.name))
        let new = findings.filter { !known.contains($0.fingerprint) }
        let fixed = entries.count { names.contains(Self.name($0.file)) && !current.contains($0.fingerprint) }
        return Comparison(new: new, known: findings.count - new.count, fixed: fixed)
    }

    /// The baseline file for a run's findings, in report order.
    public static func render(_ findings: [Finding], language: Language) -> String {
        JSONValue.object([
            ("version", .int(1)),
            ("tool", .object([("name", .string("cermat")), ("version", .string(CermatVersion.current))])),
            ("findings", .array(findings.map { finding in
                .object([
                    ("fingerprint", .string(finding.fingerprint)), ("rule", .string(finding.rule)),
                    ("file", .string(finding.file)), ("sheet", .string(finding.sheet)), ("cell", .string(finding.cell.a1)),
                    ("message", .string(finding.message.text(language))),
                ])
            })),
        ]).rendered()
    }

    private static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
