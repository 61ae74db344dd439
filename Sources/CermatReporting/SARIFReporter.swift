import CermatRules
import CermatWorkbook
import Foundation

/// SARIF 2.1.0 (DESIGN §4): one run, the rule list as `tool.driver.rules`, one result per finding with the workbook as
/// artifact, the row as `region.startLine`, the cell as a logical location, and the fingerprint as a partial fingerprint.
public struct SARIFReporter: Sendable {
    /// A reporter.
    public init() {}

    /// The report as a SARIF log.
    public func render(_ report: LintReport) -> String {
        let language = report.language
        let ruleIndex = Dictionary(report.rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let notifications: [JSONValue] = report.files.compactMap { file in
            guard case .error(let message) = file.status else { return nil }
            return .object([
                ("level", .string("error")), ("message", .object([("text", .string(message))])),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(file.path))]))])])),
            ])
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("cermat")), ("version", .string(CermatVersion.current)),
                ("semanticVersion", .string(CermatVersion.current)),
                ("rules", .array(report.rules.map { rule($0, language) })),
            ]))])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(notifications.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("results", .array(report.findings.map { .object(result($0, ruleIndex[$0.rule], language)) }
                + (report.showSuppressed ? report.suppressed.map { suppressed($0, ruleIndex, language) } : []))),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).rendered()
    }

    private func rule(_ info: RuleInfo, _ language: Language) -> JSONValue {
        .object([
            ("id", .string(info.id)),
            ("name", .string(info.id)),
            ("shortDescription", .object([("text", .string(info.name.text(language)))])),
            ("fullDescription", .object([("text", .string(info.description.text(language)))])),
            ("help", .object([("text", .string(info.rationale.text(language)))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(info.severity)))])),
            ("properties", .object([("tags", .array(info.catalogue.map(JSONValue.string)))])),
        ])
    }

    // A suppressed finding, with `--show-suppressed`: SARIF's own suppression, which viewers show as dismissed.
    private func suppressed(_ accepted: Suppressions.Suppressed, _ ruleIndex: [String: Int], _ language: Language) -> JSONValue {
        .object(result(accepted.finding, ruleIndex[accepted.finding.rule], language) + [
            ("suppressions", .array([.object([
                ("kind", .string(accepted.suppression.inWorkbook ? "inSource" : "external")),
                ("status", .string("accepted")),
                ("justification", .string(accepted.suppression.reason)),
            ])])),
        ])
    }

    private func result(_ finding: Finding, _ index: Int?, _ language: Language) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("ruleId", .string(finding.rule))]
        if let index { members.append(("ruleIndex", .int(index))) }
        members += [
            ("level", .string(Self.level(finding.severity))),
            ("message", .object([("text", .string(finding.message.text(language)))])),
            ("locations", .array([location(finding.file, finding.sheet, finding.cell, id: nil)])),
            ("partialFingerprints", .object([("cermat/v1", .string(finding.fingerprint))])),
        ]
        if !finding.related.isEmpty {
            members.append(("relatedLocations", .array(finding.related.enumerated().map { index, related in
                location(related.file, related.sheet, related.cell, id: index + 1)
            })))
        }
        return members
    }

    private func location(_ file: String, _ sheet: String, _ cell: CellAddress, id: Int?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let id { members.append(("id", .int(id))) }
        members += [
            ("physicalLocation", .object([
                ("artifactLocation", artifact(file)),
                ("region", .object([("startLine", .int(cell.row + 1))])),
            ])),
            ("logicalLocations", .array([.object([
                ("fullyQualifiedName", .string(SheetReference.cell(sheet, cell, alwaysQuote: true))),
                ("kind", .string("cell")),
            ])])),
        ]
        return .object(members)
    }

    private func artifact(_ path: String) -> JSONValue {
        .object([("uri", .string(path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path))])
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
