#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The inflated bytes of one part, owned by this object and freed with it.
///
/// The storage is one reservation of address space as large as the part limit, which the kernel backs with memory only
/// as bytes arrive. Growing it never copies, and nothing about its size is taken from the (untrusted) archive.
final class PartBuffer {
    private let base: UnsafeMutableRawPointer
    private let capacity: Int
    private let mapped: Bool
    /// Bytes written so far.
    private(set) var count = 0

    /// A buffer that may grow to `limit` bytes.
    init(limit: Int) {
        let size = max(limit, 1)
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
        #else
        let flags = MAP_PRIVATE | MAP_ANON
        #endif
        let pointer = mmap(nil, size, PROT_READ | PROT_WRITE, flags, -1, 0)
        if let pointer, pointer != MAP_FAILED {
            #if os(Linux)
            // A large part otherwise costs one page fault per 4 KiB as it is inflated; transparent huge pages take one
            // per 2 MiB. Only advice: where the kernel declines, nothing changes.
            _ = madvise(pointer, size, MADV_HUGEPAGE)
            #endif
            base = pointer
            capacity = size
            mapped = true
        } else {
            // Strict overcommit refuses large reservations; a plain allocation of the limit is the fallback.
            base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            capacity = size
            mapped = false
        }
    }

    /// A buffer holding a copy of `bytes` (for transcoded parts and tests).
    convenience init(copying bytes: [UInt8]) {
        self.init(limit: bytes.count)
        bytes.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        count = bytes.count
    }

    deinit {
        if mapped { munmap(base, capacity) } else { base.deallocate() }
    }

    /// Room left before the limit.
    var remaining: Int { capacity - count }

    /// Where the next bytes go; at most `remaining` of them.
    var end: UnsafeMutableRawPointer { base + count }

    /// Records that `size` more bytes were written at `end`.
    func commit(_ size: Int) {
        precondition(size >= 0 && size <= remaining)
        count += size
    }

    /// Calls `body` with the bytes written so far.
    func withBytes<T, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T) throws(E) -> T {
        try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }
}
