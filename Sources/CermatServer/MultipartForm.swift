import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `multipart/form-data` body (RFC 7578) held in memory: the parts that carry a file.
struct MultipartForm {
    /// One file of the form.
    struct File: Sendable {
        /// The file name the client gave, as sent.
        var filename: String
        /// The file's bytes.
        var bytes: [UInt8]
    }

    /// The files, in the order sent; fields without a file name are ignored.
    var files: [File]

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header, or `nil` when it is not one.
    static func boundary(contentType: String) -> String? {
        let type = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        guard type.lowercased() == "multipart/form-data", let value = parameters(contentType)["boundary"] else { return nil }
        // RFC 2046: 1 to 70 characters.
        return (1...70).contains(value.utf8.count) ? value : nil
    }

    /// Parses a body with its boundary; a body that does not follow the format is a 400.
    init(body: [UInt8], boundary: String) throws(ServeError) {
        files = try body.withUnsafeBytes { raw in
            Result { () throws(ServeError) in try Self.files(in: raw, boundary: boundary) }
        }.get()
    }

    private static func files(in raw: UnsafeRawBufferPointer, boundary: String) throws(ServeError) -> [File] {
        let delimiter = Array(("--" + boundary).utf8)
        let separator = Array(("\r\n--" + boundary).utf8)
        var files: [File] = []
        guard var position = find(delimiter, in: raw, from: 0) else { throw .badMultipart("no boundary in the body") }
        position += delimiter.count
        while true {
            // After a delimiter: "--" closes the form, else optional blanks, CRLF, then the part's headers.
            if matches([0x2D, 0x2D], in: raw, at: position) { return files }
            while matches([0x20], in: raw, at: position) || matches([0x09], in: raw, at: position) { position += 1 }
            guard matches([0x0D, 0x0A], in: raw, at: position) else { throw .badMultipart("a boundary line does not end") }
            position += 2
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: raw, from: position) else {
                throw .badMultipart("a part's headers do not end")
            }
            let headers = String(decoding: UnsafeRawBufferPointer(rebasing: raw[position..<headerEnd]), as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let contentEnd = find(separator, in: raw, from: contentStart) else {
                throw .badMultipart("the closing boundary is missing (the body may be cut short)")
            }
            // Any field carrying a file name is a workbook, whatever the field is called.
            if let filename = filename(headers) {
                files.append(File(filename: filename, bytes: Array(raw[contentStart..<contentEnd])))
            }
            position = contentEnd + separator.count
        }
    }

    // The file name of a part's Content-Disposition header, if it has one.
    private static func filename(_ headers: String) -> String? {
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            let parameters = Self.parameters(String(line[line.index(after: colon)...]))
            return parameters["filename"]
        }
        return nil
    }

    // `form-data; name="files"; filename="a;b.xlsx"`: quoted values may hold semicolons. Browsers send a quote in a
    // file name as %22 and a line break as %0A/%0D, and a few old ones a backslash escape.
    private static func parameters(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var characters = Substring(text)
        while let equals = characters.firstIndex(of: "=") {
            let name = characters[..<equals].split(separator: ";").last?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            characters = characters[characters.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
            var value = ""
            if characters.first == "\"" {
                characters = characters.dropFirst()
                var escaped = false
                while let character = characters.first {
                    characters = characters.dropFirst()
                    if escaped { value.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { break } else { value.append(character) }
                }
            } else {
                let end = characters.firstIndex(of: ";") ?? characters.endIndex
                value = characters[..<end].trimmingCharacters(in: .whitespaces)
                characters = characters[end...]
            }
            result[name] = value.replacingOccurrences(of: "%22", with: "\"").replacingOccurrences(of: "%0A", with: "\n")
                .replacingOccurrences(of: "%0D", with: "\r")
        }
        return result
    }

    private static func matches(_ bytes: [UInt8], in raw: UnsafeRawBufferPointer, at position: Int) -> Bool {
        guard position + bytes.count <= raw.count else { return false }
        return bytes.indices.allSatisfy { raw[position + $0] == bytes[$0] }
    }

    // memchr for the first byte, memcmp for the rest: a 50 MiB upload is searched in milliseconds.
    private static func find(_ needle: [UInt8], in raw: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = raw.baseAddress, let first = needle.first else { return nil }
        var position = start
        while position + needle.count <= raw.count {
            guard let hit = memchr(base + position, Int32(first), raw.count - position - needle.count + 1) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if needle.withUnsafeBytes({ memcmp(base + offset, $0.baseAddress!, needle.count) }) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }
}
