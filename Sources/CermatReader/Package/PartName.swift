/// Part names inside an OPC package: resolving relationship targets and locating relationship parts.
enum PartName {
    /// The part a relationship target names, seen from `source` (`""` for the package root); relative or absolute.
    static func resolve(_ target: String, from source: String) throws(ReaderError) -> String {
        let decoded = percentDecoded(target)
        var segments: [Substring] = []
        if !decoded.hasPrefix("/") {
            segments = source.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        }
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { throw ReaderError(.relationshipOutsidePackage(target), part: source) }
                segments.removeLast()
            default:
                segments.append(segment)
            }
        }
        guard !segments.isEmpty else { throw ReaderError(.relationshipOutsidePackage(target), part: source) }
        return segments.joined(separator: "/")
    }

    /// The relationship part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `""` → `_rels/.rels`.
    static func relationships(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
