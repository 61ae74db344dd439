/// Why a ZIP archive could not be written: the archive's path and libzip's reason.
public struct ZipWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The archive being written.
    public var path: String
    /// libzip's explanation.
    public var reason: String

    /// An error for the archive at `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// One line naming the archive.
    public var description: String { "\(path): cannot write the ZIP archive: \(reason)" }
}
