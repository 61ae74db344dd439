import CermatRules

/// The output formats of `cermat lint`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines for people, grouped by file and sheet, with a summary.
    case text
    /// The JSON report of DESIGN §4, version 1.
    case json
    /// SARIF 2.1.0, for code-scanning dashboards.
    case sarif
    /// JUnit XML, for CI test reports.
    case junit
    /// GitHub Actions workflow commands (`::error file=…::`), shown as annotations.
    case github

    /// Renders a report in this format.
    public func render(_ report: LintReport, color: Bool = false) -> String {
        switch self {
        case .text: TextReporter(color: color).render(report)
        case .json: JSONReporter().render(report)
        case .sarif: SARIFReporter().render(report)
        case .junit: JUnitReporter().render(report)
        case .github: GitHubReporter().render(report)
        }
    }
}
