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
        similarity(Prepared(a), Prepared(b))
    }

    /// A key (as `key(_:)` makes it) read once for comparing with many others: its bytes and its numbers.
    public struct Prepared: Sendable {
        /// The key.
        public let key: String
        // Its bytes, when it is ASCII (nearly every key is, and its bytes are then its characters).
        let bytes: [UInt8]?
        // The words holding a digit (`numbers(inKey:)`).
        let numbers: String

        /// The key, read.
        public init(_ key: String) {
            self.key = key
            let bytes = Array(key.utf8)
            self.bytes = bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
            numbers = NameMatcher.numbers(inKey: key)
        }
    }

    /// `similarity(keys:_:)` of two read keys: a key compared with thousands (a table of names a few letters apart) is
    /// read once, not once per comparison.
    public func similarity(_ a: Prepared, _ b: Prepared) -> Double {
        if a.key == b.key { return 1 }
        // A number names a thing apart ("Ruas 12" and "Ruas 13", "SD Negeri 1" and "SD Negeri 2"), however alike the
        // rest: one edit apart, such names would otherwise all read as one.
        guard a.numbers == b.numbers else { return 0 }
        guard let x = a.bytes, let y = b.bytes else { return similarity(Array(a.key), Array(b.key)) }
        return x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in similarity(ascii: x, y) } }
    }

    /// `similarity(keys:_:)` of two ASCII keys given as their bytes, whose numbers the caller has found equal.
    func similarity(ascii x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Double {
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        // What differs between two names is mostly a word or two: up to 64 bytes, its distance is worked out a column
        // of the table at a time, in the bits of one word, rather than cell by cell.
        return similarity(x, y) { x, y, most in
            x.count <= 64 ? Self.distance(pattern: x, y) : y.count <= 64 ? Self.distance(pattern: y, x) : banded(x, y, most: most)
        }
    }

    // One minus the edit distance over the longer length. The distance is that of what lies between the common start
    // and end (names alike share most of both), worked out only near the diagonal: a pair more edits apart than the
    // threshold allows is under it whatever the exact distance, and is given as 0.
    private func similarity<Units: RandomAccessCollection>(_ x: Units, _ y: Units) -> Double
        where Units.Element: Equatable, Units.Index == Int {
        similarity(x, y) { x, y, most in banded(x, y, most: most) }
    }

    // `similarity(_:_:)` with the distance of the parts that differ, or any number above `most` when it is more, given by
    // `distance`.
    private func similarity<Units: RandomAccessCollection>(_ x: Units, _ y: Units,
                                                            distance: (Units.SubSequence, Units.SubSequence, _ most: Int) -> Int)
        -> Double where Units.Element: Equatable, Units.Index == Int {
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
        let distance = n == 0 || m == 0 ? max(n, m) : distance(x[start..<(start + n)], y[start..<(start + m)], most)
        return distance > most ? 0 : 1 - Double(distance) / longer
    }

    // The edit distance between two sequences, or most + 1 when it is more.
    private func banded<Units: RandomAccessCollection>(_ x: Units, _ y: Units, most: Int) -> Int
        where Units.Element: Equatable, Units.Index == Int {
        let n = x.count, m = y.count, beyond = most + 1
        // Two rows of the table in one buffer on the stack: a name is compared with thousands of others.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 1)) { buffer in
            var previous = buffer.baseAddress!, current = previous + (m + 1)
            for j in 0...m { previous[j] = min(j, beyond) }
            for j in 0...m { current[j] = beyond }
            for i in 1...n {
                let low = max(1, i - most), high = min(m, i + most)
                current[0] = min(i, beyond)
                if low > 1 { current[low - 1] = beyond }
                var best = low == 1 ? current[0] : beyond
                if low <= high {
                    for j in low...high {
                        let change = x[x.startIndex + i - 1] == y[y.startIndex + j - 1] ? 0 : 1
                        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + change, beyond)
                        best = min(best, current[j])
                    }
                }
                if high < m { current[high + 1] = beyond }
                guard best <= most else { return beyond }
                swap(&previous, &current)
            }
            return previous[m]
        }
    }

    // The edit distance between two byte strings, the first at most 64 long: Myers' bit-vector algorithm (in Hyyrö's
    // form), each bit of a word one byte of `pattern`.
    private static func distance(pattern: Slice<UnsafeBufferPointer<UInt8>>, _ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        let m = pattern.count
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 256) { peq in
            peq.initialize(repeating: 0)
            for (offset, byte) in pattern.enumerated() { peq[Int(byte)] |= 1 << UInt64(offset) }
            var plus: UInt64 = m == 64 ? ~0 : (1 << UInt64(m)) - 1, minus: UInt64 = 0, score = m
            let last: UInt64 = 1 << UInt64(m - 1)
            for byte in text {
                let equal = peq[Int(byte)]
                let xv = equal | minus
                let xh = (((equal & plus) &+ plus) ^ plus) | equal
                var horizontalPlus = minus | ~(xh | plus)
                let horizontalMinus = plus & xh
                if horizontalPlus & last != 0 { score += 1 } else if horizontalMinus & last != 0 { score -= 1 }
                horizontalPlus = horizontalPlus << 1 | 1
                plus = horizontalMinus << 1 | ~(xv | horizontalPlus)
                minus = horizontalPlus & xv
            }
            return score
        }
    }

    /// The words of a key (as `key(_:)` makes it) that hold a digit, in order, joined by a space (empty when there are
    /// none): two names are alike only if these are equal.
    public static func numbers(inKey key: String) -> String {
        guard key.utf8.contains(where: isDigit) else { return "" }
        return key.split(separator: " ").filter { word in word.utf8.contains(where: isDigit) }.joined(separator: " ")
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
