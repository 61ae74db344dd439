/// Text normalisation shared by header matching and by matching names across tables.
public enum TextKey {
    /// The text without leading and trailing whitespace.
    public static func trimmed(_ text: some StringProtocol) -> String {
        trimmed(String(text))
    }

    /// The text without leading and trailing whitespace: a string as it is, not made again from itself (every cell's
    /// text read passes here).
    public static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        // Nothing to trim at either end, when both end bytes are ASCII and not whitespace (the common case), read in
        // place.
        let untouched = utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first < 0x80 && last < 0x80 && !isASCIIWhitespace(first) && !isASCIIWhitespace(last)
        }
        if untouched == true { return text }
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var start = utf8.startIndex, end = utf8.endIndex
            while start < end, isASCIIWhitespace(utf8[start]) { start = utf8.index(after: start) }
            while end > start, isASCIIWhitespace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
            return String(decoding: utf8[start..<end], as: UTF8.self)
        }
        let characters = Array(text)
        var start = 0, end = characters.count
        while start < end, characters[start].isWhitespace { start += 1 }
        while end > start, characters[end - 1].isWhitespace { end -= 1 }
        return String(characters[start..<end])
    }

    /// The words of a text split at its spaces (`split(separator: " ", maxSplits:)`), over its bytes when it is ASCII, as
    /// nearly every text is: splitting by characters walks grapheme clusters, and a large table splits every row's text.
    public static func words(_ text: String, maxSplits: Int = .max) -> [Substring] {
        text.utf8.allSatisfy { $0 < 0x80 }
            ? text.utf8.split(separator: UInt8(ascii: " "), maxSplits: maxSplits).map { Substring($0) }
            : text.split(separator: " ", maxSplits: maxSplits)
    }

    /// Lower case, HTML tags removed, every run of whitespace one space: the form header patterns are matched against.
    public static func header(_ text: some StringProtocol) -> String {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // Written straight into the string's own storage: every row's indicator passes here, and a list of bytes
            // made first and copied into a string cost two allocations.
            return String(unsafeUninitializedCapacity: utf8.count) { out in
                var count = 0
                var inTag = false
                var lastSpace = true
                for byte in utf8 {
                    if byte == UInt8(ascii: "<") { inTag = true; continue }
                    if byte == UInt8(ascii: ">") && inTag { inTag = false; continue }
                    if inTag { continue }
                    if isASCIIWhitespace(byte) {
                        if !lastSpace {
                            out[count] = 0x20
                            count += 1
                        }
                        lastSpace = true
                    } else {
                        out[count] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                        count += 1
                        lastSpace = false
                    }
                }
                if count > 0 && out[count - 1] == 0x20 { count -= 1 }
                return count
            }
        }
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

    // Space, tab, line feed, vertical tab, form feed, carriage return: what Character.isWhitespace says of ASCII.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Whether `text` contains `word`, comparing bytes (Foundation's `contains` goes through NSString: slow per row).
    public static func contains(_ text: String, _ word: String) -> Bool {
        var text = text, word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                var start = 0
                while start + needle.count <= haystack.count {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
