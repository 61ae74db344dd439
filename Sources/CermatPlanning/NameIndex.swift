/// Name keys (as `NameMatcher.key(_:)` makes them) filed so that the ones that may be at least `threshold` alike to a
/// given key are found without comparing it with every key filed: a table of thousands of names each a letter or two
/// from the next ("Rehabilitasi Jalan Desa Sukamaju", "… Sukamulyo") must not cost a comparison per pair.
///
/// The filter of Pass-Join (Li, Deng, Wang and Feng, VLDB 2011): a key of length L is cut into τ + 1 segments, τ the
/// most edits a key of similar length may be from it; a key within τ edits holds one of those segments unchanged, at
/// most τ places from where it was. `candidates(of:)` gives every filed key that `NameMatcher.similarity` could rate at
/// or above the threshold, and some that it will not; `scores(of:_:including:)` compares those.
public struct NameIndex: Sendable {
    /// The least similarity (0…1) the candidates are looked for at.
    public let threshold: Double
    // Segment (with its key's length, position and numbers) → the keys filed under it (by their place in `keys`). Keyed
    // by a hash: two segments sharing one only add candidates, which the comparison turns away.
    private var segments: [UInt64: [Int]] = [:]
    // The lengths filed under each key's numbers, to look only where keys are: a numbered name ("Ruas 12") is mostly the
    // only one with its numbers, and then is looked up nowhere.
    private var lengths: [UInt64: Set<Int>] = [:]
    // Keys too short to cut into τ + 1 segments (only at a low threshold): candidates of every key.
    private var unsegmented: [Int] = []
    // Every key filed, in order, and the bytes of the ASCII ones one after the other: a name compared with thousands of
    // others reads them from a few arrays rather than from an object of its own each.
    private var keys: [Filed] = []
    private var bytes: [UInt8] = []

    private struct Filed {
        var id: Int
        // The key.
        var text: String
        // Where its bytes lie in `bytes`; a count of -1 for a key that is not ASCII, compared as characters.
        var start: Int32
        var count: Int32
        // Its numbers (`NameMatcher.numbers(inKey:)`).
        var numbers: String
    }

    /// An empty index for `threshold`.
    public init(threshold: Double) {
        self.threshold = threshold
    }

    /// Files `key` under `id`.
    public mutating func insert(_ key: String, id: Int) {
        let units = Self.units(key)
        let numberText = NameMatcher.numbers(inKey: key), numbers = Self.hash(numberText)
        let length = units.count
        let ascii = key.utf8.allSatisfy { $0 < 0x80 }
        let filed = keys.count
        keys.append(Filed(id: id, text: key, start: Int32(bytes.count), count: ascii ? Int32(key.utf8.count) : -1,
                          numbers: numberText))
        if ascii { bytes += key.utf8 }
        let cuts = edits(length) + 1
        guard cuts <= length else {
            unsegmented.append(filed)
            return
        }
        lengths[numbers, default: []].insert(length)
        for (index, piece) in Self.pieces(length, cuts).enumerated() {
            let hash = Self.hash(units[piece], length: length, index: index, numbers: numbers)
            segments[hash, default: []].append(filed)
        }
    }

    /// Each id filed under a key `matcher` rates at least `threshold` alike to `key`, with the best such rating, ascending
    /// by id; only ids that `including` accepts are compared. Thousands of candidates are compared on every core.
    public func scores(of key: NameMatcher.Prepared, _ matcher: NameMatcher, including: (Int) -> Bool) -> [(id: Int, score: Double)] {
        let found = candidates(of: key).filter { including(keys[$0].id) }
        @Sendable func score(_ filed: Int) -> Double {
            let other = keys[filed]
            guard other.numbers == key.numbers else { return 0 }
            guard let mine = key.bytes, other.count >= 0 else { return matcher.similarity(key, NameMatcher.Prepared(other.text)) }
            return bytes.withUnsafeBufferPointer { all in
                mine.withUnsafeBufferPointer { mine in
                    matcher.similarity(ascii: mine, UnsafeBufferPointer(rebasing: all[Int(other.start)..<Int(other.start + other.count)]))
                }
            }
        }
        let rated = found.count >= 512 ? Parallel.map(found.count) { score(found[$0]) } : found.map(score)
        var best: [(id: Int, score: Double)] = []
        for (filed, score) in zip(found, rated) where score >= threshold {
            best.append((keys[filed].id, score))
        }
        return Self.best(best)
    }

    /// Each id of `scores` once, with its best score, ascending by id.
    public static func best(_ scores: [(id: Int, score: Double)]) -> [(id: Int, score: Double)] {
        var best = scores
        best.sort { $0.id != $1.id ? $0.id < $1.id : $0.score > $1.score }
        keepFirst(&best) { $0.id == $1.id }
        return best
    }

    /// The keys filed (by their place in `keys`) that may be at least `threshold` alike to `key`, each once, ascending.
    func candidates(of key: NameMatcher.Prepared) -> [Int] {
        let units = Self.units(key.key)
        let numbers = Self.hash(key.numbers)
        let length = units.count
        var found = unsegmented
        // The lengths a key alike enough may have: its length differs by at most (1 − threshold) × the longer one's.
        let shortest = Double(length) * threshold, longest = Double(length) / threshold
        for filed in lengths[numbers] ?? []
        where Double(filed) >= shortest.rounded(.down) && Double(filed) <= longest.rounded(.up) {
            let most = edits(filed)
            let difference = length - filed
            guard abs(difference) <= most else { continue }
            // With at most `most` edits of which the insertions outnumber the deletions by `difference`, a segment moves
            // left by at most (most − difference) / 2 places and right by at most (most + difference) / 2.
            let left = (most - difference) / 2, right = (most + difference) / 2
            for (index, piece) in Self.pieces(filed, most + 1).enumerated() {
                let width = piece.count
                let first = max(0, piece.lowerBound - left), last = min(length - width, piece.lowerBound + right)
                guard first <= last else { continue }
                for start in first...last {
                    let hash = Self.hash(units[start..<(start + width)], length: filed, index: index, numbers: numbers)
                    found += segments[hash] ?? []
                }
            }
        }
        // Sorted and then each kept once: a key alike to thousands is found under most of its segments, and hashing
        // every find into a set cost more than sorting them.
        found.sort()
        Self.keepFirst(&found, ==)
        return found
    }

    // Keeps the first of each run of elements `same` pairs.
    private static func keepFirst<Element>(_ sorted: inout [Element], _ same: (Element, Element) -> Bool) {
        var kept = 0
        for element in sorted where kept == 0 || !same(sorted[kept - 1], element) {
            sorted[kept] = element
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
    }

    // The most edits a key of `length` may be from a key at least `threshold` alike to it: their longer length is at
    // most length / threshold, and similarity allows (1 − threshold) of it.
    private func edits(_ length: Int) -> Int {
        let most = (Double(length) * (1 - threshold) / threshold + 1e-9).rounded(.down)
        return threshold > 0 && most < Double(length) ? max(0, Int(most)) : length
    }

    // `length` cut into `count` segments, the longer ones last.
    private static func pieces(_ length: Int, _ count: Int) -> [Range<Int>] {
        let short = length / count, longer = length % count
        var start = 0
        return (0..<count).map { index in
            let width = short + (index >= count - longer ? 1 : 0)
            defer { start += width }
            return start..<(start + width)
        }
    }

    // A key's characters as numbers, the units `NameMatcher.similarity` counts edits in: a character of one scalar is
    // that scalar; one of several hashes above the scalars (two such sharing a number only add candidates).
    private static func units(_ key: String) -> [UInt32] {
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return key.utf8.map(UInt32.init) }
        return key.map { character in
            let scalars = character.unicodeScalars
            if scalars.count == 1 { return scalars.first!.value }
            var hasher = Hasher()
            hasher.combine(character)
            return 0x11_0000 | UInt32(truncatingIfNeeded: hasher.finalize() & 0x7FFF_FFFF)
        }
    }

    // A key's numbers (which two alike keys share, and segments are filed under too), by FNV-1a.
    private static func hash(_ numbers: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in numbers.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    // FNV-1a over the segment, its key's length, its place among the segments and the key's numbers.
    private static func hash(_ segment: ArraySlice<UInt32>, length: Int, index: Int, numbers: UInt64) -> UInt64 {
        var hash = (numbers ^ UInt64(truncatingIfNeeded: length << 16 | index)) &* 0x100_0000_01b3
        for value in segment { hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3 }
        return hash
    }
}
