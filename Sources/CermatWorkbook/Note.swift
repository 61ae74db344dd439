/// A legacy comment ("Note" in current Excel) attached to a cell.
public struct Note: Hashable, Sendable {
    /// The cell the note belongs to.
    public var address: CellAddress
    /// Author name, if the workbook records one.
    public var author: String?
    /// The note's plain text.
    public var text: String

    /// A note.
    public init(address: CellAddress, author: String?, text: String) {
        self.address = address
        self.author = author
        self.text = text
    }
}
