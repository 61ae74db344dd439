import CermatPlanning

/// Stable identities of findings: built from the file name, the sheet, the rule, the row's key and the column's role,
/// never from the A1 address, so that a finding keeps its fingerprint when rows are inserted above it (DESIGN §4).
public enum Fingerprint {
    /// A fingerprint for every finding, in order; findings that share all their parts are told apart by an ordinal.
    public static func assign(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let base = parts(finding)
            let ordinal = seen[base, default: 0]
            seen[base] = ordinal + 1
            return hex(fnv1a(base + "\u{1F}" + String(ordinal)))
        }
    }

    private static func parts(_ finding: Finding) -> String {
        let file = finding.file.split(separator: "/").last.map(String.init) ?? finding.file
        let key = finding.key.kode ?? finding.key.indicator.map(normalized) ?? "(no key)"
        let column = finding.column?.description ?? "(no column)"
        return [file, finding.sheet, finding.rule, key, column].joined(separator: "\u{1F}")
    }

    private static func normalized(_ text: String) -> String {
        TextKey.header(text)
    }

    // FNV-1a, 64 bits: small, deterministic across runs and machines (Swift's Hasher is seeded per process).
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
