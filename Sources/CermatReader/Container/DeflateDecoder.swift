import CIsal

/// Raw deflate data inflated with ISA-L's igzip, about three times as fast as zlib, with the CRC-32 of every byte it
/// produced; the sole owner of its `inflate_state`.
///
/// libzip hands over the part's compressed bytes untouched (`ZIP_FL_COMPRESSED`); the CRC-32 computed here stands in
/// for the check libzip would have made, so damaged data is refused just the same.
final class DeflateDecoder {
    /// CRC-32 of the bytes inflated so far.
    var crc: UInt32 { state.pointee.crc }
    private var finished: Bool { state.pointee.block_state == ISAL_BLOCK_FINISH }
    private let state: UnsafeMutablePointer<inflate_state>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private let part: String

    /// A decoder for `part`, whose compressed input arrives through `inflate`'s `refill`, `inputSize` bytes at a time.
    init(part: String, inputSize: Int = 1 << 18) {
        self.part = part
        state = .allocate(capacity: 1)
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP_NO_HDR)
        input = .allocate(byteCount: inputSize, alignment: 16)
    }

    deinit {
        state.deallocate()
        input.deallocate()
    }

    /// Inflates at most `capacity` bytes to `destination`, taking compressed bytes from `refill` (which fills the
    /// buffer it is given and returns how many bytes it wrote, 0 at the end of the data); 0 once the stream has ended.
    func inflate(
        into destination: UnsafeMutableRawPointer, capacity: Int,
        refill: (UnsafeMutableRawBufferPointer) throws(ReaderError) -> Int
    ) throws(ReaderError) -> Int {
        state.pointee.next_out = destination.assumingMemoryBound(to: UInt8.self)
        state.pointee.avail_out = UInt32(clamping: capacity)
        while !finished {
            if state.pointee.avail_in == 0 && !inputEnded {
                let got = try refill(input)
                inputEnded = got == 0
                state.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: UInt8.self)
                state.pointee.avail_in = UInt32(got)
            }
            let status = isal_inflate(state)
            guard status >= ISAL_DECOMP_OK else {
                throw ReaderError(.corruptArchive(Self.describe(status)), part: part)
            }
            let produced = capacity - Int(state.pointee.avail_out)
            // Data that stops without a last block ends here too; as with zlib, its size and CRC-32 judge it.
            if produced > 0 || inputEnded && state.pointee.avail_in == 0 { return produced }
        }
        return 0
    }

    private static func describe(_ status: Int32) -> String {
        switch status {
        case ISAL_INVALID_BLOCK: return "the compressed data is invalid (a deflate block of an unknown type)"
        case ISAL_INVALID_SYMBOL: return "the compressed data is invalid (an undefined deflate symbol)"
        case ISAL_INVALID_LOOKBACK: return "the compressed data is invalid (a distance before the start of the data)"
        default: return "the compressed data is invalid (igzip status \(status))"
        }
    }
}
