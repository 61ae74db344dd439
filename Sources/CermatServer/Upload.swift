import Foundation

/// An uploaded workbook, held in memory only: the name reports and annotated copies use, and its bytes.
struct Upload: Sendable {
    /// The file name: the client's base name, unique within the request.
    var name: String
    /// The file's bytes.
    var bytes: [UInt8]

    /// The form's files as uploads. A client's folder (`C:\Users\…\renja.xlsx`) and control characters are dropped, so a
    /// name can neither reach outside the scratch folder nor forge a log line; a repeated name gets ` (2)`, ` (3)`…, so
    /// every finding keeps pointing at its own file.
    static func uploads(_ files: [MultipartForm.File]) -> [Upload] {
        var taken: Set<String> = []
        return files.map { file in
            let base = file.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            var clean = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            clean = clean.trimmingCharacters(in: .whitespaces)
            if clean.isEmpty || clean == "." || clean == ".." { clean = "workbook.xlsx" }
            var name = clean
            var number = 2
            while taken.contains(name.lowercased()) {
                let dot = clean.lastIndex(of: ".").flatMap { $0 == clean.startIndex ? nil : $0 } ?? clean.endIndex
                name = "\(clean[..<dot]) (\(number))\(clean[dot...])"
                number += 1
            }
            taken.insert(name.lowercased())
            return Upload(name: name, bytes: file.bytes)
        }
    }
}
