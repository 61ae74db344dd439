import CermatWorkbook

/// `xl/sharedStrings.xml`: the string table cells of type `s` index into, with rich-text runs where a string has them.
struct SharedStringsPart {
    /// The plain text of each entry.
    var strings: [String] = []
    /// Runs of the entries that are rich text, by entry index.
    var runs: [Int: [RichTextRun]] = [:]

    /// Parses the shared-strings part; `uniqueCount` is ignored (never trusted for allocation).
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, part: String, maxDepth: Int) throws(ReaderError) -> SharedStringsPart {
        var result = SharedStringsPart()
        do {
            var scanner = XMLScanner(buffer, part: part, maxDepth: maxDepth)
            while true {
                let event = try scanner.next()
                if event == .endOfDocument { break }
                guard event == .startElement, scanner.isElement("si") else { continue }
                let (text, runs) = try RichText.read(&scanner)
                if let runs { result.runs[result.strings.count] = runs }
                result.strings.append(text)
            }
        }
        return result
    }
}

/// Reads a string item (`<si>`, `<is>`, a comment's `<text>`): plain `<t>` or runs `<r><rPr/><t/></r>`, phonetic runs skipped.
enum RichText {
    /// After the item's start tag: its text and, when it has runs, the runs; consumes the item's end tag.
    static func read(_ scanner: inout XMLScanner) throws(ReaderError) -> (String, [RichTextRun]?) {
        if scanner.isEmptyElement {
            _ = try scanner.next()
            return ("", nil)
        }
        let itemDepth = scanner.depth - 1
        var text = ""
        var runs: [RichTextRun] = []
        var sawRun = false
        while true {
            let event = try scanner.next()
            if event == .endElement && scanner.depth == itemDepth { break }
            if event == .endOfDocument { throw scanner.error("the document ends inside a string item") }
            guard event == .startElement else { continue }
            if scanner.isElement("t") {
                text += OOXMLEscapes.unescape(try scanner.readText())
            } else if scanner.isElement("r") {
                sawRun = true
                let run = try readRun(&scanner)
                text += run.text
                runs.append(run)
            } else {
                // rPh (phonetic runs), phoneticPr and unknown extensions carry no cell text.
                try scanner.skipElement()
            }
        }
        return (text, sawRun ? runs : nil)
    }

    private static func readRun(_ scanner: inout XMLScanner) throws(ReaderError) -> RichTextRun {
        if scanner.isEmptyElement {
            _ = try scanner.next()
            return RichTextRun(text: "", font: nil)
        }
        let runDepth = scanner.depth - 1
        var text = ""
        var font: Font?
        while true {
            let event = try scanner.next()
            if event == .endElement && scanner.depth == runDepth { break }
            if event == .endOfDocument { throw scanner.error("the document ends inside a run") }
            guard event == .startElement else { continue }
            if scanner.isElement("t") {
                text += OOXMLEscapes.unescape(try scanner.readText())
            } else if scanner.isElement("rPr") {
                font = try StylesPart.readFont(&scanner)
            } else {
                try scanner.skipElement()
            }
        }
        return RichTextRun(text: text, font: font)
    }
}
