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
            if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
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

    /// How alike two names are, 0…1: one minus the edit distance between their keys over the longer key's length.
    public func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(key(a)), y = Array(key(b))
        if x == y { return 1 }
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        // A length difference alone can rule the pair out before the quadratic comparison.
        let longer = Double(max(x.count, y.count))
        if 1 - Double(abs(x.count - y.count)) / longer < threshold { return 0 }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return 1 - Double(previous[y.count]) / longer
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
