import CLibzip

/// One part of a ZIP archive being inflated, a block at a time; the sole owner of its `zip_file_t` handle.
///
/// Every block is counted against the part limit, the archive's total limit and the declared size as it arrives
/// (libzip 1.7.3 does not stop at the declared size), so a zip bomb is refused before its bytes are kept anywhere.
final class PartStream {
    /// The part's name as the archive spells it.
    let name: String
    /// Bytes inflated so far.
    private(set) var count = 0
    /// Whether the part has been inflated to its end (and found exactly as long as declared).
    private(set) var finished = false
    private let archive: ZipArchive
    private let declaredSize: UInt64
    private let limits: ReadLimits
    private let file: OpaquePointer

    /// Opens the entry; throws when it is encrypted or cannot be read.
    init(archive: ZipArchive, handle: OpaquePointer, entry: ZipArchive.Entry, limits: ReadLimits) throws(ReaderError) {
        guard let file = zip_fopen_index(handle, entry.index, 0) else {
            let code = zip_error_code_zip(zip_get_error(handle))
            if code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP {
                throw ReaderError(.encryptedEntry, part: entry.name)
            }
            throw ReaderError(.corruptArchive(ZipArchive.describe(code)), part: entry.name)
        }
        self.archive = archive
        self.file = file
        name = entry.name
        declaredSize = entry.declaredSize
        self.limits = limits
    }

    deinit {
        zip_fclose(file)
    }

    /// Inflates at most `capacity` bytes to `destination`; 0 means the part has ended.
    func read(into destination: UnsafeMutableRawPointer, capacity: Int) throws(ReaderError) -> Int {
        guard !finished, capacity > 0 else { return 0 }
        let got = zip_fread(file, destination, UInt64(capacity))
        if got < 0 {
            let code = zip_error_code_zip(zip_file_get_error(file))
            throw ReaderError(.corruptArchive(ZipArchive.describe(code)), part: name)
        }
        if got == 0 {
            if UInt64(count) != declaredSize {
                throw ReaderError(.corruptArchive("the part is shorter than its declared size"), part: name)
            }
            finished = true
            return 0
        }
        let size = Int(got)
        if count + size > limits.maxPartSize { throw ReaderError(.partTooLarge(limit: limits.maxPartSize), part: name) }
        if UInt64(count + size) > declaredSize { throw ReaderError(.sizeMismatch(declared: Int(declaredSize)), part: name) }
        try archive.count(inflated: size, part: name)
        count += size
        return size
    }

    /// Fills `destination` up to `capacity` bytes, stopping early only at the end of the part.
    func fill(_ destination: UnsafeMutableRawPointer, capacity: Int) throws(ReaderError) -> Int {
        var filled = 0
        while filled < capacity {
            let got = try read(into: destination + filled, capacity: min(1 << 20, capacity - filled))
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// Gives back what this stream counted against the archive's total: the part is about to be read again, from its
    /// start, by our own choice, not because the file is larger than it said.
    func abandon() {
        archive.uncount(inflated: count)
        count = 0
    }
}
