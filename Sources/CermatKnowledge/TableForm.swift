import CermatPlanning

/// A table form of `rules/forms/`: how to recognise it, what its columns mean, which columns are derived.
public struct TableForm: Sendable {
    /// Keywords that identify the form in a table's header, title and column-number row (lower case, substrings).
    public struct Signature: Sendable {
        /// Every one must occur.
        public var all: [String]
        /// At least `minimumAny` of these must occur (each adds to the score).
        public var any: [String]
        /// None may occur.
        public var none: [String]
        /// How many of `any` are needed.
        public var minimumAny: Int
    }

    /// A derived column, stated over column descriptors: `capaian/%/tahun = realisasi/K/tahun / target/K/tahun * 100`.
    public struct DerivedRule: Sendable {
        /// The derived column.
        public var target: ColumnDescriptor
        /// The columns the expression reads; `ColumnExpression.column(i)` refers to `operands[i]`.
        public var operands: [ColumnDescriptor]
        /// How the target is computed.
        public var expression: ColumnExpression
        /// The rule as written.
        public var text: String
    }

    /// The form's id, e.g. `e81`.
    public var id: String
    /// Its name, as planners call it.
    public var name: String
    /// The kind of document the table belongs to: `renstra`, `renja`, `renja-perubahan`, `pk`, `iku`, `dpa`, `lkjip`.
    public var document: String
    /// How to recognise it.
    public var signature: Signature
    /// Its columns, most specific first.
    public var columns: [ColumnRule]
    /// Its derived columns.
    public var derived: [DerivedRule]
    /// Whether year columns before the period its title names are the baseline (realisasi) and the rest targets.
    public var baselineYears: Bool
}
