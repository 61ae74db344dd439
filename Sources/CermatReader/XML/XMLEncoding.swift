/// Brings a part to UTF-8 before scanning: UTF-16 parts (with a byte-order mark) are transcoded, UTF-8 passes through.
enum XMLEncoding {
    /// The part's bytes as UTF-8.
    static func utf8(_ part: PartBuffer, name: String) throws(ReaderError) -> PartBuffer {
        let bytes = part.withBytes { $0 }
        guard isUTF16(bytes) else { return part }
        let littleEndian = bytes[0] == 0xFF
        guard bytes.count % 2 == 0 else {
            throw ReaderError(.malformedXML("a UTF-16 part with an odd number of bytes"), part: name, offset: bytes.count - 1)
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        while index + 1 < bytes.count {
            units.append(littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                                      : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw ReaderError(.malformedXML("the UTF-16 text is not valid"), part: name)
        }
        // The declaration still says UTF-16; the scanner accepts that name, since real UTF-16 bytes never scan as XML.
        return PartBuffer(copying: Array(text.utf8))
    }

    /// Whether a part's first bytes are a UTF-16 byte-order mark (either byte order).
    static func isUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }
}
