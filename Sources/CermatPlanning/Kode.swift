/// A program/kegiatan/sub-kegiatan code in the Permendagri 90/2019 grammar: `U.BB.PP.K.KK.SS` (DOMAIN §2.0).
public struct Kode: Hashable, Sendable, CustomStringConvertible {
    /// The code as written.
    public let text: String
    /// The code with its parts normalised for matching across tables: `01.06.07` and `1.06.07` are the same program.
    public let normalized: String
    /// The level the code denotes: 3 segments a program, 5 a kegiatan, 6 a sub-kegiatan; a code missing its urusan and
    /// bidang prefix (`01.2.06.0010`) is read from its tail. `nil` when the shape fits none.
    public let level: RowLevel?

    /// Parses a code; `nil` when the text is not dot-separated digits.
    public init?(_ text: String) {
        var trimmed = TextKey.trimmed(text)
        // One pass over the bytes in place (a kode is ASCII digits and dots, and this runs on every row of every table),
        // keeping only what the level and the normalised form read: how many segments, the first one's end, and the
        // lengths of the second and fourth.
        let scanned = trimmed.withUTF8 { bytes -> (segments: Int, firstDot: Int, secondIsTwo: Bool, fourthLength: Int)? in
            var segments = 0, length = 0, secondIsTwo = false, fourthLength = 0, firstDot = -1
            for offset in bytes.indices {
                let byte = bytes[offset]
                if byte == UInt8(ascii: ".") {
                    guard length > 0 else { return nil }
                    if segments == 0 { firstDot = offset }
                    if segments == 3 { fourthLength = length }
                    segments += 1
                    length = 0
                } else if byte &- UInt8(ascii: "0") < 10 {
                    // The second segment is "2" when its only digit is.
                    if segments == 1 { secondIsTwo = length == 0 && byte == UInt8(ascii: "2") }
                    length += 1
                } else {
                    return nil
                }
            }
            guard length > 0, firstDot >= 0 else { return nil }
            if segments == 3 { fourthLength = length }
            return (segments + 1, firstDot, secondIsTwo, fourthLength)
        }
        guard let (segments, firstDot, secondIsTwo, fourthLength) = scanned else { return nil }
        self.text = trimmed
        switch segments {
        case 3: level = .program
        case 5: level = fourthLength == 1 ? .kegiatan : nil
        case 6: level = .subKegiatan
        case 4 where secondIsTwo: level = .subKegiatan
        default: level = nil
        }
        // Most codes are already normal: only a leading zero of the urusan changes them (and a number past Int, read as 0).
        if trimmed.utf8.first == UInt8(ascii: "0") || firstDot > 18 {
            let dot = trimmed.utf8.index(trimmed.utf8.startIndex, offsetBy: firstDot)
            normalized = String(Int(trimmed[..<dot]) ?? 0) + trimmed[dot...]
        } else {
            normalized = trimmed
        }
    }

    /// The codes of the rows this code belongs to, nearest first, normalised: `01.06.01.2.06.02` → `1.06.01.2.06`, `1.06.01`.
    public var normalizedAncestors: [String] {
        Self.ancestors(ofNormalized: normalized)
    }

    /// The ancestors (`normalizedAncestors`) of a code already normalised, without parsing it again.
    public static func ancestors(ofNormalized normalized: String) -> [String] {
        var ancestors: [String] = []
        var next = parent(ofNormalized: normalized)
        while let kode = next {
            ancestors.append(kode)
            next = parent(ofNormalized: kode)
        }
        return ancestors
    }

    /// The nearest ancestor of a code already normalised (`1.06.01.2.06.02` → `1.06.01.2.06` → `1.06.01`), if any.
    public static func parent(ofNormalized normalized: String) -> String? {
        segmentsAndParent(ofNormalized: normalized).parent
    }

    /// How many dot-separated segments a code already normalised has (`1.06.01` has 3), and its nearest ancestor
    /// (`parent(ofNormalized:)`), both from one pass over its bytes in place: recognition and the kode reading ask both
    /// of every row of a large table.
    public static func segmentsAndParent(ofNormalized normalized: String) -> (segments: Int, parent: String?) {
        var normalized = normalized
        return normalized.withUTF8 { bytes -> (segments: Int, parent: String?) in
            var dots = 0, third = 0, fifth = 0
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: ".") {
                dots += 1
                if dots == 3 { third = offset } else if dots == 5 { fifth = offset }
            }
            switch dots {
            case 5: return (6, String(decoding: UnsafeBufferPointer(rebasing: bytes[..<fifth]), as: UTF8.self))
            case 4: return (5, String(decoding: UnsafeBufferPointer(rebasing: bytes[..<third]), as: UTF8.self))
            default: return (dots + 1, nil)
            }
        }
    }

    /// The code as written.
    public var description: String { text }
}
