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
        /// Whether the entry is deflated and not encrypted: the kind `DeflateDecoder` inflates.
        let deflated: Bool
        /// The CRC-32 the archive records for the inflated bytes.
        let crc: UInt32
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
            let known = UInt64(ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD | ZIP_STAT_CRC)
            let deflated = stat.valid & known == known
                && Int32(stat.comp_method) == ZIP_CM_DEFLATE && Int32(stat.encryption_method) == ZIP_EM_NONE
            entries[key] = Entry(index: index, name: name, declaredSize: size, deflated: deflated, crc: stat.crc)
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

    /// The declared (untrusted) inflated size of a part, or `nil` when there is no such part.
    func declaredSize(of name: String) -> Int? {
        entries[name.lowercased()].map { Int(clamping: $0.declaredSize) }
    }

    /// A part opened for inflating block by block, counted against the limits as it goes.
    func open(_ name: String) throws(ReaderError) -> PartStream {
        guard let entry = entries[name.lowercased()] else { throw ReaderError(.missingPart(name), part: name) }
        // A part that admits to being too large is refused before anything is inflated.
        if entry.declaredSize > UInt64(limits.maxPartSize) {
            throw ReaderError(.partTooLarge(limit: limits.maxPartSize), part: name)
        }
        return try PartStream(archive: self, handle: handle, entry: entry, limits: limits)
    }

    /// The inflated bytes of a part, counted against the limits as they arrive.
    func read(_ name: String) throws(ReaderError) -> PartBuffer {
        let stream = try open(name)
        // One byte beyond the limit tells a part that reaches the limit from one that exceeds it.
        let buffer = PartBuffer(limit: limits.maxPartSize + 1)
        while true {
            let got = try stream.read(into: buffer.end, capacity: min(1 << 20, buffer.remaining))
            if got == 0 { break }
            buffer.commit(got)
        }
        return buffer
    }

    /// Adds a block just inflated to the archive's total; throws past the total limit.
    func count(inflated size: Int, part: String) throws(ReaderError) {
        if totalInflated + size > limits.maxTotalSize {
            throw ReaderError(.totalTooLarge(limit: limits.maxTotalSize), part: part)
        }
        totalInflated += size
    }

    /// Takes back bytes a stream counted, when its part is to be read again from the start.
    func uncount(inflated size: Int) {
        totalInflated -= size
    }

    private static func openError(_ code: Int32) -> ReaderError {
        switch code {
        case ZIP_ER_NOZIP: return ReaderError(.corruptArchive("no ZIP central directory (the file is truncated or not a ZIP)"))
        case ZIP_ER_NOENT, ZIP_ER_OPEN: return ReaderError(.cannotOpen(describe(code)))
        case ZIP_ER_MULTIDISK: return ReaderError(.corruptArchive("multi-disk archives are not supported"))
        default: return ReaderError(.corruptArchive(describe(code)))
        }
    }

    /// libzip's description of an error code, in lower case.
    static func describe(_ code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error)).lowercased()
    }
}
