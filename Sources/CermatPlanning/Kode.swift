/// A program/kegiatan/sub-kegiatan code in the Permendagri 90/2019 grammar: `U.BB.PP.K.KK.SS` (DOMAIN §2.0).
public struct Kode: Hashable, Sendable, CustomStringConvertible {
    /// The code as written.
    public let text: String
    /// The dot-separated segments.
    public let segments: [String]
    /// The code with its parts normalised for matching across tables: `01.06.07` and `1.06.07` are the same program.
    public let normalized: String

    /// Parses a code; `nil` when the text is not dot-separated digits.
    public init?(_ text: String) {
        let trimmed = TextKey.trimmed(text)
        // Bytes, not Characters: a kode is ASCII digits and dots, and this runs on every row of every table.
        var segments: [String] = []
        // Room for a sub-kegiatan's six segments at once: grown one by one, the list was reallocated three times a row.
        segments.reserveCapacity(6)
        var start = trimmed.utf8.startIndex
        for index in trimmed.utf8.indices {
            let byte = trimmed.utf8[index]
            if byte == UInt8(ascii: ".") {
                guard index > start else { return nil }
                segments.append(String(trimmed[start..<index]))
                start = trimmed.utf8.index(after: index)
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return nil
            }
        }
        guard start < trimmed.utf8.endIndex else { return nil }
        segments.append(String(trimmed[start...]))
        guard segments.count >= 2 else { return nil }
        self.text = trimmed
        self.segments = segments
        // Most codes are already normal: only a leading zero of the urusan changes them (and a number past Int, read as 0).
        if segments[0].first == "0" || segments[0].utf8.count > 18 {
            normalized = ([String(Int(segments[0]) ?? 0)] + segments.dropFirst()).joined(separator: ".")
        } else {
            normalized = trimmed
        }
    }

    /// The level the code denotes: 3 segments a program, 5 a kegiatan, 6 a sub-kegiatan; a code missing its urusan and
    /// bidang prefix (`01.2.06.0010`) is read from its tail. `nil` when the shape fits none.
    public var level: RowLevel? {
        switch segments.count {
        case 3: return .program
        case 5: return segments[3] == "2" || segments[3].count == 1 ? .kegiatan : nil
        case 6: return .subKegiatan
        case 4 where segments[1] == "2": return .subKegiatan
        default: return nil
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
        let utf8 = normalized.utf8
        var dots = 0, third: String.Index?, fifth: String.Index?
        for index in utf8.indices where utf8[index] == UInt8(ascii: ".") {
            dots += 1
            if dots == 3 { third = index } else if dots == 5 { fifth = index } else if dots > 5 { return nil }
        }
        switch dots {
        case 5: return fifth.map { String(normalized[..<$0]) }
        case 4: return third.map { String(normalized[..<$0]) }
        default: return nil
        }
    }

    /// The code as written.
    public var description: String { text }
}
