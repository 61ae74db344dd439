/// `[Content_Types].xml`: the content type of each part, by override or by extension.
struct ContentTypes {
    private var defaults: [String: String] = [:]
    private var overrides: [String: String] = [:]

    /// The content type of a part name (without leading `/`), if declared.
    func type(of part: String) -> String? {
        if let type = overrides[part.lowercased()] { return type }
        guard let dot = part.lastIndex(of: ".") else { return nil }
        return defaults[part[part.index(after: dot)...].lowercased()]
    }

    /// Parses the content-types part.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, part: String, maxDepth: Int) throws(ReaderError) -> ContentTypes {
        var result = ContentTypes()
        do {
            var scanner = XMLScanner(buffer, part: part, maxDepth: maxDepth)
            while true {
                let event = try scanner.next()
                if event == .endOfDocument { break }
                guard event == .startElement else { continue }
                if scanner.isElement("Default"), let ext = try scanner.stringAttribute("Extension"),
                   let type = try scanner.stringAttribute("ContentType") {
                    result.defaults[ext.lowercased()] = type
                } else if scanner.isElement("Override"), let name = try scanner.stringAttribute("PartName"),
                          let type = try scanner.stringAttribute("ContentType") {
                    result.overrides[String(name.drop { $0 == "/" }).lowercased()] = type
                }
            }
        }
        return result
    }
}
