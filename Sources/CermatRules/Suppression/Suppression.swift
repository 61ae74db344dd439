import CermatWorkbook

/// A finding a person has accepted, and why: from a cell note in the workbook or from `suppress:` in `.cermat.yml`.
public struct Suppression: Hashable, Sendable {
    /// Where the acceptance is written.
    public enum Origin: Hashable, Sendable {
        /// A note on the cell (`cermat: abaikan …`): the workbook carries it to its reviewer.
        case note(file: String, sheet: String, cell: CellAddress)
        /// An entry of a configuration file (`suppress[2]` of `.cermat.yml`).
        case configuration(file: String, place: String)
    }

    /// The rule whose findings are accepted.
    public var rule: String
    /// Why.
    public var reason: String
    /// Where it is written.
    public var origin: Origin

    /// A suppression.
    public init(rule: String, reason: String, origin: Origin) {
        self.rule = rule
        self.reason = reason
        self.origin = origin
    }

    /// `note`, or `configuration` (the SARIF suppression kinds are `inSource` and `external`).
    public var inWorkbook: Bool {
        if case .note = origin { return true }
        return false
    }

    /// Where it is written, for people: `E-81!U12` (a note) or `.cermat.yml suppress[2]`.
    public var place: String {
        switch origin {
        case .note(_, let sheet, let cell): return "\(sheet)!\(cell.a1)"
        case .configuration(let file, let place): return "\(file) \(place)"
        }
    }
}
