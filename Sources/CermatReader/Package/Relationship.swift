/// One `<Relationship>` of a `.rels` part, with its target already resolved to a part name.
struct Relationship {
    let id: String
    /// The relationship type URI.
    let type: String
    /// The target part name, resolved; `nil` for an external target (a hyperlink to a web page).
    let target: String?

    /// Whether the type URI ends with `/kind` (transitional and strict OOXML differ only in the prefix).
    func isKind(_ kind: String) -> Bool {
        type.hasSuffix("/" + kind)
    }

    /// Parses a `.rels` part; targets are resolved against `source`, the part the relationships belong to.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, part: String, source: String, maxDepth: Int) throws(ReaderError) -> [Relationship] {
        var result: [Relationship] = []
        do {
            var scanner = XMLScanner(buffer, part: part, maxDepth: maxDepth)
            while true {
                let event = try scanner.next()
                if event == .endOfDocument { break }
                guard event == .startElement, scanner.isElement("Relationship") else { continue }
                guard let id = try scanner.stringAttribute("Id"), let type = try scanner.stringAttribute("Type"),
                      let target = try scanner.stringAttribute("Target") else {
                    throw ReaderError(.invalidContent("a <Relationship> lacks Id, Type or Target"), part: part,
                                      offset: scanner.position)
                }
                let external = try scanner.stringAttribute("TargetMode") == "External"
                result.append(Relationship(id: id, type: type,
                                           target: external ? nil : try PartName.resolve(target, from: source)))
            }
        }
        return result
    }
}
