/// A regular expression matched against one normalised header text (lower case, single spaces, no HTML).
public struct HeaderPattern: Sendable, CustomStringConvertible {
    /// The expression as written in the YAML file.
    public let source: String
    private let regex: Regex<AnyRegexOutput>

    /// Compiles a pattern; `file` names where it came from, for the error.
    public init(_ source: String, file: String) throws(KnowledgeError) {
        self.source = source
        do {
            regex = try Regex(source).ignoresCase()
        } catch {
            throw KnowledgeError(file: file, "'\(source)' is not a valid regular expression: \(error)")
        }
    }

    /// Whether the pattern occurs in the text.
    public func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }

    /// Where the pattern first occurs in the text: its offset and length in characters.
    public func firstMatch(in text: String) -> (offset: Int, length: Int)? {
        guard let match = try? regex.firstMatch(in: text) else { return nil }
        return (text.distance(from: text.startIndex, to: match.range.lowerBound),
                text.distance(from: match.range.lowerBound, to: match.range.upperBound))
    }

    /// The pattern as written.
    public var description: String { source }
}

extension Regex: @retroactive @unchecked Sendable {}
