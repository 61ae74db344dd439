import CermatRules

/// JUnit XML for CI test reports: one test suite `cermat`, one test case per workbook (named by its path), one
/// `<failure>` in it per finding (typed by severity), and an `<error>` for a workbook that could not be read.
public struct JUnitReporter: Sendable {
    /// A reporter.
    public init() {}

    /// The report as JUnit XML.
    public func render(_ report: LintReport) -> String {
        let language = report.language
        let byFile = Dictionary(grouping: report.findings, by: \.file)
        var cases = ""
        var failed = 0
        for file in report.files {
            let name = Self.escape(file.path)
            switch file.status {
            case .error(let message):
                cases += "    <testcase classname=\"cermat\" name=\"\(name)\">\n"
                    + "      <error message=\"\(Self.escape(message))\"/>\n    </testcase>\n"
            case .ok:
                let findings = byFile[file.path] ?? []
                guard !findings.isEmpty else {
                    cases += "    <testcase classname=\"cermat\" name=\"\(name)\"/>\n"
                    continue
                }
                failed += 1
                cases += "    <testcase classname=\"cermat\" name=\"\(name)\">\n"
                for finding in findings {
                    let reference = SheetReference.cell(finding.sheet, finding.cell)
                    let message = finding.message.text(language)
                    cases += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Self.escape("\(finding.rule) \(reference): \(message)"))\">"
                        + Self.escape("\(file.path):\(reference): \(finding.severity.rawValue)[\(finding.rule)]: \(message)")
                        + "</failure>\n"
                }
                cases += "    </testcase>\n"
            }
        }
        let counts = "tests=\"\(report.files.count)\" failures=\"\(failed)\" errors=\"\(report.files.count { $0.failed })\""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"cermat\" \(counts)>\n"
            + "  <testsuite name=\"cermat\" \(counts)>\n" + cases + "  </testsuite>\n</testsuites>\n"
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
