/// What recognition found in one workbook: its tables, and for each sheet with data but no table, why.
public struct PlanningDocument: Sendable {
    /// A sheet that holds data Cermat could not read as a table.
    public struct UnrecognisedSheet: Hashable, Sendable {
        /// The sheet's name.
        public var sheet: String
        /// Why, in words a person can act on.
        public var reason: String

        /// An unrecognised sheet.
        public init(sheet: String, reason: String) {
            self.sheet = sheet
            self.reason = reason
        }
    }

    /// The workbook file, as the caller named it.
    public var source: String
    /// The tables, in sheet order and top to bottom.
    public var tables: [PlanningTable]
    /// Sheets with content but no recognised table.
    public var unrecognised: [UnrecognisedSheet]

    /// A document.
    public init(source: String, tables: [PlanningTable], unrecognised: [UnrecognisedSheet]) {
        self.source = source
        self.tables = tables
        self.unrecognised = unrecognised
    }
}
