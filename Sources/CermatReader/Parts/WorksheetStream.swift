import CermatWorkbook
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A large worksheet part parsed while it is still being inflated: a thread of its own inflates block after block, and
/// each block, up to its last row start, is parsed on a core as soon as it is full, the unfinished row moving on to
/// the next block. Inflating is no longer a serial step before the parse, and the part's XML is never held whole: a few
/// blocks are recycled, so a 200 MB sheet costs a few MB of buffers instead of 200 MB of freshly touched memory.
///
/// Anything off the common shape makes it give up (`nil`) and the caller reads the part the ordinary way: a UTF-16
/// part, a cut that was not a row boundary (the text `<row` inside a CDATA section), a piece whose first row has no
/// number, and malformed XML, whose error then carries its exact offset in the whole part.
struct WorksheetStream {
    /// Fills a buffer from the part: at most `capacity` bytes, fewer only at the part's end.
    typealias Fill = (UnsafeMutableRawPointer, Int) throws(ReaderError) -> Int

    let context: WorksheetPart.Context

    /// The parsed part and the seconds spent inflating it (beside the parse), or `nil` to read the part the ordinary way.
    func parse(_ fill: @escaping Fill) throws(ReaderError) -> (part: WorksheetPart, inflateSeconds: Double)? {
        let run = Run(context: context, fill: fill)
        // The inflating thread is not one of the pool's: the pool's threads all parse, and wait for blocks to parse.
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<Run>.fromOpaque(raw!).takeRetainedValue().produce()
            return nil
        }, Unmanaged.passRetained(run).toOpaque())
        guard started == 0 else { return nil }
        DispatchQueue.concurrentPerform(iterations: WorksheetPart.processors) { _ in run.consume() }
        pthread_join(thread, nil)
        return try run.joined()
    }

    /// One buffer of inflated XML: a block being filled, then a piece being parsed, then free again.
    final class Block: @unchecked Sendable {
        // @unchecked: one thread owns a block at a time, handed over through `Run`.
        private(set) var base: UnsafeMutableRawPointer
        private(set) var capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(byteCount: capacity, alignment: 16)
        }

        deinit {
            base.deallocate()
        }

        var bytes: UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
        }

        /// Doubles the room, keeping the bytes.
        func grow() {
            let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
            larger.copyMemory(from: base, byteCount: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }

        func append(_ source: UnsafeRawBufferPointer) {
            while count + source.count > capacity { grow() }
            if let start = source.baseAddress { (base + count).copyMemory(from: start, byteCount: source.count) }
            count += source.count
        }
    }

    /// A block's bytes `from..<end` to parse, with the scanner state it starts in.
    private struct Piece {
        let index: Int
        let block: Block
        let from: Int
        let end: Int
        let last: Bool
        /// The parser that read the part's start, for piece 0.
        let first: WorksheetPart.Parser?
        let open: [XMLScanner.OpenElement]
    }

    /// The inflating thread, the pieces waiting for a core, the parsed pieces, and the blocks they recycle.
    private final class Run: @unchecked Sendable {
        // @unchecked: everything the threads share is only touched on `lock`; a block has one owner at a time.
        private let context: WorksheetPart.Context
        private let fill: Fill
        private let size: Int
        private var free: [Block] = []
        private let available: DispatchSemaphore
        private let ready = DispatchSemaphore(value: 0)
        private let lock = DispatchQueue(label: "cermat.worksheet-stream")
        private var waiting: [Piece] = []
        private var produced = false
        private var parsed: [Int: WorksheetPart.Parser] = [:]
        private var pieces = 0
        private var gaveUp = false
        private var error: ReaderError?
        private(set) var inflateSeconds = 0.0

        init(context: WorksheetPart.Context, fill: @escaping Fill) {
            self.context = context
            self.fill = fill
            size = max(context.streamBlock, 64)
            // One block per core being parsed and one being filled. Signalled rather than given as the initial value:
            // libdispatch refuses to free a semaphore left below its initial value, as a run that gives up leaves it.
            available = DispatchSemaphore(value: 0)
            for _ in 0...WorksheetPart.processors { available.signal() }
        }

        /// The inflating thread's work: blocks in, pieces out; records the end, a failure or giving up.
        func produce() {
            do throws(ReaderError) {
                if try !cut() { lock.sync { gaveUp = true } }
            } catch {
                lock.sync { self.error = error }
            }
            lock.sync { produced = true }
            for _ in 0..<WorksheetPart.processors { ready.signal() }
        }

        // Inflates the part block by block and queues its pieces; false to give up.
        private func cut() throws(ReaderError) -> Bool {
            let clock = ContinuousClock()
            var ended = false
            func more(_ block: Block) throws(ReaderError) {
                let start = clock.now
                let wanted = block.capacity - block.count
                let got = try fill(block.base + block.count, wanted)
                inflateSeconds += (clock.now - start).seconds
                block.count += got
                ended = got < wanted
            }
            var block = take()
            // The part up to `<sheetData>`, the block grown until it holds it: what comes before the rows is small.
            var first = WorksheetPart.Parser(context: context)
            var from = 0
            var open: [XMLScanner.OpenElement] = []
            while true {
                try more(block)
                let bytes = block.bytes
                if XMLEncoding.isUTF16(bytes) { return false }
                var scanner = XMLScanner(bytes, part: context.part, maxDepth: context.maxDepth)
                first = WorksheetPart.Parser(context: context)
                if (try? first.run(&scanner, until: .sheetData)) == .reachedStop {
                    from = scanner.position
                    open = scanner.openElements
                    break
                }
                if ended { return false }
                block.grow()
            }
            // The scanner names its open elements by offsets into its buffer: every later block starts with a copy of
            // their names (`worksheet`, `sheetData`), for the scanner of its piece to close them.
            var prelude: [UInt8] = []
            let continued = open.map { element in
                let at = prelude.count
                prelude += block.bytes[element.start..<element.end]
                return XMLScanner.OpenElement(start: at, local: at + element.local - element.start, end: prelude.count)
            }
            var index = 0
            while true {
                if !ended && block.count < block.capacity { try more(block) }
                if ended {
                    queue(Piece(index: index, block: block, from: from, end: block.count, last: true,
                                first: index == 0 ? first : nil, open: open))
                    return true
                }
                // The block's last row start ends this piece; a block holding no whole row grows instead.
                guard let cut = lastRowStart(block, after: from) else {
                    block.grow()
                    continue
                }
                let next = take()
                next.count = 0
                prelude.withUnsafeBytes { next.append($0) }
                next.append(UnsafeRawBufferPointer(start: block.base + cut, count: block.count - cut))
                queue(Piece(index: index, block: block, from: from, end: cut, last: false, first: index == 0 ? first : nil,
                            open: open))
                block = next
                from = prelude.count
                open = continued
                index += 1
            }
        }

        // The start of the block's last `<row` tag after `after`, looking first in its last 64 KiB.
        private func lastRowStart(_ block: Block, after: Int) -> Int? {
            let scanner = XMLScanner(block.bytes, part: context.part, maxDepth: 1)
            for from in [max(after + 1, block.count - (64 << 10)), after + 1] {
                var found: Int?
                var at = from
                while at < block.count, let start = scanner.findStartTag("row", from: at, limit: block.count - at) {
                    found = start
                    at = start + 1
                }
                if found != nil || from == after + 1 { return found }
            }
            return nil
        }

        // A free block, waiting while every block is taken.
        private func take() -> Block {
            available.wait()
            return lock.sync { free.popLast() } ?? Block(capacity: size)
        }

        private func queue(_ piece: Piece) {
            lock.sync {
                waiting.append(piece)
                pieces += 1
            }
            ready.signal()
        }

        /// A pool thread's work: parses waiting pieces until the inflating thread is done and none is left.
        func consume() {
            while true {
                ready.wait()
                guard let piece = lock.sync(execute: { waiting.isEmpty ? nil : waiting.removeFirst() }) else { return }
                if !lock.sync(execute: { gaveUp || error != nil }) {
                    parse(piece)
                }
                lock.sync { free.append(piece.block) }
                available.signal()
            }
        }

        private func parse(_ piece: Piece) {
            var parser = piece.first ?? WorksheetPart.Parser.piece(context: context)
            WorksheetPart.reserveCells(&parser.result.cells, bytes: piece.end - piece.from)
            let bytes = UnsafeBufferPointer(start: piece.block.base.assumingMemoryBound(to: UInt8.self), count: piece.end)
            var scanner = XMLScanner(bytes, part: context.part, maxDepth: context.maxDepth, at: piece.from, inside: piece.open)
            // A piece that stops anywhere but its end, or fails, sends the whole part down the ordinary path.
            let outcome = try? parser.run(&scanner, until: piece.last ? .end : .offset(piece.end))
            let stood = outcome == (piece.last ? .reachedEnd : .reachedStop)
            lock.sync {
                if stood { parsed[piece.index] = parser } else { gaveUp = true }
            }
        }

        /// The pieces joined in order, once all are parsed; `nil` when the run gave up.
        func joined() throws(ReaderError) -> (part: WorksheetPart, inflateSeconds: Double)? {
            let (parsed, pieces, gaveUp, error) = lock.sync { (self.parsed, self.pieces, self.gaveUp, self.error) }
            if let error { throw error }
            guard !gaveUp, pieces > 0, var joined = parsed[0] else { return nil }
            for index in 1..<pieces {
                guard let next = parsed[index] else { return nil }
                joined.append(consuming: next)
            }
            return (try joined.finish(), inflateSeconds)
        }
    }
}
