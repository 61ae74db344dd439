/// A workbook-level or sheet-level defined name, e.g. `_xlnm.Print_Titles`.
public struct DefinedName: Hashable, Sendable {
    /// The name.
    public var name: String
    /// What it refers to, as formula text.
    public var value: String
    /// Index of the sheet the name is local to, `nil` for a workbook-level name.
    public var localSheet: Int?
    /// Whether the name is hidden.
    public var hidden: Bool

    /// A defined name.
    public init(name: String, value: String, localSheet: Int? = nil, hidden: Bool = false) {
        self.name = name
        self.value = value
        self.localSheet = localSheet
        self.hidden = hidden
    }
}
