import CermatRules

/// GitHub Actions workflow commands: each finding becomes an annotation on the workbook, titled with rule and cell.
public struct GitHubReporter: Sendable {
    /// A reporter.
    public init() {}

    /// The report as workflow commands, one per line.
    public func render(_ report: LintReport) -> String {
        var out = ""
        for file in report.files {
            if case .error(let message) = file.status {
                out += "::error file=\(Self.property(file.path)),title=cermat::\(Self.data(message))\n"
            }
        }
        for finding in report.findings {
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let title = "\(finding.rule) \(SheetReference.cell(finding.sheet, finding.cell))"
            out += "::\(command) file=\(Self.property(finding.file)),title=\(Self.property(title))::"
                + Self.data(finding.message.text(report.language)) + "\n"
        }
        return out
    }

    // The escaping of GitHub's workflow commands: data escapes %, CR, LF; properties also `:` and `,`.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
