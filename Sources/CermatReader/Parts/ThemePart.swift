/// `xl/theme/theme1.xml`: the twelve theme colours that `theme="n"` colours refer to.
enum ThemePart {
    /// The colours of `a:clrScheme` in document order (dk1, lt1, dk2, lt2, accent1…6, hlink, folHlink).
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, part: String, maxDepth: Int) throws(ReaderError) -> [UInt32] {
        var colors: [UInt32] = []
        do {
            var scanner = XMLScanner(buffer, part: part, maxDepth: maxDepth)
            var schemeDepth: Int?
            while true {
                let event = try scanner.next()
                if event == .endOfDocument { break }
                if event == .endElement, let depth = schemeDepth, scanner.depth < depth {
                    schemeDepth = nil
                    continue
                }
                guard event == .startElement else { continue }
                if scanner.isElement("clrScheme") {
                    schemeDepth = scanner.depth
                } else if schemeDepth != nil, scanner.isElement("srgbClr") || scanner.isElement("sysClr") {
                    let value = try scanner.stringAttribute(scanner.isElement("srgbClr") ? "val" : "lastClr")
                    colors.append(value.flatMap { UInt32($0, radix: 16) } ?? 0)
                }
            }
        }
        return colors
    }
}
