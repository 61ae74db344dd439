import CermatRules

/// JUnit XML for CI test reports: one test suite per workbook, one failing test case per finding (named by rule and
/// cell), a passing case for a clean workbook, and an erroring case for a workbook that could not be read.
public struct JUnitReporter: Sendable {
    /// A reporter.
    public init() {}

    /// The report as JUnit XML.
    public func render(_ report: LintReport) -> String {
        let language = report.language
        let byFile = Dictionary(grouping: report.findings, by: \.file)
        var suites = ""
        for file in report.files {
            let name = Self.escape(file.path)
            switch file.status {
            case .error(let message):
                suites += "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
                    + "    <testcase classname=\"\(name)\" name=\"read\">\n"
                    + "      <error message=\"\(Self.escape(message))\"/>\n    </testcase>\n  </testsuite>\n"
            case .ok:
                let findings = byFile[file.path] ?? []
                suites += "  <testsuite name=\"\(name)\" tests=\"\(max(findings.count, 1))\" failures=\"\(findings.count)\" errors=\"0\">\n"
                if findings.isEmpty { suites += "    <testcase classname=\"\(name)\" name=\"cermat\"/>\n" }
                for finding in findings {
                    let reference = SheetReference.cell(finding.sheet, finding.cell)
                    let message = finding.message.text(language)
                    suites += "    <testcase classname=\"\(name)\" name=\"\(Self.escape("\(finding.rule) \(reference)"))\">\n"
                        + "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Self.escape(message))\">"
                        + Self.escape("\(file.path):\(reference): \(finding.severity.rawValue)[\(finding.rule)]: \(message)")
                        + "</failure>\n    </testcase>\n"
                }
                suites += "  </testsuite>\n"
            }
        }
        let summary = report.summary
        let unreadable = report.files.count { $0.failed }
        let total = report.files.reduce(0) { count, file in
            count + (file.failed ? 1 : max(byFile[file.path]?.count ?? 0, 1))
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"cermat\" tests=\"\(total)\" failures=\"\(summary.errors + summary.warnings + summary.info)\" errors=\"\(unreadable)\">\n"
            + suites + "</testsuites>\n"
    }

    // Attribute and text escaping; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(scalar.value);"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
