/// Why a workbook could not be read: what went wrong and exactly where (file, part, sheet, cell, byte offset).
public struct ReaderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kind of failure; each has a message a person can act on.
    public enum Kind: Equatable, Sendable {
        /// The file does not exist or cannot be opened.
        case cannotOpen(String)
        /// The file has no bytes.
        case emptyFile
        /// An OLE2 compound file: a password-protected workbook or a legacy `.xls`.
        case ole2File
        /// Not a ZIP archive at all.
        case notZip
        /// A ZIP archive whose central directory or data is damaged or cut short.
        case corruptArchive(String)
        /// An entry is encrypted with a ZIP password.
        case encryptedEntry
        /// Two entries have the same part name (compared without case, as OPC requires).
        case duplicatePartName(String, String)
        /// More entries than the limit allows.
        case tooManyEntries(count: Int, limit: Int)
        /// A part inflates to more bytes than the per-part limit.
        case partTooLarge(limit: Int)
        /// The parts read so far inflate to more than the total limit.
        case totalTooLarge(limit: Int)
        /// A part inflates to more bytes than its ZIP header declares.
        case sizeMismatch(declared: Int)
        /// A required part is not in the archive.
        case missingPart(String)
        /// The package is not a spreadsheet (e.g. a Word document) or uses a format Cermat does not read (XLSB).
        case unsupportedPackage(String)
        /// A relationship target leaves the package (`../../etc/passwd`).
        case relationshipOutsidePackage(String)
        /// The XML is not well-formed.
        case malformedXML(String)
        /// The XML declares a document type, which OPC forbids.
        case doctypeForbidden
        /// The XML is well-formed but does not say what SpreadsheetML requires.
        case invalidContent(String)
        /// A cell or row reference lies beyond row 1 048 576 or column XFD (or is not a reference at all).
        case outOfSheetLimits(String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The workbook file, as the caller named it.
    public var file: String
    /// The part inside the package, e.g. `xl/worksheets/sheet1.xml`.
    public var part: String?
    /// The sheet name, when the part is a worksheet.
    public var sheet: String?
    /// The cell, in A1 form.
    public var cell: String?
    /// Byte offset inside the inflated part.
    public var offset: Int?

    /// An error with its location; the file is filled in by the reader's entry point.
    public init(_ kind: Kind, file: String = "", part: String? = nil, sheet: String? = nil, cell: String? = nil,
                offset: Int? = nil) {
        self.kind = kind
        self.file = file
        self.part = part
        self.sheet = sheet
        self.cell = cell
        self.offset = offset
    }

    /// The message without the location.
    public var message: String {
        switch kind {
        case .cannotOpen(let reason): return "cannot open the file: \(reason)"
        case .emptyFile: return "the file is empty (0 bytes), not an XLSX workbook"
        case .ole2File:
            return "not an XLSX file: this is an OLE2 compound file, either a password-protected (encrypted) workbook or a legacy .xls workbook; remove the password or save it as .xlsx (Excel Workbook) and try again"
        case .notZip: return "not an XLSX file (ZIP signature missing)"
        case .corruptArchive(let reason): return "the ZIP archive is damaged or truncated: \(reason)"
        case .encryptedEntry: return "a part of the archive is encrypted with a ZIP password"
        case .duplicatePartName(let first, let second):
            return "the archive holds two entries for one part: '\(first)' and '\(second)' (part names ignore case)"
        case .tooManyEntries(let count, let limit): return "the archive holds \(count) entries, more than the limit of \(limit)"
        case .partTooLarge(let limit): return "the part inflates past the limit of \(ReaderError.bytes(limit)) (a zip bomb?)"
        case .totalTooLarge(let limit): return "the workbook inflates past the total limit of \(ReaderError.bytes(limit))"
        case .sizeMismatch(let declared): return "the part inflates past its declared size of \(declared) bytes"
        case .missingPart(let name): return "the package has no \(name)"
        case .unsupportedPackage(let reason): return reason
        case .relationshipOutsidePackage(let target): return "a relationship points outside the package: '\(target)'"
        case .malformedXML(let reason): return "malformed XML: \(reason)"
        case .doctypeForbidden: return "the XML declares a <!DOCTYPE>, which Office Open XML forbids"
        case .invalidContent(let reason): return reason
        case .outOfSheetLimits(let reference):
            return "'\(reference)' is not a cell within the sheet limits (row 1048576, column XFD)"
        }
    }

    /// `file: part 'xl/…', sheet 'E-81', cell U12, byte 1234: message`.
    public var description: String {
        var location: [String] = []
        if let part { location.append("part '\(part)'") }
        if let sheet { location.append("sheet '\(sheet)'") }
        if let cell { location.append("cell \(cell)") }
        if let offset { location.append("byte \(offset)") }
        let prefix = file.isEmpty ? "" : file + ": "
        return prefix + (location.isEmpty ? "" : location.joined(separator: ", ") + ": ") + message
    }

    private static func bytes(_ count: Int) -> String {
        if count >= 1 << 30, count % (1 << 30) == 0 { return "\(count >> 30) GiB" }
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        return "\(count) bytes"
    }
}
