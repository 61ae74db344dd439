import CermatWorkbook

/// `xl/commentsN.xml`: legacy comments (notes) of one worksheet.
enum CommentsPart {
    /// The notes, in the order the part lists them.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, part: String, maxDepth: Int) throws(ReaderError) -> [Note] {
        var authors: [String] = []
        var notes: [Note] = []
        do {
            var scanner = XMLScanner(buffer, part: part, maxDepth: maxDepth)
            var reference: CellAddress?
            var authorID: Int?
            while true {
                let event = try scanner.next()
                if event == .endOfDocument { break }
                guard event == .startElement else { continue }
                if scanner.isElement("author") {
                    authors.append(try scanner.readText())
                } else if scanner.isElement("comment") {
                    let ref = try scanner.stringAttribute("ref") ?? ""
                    guard let address = CellRange(a1: ref)?.first else {
                        throw ReaderError(.invalidContent("a comment refers to '\(ref)', not a cell"), part: part,
                                          offset: scanner.position)
                    }
                    reference = address
                    authorID = try scanner.intAttribute("authorId")
                } else if scanner.isElement("text"), let address = reference {
                    let (text, _) = try RichText.read(&scanner)
                    let author = authorID.flatMap { authors.indices.contains($0) ? authors[$0] : nil }
                    notes.append(Note(address: address, author: author, text: text))
                    reference = nil
                }
            }
        }
        return notes
    }
}
