import CLibzip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ZIP archive opened read-only through libzip; the sole owner of its `zip_t` handle.
///
/// Entry sizes declared in the archive are never trusted: every read counts the inflated bytes itself and stops at the
/// part limit, the total limit and the declared size (libzip 1.7.3 does not stop at the declared size).
final class ZipArchive {
    /// One entry of the central directory.
    struct Entry {
        let index: UInt64
        let name: String
        let declaredSize: UInt64
    }

    /// Entries by lower-cased name (OPC part names compare without case).
    private(set) var entries: [String: Entry] = [:]
    private let handle: OpaquePointer
    // Present when the archive was opened from memory: the bytes libzip reads from, freed after the handle.
    private let memory: UnsafeMutableRawPointer?
    private let limits: ReadLimits
    private var totalInflated = 0

    /// Opens the archive at `path` with libzip's consistency checks.
    convenience init(path: String, limits: ReadLimits) throws(ReaderError) {
        var code: Int32 = 0
        var handle = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code)
        // libxlsxwriter's ZIP64 archives (minizip) carry local headers libzip's check finds inconsistent with the
        // central directory, though Excel and every other reader open them: read those by the central directory alone.
        // Sizes stay bounded while inflating, so nothing the check guarded against gets through unmeasured.
        if handle == nil && code == ZIP_ER_INCONS { handle = zip_open(path, ZIP_RDONLY, &code) }
        guard let handle else { throw ZipArchive.openError(code) }
        try self.init(handle: handle, memory: nil, limits: limits)
    }

    /// Opens an archive held in memory (an upload), with the same checks.
    convenience init(bytes: [UInt8], limits: ReadLimits) throws(ReaderError) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        var handle: OpaquePointer?
        // With the consistency check first, then, for the ZIP64 archives it wrongly refuses, without (see above).
        for flags in [ZIP_RDONLY | ZIP_CHECKCONS, ZIP_RDONLY] {
            guard let source = zip_source_buffer_create(memory, UInt64(bytes.count), 0, &error) else {
                memory.deallocate()
                throw ReaderError(.corruptArchive("libzip could not read the buffer"))
            }
            handle = zip_open_from_source(source, flags, &error)
            if handle != nil { break }
            zip_source_free(source)
            guard zip_error_code_zip(&error) == ZIP_ER_INCONS else { break }
        }
        guard let handle else {
            memory.deallocate()
            throw ZipArchive.openError(zip_error_code_zip(&error))
        }
        try self.init(handle: handle, memory: memory, limits: limits)
    }

    private init(handle: OpaquePointer, memory: UnsafeMutableRawPointer?, limits: ReadLimits) throws(ReaderError) {
        self.handle = handle
        self.memory = memory
        self.limits = limits
        let count = zip_get_num_entries(handle, 0)
        guard count >= 0 else { throw ReaderError(.corruptArchive("cannot count the entries")) }
        guard count <= Int64(limits.maxEntries) else {
            throw ReaderError(.tooManyEntries(count: Int(count), limit: limits.maxEntries))
        }
        for index in 0..<UInt64(count) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(handle, index, 0, &stat) == 0, let rawName = stat.name else {
                throw ReaderError(.corruptArchive("entry \(index) cannot be read"))
            }
            let name = String(cString: rawName)
            if name.hasSuffix("/") { continue }
            let key = name.lowercased()
            if let existing = entries[key] { throw ReaderError(.duplicatePartName(existing.name, name), part: name) }
            let size = stat.valid & UInt64(ZIP_STAT_SIZE) != 0 ? stat.size : 0
            entries[key] = Entry(index: index, name: name, declaredSize: size)
        }
    }

    deinit {
        zip_discard(handle)
        memory?.deallocate()
    }

    /// Whether the archive has a part of this name (without case).
    func contains(_ name: String) -> Bool {
        entries[name.lowercased()] != nil
    }

    /// The inflated bytes of a part, counted against the limits as they arrive.
    func read(_ name: String) throws(ReaderError) -> PartBuffer {
        guard let entry = entries[name.lowercased()] else { throw ReaderError(.missingPart(name), part: name) }
        // A part that admits to being too large is refused before anything is inflated.
        if entry.declaredSize > UInt64(limits.maxPartSize) {
            throw ReaderError(.partTooLarge(limit: limits.maxPartSize), part: name)
        }
        guard let file = zip_fopen_index(handle, entry.index, 0) else {
            let code = zip_error_code_zip(zip_get_error(handle))
            if code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP {
                throw ReaderError(.encryptedEntry, part: name)
            }
            throw ReaderError(.corruptArchive(ZipArchive.describe(code)), part: name)
        }
        defer { zip_fclose(file) }
        // One byte beyond the limit tells a part that reaches the limit from one that exceeds it.
        let buffer = PartBuffer(limit: limits.maxPartSize + 1)
        while true {
            let want = min(1 << 20, buffer.remaining)
            if want == 0 { throw ReaderError(.partTooLarge(limit: limits.maxPartSize), part: name) }
            let got = zip_fread(file, buffer.end, UInt64(want))
            if got < 0 {
                let code = zip_error_code_zip(zip_file_get_error(file))
                throw ReaderError(.corruptArchive(ZipArchive.describe(code)), part: name)
            }
            if got == 0 { break }
            let size = Int(got)
            if buffer.count + size > limits.maxPartSize {
                throw ReaderError(.partTooLarge(limit: limits.maxPartSize), part: name)
            }
            if totalInflated + size > limits.maxTotalSize {
                throw ReaderError(.totalTooLarge(limit: limits.maxTotalSize), part: name)
            }
            if UInt64(buffer.count + size) > entry.declaredSize {
                throw ReaderError(.sizeMismatch(declared: Int(entry.declaredSize)), part: name)
            }
            totalInflated += size
            buffer.commit(size)
        }
        if UInt64(buffer.count) != entry.declaredSize {
            throw ReaderError(.corruptArchive("the part is shorter than its declared size"), part: name)
        }
        return buffer
    }

    private static func openError(_ code: Int32) -> ReaderError {
        switch code {
        case ZIP_ER_NOZIP: return ReaderError(.corruptArchive("no ZIP central directory (the file is truncated or not a ZIP)"))
        case ZIP_ER_NOENT, ZIP_ER_OPEN: return ReaderError(.cannotOpen(describe(code)))
        case ZIP_ER_MULTIDISK: return ReaderError(.corruptArchive("multi-disk archives are not supported"))
        default: return ReaderError(.corruptArchive(describe(code)))
        }
    }

    private static func describe(_ code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error)).lowercased()
    }
}
