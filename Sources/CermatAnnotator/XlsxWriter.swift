import CXlsxWriter
import Foundation

/// The one Swift owner of a libxlsxwriter workbook handle: it creates the worksheets and formats (which the handle owns
/// and frees), and closes the handle exactly once, which writes the file.
///
/// libxlsxwriter 1.1.4 writes only to a named file, only in the 1900 date system, and in constant-memory mode only
/// row after row; callers go through `SheetWriter`, which keeps to those rules.
final class XlsxWriter {
    private var handle: OpaquePointer?
    /// The file being written.
    let path: String
    /// Whether rows must be written in ascending order (constant-memory mode: memory stays flat for large sheets).
    let constantMemory: Bool
    // Formats are owned by the workbook; these are borrowed pointers, valid until close.
    private var formats: [FormatSpec: UnsafeMutablePointer<lxw_format>] = [:]
    // Strings handed to C that must outlive the call that stored them (comment authors).
    private var keptStrings: [UnsafeMutablePointer<CChar>] = []

    /// Starts a workbook at `path` (a temporary file the caller renames into place).
    init(path: String, constantMemory: Bool) throws(AnnotatorError) {
        self.path = path
        self.constantMemory = constantMemory
        let temporaryFolder = strdup(FileManager.default.temporaryDirectory.path)
        defer { free(temporaryFolder) }
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: temporaryFolder, use_zip64: 0)
        guard let created = workbook_new_opt(path, &options) else {
            throw AnnotatorError(file: path, "libxlsxwriter could not create the workbook (is the folder writable?)")
        }
        handle = OpaquePointer(created)
    }

    deinit {
        // A copy abandoned half-way is freed without writing; the caller removes the temporary file.
        if let handle { lxw_workbook_free(UnsafeMutablePointer(handle)) }
        keptStrings.forEach { free($0) }
    }

    private var workbook: UnsafeMutablePointer<lxw_workbook> {
        UnsafeMutablePointer(handle!)
    }

    /// Adds a worksheet; the name must have passed `SheetName` (libxlsxwriter rejects the others).
    func addSheet(_ name: String) throws(AnnotatorError) -> SheetWriter {
        let status = workbook_validate_sheet_name(workbook, name)
        guard status == LXW_NO_ERROR else {
            throw AnnotatorError(file: path, sheet: name, "libxlsxwriter rejects the sheet name: \(Self.describe(status))")
        }
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw AnnotatorError(file: path, sheet: name, "libxlsxwriter could not add the sheet")
        }
        return SheetWriter(sheet: sheet, name: name, owner: self)
    }

    /// The format for a specification, created once per workbook.
    func format(_ spec: FormatSpec) -> UnsafeMutablePointer<lxw_format> {
        if let existing = formats[spec] { return existing }
        let format = workbook_add_format(workbook)!
        spec.apply(to: format)
        formats[spec] = format
        return format
    }

    /// A C string kept alive until the workbook is closed.
    func kept(_ text: String) -> UnsafeMutablePointer<CChar> {
        let copy = strdup(text)!
        keptStrings.append(copy)
        return copy
    }

    /// Writes the file and releases the handle.
    func close() throws(AnnotatorError) {
        guard let handle else { return }
        self.handle = nil
        let status = workbook_close(UnsafeMutablePointer(handle))
        guard status == LXW_NO_ERROR else {
            throw AnnotatorError(file: path, "libxlsxwriter could not write the file: \(Self.describe(status))")
        }
    }

    /// libxlsxwriter's message for an error code.
    static func describe(_ status: lxw_error) -> String {
        String(cString: lxw_strerror(status))
    }
}
