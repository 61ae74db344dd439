#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for arrays of millions of plain values (a large sheet's cells, a large table's columns), backed by transparent
/// huge pages where the kernel allows them: one page fault per 2 MiB instead of one per 4 KiB as the memory is first
/// written, which for a fresh array of tens of megabytes cost as much as filling it.
public enum HugePages {
    /// The size of a huge page.
    public static let size = 2 << 20

    /// Advises the kernel to back the whole huge pages inside `bytes` with huge pages, when it spans at least two;
    /// called before they are first written. Only advice: where the kernel declines (or on other systems), nothing
    /// changes.
    public static func advise(_ bytes: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = bytes.baseAddress, bytes.count >= 2 * size else { return }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + bytes.count) & ~(size - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
        #endif
    }

    /// Reserves room for `capacity` elements in an array, advised (`advise`) before they are written.
    public static func reserve<Element>(_ array: inout [Element], capacity: Int) {
        array.reserveCapacity(capacity)
        let bytes = array.capacity * MemoryLayout<Element>.stride
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            advise(UnsafeMutableRawBufferPointer(start: base, count: bytes))
        }
    }

    /// Uninitialised memory of `bytes` bytes, advised (`advise`) before it is written; the caller deallocates it.
    public static func allocate(bytes: Int, alignment: Int) -> UnsafeMutableRawBufferPointer {
        // At least one byte, so that there is always an address to give back.
        let start = UnsafeMutableRawPointer.allocate(byteCount: max(bytes, 1), alignment: alignment)
        let memory = UnsafeMutableRawBufferPointer(start: start, count: bytes)
        advise(memory)
        return memory
    }
}
