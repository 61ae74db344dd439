/// Matching program, kegiatan and indicator names that are spelled differently in different tables
/// ("Panganggaran" / "Penganggaran", "Kabupaten/ Kota" / "Kabupaten/Kota", "Permakanaan" / "Permakanan").
public struct NameMatcher: Sendable {
    /// The least similarity (0…1) for two names to be the same.
    public var threshold: Double
    /// Spelling variants replaced before comparing, lower case (`permakanaan` → `permakanan`).
    public var variants: [String: String]

    /// A matcher.
    public init(threshold: Double = 0.9, variants: [String: String] = [:]) {
        self.threshold = threshold
        self.variants = variants
    }

    /// The name reduced to lower-case words of letters and digits, spelling variants replaced, HTML tags dropped.
    public func key(_ name: String) -> String {
        let header = TextKey.header(name)
        if header.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(header) }
        var words: [String] = []
        var current = ""
        for char in header {
            if char.isLetter || char.isNumber {
                current.append(char)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { variants[$0] ?? $0 }.joined(separator: " ")
    }

    // The same over bytes, for the ASCII text nearly every name is (Character's letter test costs a Unicode lookup).
    private func asciiKey(_ header: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(header.utf8.count)
        var start = -1
        func close() {
            guard start >= 0 else { return }
            if !variants.isEmpty, let variant = variants[String(decoding: out[start...], as: UTF8.self)] {
                out.replaceSubrange(start..., with: variant.utf8)
            }
            start = -1
        }
        for byte in header.utf8 {
            if (0x61...0x7A).contains(byte) || Self.isDigit(byte) {
                if start < 0 {
                    if !out.isEmpty { out.append(0x20) }
                    start = out.count
                }
                out.append(byte)
            } else {
                close()
            }
        }
        close()
        return String(decoding: out, as: UTF8.self)
    }

    /// How alike two names are, 0…1: one minus the edit distance between their keys over the longer key's length; 0
    /// when their numbers differ, and possibly 0 for any pair under the threshold.
    public func similarity(_ a: String, _ b: String) -> Double {
        similarity(keys: key(a), key(b))
    }

    /// `similarity(_:_:)` of two keys as `key(_:)` makes them, for a caller that holds them already.
    public func similarity(keys a: String, _ b: String) -> Double {
        if a == b { return 1 }
        // Nearly every key is ASCII, whose bytes are its characters: read where they lie.
        var a = a, b = b
        let (ascii, numbered) = a.withUTF8 { x in
            b.withUTF8 { y in
                (ascii: x.allSatisfy { $0 < 0x80 } && y.allSatisfy { $0 < 0x80 },
                 numbered: x.contains(where: Self.isDigit) || y.contains(where: Self.isDigit))
            }
        }
        // A number names a thing apart ("Ruas 12" and "Ruas 13", "SD Negeri 1" and "SD Negeri 2"), however alike the
        // rest: one edit apart, such names would otherwise all read as one.
        if numbered {
            guard Self.numbers(inKey: a) == Self.numbers(inKey: b) else { return 0 }
        }
        guard ascii else { return similarity(Array(a), Array(b)) }
        return a.withUTF8 { x in b.withUTF8 { y in similarity(x, y) } }
    }

    // One minus the edit distance over the longer length. The distance is that of what lies between the common start
    // and end (names alike share most of both), worked out only near the diagonal: a pair more edits apart than the
    // threshold allows is under it whatever the exact distance, and is given as 0.
    private func similarity<Units: RandomAccessCollection>(_ x: Units, _ y: Units) -> Double
        where Units.Element: Equatable, Units.Index == Int {
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        let longer = Double(max(x.count, y.count))
        // A length difference alone can rule the pair out before the quadratic comparison.
        if 1 - Double(abs(x.count - y.count)) / longer < threshold { return 0 }
        // One edit more than the threshold allows, so that rounding never turns away a pair at the threshold.
        let most = min(Int((longer * max(0, 1 - threshold)).rounded(.down)) + 1, max(x.count, y.count))
        var start = 0, end = 0
        while start < min(x.count, y.count) && x[start] == y[start] { start += 1 }
        while end < min(x.count, y.count) - start && x[x.count - 1 - end] == y[y.count - 1 - end] { end += 1 }
        let n = x.count - start - end, m = y.count - start - end
        let distance = n == 0 || m == 0 ? max(n, m) : banded(n, m, most: most) { x[start + $0] == y[start + $1] }
        return distance > most ? 0 : 1 - Double(distance) / longer
    }

    // The edit distance between sequences of lengths n and m whose elements `same` compares, or most + 1 when it is more.
    private func banded(_ n: Int, _ m: Int, most: Int, same: (Int, Int) -> Bool) -> Int {
        let beyond = most + 1
        var previous = (0...m).map { min($0, beyond) }
        var current = [Int](repeating: beyond, count: m + 1)
        for i in 1...n {
            let low = max(1, i - most), high = min(m, i + most)
            current[0] = min(i, beyond)
            if low > 1 { current[low - 1] = beyond }
            var best = low == 1 ? current[0] : beyond
            if low <= high {
                for j in low...high {
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same(i - 1, j - 1) ? 0 : 1), beyond)
                    best = min(best, current[j])
                }
            }
            if high < m { current[high + 1] = beyond }
            guard best <= most else { return beyond }
            swap(&previous, &current)
        }
        return previous[m]
    }

    /// The words of a key (as `key(_:)` makes it) that hold a digit, in order: two names are alike only if these are equal.
    public static func numbers(inKey key: String) -> [Substring] {
        key.split(separator: " ").filter { word in word.utf8.contains(where: isDigit) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    /// The candidate most like `name` when it is the only one at or above the threshold with that score; a tie between
    /// different candidates is ambiguous and returns `nil`, never a guess.
    public func bestMatch(_ name: String, in candidates: [String]) -> (index: Int, similarity: Double)? {
        var best: (index: Int, similarity: Double)?
        var tied = false
        let wanted = key(name)
        for (index, candidate) in candidates.enumerated() {
            let score = key(candidate) == wanted ? 1 : similarity(name, candidate)
            guard score >= threshold else { continue }
            if best == nil || score > best!.similarity {
                best = (index, score)
                tied = false
            } else if score == best!.similarity, key(candidates[best!.index]) != key(candidate) {
                tied = true
            }
        }
        return tied ? nil : best
    }
}
