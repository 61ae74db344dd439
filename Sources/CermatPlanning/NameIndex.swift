/// Name keys (as `NameMatcher.key(_:)` makes them) filed so that the ones that may be at least `threshold` alike to a
/// given key are found without comparing it with every key filed: a table of thousands of names each a letter or two
/// from the next ("Rehabilitasi Jalan Desa Sukamaju", "… Sukamulyo") must not cost a comparison per pair.
///
/// The filter of Pass-Join (Li, Deng, Wang and Feng, VLDB 2011): a key of length L is cut into τ + 1 segments, τ the
/// most edits a key of similar length may be from it; a key within τ edits holds one of those segments unchanged, at
/// most τ places from where it was. `candidates(of:)` gives every filed key that `NameMatcher.similarity` could rate at
/// or above the threshold, and some that it will not; its caller compares those.
public struct NameIndex: Sendable {
    /// The least similarity (0…1) the candidates are looked for at.
    public let threshold: Double
    // Segment (with its key's length, position and numbers) → the ids filed under it. Keyed by a hash: two segments
    // sharing one only add candidates, which the caller's comparison turns away.
    private var segments: [UInt64: [Int]] = [:]
    // The lengths filed under each key's numbers, to look only where keys are: a numbered name ("Ruas 12") is mostly the
    // only one with its numbers, and then is looked up nowhere.
    private var lengths: [UInt64: Set<Int>] = [:]
    // Keys too short to cut into τ + 1 segments (only at a low threshold): candidates of every key.
    private var unsegmented: [Int] = []

    /// An empty index for `threshold`.
    public init(threshold: Double) {
        self.threshold = threshold
    }

    /// Files `key` under `id`.
    public mutating func insert(_ key: String, id: Int) {
        let units = Self.units(key)
        let numbers = Self.numbersHash(key)
        let length = units.count
        let cuts = edits(length) + 1
        guard cuts <= length else {
            unsegmented.append(id)
            return
        }
        lengths[numbers, default: []].insert(length)
        for (index, piece) in Self.pieces(length, cuts).enumerated() {
            let hash = Self.hash(units[piece], length: length, index: index, numbers: numbers)
            if segments[hash]?.last != id { segments[hash, default: []].append(id) }
        }
    }

    /// The ids filed under keys that may be at least `threshold` alike to `key`, each once, in the order first found.
    public func candidates(of key: String) -> [Int] {
        let units = Self.units(key)
        let numbers = Self.numbersHash(key)
        let length = units.count
        var found = unsegmented
        var seen = Set(found)
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
                    for id in segments[hash] ?? [] where seen.insert(id).inserted { found.append(id) }
                }
            }
        }
        return found
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

    // The key's numbers, which two alike keys share (`NameMatcher.similarity`): segments are filed under them too.
    private static func numbersHash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in NameMatcher.numbers(inKey: key) {
            for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x20) &* 0x100_0000_01b3
        }
        return hash
    }

    // FNV-1a over the segment, its key's length, its place among the segments and the key's numbers.
    private static func hash(_ segment: ArraySlice<UInt32>, length: Int, index: Int, numbers: UInt64) -> UInt64 {
        var hash = (numbers ^ UInt64(truncatingIfNeeded: length << 16 | index)) &* 0x100_0000_01b3
        for value in segment { hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3 }
        return hash
    }
}
