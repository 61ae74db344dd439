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
///
/// The worksheet's per-cell code takes the scanner `inout` even where it only reads it, the small readers it calls are
/// inlined, and helpers that only need it to place an error take its offset instead: borrowing this large noncopyable
/// struct out of an `inout` binding into a call copies all of it, at every call. (The same holds for the worksheet
/// parser itself, whose per-cell helpers are therefore `mutating` or inlined.)
struct XMLScanner: ~Copyable {
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
    private let nameClass: UnsafePointer<UInt8>
    private(set) var position: Int

    // The current element name (start or end event).
    private var nameStart = 0
    private var localStart = 0
    private var nameEnd = 0
    private(set) var isEmptyElement = false
    // The current tag's attributes are the first `attributeCount` slots; the storage is reused from tag to tag.
    private var attributeSlots: UnsafeMutablePointer<Attribute>
    private var attributeCapacity = 8
    private var attributeCount = 0

    /// The attributes of the current start tag.
    var attributes: UnsafeBufferPointer<Attribute> { UnsafeBufferPointer(start: attributeSlots, count: attributeCount) }

    // The current text event.
    private var textStart = 0
    private var textEnd = 0
    private var textNeedsDecoding = false
    private var textIsCDATA = false

    /// An open element: where its qualified name starts, where its local part starts, where it ends.
    struct OpenElement {
        let start: Int
        let local: Int
        let end: Int
    }

    // The open elements, outermost first; `maxDepth` slots, of which `depth` are in use.
    private let stack: UnsafeMutablePointer<OpenElement>
    private(set) var depth = 0
    private var pendingEnd = false
    private var rootClosed = false

    /// A scanner over `buffer`, which must stay valid while the scanner is used.
    init(_ buffer: UnsafeBufferPointer<UInt8>, part: String, maxDepth: Int = 256) {
        self.init(buffer, part: part, maxDepth: maxDepth, at: 0, inside: [])
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { position = 3 }
    }

    /// A scanner that continues the same document at `position`, inside the given open elements (see `openElements`).
    init(_ buffer: UnsafeBufferPointer<UInt8>, part: String, maxDepth: Int, at position: Int, inside open: [OpenElement]) {
        self.part = part
        // An empty buffer has no base address; point at a static byte so that `count == 0` is all that matters.
        self.base = buffer.baseAddress ?? UnsafePointer(XMLScanner.emptyByte)
        self.count = buffer.count
        self.maxDepth = max(maxDepth, open.count + 1)
        self.nameClass = XMLScanner.nameClassTable
        self.position = position
        stack = .allocate(capacity: self.maxDepth)
        for (index, element) in open.enumerated() { (stack + index).initialize(to: element) }
        depth = open.count
        attributeSlots = .allocate(capacity: attributeCapacity)
    }

    deinit {
        stack.deallocate()
        attributeSlots.deallocate()
    }

    // Never written: it only gives an empty buffer a valid address.
    nonisolated(unsafe) private static let emptyByte: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    /// Whether the empty element just reported still owes its end event.
    var owesEndEvent: Bool { pendingEnd }

    /// The open elements, outermost first; a scanner made with `init(_:part:maxDepth:at:inside:)` continues from them.
    var openElements: [OpenElement] { (0..<depth).map { stack[$0] } }

    /// The position of the next start tag at or after `from` whose local name is `name`, or `nil` within `limit` bytes.
    /// A textual search: the caller must confirm that the match is a real tag (it could sit inside a CDATA section).
    func findStartTag(_ name: StaticString, from: Int, limit: Int) -> Int? {
        var index = from
        let stop = min(count, from + limit)
        while index < stop, let found = memchr(base + index, Int32(UInt8(ascii: "<")), stop - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var cursor = index + 1
            var local = cursor
            while cursor < count, isNameByte(base[cursor]) {
                if base[cursor] == UInt8(ascii: ":") { local = cursor + 1 }
                cursor += 1
            }
            if cursor < count, equal(local, cursor, name),
               XMLScanner.isSpace(base[cursor]) || base[cursor] == UInt8(ascii: ">") || base[cursor] == UInt8(ascii: "/") {
                return index
            }
            index += 1
        }
        return nil
    }

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
                if depth > 0 {
                    let open = stack[depth - 1]
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
    @inline(__always)
    func attribute(_ name: StaticString) -> Attribute? {
        var index = 0
        while index < attributeCount {
            if equal(attributeSlots[index].localStart, attributeSlots[index].nameEnd, name) { return attributeSlots[index] }
            index += 1
        }
        return nil
    }

    /// The one-byte local name of an attribute (`r`, `s`, `t` of a cell), or 0 when the local name is longer.
    func shortName(of attribute: Attribute) -> UInt8 {
        attribute.nameEnd - attribute.localStart == 1 ? base[attribute.localStart] : 0
    }

    /// An attribute value as a non-negative integer, or `nil` when it is not one.
    @inline(__always)
    func intValue(of attribute: Attribute) -> Int? {
        parseInt(attribute.valueStart, attribute.valueEnd)
    }

    /// The value of an attribute, entity-decoded and whitespace-normalised as XML requires.
    func value(of attribute: Attribute) throws(ReaderError) -> String {
        attribute.needsDecoding
            ? try decode(attribute.valueStart, attribute.valueEnd, isAttribute: true)
            : try validUTF8(attribute.valueStart, attribute.valueEnd)
    }

    /// The value of the attribute with this local name, if present.
    @inline(__always)
    func stringAttribute(_ name: StaticString) throws(ReaderError) -> String? {
        guard let attribute = attribute(name) else { return nil }
        return try value(of: attribute)
    }

    /// An integer attribute; `nil` when absent, an error when present but not an integer.
    @inline(__always)
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
    @inline(__always)
    func attribute(_ attribute: Attribute, equals literal: StaticString) -> Bool {
        equal(attribute.valueStart, attribute.valueEnd, literal)
    }

    // MARK: - Current text

    /// The current text event, decoded.
    @inline(__always)
    func text() throws(ReaderError) -> String {
        textNeedsDecoding ? try decode(textStart, textEnd, isAttribute: false) : try validUTF8(textStart, textEnd)
    }

    /// The current text's bytes when they are its value as they stand (nothing to decode), else `nil`.
    var rawText: UnsafeBufferPointer<UInt8>? {
        textNeedsDecoding ? nil : UnsafeBufferPointer(start: base + textStart, count: textEnd - textStart)
    }

    /// The current text event as a number, or `nil` when it is not one.
    @inline(__always)
    func textNumber() -> Double? {
        guard !textNeedsDecoding else { return nil }
        var start = textStart, end = textEnd
        while start < end, XMLScanner.isSpace(base[start]) { start += 1 }
        while end > start, XMLScanner.isSpace(base[end - 1]) { end -= 1 }
        return XMLNumber.parse(base, start, end)
    }

    /// The current text event as a non-negative integer, or `nil`.
    @inline(__always)
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

    /// After the start event of an element holding only text (`<v>12</v>`): takes that text as the current text and
    /// consumes the end tag in one step. Returns false, having consumed nothing, when the content is anything else.
    mutating func takeLeafText() throws(ReaderError) -> Bool {
        guard !pendingEnd, depth > 0 else { return false }
        guard let found = memchr(base + position, Int32(UInt8(ascii: "<")), count - position) else { return false }
        let lessThan = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        let open = stack[depth - 1]
        let close = lessThan + 2 + (open.end - open.start)
        guard close < count, base[lessThan + 1] == UInt8(ascii: "/"), base[close] == UInt8(ascii: ">"),
              equalBytes(lessThan + 2, close, open.start, open.end) else { return false }
        var needsDecoding = false
        var index = position
        while index < lessThan {
            let byte = base[index]
            if byte == UInt8(ascii: "&") {
                try validateReference(at: index, end: lessThan)
                needsDecoding = true
            } else if byte == 0x0D {
                needsDecoding = true
            }
            index += 1
        }
        textStart = position
        textEnd = lessThan
        textNeedsDecoding = needsDecoding
        textIsCDATA = false
        nameStart = lessThan + 2
        localStart = nameStart + (open.local - open.start)
        nameEnd = close
        position = close + 1
        popElement()
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
        isEmptyElement = try scanAttributes(tagStart: tagStart)
        if depth >= maxDepth { throw error("elements nest deeper than \(maxDepth) levels", at: tagStart) }
        (stack + depth).initialize(to: OpenElement(start: nameStart, local: localStart, end: nameEnd))
        depth += 1
        if isEmptyElement { pendingEnd = true }
    }

    /// After a start tag's name: reads its attributes up to and including `>` or `/>`; returns whether it was `/>`.
    mutating func scanAttributes(tagStart: Int) throws(ReaderError) -> Bool {
        attributeCount = 0
        while true {
            let hadSpace = skipSpaces()
            guard position < count else { throw error("the document ends inside the tag", at: tagStart) }
            let byte = base[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                return false
            }
            if byte == UInt8(ascii: "/") {
                guard position + 1 < count, base[position + 1] == UInt8(ascii: ">") else {
                    throw error("'/' not followed by '>' in a start tag")
                }
                position += 2
                return true
            }
            if !hadSpace { throw error("attributes must be separated by whitespace") }
            try scanAttribute()
        }
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
            // Every byte that needs a look ('&', '<', tab, LF, CR) is '&' or below, or '<'.
            if byte <= UInt8(ascii: "&") || byte == UInt8(ascii: "<") {
                if byte == UInt8(ascii: "<") { throw error("'<' inside an attribute value", at: index) }
                if byte == UInt8(ascii: "&") {
                    try validateReference(at: index, end: valueEnd)
                    needsDecoding = true
                } else if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    needsDecoding = true
                }
            }
            index += 1
        }
        var other = 0
        while other < attributeCount {
            if base[attributeSlots[other].nameStart] == base[start],
               equalBytes(attributeSlots[other].nameStart, attributeSlots[other].nameEnd, start, end) {
                throw error("attribute '\(string(start, end))' appears twice", at: start)
            }
            other += 1
        }
        if attributeCount == attributeCapacity {
            let larger = UnsafeMutablePointer<Attribute>.allocate(capacity: attributeCapacity * 2)
            larger.moveInitialize(from: attributeSlots, count: attributeCount)
            attributeSlots.deallocate()
            attributeSlots = larger
            attributeCapacity *= 2
        }
        (attributeSlots + attributeCount).initialize(to: Attribute(nameStart: start, localStart: local, nameEnd: end,
                                                                   valueStart: valueStart, valueEnd: valueEnd,
                                                                   needsDecoding: needsDecoding))
        attributeCount += 1
        position = valueEnd + 1
    }

    private mutating func scanEndTag() throws(ReaderError) {
        let tagStart = position
        guard depth > 0 else {
            position += 2
            let start = position
            _ = try scanName(what: "element name")
            throw error("end tag </\(string(start, position))> without a start tag", at: tagStart)
        }
        let open = stack[depth - 1]
        let length = open.end - open.start
        let close = tagStart + 2 + length
        // Fast path: the bytes of the open element's name, then '>'.
        if close < count, base[close] == UInt8(ascii: ">"), equalBytes(tagStart + 2, close, open.start, open.end) {
            nameStart = tagStart + 2
            localStart = nameStart + (open.local - open.start)
            nameEnd = close
            position = close + 1
            isEmptyElement = false
            popElement()
            return
        }
        position += 2
        nameStart = position
        localStart = try scanName(what: "element name")
        nameEnd = position
        skipSpaces()
        guard position < count, base[position] == UInt8(ascii: ">") else { throw error("end tag is not closed by '>'") }
        position += 1
        guard equalBytes(open.start, open.end, nameStart, nameEnd) else {
            throw error("</\(string(nameStart, nameEnd))> closes <\(string(open.start, open.end))>", at: tagStart)
        }
        isEmptyElement = false
        popElement()
    }

    private mutating func popElement() {
        depth -= 1
        if depth == 0 { rootClosed = true }
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
        if depth == 0 {
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
        guard depth > 0 else { throw error("CDATA outside the root element") }
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
    @inline(__always)
    private mutating func scanName(what: StaticString) throws(ReaderError) -> Int {
        let start = position
        guard position < count, isNameStart(base[position]) else { throw error("expected an \(what)") }
        var local = start
        position += 1
        while position < count {
            let byte = base[position]
            if byte == UInt8(ascii: ":") {
                local = position + 1
            } else if !isNameByte(byte) {
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

    @inline(__always)
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
        // ASCII, by far the common case, needs no validation; the generic validator costs a metadata lookup per call.
        if isASCII(start, end) { return String(decoding: buffer, as: UTF8.self) }
        guard let text = String(validating: buffer, as: UTF8.self) else {
            throw error("the text is not valid UTF-8", at: start)
        }
        return text
    }

    private func isASCII(_ start: Int, _ end: Int) -> Bool {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= end {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < end {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: max(0, end - start)), as: UTF8.self)
    }

    @inline(__always)
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

    @inline(__always)
    private func equal(_ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard end - start == length else { return false }
        let other = literal.utf8Start
        // Names are short: a byte loop beats a call to memcmp.
        var index = 0
        while index < length {
            if base[start + index] != other[index] { return false }
            index += 1
        }
        return true
    }

    @inline(__always)
    private func equalBytes(_ start: Int, _ end: Int, _ otherStart: Int, _ otherEnd: Int) -> Bool {
        let length = end - start
        guard otherEnd - otherStart == length else { return false }
        var index = 0
        while index < length {
            if base[start + index] != base[otherStart + index] { return false }
            index += 1
        }
        return true
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
    private func isNameStart(_ byte: UInt8) -> Bool {
        nameClass[Int(byte)] == 2
    }

    @inline(__always)
    private func isNameByte(_ byte: UInt8) -> Bool {
        nameClass[Int(byte)] != 0
    }

    // 2: may start a name (letters, '_', ':', non-ASCII); 1: may continue one (digits, '-', '.'); 0: neither.
    nonisolated(unsafe) private static let nameClassTable: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            let value = UInt8(byte)
            let lower = value | 0x20
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || value == UInt8(ascii: "_")
                || value == UInt8(ascii: ":") || value >= 0x80 {
                table[byte] = 2
            } else if (value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9")) || value == UInt8(ascii: "-")
                        || value == UInt8(ascii: ".") {
                table[byte] = 1
            } else {
                table[byte] = 0
            }
        }
        return UnsafePointer(table)
    }()
}

/// Raw primitives for part-specific fast paths (the worksheet row loop). They never change the element stack: a fast path
/// consumes whole elements below the current depth, and rewinds with `rewind(to:)` when it meets anything unusual.
extension XMLScanner {
    /// The byte at an offset, or 0 past the end.
    @inline(__always)
    func byte(at offset: Int) -> UInt8 {
        offset < count ? base[offset] : 0
    }

    /// Whether the bytes at `offset` are `literal`.
    @inline(__always)
    func bytes(at offset: Int, are literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        return offset + length <= count && equal(offset, offset + length, literal)
    }

    /// The offset of the next `byte` at or after `offset`, or `nil`.
    @inline(__always)
    func find(_ byte: UInt8, from offset: Int) -> Int? {
        guard offset < count, let found = memchr(base + offset, Int32(byte), count - offset) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset after any whitespace at `offset`.
    @inline(__always)
    func skippingSpaces(from offset: Int) -> Int {
        var index = offset
        while index < count, XMLScanner.isSpace(base[index]) { index += 1 }
        return index
    }

    /// Moves to `offset`; the caller guarantees it is a position between elements at the current depth.
    mutating func rewind(to offset: Int) {
        position = offset
        pendingEnd = false
        attributeCount = 0
    }

    /// Makes `start..<end` the current text (so `text()`, `textNumber()`, `textInt()` apply), validating its entities.
    mutating func takeText(from start: Int, to end: Int) throws(ReaderError) {
        var needsDecoding = false
        var index = start
        while index < end {
            let byte = base[index]
            if byte == UInt8(ascii: "&") {
                try validateReference(at: index, end: end)
                needsDecoding = true
            } else if byte == 0x0D {
                needsDecoding = true
            }
            index += 1
        }
        textStart = start
        textEnd = end
        textNeedsDecoding = needsDecoding
        textIsCDATA = false
    }

    /// The A1 cell reference in an attribute value, parsed from bytes; `nil` when it is not one or exceeds XFD1048576.
    @inline(__always)
    func cellAddress(_ attribute: Attribute) -> CellAddress? {
        var index = attribute.valueStart
        let end = attribute.valueEnd
        var column = 0
        var letters = 0
        if index < end, base[index] == UInt8(ascii: "$") { index += 1 }
        while index < end {
            let upper = base[index] & 0xDF
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            letters += 1
            if letters > 3 { return nil }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            index += 1
        }
        if index < end, base[index] == UInt8(ascii: "$") { index += 1 }
        var row = 0
        var digits = 0
        while index < end {
            let digit = base[index] &- 0x30
            guard digit < 10 else { return nil }
            digits += 1
            if digits > 7 { return nil }
            row = row * 10 + Int(digit)
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
