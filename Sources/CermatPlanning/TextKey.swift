/// Text normalisation shared by header matching and by matching names across tables.
public enum TextKey {
    /// The text without leading and trailing whitespace.
    public static func trimmed(_ text: some StringProtocol) -> String {
        let characters = Array(text)
        var start = 0, end = characters.count
        while start < end, characters[start].isWhitespace { start += 1 }
        while end > start, characters[end - 1].isWhitespace { end -= 1 }
        return String(characters[start..<end])
    }

    /// Lower case, HTML tags removed, every run of whitespace one space: the form header patterns are matched against.
    public static func header(_ text: some StringProtocol) -> String {
        var out = ""
        var inTag = false
        var lastSpace = true
        for char in text.lowercased() {
            if char == "<" { inTag = true; continue }
            if char == ">" && inTag { inTag = false; continue }
            if inTag { continue }
            if char.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(char)
                lastSpace = false
            }
        }
        return trimmed(out)
    }
}
