import CLibzip

/// One part of a ZIP archive being inflated, a block at a time; the sole owner of its `zip_file_t` handle.
///
/// A deflated part is inflated by a `DeflateDecoder` from the compressed bytes libzip reads; any other kind of entry
/// (stored, another method, encrypted) is left to libzip. Every block is counted against the part limit, the archive's
/// total limit and the declared size as it arrives (libzip 1.7.3 does not stop at the declared size), so a zip bomb is
/// refused before its bytes are kept anywhere.
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
    private let decoder: DeflateDecoder?
    private let crc: UInt32

    /// Opens the entry; throws when it is encrypted or cannot be read.
    init(archive: ZipArchive, handle: OpaquePointer, entry: ZipArchive.Entry, limits: ReadLimits) throws(ReaderError) {
        guard let file = zip_fopen_index(handle, entry.index, entry.deflated ? ZIP_FL_COMPRESSED : 0) else {
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
        decoder = entry.deflated ? DeflateDecoder(part: entry.name) : nil
        crc = entry.crc
    }

    deinit {
        zip_fclose(file)
    }

    /// Inflates at most `capacity` bytes to `destination`; 0 means the part has ended.
    func read(into destination: UnsafeMutableRawPointer, capacity: Int) throws(ReaderError) -> Int {
        guard !finished, capacity > 0 else { return 0 }
        let got: Int
        if let decoder {
            got = try decoder.inflate(into: destination, capacity: capacity) { (buffer) throws(ReaderError) in
                try fread(buffer.baseAddress!, capacity: buffer.count)
            }
        } else {
            got = try fread(destination, capacity: capacity)
        }
        if got == 0 {
            if UInt64(count) != declaredSize {
                throw ReaderError(.corruptArchive("the part is shorter than its declared size"), part: name)
            }
            if let decoder, decoder.crc != crc {
                throw ReaderError(.corruptArchive("the inflated part does not match its CRC-32 (crc error)"), part: name)
            }
            finished = true
            return 0
        }
        if count + got > limits.maxPartSize { throw ReaderError(.partTooLarge(limit: limits.maxPartSize), part: name) }
        if UInt64(count + got) > declaredSize { throw ReaderError(.sizeMismatch(declared: Int(declaredSize)), part: name) }
        try archive.count(inflated: got, part: name)
        count += got
        return got
    }

    // Bytes as libzip reads them: the compressed data for the decoder, or the inflated part when libzip inflates it.
    private func fread(_ destination: UnsafeMutableRawPointer, capacity: Int) throws(ReaderError) -> Int {
        let got = zip_fread(file, destination, UInt64(capacity))
        guard got >= 0 else {
            let code = zip_error_code_zip(zip_file_get_error(file))
            throw ReaderError(.corruptArchive(ZipArchive.describe(code)), part: name)
        }
        return Int(got)
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
