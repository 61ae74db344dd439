/// SpreadsheetML's `_xHHHH_` escapes (ECMA-376 §22.9.2.19), used for characters XML cannot carry in strings.
enum OOXMLEscapes {
    /// The text with every `_xHHHH_` replaced by its UTF-16 code unit (surrogate pairs joined); `_x005F_` is a literal `_`.
    static func unescape(_ text: String) -> String {
        var text = text
        // Almost no string holds an escape; look for "_x" with memchr-speed scanning before doing anything else.
        let hasEscape = text.withUTF8 { bytes -> Bool in
            var index = 0
            while index + 1 < bytes.count {
                if bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x") { return true }
                index += 1
            }
            return false
        }
        guard hasEscape else { return text }
        let bytes = Array(text.utf8)
        var units: [UInt16] = []
        var out = ""
        var index = 0
        var copied = 0
        func flushUnits() {
            if !units.isEmpty {
                out += String(decoding: units, as: UTF16.self)
                units.removeAll()
            }
        }
        while index + 7 <= bytes.count {
            if bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_"),
               let unit = hex4(bytes, index + 2) {
                if units.isEmpty {
                    out += String(decoding: bytes[copied..<index], as: UTF8.self)
                }
                units.append(unit)
                index += 7
                copied = index
                // Consecutive escapes may form a surrogate pair; keep collecting.
                if !(index + 7 <= bytes.count && bytes[index] == UInt8(ascii: "_") && bytes[index + 1] == UInt8(ascii: "x")
                     && bytes[index + 6] == UInt8(ascii: "_") && hex4(bytes, index + 2) != nil) {
                    flushUnits()
                }
                continue
            }
            index += 1
        }
        guard copied > 0 else { return text }
        out += String(decoding: bytes[copied...], as: UTF8.self)
        return out
    }

    private static func hex4(_ bytes: [UInt8], _ start: Int) -> UInt16? {
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[start + offset]
            let digit: UInt16
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt16(byte - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt16(byte - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt16(byte - 0x41 + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
