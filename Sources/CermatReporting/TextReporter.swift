import CermatRules

/// Findings for people, one compiler-style line each (`file.xlsx:E-81!U12: error[capaian-formula]: …`), grouped by
/// file and sheet, each file closed by a count per rule, and a summary of the whole run.
public struct TextReporter: Sendable {
    /// Whether to colour severities with ANSI escapes (only on a terminal).
    public var color: Bool

    /// A reporter.
    public init(color: Bool = false) {
        self.color = color
    }

    /// The report as text.
    public func render(_ report: LintReport) -> String {
        let words = Words(report.language)
        var out = ""
        let byFile = Dictionary(grouping: report.findings, by: \.file)
        let suppressedByFile = report.showSuppressed ? Dictionary(grouping: report.suppressed, by: \.finding.file) : [:]
        for file in report.files {
            switch file.status {
            case .error(let message):
                out += "\(file.path): \(paint("error", .error)): \(message)\n\n"
            case .ok(let tables, let unrecognised):
                let findings = byFile[file.path] ?? []
                var sheet: String?
                for finding in findings {
                    if let sheet, sheet != finding.sheet { out += "\n" }
                    sheet = finding.sheet
                    out += "\(file.path):\(SheetReference.cell(finding.sheet, finding.cell)): "
                        + "\(paint(finding.severity.rawValue, finding.severity))[\(finding.rule)]: "
                        + finding.message.text(report.language) + "\n"
                }
                for accepted in suppressedByFile[file.path] ?? [] {
                    let finding = accepted.finding
                    out += "\(file.path):\(SheetReference.cell(finding.sheet, finding.cell)): \(words.suppressed)[\(finding.rule)]: "
                        + finding.message.text(report.language) + " (\(words.reason): \(accepted.suppression.reason); "
                        + "\(accepted.suppression.place))\n"
                }
                for sheet in unrecognised {
                    out += "\(file.path):\(SheetReference.name(sheet.sheet)): note: \(words.noTable) (\(sheet.reason))\n"
                }
                out += fileSummary(file.path, tables: tables.count, findings, words)
            }
        }
        return out + runSummary(report, words)
    }

    private func fileSummary(_ path: String, tables: Int, _ findings: [Finding], _ words: Words) -> String {
        var out = (findings.isEmpty ? "" : "\n") + "\(path): \(words.tables(tables)), \(words.findings(findings.count))\n"
        let byRule = Dictionary(grouping: findings, by: \.rule).sorted { $0.key < $1.key }
        let width = byRule.map(\.key.count).max() ?? 0
        for (rule, found) in byRule {
            let counts = Severity.allCases.compactMap { severity -> String? in
                let count = found.count { $0.severity == severity }
                return count == 0 ? nil : words.count(count, severity)
            }
            out += "  " + rule.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + counts.joined(separator: ", ") + "\n"
        }
        return out + "\n"
    }

    private func runSummary(_ report: LintReport, _ words: Words) -> String {
        let summary = report.summary
        let unreadable = report.files.count { $0.failed }
        var line = words.checked(summary.files - unreadable) + ": "
            + [words.count(summary.errors, .error), words.count(summary.warnings, .warning), words.count(summary.info, .info)]
            .joined(separator: ", ")
        if summary.suppressed > 0 { line += "; " + words.suppressedCount(summary.suppressed, listed: report.showSuppressed) }
        if let baseline = report.baseline { line += "; " + words.baseline(baseline) }
        if unreadable > 0 { line += "; " + words.unreadable(unreadable) }
        return line + "\n"
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard color else { return text }
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;34"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// The words of the text report in one language.
    private struct Words {
        let language: Language

        init(_ language: Language) {
            self.language = language
        }

        var noTable: String {
            language == .id ? "tidak ada tabel perencanaan yang dikenali" : "no planning table recognised"
        }

        func tables(_ count: Int) -> String {
            language == .id ? "\(count) tabel" : "\(count) table\(count == 1 ? "" : "s")"
        }

        func findings(_ count: Int) -> String {
            language == .id ? "\(count) temuan" : "\(count) finding\(count == 1 ? "" : "s")"
        }

        func count(_ count: Int, _ severity: Severity) -> String {
            switch (language, severity) {
            case (.id, .error): "\(count) kesalahan"
            case (.id, .warning): "\(count) peringatan"
            case (.id, .info): "\(count) info"
            case (.en, .error): "\(count) error\(count == 1 ? "" : "s")"
            case (.en, .warning): "\(count) warning\(count == 1 ? "" : "s")"
            case (.en, .info): "\(count) info"
            }
        }

        func checked(_ count: Int) -> String {
            language == .id ? "\(count) berkas diperiksa" : "\(count) file\(count == 1 ? "" : "s") checked"
        }

        var suppressed: String { language == .id ? "dikecualikan" : "suppressed" }
        var reason: String { language == .id ? "alasan" : "reason" }
        func suppressedCount(_ count: Int, listed: Bool) -> String {
            let hint = listed ? "" : language == .id ? " (--show-suppressed menampilkannya)" : " (--show-suppressed lists them)"
            return (language == .id ? "\(count) dikecualikan" : "\(count) suppressed") + hint
        }
        func baseline(_ counts: LintReport.BaselineCounts) -> String {
            language == .id
                ? "\(counts.known) temuan lama (ada di baseline) tidak ditampilkan, \(counts.fixed) entri baseline tidak muncul lagi (diperbaiki)"
                : "\(counts.known) known finding\(counts.known == 1 ? "" : "s") (in the baseline) not shown, "
                    + "\(counts.fixed) baseline entr\(counts.fixed == 1 ? "y" : "ies") no longer found (fixed)"
        }
        func unreadable(_ count: Int) -> String {
            language == .id ? "\(count) berkas tidak dapat dibaca"
                : "\(count) file\(count == 1 ? "" : "s") could not be read"
        }
    }
}
