import CermatPlanning

/// How to recognise one kind of column from its header: patterns matched, in order, against the column's header path.
///
/// The header path is the texts above the column, outermost group first (`Realisasi Kinerja Pada Triwulan` › `II` ›
/// `Rp`). A rule matches when each of its patterns matches a later element of the path than the one before it.
public struct ColumnRule: Sendable {
    /// The patterns, outermost first.
    public var when: [HeaderPattern]
    /// The column's printed number, when the rule also (or only) matches on the column-number row.
    public var number: String?
    /// What a matching column means.
    public var descriptor: ColumnDescriptor

    /// A rule.
    public init(when: [HeaderPattern], number: String?, descriptor: ColumnDescriptor) {
        self.when = when
        self.number = number
        self.descriptor = descriptor
    }

    /// Whether the rule matches a column with this header path and printed number.
    public func matches(path: [String], number printed: String?) -> Bool {
        if let number, number != printed { return false }
        var position = 0
        for pattern in when {
            guard let found = path[position...].firstIndex(where: { pattern.matches($0) }) else { return false }
            position = found + 1
        }
        return true
    }
}
