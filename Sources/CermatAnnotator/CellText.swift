/// Strings as libxlsxwriter 1.1.4 can take them: it reads C strings (a NUL would cut the text), refuses more than
/// 32 767 bytes, and writes text such as `_x000D_` as is, which readers then decode as a carriage return.
enum CellText {
    /// The longest string libxlsxwriter accepts, in bytes (LXW_STR_MAX).
    static let maximumBytes = 32_767

    /// The text ready for libxlsxwriter, and whether it had to be shortened.
    static func prepared(_ text: String) -> (text: String, shortened: Bool) {
        var result = text.contains("\0") ? text.replacingOccurrences(of: "\0", with: "") : text
        // A literal "_xHHHH_" is escaped as "_x005F_xHHHH_" (ECMA-376 §22.9.2.19) so that it reads back as written.
        if result.contains("_x") { result = escapeLiteralEscapes(result) }
        guard result.utf8.count > maximumBytes else { return (result, false) }
        var cut = ""
        var bytes = 0
        for character in result {
            let size = character.utf8.count
            if bytes + size > maximumBytes { break }
            cut.append(character)
            bytes += size
        }
        return (cut, true)
    }

    private static func escapeLiteralEscapes(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        var index = 0
        while index < characters.count {
            if index + 6 < characters.count, characters[index] == "_", characters[index + 1] == "x",
               characters[(index + 2)...(index + 5)].allSatisfy(\.isHexDigit), characters[index + 6] == "_" {
                out += "_x005F"
            }
            out.append(characters[index])
            index += 1
        }
        return out
    }
}
