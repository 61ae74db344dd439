/// Why the `rules/` folder (or a configuration overlaying it) could not be loaded: the file and what is wrong in it.
public struct KnowledgeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The YAML file.
    public var file: String
    /// What is wrong, in words a person can act on.
    public var message: String

    /// An error in a file.
    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}
