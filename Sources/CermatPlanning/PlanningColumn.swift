/// One column of a recognised table.
public struct PlanningColumn: Hashable, Sendable {
    /// Zero-based sheet column.
    public var index: Int
    /// The column's number as the table's column-number row prints it (`13` for every sub-column of group 13).
    public var number: String?
    /// The header texts above the column, outermost group first (merged group labels included).
    public var header: [String]
    /// What the column means.
    public var descriptor: ColumnDescriptor

    /// A column.
    public init(index: Int, number: String?, header: [String], descriptor: ColumnDescriptor) {
        self.index = index
        self.number = number
        self.header = header
        self.descriptor = descriptor
    }
}
