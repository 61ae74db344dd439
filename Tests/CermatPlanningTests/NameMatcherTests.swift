@testable import CermatPlanning
import Testing

/// Name similarity as the checks across documents use it: spelling variants alike, numbered names apart, the banded edit
/// distance equal to the full one wherever it decides, and the name index missing no key a comparison would accept.
@Suite struct NameMatcherTests {
    // The full edit distance, the definition the banded one must agree with.
    private static func reference(_ a: String, _ b: String, threshold: Double) -> Double {
        let x = Array(a), y = Array(b)
        if x == y { return 1 }
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return 1 - Double(previous[y.count]) / Double(max(x.count, y.count))
    }

    // A seeded generator, so that every run tests the same names.
    private struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    // Names of one family, each a few letters from others: syllables, a word of two, an accent, an abbreviation.
    private static func names(_ count: Int, seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        func next(_ bound: Int) -> Int { generator.next(bound) }
        let heads = ["rehabilitasi jalan desa", "pembangunan jembatan dusun", "penyediaan makanan panti", "pemeliharaan gedung"]
        let syllables = ["ka", "ma", "ju", "su", "ri", "to", "la", "né", "wa", "di", "po", "se"]
        return (0..<count).map { _ in
            let word = (0..<(2 + next(3))).map { _ in syllables[next(syllables.count)] }.joined()
            let tail = next(4) == 0 ? " \(next(3) + 1)" : next(3) == 0 ? " kab" : ""
            return heads[next(heads.count)] + " " + word + tail
        }
    }

    @Test func spellingVariantsAreAlikeAndNumberedNamesApart() {
        let matcher = NameMatcher(variants: ["permakanaan": "permakanan"])
        #expect(matcher.similarity("Penyediaan Permakanaan", "penyediaan  permakanan.") == 1)
        #expect(matcher.similarity("Penatausahaan Arsip Dinamis pada SKPD", "Penatausahaan Arsip Dinamis pd SKPD") >= 0.9)
        // One edit apart, but other roads and schools.
        #expect(matcher.similarity("Rehabilitasi Jalan Ruas 12", "Rehabilitasi Jalan Ruas 13") == 0)
        #expect(matcher.similarity("Rehabilitasi Gedung SD Negeri 1", "Rehabilitasi Gedung SD Negeri 2") == 0)
        #expect(matcher.similarity("Rehabilitasi Gedung SD Negeri 1", "Rehabilitasi Gedung SD Negri 1") >= 0.9)
    }

    @Test(arguments: [0.9, 0.75, 0.5])
    func theBandedDistanceDecidesAsTheFullOne(threshold: Double) {
        let matcher = NameMatcher(threshold: threshold)
        let names = Self.names(120, seed: 7).map(matcher.key)
        var alike = 0
        for a in names {
            for b in names where NameMatcher.numbers(inKey: a) == NameMatcher.numbers(inKey: b) {
                let expected = Self.reference(a, b, threshold: threshold)
                let found = matcher.similarity(keys: a, b)
                // At or above the threshold the value itself is used (to rank rivals); under it only that it is under.
                if expected >= threshold {
                    #expect(found == expected, "\(a) / \(b)")
                    alike += 1
                } else {
                    #expect(found < threshold, "\(a) / \(b)")
                }
            }
        }
        #expect(alike > names.count, "the names must include alike pairs besides each with itself")
    }

    // Each key with one to three letters inserted, dropped or changed anywhere, so that the rest shifts either way.
    private static func misspelt(_ keys: [String], seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        func next(_ bound: Int) -> Int { generator.next(bound) }
        let letters = Array("aeiouknrst")
        return keys.map { key in
            var characters = Array(key)
            for _ in 0..<(1 + next(3)) {
                let at = next(characters.count)
                switch next(3) {
                case 0: characters.insert(letters[next(letters.count)], at: at)
                case 1 where characters.count > 1: characters.remove(at: at)
                default: characters[at] = letters[next(letters.count)]
                }
            }
            return String(characters)
        }
    }

    @Test(arguments: [0.95, 0.9, 0.75, 0.5, 0.0])
    func theIndexMissesNoKeyAComparisonAccepts(threshold: Double) {
        let matcher = NameMatcher(threshold: threshold)
        let keys = Self.names(300, seed: 11).map(matcher.key)
        var index = NameIndex(threshold: threshold)
        for (id, key) in keys.enumerated() { index.insert(key, id: id) }
        var narrowed = 0
        let queries = Self.names(50, seed: 12).map(matcher.key) + Self.misspelt(Array(keys.prefix(50)), seed: 13)
        for query in queries {
            let candidates = Set(index.candidates(of: NameMatcher.Prepared(query)))
            let accepted = keys.indices.filter { matcher.similarity(keys: query, keys[$0]) >= threshold }
            #expect(accepted.allSatisfy(candidates.contains), "\(query)")
            // What the index rates is what a comparison of the two keys rates, for every key it accepts.
            let scores = index.scores(of: NameMatcher.Prepared(query), matcher) { _ in true }
            #expect(scores.map(\.id) == accepted, "\(query)")
            #expect(scores.allSatisfy { $0.score == matcher.similarity(keys: query, keys[$0.id]) }, "\(query)")
            if candidates.count < keys.count { narrowed += 1 }
        }
        // At a useful threshold the index must also leave most keys out, or it would be no index.
        if threshold >= 0.75 { #expect(narrowed == queries.count) }
    }
}
