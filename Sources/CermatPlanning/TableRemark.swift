import CermatWorkbook

/// Something recognition noticed in a table's header but could not reconcile, with the cell it concerns.
public struct TableRemark: Hashable, Sendable, CustomStringConvertible {
    /// What kind of mismatch it is.
    public enum Kind: String, Hashable, Sendable {
        /// The header fits several forms equally well; the subject lists them, the one used first.
        case ambiguousForm
        /// A column's header names no role Cermat knows; the subject is the header as printed.
        case unknownColumn
        /// A header column with no number in the column-number row and no value in any data row; the subject is its header.
        case headerWithoutData
        /// Values in data rows beyond the header's last column; the subject is the first such value.
        case dataBeyondHeader
        /// A formula of the column-number row that names a column the header does not have; the subject is the formula.
        case unresolvedFormula
    }

    /// What kind of mismatch it is.
    public var kind: Kind
    /// The cell it concerns: a header cell, a data cell, a cell of the column-number row.
    public var cell: CellAddress
    /// The printed text it is about (a header, a formula, a value, the forms).
    public var subject: String
    /// The remark in English, as `cermat inspect` prints it.
    public var description: String

    /// A remark.
    public init(_ kind: Kind, cell: CellAddress, subject: String, description: String) {
        self.kind = kind
        self.cell = cell
        self.subject = subject
        self.description = description
    }
}
