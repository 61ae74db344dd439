import CermatRules

/// The JSON report of DESIGN §4, version 1: files with their status and tables, findings, summary.
public struct JSONReporter: Sendable {
    /// A reporter.
    public init() {}

    /// The report as a JSON document.
    public func render(_ report: LintReport) -> String {
        let summary = report.summary
        var counts: [(String, JSONValue)] = [("files", .int(summary.files)), ("errors", .int(summary.errors)),
                                             ("warnings", .int(summary.warnings)), ("info", .int(summary.info)),
                                             ("suppressed", .int(summary.suppressed))]
        if let baseline = report.baseline {
            counts += [("baselined", .int(baseline.known)), ("fixed", .int(baseline.fixed))]
        }
        var members: [(String, JSONValue)] = [
            ("version", .int(1)),
            ("tool", .object([("name", .string("cermat")), ("version", .string(CermatVersion.current))])),
            ("files", .array(report.files.map(file))),
            ("findings", .array(report.findings.map { .object(finding($0, report.language)) })),
        ]
        // Only with --show-suppressed: the version 1 contract is kept, this member is added.
        if report.showSuppressed {
            members.append(("suppressed", .array(report.suppressed.map { accepted in
                .object(finding(accepted.finding, report.language) + [("suppression", .object([
                    ("reason", .string(accepted.suppression.reason)),
                    ("source", .string(accepted.suppression.inWorkbook ? "note" : "configuration")),
                    ("place", .string(accepted.suppression.place)),
                ]))])
            })))
        }
        members.append(("summary", .object(counts)))
        return JSONValue.object(members).rendered()
    }

    private func file(_ file: LintReport.File) -> JSONValue {
        switch file.status {
        case .ok(let tables, _):
            return .object([
                ("path", .string(file.path)), ("status", .string("ok")),
                ("tables", .array(tables.map { table in
                    .object([("sheet", .string(table.sheet)), ("range", .string(table.range.a1)), ("form", .optional(table.form))])
                })),
            ])
        case .error(let message):
            return .object([("path", .string(file.path)), ("status", .string("error")), ("error", .string(message))])
        }
    }

    private func finding(_ finding: Finding, _ language: Language) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
            ("file", .string(finding.file)), ("sheet", .string(finding.sheet)), ("cell", .string(finding.cell.a1)),
        ]
        if let range = finding.range { members.append(("range", .string(range.a1))) }
        members.append(("message", .string(finding.message.text(language))))
        if let expected = finding.expected { members.append(("expected", .number(expected))) }
        if let actual = finding.actual { members.append(("actual", .number(actual))) }
        members += [
            ("key", .object([("kode", .optional(finding.key.kode)), ("indicator", .optional(finding.key.indicator))])),
            ("related", .array(finding.related.map { location in
                .object([("file", .string(location.file)), ("sheet", .string(location.sheet)), ("cell", .string(location.cell.a1))])
            })),
            ("fingerprint", .string(finding.fingerprint)),
        ]
        return members
    }
}
