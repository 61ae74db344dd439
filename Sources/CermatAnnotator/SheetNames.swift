/// The names the copy's sheets get: the source's own wherever libxlsxwriter 1.1.4 accepts them (at most 31
/// characters, none of `[]:*?/\`, no apostrophe at either end, unique without regard to case), a repaired one where
/// it does not; and a name for the findings sheet that no source sheet already uses.
struct SheetNames {
    /// The written name of each source sheet, in order.
    let written: [String]
    /// The findings sheet's name.
    let findingsSheet: String

    init(_ names: [String], findingsSheet preferred: String) {
        var taken: Set<String> = []
        var written: [String] = []
        for name in names {
            let repaired = Self.unique(Self.repaired(name), avoiding: taken.union([preferred.lowercased()]))
            taken.insert(repaired.lowercased())
            written.append(repaired)
        }
        self.written = written
        findingsSheet = Self.unique(preferred, avoiding: taken)
    }

    private static func repaired(_ name: String) -> String {
        var text = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while text.hasPrefix("'") { text.removeFirst() }
        while text.hasSuffix("'") { text.removeLast() }
        if text.isEmpty { text = "Sheet" }
        return String(text.prefix(31))
    }

    // "Temuan", then "Temuan (2)", "Temuan (3)": cut to fit 31 characters with the suffix.
    private static func unique(_ name: String, avoiding taken: Set<String>) -> String {
        guard taken.contains(name.lowercased()) else { return name }
        var number = 2
        while true {
            let suffix = " (\(number))"
            let candidate = String(name.prefix(31 - suffix.count)) + suffix
            if !taken.contains(candidate.lowercased()) { return candidate }
            number += 1
        }
    }
}
