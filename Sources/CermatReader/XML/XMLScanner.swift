#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CermatWorkbook

/// A pull scanner over the bytes of one XML part: a flat loop of start, end and text events, strict about well-formedness.
///
/// It never builds a tree and never copies the document; names and values are slices of the buffer, decoded only when a
/// part parser asks. Namespace prefixes are ignored (SpreadsheetML parts are matched by local name), `<!DOCTYPE` is rejected,
/// and any malformation is an error naming the part and the byte offset. The buffer must outlive the scanner.
struct XMLScanner {
    /// What `next()` found.
    enum Event: Equatable {
        /// A start tag; `isEmptyElement` tells whether `/>` closed it (an `endElement` follows at once).
        case startElement
        /// An end tag, or the implied end of an empty element.
        case endElement
        /// Character data or a CDATA section inside an element.
        case text
        /// The end of the document, after the root element closed.
        case endOfDocument
    }

    /// One attribute of the current start tag, as offsets into the buffer.
    struct Attribute {
        let nameStart: Int
        let localStart: Int
        let nameEnd: Int
        let valueStart: Int
        let valueEnd: Int
        let needsDecoding: Bool
    }

    let part: String
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let maxDepth: Int
    private(set) var position: Int

    // The current element name (start or end event).
    private var nameStart = 0
    private var localStart = 0
    private var nameEnd = 0
    private(set) var isEmptyElement = false
    private(set) var attributes: [Attribute] = []

    // The current text event.
    private var textStart = 0
    private var textEnd = 0
    private var textNeedsDecoding = false
    private var textIsCDATA = false

    private var stack: [(start: Int, end: Int)] = []
    private var pendingEnd = false
    private var rootClosed = false

    /// A scanner over `buffer`, which must stay valid while the scanner is used.
    init(_ buffer: UnsafeBufferPointer<UInt8>, part: String, maxDepth: Int = 256) {
        self.part = part
        // An empty buffer has no base address; point at a static byte so that `count == 0` is all that matters.
        self.base = buffer.baseAddress ?? UnsafePointer(XMLScanner.emptyByte)
        self.count = buffer.count
        self.maxDepth = maxDepth
        var start = 0
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { start = 3 }
        self.position = start
        attributes.reserveCapacity(8)
        stack.reserveCapacity(16)
    }

    // Never written: it only gives an empty buffer a valid address.
    nonisolated(unsafe) private static let emptyByte: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    /// How deep the current position is: 1 inside the root element.
    var depth: Int { stack.count }

    // MARK: - Events

    /// Advances to the next start tag, end tag or text; comments and processing instructions are skipped.
    mutating func next() throws(ReaderError) -> Event {
        if pendingEnd {
            pendingEnd = false
            isEmptyElement = false
            popElement()
            return .endElement
        }
        while true {
            guard position < count else {
                if let open = stack.last {
                    throw error("the document ends before </\(string(open.start, open.end))> closes it")
                }
                if !rootClosed { throw error("the document has no root element") }
                return .endOfDocument
            }
            if base[position] != UInt8(ascii: "<") {
                if try scanText() { return .text }
                continue
            }
            guard position + 1 < count else { throw error("the document ends inside a tag") }
            switch base[position + 1] {
            case UInt8(ascii: "/"):
                try scanEndTag()
                return .endElement
            case UInt8(ascii: "?"):
                try skipProcessingInstruction()
            case UInt8(ascii: "!"):
                if matches("<!--") {
                    try skipComment()
                } else if matches("<![CDATA[") {
                    try scanCDATA()
                    return .text
                } else if matches("<!DOCTYPE") {
                    throw ReaderError(.doctypeForbidden, part: part, offset: position)
                } else {
                    throw error("unexpected markup '<!'")
                }
            default:
                try scanStartTag()
                return .startElement
            }
        }
    }

    // MARK: - Current element

    /// Whether the current element's local name (after any prefix) is `name`.
    func isElement(_ name: StaticString) -> Bool {
        equal(localStart, nameEnd, name)
    }

    /// The current element's local name, decoded.
    var elementName: String { string(localStart, nameEnd) }

    /// The attribute with this local name, if the current start tag has it.
    func attribute(_ name: StaticString) -> Attribute? {
        for attribute in attributes where equal(attribute.localStart, attribute.nameEnd, name) {
            return attribute
        }
        return nil
    }

    /// The value of an attribute, entity-decoded and whitespace-normalised as XML requires.
    func value(of attribute: Attribute) throws(ReaderError) -> String {
        attribute.needsDecoding
            ? try decode(attribute.valueStart, attribute.valueEnd, isAttribute: true)
            : try validUTF8(attribute.valueStart, attribute.valueEnd)
    }

    /// The value of the attribute with this local name, if present.
    func stringAttribute(_ name: StaticString) throws(ReaderError) -> String? {
        guard let attribute = attribute(name) else { return nil }
        return try value(of: attribute)
    }

    /// An integer attribute; `nil` when absent, an error when present but not an integer.
    func intAttribute(_ name: StaticString) throws(ReaderError) -> Int? {
        guard let attribute = attribute(name) else { return nil }
        guard let value = parseInt(attribute.valueStart, attribute.valueEnd) else {
            throw error("attribute \(name) is not an integer: '\(string(attribute.valueStart, attribute.valueEnd))'",
                        at: attribute.valueStart)
        }
        return value
    }

    /// A decimal attribute; `nil` when absent, an error when present but not a number.
    func doubleAttribute(_ name: StaticString) throws(ReaderError) -> Double? {
        guard let attribute = attribute(name) else { return nil }
        guard let value = XMLNumber.parse(base, attribute.valueStart, attribute.valueEnd) else {
            throw error("attribute \(name) is not a number: '\(string(attribute.valueStart, attribute.valueEnd))'",
                        at: attribute.valueStart)
        }
        return value
    }

    /// An `xsd:boolean` attribute (`1`, `0`, `true`, `false`); `nil` when absent.
    func boolAttribute(_ name: StaticString) throws(ReaderError) -> Bool? {
        guard let attribute = attribute(name) else { return nil }
        return try bool(attribute.valueStart, attribute.valueEnd, what: "attribute \(name)")
    }

    /// Whether the attribute value equals `literal` byte for byte (no decoding).
    func attribute(_ attribute: Attribute, equals literal: StaticString) -> Bool {
        equal(attribute.valueStart, attribute.valueEnd, literal)
    }

    // MARK: - Current text

    /// The current text event, decoded.
    func text() throws(ReaderError) -> String {
        textNeedsDecoding ? try decode(textStart, textEnd, isAttribute: false) : try validUTF8(textStart, textEnd)
    }

    /// The current text event as a number, or `nil` when it is not one.
    func textNumber() -> Double? {
        guard !textNeedsDecoding else { return nil }
        var start = textStart, end = textEnd
        while start < end, XMLScanner.isSpace(base[start]) { start += 1 }
        while end > start, XMLScanner.isSpace(base[end - 1]) { end -= 1 }
        return XMLNumber.parse(base, start, end)
    }

    /// The current text event as a non-negative integer, or `nil`.
    func textInt() -> Int? {
        guard !textNeedsDecoding else { return nil }
        var start = textStart, end = textEnd
        while start < end, XMLScanner.isSpace(base[start]) { start += 1 }
        while end > start, XMLScanner.isSpace(base[end - 1]) { end -= 1 }
        return parseInt(start, end)
    }

    /// The current text as an `xsd:boolean`.
    func textBool() throws(ReaderError) -> Bool {
        try bool(textStart, textEnd, what: "value")
    }

    /// Whether the current text is only whitespace.
    var textIsWhitespace: Bool {
        guard !textIsCDATA else { return textStart == textEnd }
        var index = textStart
        while index < textEnd {
            if !XMLScanner.isSpace(base[index]) { return false }
            index += 1
        }
        return true
    }

    /// After a start event: all text below the element (nested tags skipped), up to and including its end tag.
    mutating func readText() throws(ReaderError) -> String {
        if isEmptyElement {
            _ = try next()
            return ""
        }
        let target = depth - 1
        var result = ""
        var single: String?
        var pieces = 0
        while true {
            switch try next() {
            case .text:
                let piece = try text()
                pieces += 1
                if pieces == 1 { single = piece } else {
                    if pieces == 2 { result = single ?? "" }
                    result += piece
                }
            case .endElement where depth == target:
                return pieces <= 1 ? (single ?? "") : result
            case .endOfDocument:
                throw error("the document ends inside an element")
            default:
                break
            }
        }
    }

    /// After a start event: skips the element's content up to and including its end tag.
    mutating func skipElement() throws(ReaderError) {
        if isEmptyElement {
            _ = try next()
            return
        }
        let target = depth - 1
        while true {
            let event = try next()
            if event == .endElement && depth == target { return }
            if event == .endOfDocument { throw error("the document ends inside an element") }
        }
    }

    /// A malformed-XML error at the current position.
    func error(_ reason: String, at offset: Int? = nil) -> ReaderError {
        ReaderError(.malformedXML(reason), part: part, offset: offset ?? position)
    }

    // MARK: - Tokenising

    private mutating func scanStartTag() throws(ReaderError) {
        if rootClosed { throw error("a second root element after the first one closed") }
        let tagStart = position
        position += 1
        nameStart = position
        localStart = try scanName(what: "element name")
        nameEnd = position
        attributes.removeAll(keepingCapacity: true)
        isEmptyElement = false
        while true {
            let hadSpace = skipSpaces()
            guard position < count else { throw error("the document ends inside the tag", at: tagStart) }
            let byte = base[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard position + 1 < count, base[position + 1] == UInt8(ascii: ">") else {
                    throw error("'/' not followed by '>' in a start tag")
                }
                position += 2
                isEmptyElement = true
                break
            }
            if !hadSpace { throw error("attributes must be separated by whitespace") }
            try scanAttribute()
        }
        if stack.count >= maxDepth { throw error("elements nest deeper than \(maxDepth) levels", at: tagStart) }
        stack.append((nameStart, nameEnd))
        if isEmptyElement { pendingEnd = true }
    }

    private mutating func scanAttribute() throws(ReaderError) {
        let start = position
        let local = try scanName(what: "attribute name")
        let end = position
        skipSpaces()
        guard position < count, base[position] == UInt8(ascii: "=") else {
            throw error("attribute '\(string(start, end))' has no '=' and value")
        }
        position += 1
        skipSpaces()
        guard position < count, base[position] == UInt8(ascii: "\"") || base[position] == UInt8(ascii: "'") else {
            throw error("attribute '\(string(start, end))' value is not quoted")
        }
        let quote = base[position]
        position += 1
        let valueStart = position
        guard let found = memchr(base + position, Int32(quote), count - position) else {
            throw error("attribute '\(string(start, end))' value is not closed", at: valueStart)
        }
        let valueEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        var needsDecoding = false
        var index = valueStart
        while index < valueEnd {
            let byte = base[index]
            if byte == UInt8(ascii: "<") { throw error("'<' inside an attribute value", at: index) }
            if byte == UInt8(ascii: "&") {
                try validateReference(at: index, end: valueEnd)
                needsDecoding = true
            } else if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                needsDecoding = true
            }
            index += 1
        }
        for existing in attributes where existing.nameEnd - existing.nameStart == end - start
            && memcmp(base + existing.nameStart, base + start, end - start) == 0 {
            throw error("attribute '\(string(start, end))' appears twice", at: start)
        }
        attributes.append(Attribute(nameStart: start, localStart: local, nameEnd: end, valueStart: valueStart,
                                    valueEnd: valueEnd, needsDecoding: needsDecoding))
        position = valueEnd + 1
    }

    private mutating func scanEndTag() throws(ReaderError) {
        let tagStart = position
        position += 2
        nameStart = position
        localStart = try scanName(what: "element name")
        nameEnd = position
        skipSpaces()
        guard position < count, base[position] == UInt8(ascii: ">") else { throw error("end tag is not closed by '>'") }
        position += 1
        guard let open = stack.last else {
            throw error("end tag </\(string(nameStart, nameEnd))> without a start tag", at: tagStart)
        }
        guard open.end - open.start == nameEnd - nameStart,
              memcmp(base + open.start, base + nameStart, nameEnd - nameStart) == 0 else {
            throw error("</\(string(nameStart, nameEnd))> closes <\(string(open.start, open.end))>", at: tagStart)
        }
        isEmptyElement = false
        popElement()
    }

    private mutating func popElement() {
        stack.removeLast()
        if stack.isEmpty { rootClosed = true }
    }

    // Returns true for a text event worth reporting; whitespace outside the root is skipped.
    private mutating func scanText() throws(ReaderError) -> Bool {
        let start = position
        let end: Int
        if let found = memchr(base + position, Int32(UInt8(ascii: "<")), count - position) {
            end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        } else {
            end = count
        }
        position = end
        if stack.isEmpty {
            var index = start
            while index < end {
                if !XMLScanner.isSpace(base[index]) { throw error("text outside the root element", at: index) }
                index += 1
            }
            return false
        }
        var needsDecoding = false
        var index = start
        while let found = memchr(base + index, Int32(UInt8(ascii: "&")), end - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            try validateReference(at: index, end: end)
            needsDecoding = true
            index += 1
        }
        if !needsDecoding, memchr(base + start, 0x0D, end - start) != nil { needsDecoding = true }
        textStart = start
        textEnd = end
        textNeedsDecoding = needsDecoding
        textIsCDATA = false
        return true
    }

    private mutating func scanCDATA() throws(ReaderError) {
        guard !stack.isEmpty else { throw error("CDATA outside the root element") }
        let start = position + 9
        guard let end = find("]]>", from: start) else { throw error("CDATA section is not closed") }
        textStart = start
        textEnd = end
        textNeedsDecoding = memchr(base + start, 0x0D, end - start) != nil
        textIsCDATA = true
        position = end + 3
    }

    private mutating func skipComment() throws(ReaderError) {
        guard let end = find("--", from: position + 4) else { throw error("comment is not closed") }
        guard end + 2 < count, base[end + 2] == UInt8(ascii: ">") else { throw error("'--' inside a comment", at: end) }
        position = end + 3
    }

    private mutating func skipProcessingInstruction() throws(ReaderError) {
        let start = position
        guard let end = find("?>", from: position + 2) else { throw error("processing instruction is not closed") }
        if matches("<?xml ") || matches("<?xml?") {
            if start != 0 && !(start == 3 && base[0] == 0xEF) {
                throw error("the XML declaration is not at the start of the document", at: start)
            }
            try checkDeclaredEncoding(start, end)
        }
        position = end + 2
    }

    private func checkDeclaredEncoding(_ start: Int, _ end: Int) throws(ReaderError) {
        let declaration = Array(string(start, end).lowercased().utf8)
        let key = Array("encoding".utf8)
        guard let found = (0..<max(0, declaration.count - key.count + 1)).first(where: {
            declaration[$0..<($0 + key.count)].elementsEqual(key)
        }) else { return }
        let rest = declaration[(found + key.count)...].drop { $0 == 0x20 || $0 == 0x3D || $0 == 0x22 || $0 == 0x27 }
        let name = String(decoding: rest.prefix { $0 != 0x22 && $0 != 0x27 && $0 != 0x20 }, as: UTF8.self)
        if !["utf-8", "utf8", "utf-16", "us-ascii", "ascii"].contains(name) {
            throw ReaderError(.malformedXML("unsupported encoding '\(name)' (only UTF-8 and UTF-16 with a byte-order mark)"),
                              part: part, offset: start)
        }
    }

    // Scans a (possibly prefixed) name; returns where the local part starts.
    private mutating func scanName(what: String) throws(ReaderError) -> Int {
        let start = position
        guard position < count, XMLScanner.isNameStart(base[position]) else { throw error("expected an \(what)") }
        var local = start
        position += 1
        while position < count {
            let byte = base[position]
            if byte == UInt8(ascii: ":") {
                local = position + 1
            } else if !XMLScanner.isNameByte(byte) {
                break
            }
            position += 1
        }
        if local == position { throw error("\(what) ends with ':'", at: start) }
        return local
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = position
        while position < count, XMLScanner.isSpace(base[position]) { position += 1 }
        return position > start
    }

    private func validateReference(at index: Int, end: Int) throws(ReaderError) {
        guard let semicolon = memchr(base + index, Int32(UInt8(ascii: ";")), min(end - index, 12)) else {
            throw error("'&' does not start an entity reference (write &amp;)", at: index)
        }
        let close = base.distance(to: semicolon.assumingMemoryBound(to: UInt8.self))
        if XMLEntities.resolve(base, index + 1, close) == nil {
            throw error("unknown or invalid entity reference '\(string(index, close + 1))'", at: index)
        }
    }

    // MARK: - Decoding

    private func decode(_ start: Int, _ end: Int, isAttribute: Bool) throws(ReaderError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = base[index]
            switch byte {
            case UInt8(ascii: "&"):
                let close = base.distance(to: memchr(base + index, Int32(UInt8(ascii: ";")), end - index)!
                    .assumingMemoryBound(to: UInt8.self))
                let scalar = XMLEntities.resolve(base, index + 1, close)!
                XMLEntities.appendUTF8(scalar, to: &out)
                index = close + 1
                continue
            case 0x0D:
                // XML end-of-line handling: CR LF and lone CR become LF (a space in attributes).
                out.append(isAttribute ? 0x20 : 0x0A)
                if index + 1 < end, base[index + 1] == 0x0A { index += 1 }
            case 0x09, 0x0A:
                out.append(isAttribute ? 0x20 : byte)
            default:
                out.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw error("the text is not valid UTF-8", at: start)
        }
        return text
    }

    private func validUTF8(_ start: Int, _ end: Int) throws(ReaderError) -> String {
        let buffer = UnsafeBufferPointer(start: base + start, count: end - start)
        // ASCII needs no validation; this is by far the common case for SpreadsheetML attribute values.
        if buffer.allSatisfy({ $0 < 0x80 }) { return String(decoding: buffer, as: UTF8.self) }
        guard let text = String(validating: buffer, as: UTF8.self) else {
            throw error("the text is not valid UTF-8", at: start)
        }
        return text
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: max(0, end - start)), as: UTF8.self)
    }

    private func parseInt(_ start: Int, _ end: Int) -> Int? {
        var index = start
        var negative = false
        if index < end, base[index] == UInt8(ascii: "-") || base[index] == UInt8(ascii: "+") {
            negative = base[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < end, end - index <= 18 else { return nil }
        var value = 0
        while index < end {
            let digit = base[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    private func bool(_ start: Int, _ end: Int, what: String) throws(ReaderError) -> Bool {
        if equal(start, end, "1") || equal(start, end, "true") { return true }
        if equal(start, end, "0") || equal(start, end, "false") { return false }
        throw error("\(what) is not a boolean: '\(string(start, end))'", at: start)
    }

    private func equal(_ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        return end - start == length && memcmp(base + start, literal.utf8Start, length) == 0
    }

    private func matches(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        return position + length <= count && memcmp(base + position, literal.utf8Start, length) == 0
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        let length = literal.utf8CodeUnitCount
        let first = Int32(literal.utf8Start.pointee)
        var index = start
        while index + length <= count, let found = memchr(base + index, first, count - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if index + length > count { return nil }
            if memcmp(base + index, literal.utf8Start, length) == 0 { return index }
            index += 1
        }
        return nil
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inline(__always)
    private static func isNameStart(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    @inline(__always)
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }
}

extension XMLScanner {
    /// The A1 cell reference in an attribute value, parsed from bytes; `nil` when it is not one or exceeds XFD1048576.
    func cellAddress(_ attribute: Attribute) -> CellAddress? {
        var index = attribute.valueStart
        let end = attribute.valueEnd
        var column = 0
        var letters = 0
        if index < end, base[index] == UInt8(ascii: "$") { index += 1 }
        while index < end {
            let upper = base[index] & 0xDF
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
            index += 1
        }
        if index < end, base[index] == UInt8(ascii: "$") { index += 1 }
        var row = 0
        var digits = 0
        while index < end {
            let digit = base[index] &- 0x30
            guard digit < 10 else { return nil }
            row = row * 10 + Int(digit)
            digits += 1
            index += 1
        }
        guard letters > 0, letters <= 3, digits > 0, digits <= 7, row >= 1, row - 1 <= CellAddress.maxRow,
              column - 1 <= CellAddress.maxColumn else { return nil }
        return CellAddress(row: row - 1, column: column - 1)
    }

    /// The raw bytes of an attribute value as text, for messages.
    func rawValue(_ attribute: Attribute) -> String {
        String(decoding: UnsafeBufferPointer(start: base + attribute.valueStart,
                                             count: attribute.valueEnd - attribute.valueStart), as: UTF8.self)
    }
}
