#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The texts a worksheet part spelled out recently, so that a text repeated inline row after row (a unit, a program
/// name, an indicator written by a program that does not use shared strings) becomes one string, not one per cell.
///
/// A direct-mapped cache keyed by the text's bytes: a hit is a byte-for-byte match, so it can only ever give the same
/// string the bytes would have made; a text that needed decoding never matches its own bytes and is simply made anew.
struct RecentStrings {
    private static let slots = 4096
    private var strings: [String?] = []

    /// The string for a text's raw bytes: a recent one with exactly these bytes, else `make()`, remembered.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>?, make: () throws(ReaderError) -> String) throws(ReaderError) -> String {
        // Up to 15 bytes a string is stored inline and costs nothing to make; long texts rarely repeat.
        guard let bytes, bytes.count > 15, bytes.count <= 256 else { return try make() }
        if strings.isEmpty { strings = [String?](repeating: nil, count: Self.slots) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // Folded: FNV's last bytes barely reach its top bits, and texts of one column often differ only at their end.
        let slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & (Self.slots - 1)
        if var known = strings[slot], known.utf8.count == bytes.count,
           known.withUTF8({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
            return known
        }
        let made = try make()
        strings[slot] = made
        return made
    }
}
