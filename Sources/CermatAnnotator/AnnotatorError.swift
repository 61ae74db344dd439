/// Why an annotated copy could not be written: what failed, with the file, and the sheet and cell when one is involved.
public struct AnnotatorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file being written.
    public var file: String
    /// The sheet being written, if any.
    public var sheet: String?
    /// The cell being written (A1), if any.
    public var cell: String?
    /// What went wrong.
    public var message: String

    /// An error.
    public init(file: String, sheet: String? = nil, cell: String? = nil, _ message: String) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.message = message
    }

    /// `file: sheet 'E-81', cell U12: message`.
    public var description: String {
        var place = file
        if let sheet { place += ": sheet '\(sheet)'" }
        if let cell { place += ", cell \(cell)" }
        return place + ": " + message
    }
}
