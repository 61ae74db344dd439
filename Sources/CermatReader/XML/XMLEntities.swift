/// The five predefined XML entities and numeric character references.
enum XMLEntities {
    /// The character a reference names, given the bytes between `&` and `;`; `nil` when unknown or not an XML character.
    static func resolve(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt32? {
        let length = end - start
        guard length >= 2 else { return nil }
        if base[start] == UInt8(ascii: "#") {
            var value: UInt32 = 0
            var index = start + 1
            let hex = index < end && base[index] == UInt8(ascii: "x")
            if hex { index += 1 }
            guard index < end, end - index <= 8 else { return nil }
            while index < end {
                let byte = base[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - 0x61 + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - 0x41 + 10)
                default: return nil
                }
                value = value * (hex ? 16 : 10) + digit
                index += 1
            }
            return isXMLCharacter(value) ? value : nil
        }
        switch length {
        case 2:
            if base[start] == UInt8(ascii: "l"), base[start + 1] == UInt8(ascii: "t") { return 0x3C }
            if base[start] == UInt8(ascii: "g"), base[start + 1] == UInt8(ascii: "t") { return 0x3E }
        case 3:
            if base[start] == UInt8(ascii: "a"), base[start + 1] == UInt8(ascii: "m"), base[start + 2] == UInt8(ascii: "p") {
                return 0x26
            }
        case 4:
            if base[start] == UInt8(ascii: "q"), base[start + 1] == UInt8(ascii: "u"), base[start + 2] == UInt8(ascii: "o"),
               base[start + 3] == UInt8(ascii: "t") { return 0x22 }
            if base[start] == UInt8(ascii: "a"), base[start + 1] == UInt8(ascii: "p"), base[start + 2] == UInt8(ascii: "o"),
               base[start + 3] == UInt8(ascii: "s") { return 0x27 }
        default:
            break
        }
        return nil
    }

    /// XML 1.0 `Char`: tab, newline, carriage return, and the non-surrogate, non-special code points.
    static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF)
            || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)
    }

    /// Appends a code point as UTF-8.
    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case ..<0x80:
            out.append(UInt8(value))
        case ..<0x800:
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        case ..<0x10000:
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (value >> 18)))
            out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
