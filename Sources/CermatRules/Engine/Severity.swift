/// How serious a finding is.
public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    /// An identity is violated (arithmetic, a duplicate kode): the workbook is wrong.
    case error
    /// Probably wrong; a person should look.
    case warning
    /// Worth knowing.
    case info

    /// Errors first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
