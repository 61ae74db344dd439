/// Why a baseline file could not be used: the file and what is wrong with it.
public struct BaselineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The baseline file.
    public var file: String
    /// What is wrong.
    public var message: String

    /// An error in a baseline file.
    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}
