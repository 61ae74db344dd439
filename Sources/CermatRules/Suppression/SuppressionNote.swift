/// A line of a cell note that accepts a finding on its cell: `cermat: abaikan <rule-id> — <alasan>` or
/// `cermat: ignore <rule-id> — <reason>`, with `-`, `–`, `—` or `:` between rule and reason.
///
/// Any line of the note may hold it, because Excel starts a note with its author's name on a line of its own. Several
/// rules may be named, separated by commas.
public struct SuppressionNote: Hashable, Sendable {
    /// The rule ids named, lowercased.
    public var rules: [String]
    /// Why the finding is accepted; empty when the note gives none.
    public var reason: String
    /// The directive line as written.
    public var line: String

    /// The directives in a note's text (none when no line begins with `cermat:`).
    public static func parse(_ text: String) -> [SuppressionNote] {
        text.split(whereSeparator: \.isNewline).compactMap { parse(line: $0.trimmingCharacters(in: .whitespaces)) }
    }

    private static let verbs = ["abaikan", "ignore"]
    private static let separators: Set<Character> = ["-", "–", "—", ":"]

    private static func parse(line: String) -> SuppressionNote? {
        guard line.lowercased().hasPrefix("cermat:") else { return nil }
        var rest = Substring(line.dropFirst("cermat:".count)).drop { $0.isWhitespace }
        // An unknown verb names no rule, which the invalid-suppression rule reports.
        guard let verb = verbs.first(where: { rest.lowercased().hasPrefix($0) }),
              rest.dropFirst(verb.count).first?.isWhitespace ?? true else {
            return SuppressionNote(rules: [], reason: "", line: line)
        }
        rest = rest.dropFirst(verb.count).drop { $0.isWhitespace }
        var rules: [String] = []
        while let first = rest.first, first.isLetter || first.isNumber {
            // A rule id is kebab-case: a hyphen belongs to it only when a letter or digit follows directly.
            var end = rest.startIndex
            while end < rest.endIndex {
                let character = rest[end]
                if character.isLetter || character.isNumber {
                    end = rest.index(after: end)
                } else if character == "-", let next = rest[rest.index(after: end)...].first, next.isLetter || next.isNumber {
                    end = rest.index(after: end)
                } else {
                    break
                }
            }
            rules.append(rest[..<end].lowercased())
            rest = rest[end...].drop { $0.isWhitespace }
            guard rest.first == "," else { break }
            rest = rest.dropFirst().drop { $0.isWhitespace }
        }
        if let first = rest.first, separators.contains(first) { rest = rest.dropFirst() }
        return SuppressionNote(rules: rules, reason: rest.trimmingCharacters(in: .whitespaces), line: line)
    }
}
