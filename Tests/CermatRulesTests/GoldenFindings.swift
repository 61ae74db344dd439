import CermatRules
import Foundation

/// A workbook's golden findings (`fixtures/planning/<name>.findings.tsv`): every finding Cermat makes on it, judged
/// `right` or `wrong`, and the real inconsistencies of the transcription notes it does not report (`missed`).
///
/// One line per finding, tab-separated: `verdict rule severity sheet cell note`; lines starting with `#` are comments.
/// `scripts/goldens.sh` rewrites the files from the current output and keeps the verdict and note of every finding that
/// still occurs; a new finding gets the verdict `unjudged`, which the tests refuse until someone judges it.
struct GoldenFindings: Equatable {
    /// What identifies a finding in a golden file.
    struct Key: Hashable, Comparable, CustomStringConvertible {
        var rule: String
        var severity: String
        var sheet: String
        var cell: String

        init(rule: String, severity: String, sheet: String, cell: String) {
            self.rule = rule
            self.severity = severity
            self.sheet = sheet
            self.cell = cell
        }

        init(_ finding: Finding) {
            self.init(rule: finding.rule, severity: finding.severity.rawValue, sheet: finding.sheet, cell: finding.cell.a1)
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.sheet, lhs.cell, lhs.rule, lhs.severity) < (rhs.sheet, rhs.cell, rhs.rule, rhs.severity)
        }

        var description: String { "\(rule) \(severity) '\(sheet)'!\(cell)" }
    }

    /// One line.
    struct Line: Equatable {
        var verdict: String
        var rule: String
        var severity: String
        var sheet: String
        var cell: String
        var note: String

        var key: Key { Key(rule: rule, severity: severity, sheet: sheet, cell: cell) }
    }

    /// The verdicts a line may carry.
    static let verdicts: Set<String> = ["right", "wrong", "missed", "unjudged"]

    var lines: [Line]

    /// The lines that are findings Cermat makes (judged or not).
    var findings: [Line] { lines.filter { $0.verdict != "missed" } }

    /// Reads a golden file.
    static func parse(_ text: String) -> GoldenFindings {
        var lines: [Line] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if raw.hasPrefix("#") { continue }
            var fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            fields += Array(repeating: "", count: max(0, 6 - fields.count))
            lines.append(Line(verdict: fields[0], rule: fields[1], severity: fields[2], sheet: fields[3], cell: fields[4],
                              note: fields[5...].joined(separator: " ")))
        }
        return GoldenFindings(lines: lines)
    }

    /// The file's text.
    func render(workbook: String) -> String {
        var text = """
            # Golden findings of \(workbook): every finding `cermat lint` makes on it, judged, and the real
            # inconsistencies of the transcription notes it does not report. One line each, tab-separated:
            #   verdict   right: an inspector would write it down (the note cites the transcription notes' item, e.g.
            #             `000-e81 C1`, or says why); wrong: a false positive (the note says why); missed: a real
            #             inconsistency Cermat does not report (rule `-` when no rule covers it, severity `-`);
            #             unjudged: a new finding written by scripts/goldens.sh, refused by the tests until judged
            #   rule      the rule id; severity: error, warning or info; sheet and cell: where the finding points
            #   note      why the verdict
            # Rewrite with `bash scripts/goldens.sh`: verdicts and notes of findings that still occur are kept. The
            # per-rule summary of every golden file is docs/precision.md.
            # verdict\trule\tseverity\tsheet\tcell\tnote

            """
        for line in lines {
            text += [line.verdict, line.rule, line.severity, line.sheet, line.cell, line.note].joined(separator: "\t") + "\n"
        }
        return text
    }

    /// The golden rewritten for the findings Cermat makes now: each finding keeps the verdict and note of the line with
    /// its key (`unjudged` with the finding's message when there is none); a `right` finding no longer made becomes
    /// `missed`, a `wrong` one is dropped; `missed` lines stay.
    static func merge(_ old: GoldenFindings?, with findings: [Finding]) -> GoldenFindings {
        var unused = old?.findings ?? []
        var lines: [Line] = []
        for finding in findings {
            let key = Key(finding)
            if let index = unused.firstIndex(where: { $0.key == key }) {
                lines.append(unused.remove(at: index))
            } else {
                lines.append(Line(verdict: "unjudged", rule: key.rule, severity: key.severity, sheet: key.sheet, cell: key.cell,
                                  note: finding.message.en.replacingOccurrences(of: "\t", with: " ")
                                      .replacingOccurrences(of: "\n", with: " ")))
            }
        }
        for line in unused where line.verdict == "right" {
            var missed = line
            missed.verdict = "missed"
            missed.severity = "-"
            missed.note = "no longer reported; was right: " + line.note
            lines.append(missed)
        }
        lines += old?.lines.filter { $0.verdict == "missed" } ?? []
        return GoldenFindings(lines: lines)
    }
}

/// `docs/precision.md`: per rule and per fixture, how many findings Cermat makes on the planning fixtures and how many
/// of them are right, from the golden findings.
enum PrecisionRecord {
    private struct Tally {
        var findings = 0, right = 0, wrong = 0, unjudged = 0, missed = 0
        var errors = 0, warnings = 0, info = 0

        mutating func add(_ line: GoldenFindings.Line) {
            switch line.verdict {
            case "right": right += 1
            case "wrong": wrong += 1
            case "missed": missed += 1
            default: unjudged += 1
            }
            guard line.verdict != "missed" else { return }
            findings += 1
            switch line.severity {
            case "error": errors += 1
            case "warning": warnings += 1
            default: info += 1
            }
        }

        var precision: String { PrecisionRecord.ratio(right, right + wrong) }
        var recall: String { PrecisionRecord.ratio(right, right + missed) }
    }

    static func ratio(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let value = Double(part) / Double(whole) * 100
        return value == value.rounded() ? "\(Int(value)) %" : String(format: "%.1f %%", value)
    }

    /// The markdown, for the goldens of every workbook (by file name).
    static func markdown(_ goldens: [(workbook: String, golden: GoldenFindings)], rules: [RuleInfo]) -> String {
        var byRule: [String: Tally] = [:]
        var total = Tally()
        var rows: [String] = []
        for (workbook, golden) in goldens {
            var tally = Tally()
            for line in golden.lines {
                tally.add(line)
                total.add(line)
                byRule[line.rule, default: Tally()].add(line)
            }
            rows.append("| `\(workbook)` | \(tally.errors) | \(tally.warnings) | \(tally.info) | \(tally.findings) | \(tally.right) | \(tally.wrong) | \(tally.unjudged) | \(tally.missed) |")
        }
        var text = """
            # Precision of Cermat's rules on the planning fixtures

            Generated by `scripts/goldens.sh` from the golden findings `fixtures/planning/*.findings.tsv` (a test keeps it
            current). Every finding `cermat lint` makes on the \(goldens.count) planning workbooks is judged there: **right** when an
            inspector would write it down (the note cites the transcription notes), **wrong** when it is a false positive.
            **Missed** lines are real inconsistencies of the transcription notes that Cermat does not report; a missed line
            names the rule that should have reported it, or `-` when no rule covers it.

            Precision = right / (right + wrong). Recall = right / (right + missed), counting the missed lines of the rule.
            The counts add up the workbooks: a table that appears in several of them (the `-teks` variants,
            `e81-tanpa-nomor`, `dua-tabel-satu-sheet`) counts once per workbook. The `.corrected` workbooks hold what a
            careful planner would submit: the tests require that Cermat reports no error and no warning on them.

            ## Summary

            | Findings | Right | Wrong | Unjudged | Precision | Missed | Recall |
            |---|---|---|---|---|---|---|
            | \(total.findings) | \(total.right) | \(total.wrong) | \(total.unjudged) | \(total.precision) | \(total.missed) | \(total.recall) |

            ## Per rule

            | Rule | Catalogue | Severity | Findings | Right | Wrong | Precision | Missed | Recall |
            |---|---|---|---|---|---|---|---|---|

            """
        for rule in rules {
            let tally = byRule[rule.id] ?? Tally()
            text += "| `\(rule.id)` | \(rule.catalogue.joined(separator: ", ")) | \(rule.severity.rawValue) | \(tally.findings) | \(tally.right) | \(tally.wrong) | \(tally.precision) | \(tally.missed) | \(tally.recall) |\n"
        }
        let known = Set(rules.map(\.id))
        for id in byRule.keys.sorted() where !known.contains(id) {
            let tally = byRule[id]!
            let name = id == "-" ? "no rule covers it (`-`)" : "`\(id)`"
            text += "| \(name) | | | \(tally.findings) | \(tally.right) | \(tally.wrong) | \(tally.precision) | \(tally.missed) | \(tally.recall) |\n"
        }
        text += """

            ## Per fixture

            | Workbook | Errors | Warnings | Info | Findings | Right | Wrong | Unjudged | Missed |
            |---|---|---|---|---|---|---|---|---|

            """
        text += rows.joined(separator: "\n") + "\n"
        return text
    }
}
