/// Safety limits applied while reading (DESIGN §6); every one is checked while inflating or parsing, never trusted from the file.
public struct ReadLimits: Sendable, Equatable {
    /// Largest inflated size of one part.
    public var maxPartSize: Int
    /// Largest inflated size of all parts read.
    public var maxTotalSize: Int
    /// Most ZIP entries an archive may hold.
    public var maxEntries: Int
    /// Deepest XML element nesting accepted.
    public var maxXMLDepth: Int

    /// Limits; the defaults are DESIGN §6's.
    public init(maxPartSize: Int = 1 << 30, maxTotalSize: Int = 4 << 30, maxEntries: Int = 10_000, maxXMLDepth: Int = 256) {
        self.maxPartSize = maxPartSize
        self.maxTotalSize = maxTotalSize
        self.maxEntries = maxEntries
        self.maxXMLDepth = maxXMLDepth
    }
}
