import CLibzip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes new ZIP archives through libzip (this target is its only importer): several annotated workbooks as one download.
public enum ZipWriter {
    /// Writes `entries` into a new archive at `path`, each stored as it is: XLSX files are already deflated, so
    /// compressing them again costs time and saves nothing. libzip writes a temporary file and renames it into place.
    public static func write(_ entries: [(name: String, bytes: [UInt8])], to path: String) throws(ZipWriteError) {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw ZipWriteError(path: path, reason: String(cString: zip_error_strerror(&error)))
        }
        for entry in entries {
            // libzip reads the bytes only when the archive is closed, and frees this copy itself then.
            let copy = malloc(max(entry.bytes.count, 1))!
            entry.bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
            guard let source = zip_source_buffer(archive, copy, UInt64(entry.bytes.count), 1) else {
                free(copy)
                throw failure(archive, path)
            }
            let index = zip_file_add(archive, entry.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(source)
                throw failure(archive, path)
            }
            guard zip_set_file_compression(archive, UInt64(index), ZIP_CM_STORE, 0) == 0 else { throw failure(archive, path) }
        }
        guard zip_close(archive) == 0 else { throw failure(archive, path) }
    }

    // The archive's last error; the half-built archive is discarded, so nothing is left at `path`.
    private static func failure(_ archive: OpaquePointer, _ path: String) -> ZipWriteError {
        let reason = String(cString: zip_strerror(archive))
        zip_discard(archive)
        return ZipWriteError(path: path, reason: reason)
    }
}
