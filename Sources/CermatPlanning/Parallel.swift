import Foundation

/// Work spread over several cores.
///
/// Every map runs on one pool of threads, one per core, that nested maps share: a map inside a map (the rules of a
/// workbook beside the checks across documents, the subject index's slices inside one of those checks) spreads over
/// whichever cores are free. `DispatchQueue.concurrentPerform` nested in another gives each inner map only its share of
/// the cores, fixed when it starts, so that one half of a run went on alone on one core after the other had finished.
public enum Parallel {
    /// `transform` of each index in `0..<count`, results in index order; at most `width` threads (as many as want to
    /// when `nil`) each take the next index as they finish one. The calling thread is one of them.
    public static func map<Result>(_ count: Int, width: Int? = nil, _ transform: @Sendable (Int) -> Result) -> [Result] {
        // Each index is taken once, so each slot has one writer.
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        withoutActuallyEscaping(transform) { transform in
            // The batch is done before `map` returns, so the work it holds never outlives `transform`.
            Pool.shared.run(Batch(count: count, width: max(1, min(width ?? count, count))) { index in
                slots[index] = transform(index)
            })
        }
        return slots.map { $0! }
    }

    /// `transform` of each index in `0..<count`, in index order, made on every core in consecutive slices of at most
    /// `size` indices: for work on each row of a large table, where one task per row would cost more than the row. Each
    /// slice makes a `state` of its own that its indices then share in order (what the slice has read so far). Each
    /// result is made where the array returned keeps it: joining arrays made slice by slice copied every result again,
    /// on one core, while the others waited.
    public static func map<State, Result>(_ count: Int, slicedBy size: Int, state: @Sendable () -> State,
                                          _ transform: @Sendable (Int, inout State) -> Result) -> [Result] {
        precondition(size > 0, "slices of at least one index")
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each slice initialises its own elements: one writer each.
            nonisolated(unsafe) let results = buffer
            _ = map((count + size - 1) / size) { slice in
                var sliceState = state()
                for index in slice * size..<min(count, (slice + 1) * size) {
                    (results.baseAddress! + index).initialize(to: transform(index, &sliceState))
                }
            }
            initialized = count
        }
    }

    /// `transform` of each index in `0..<count`, in index order, made on every core in consecutive slices of at most
    /// `size` indices (`map(_:slicedBy:state:_:)` with nothing shared within a slice).
    public static func map<Result>(_ count: Int, slicedBy size: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        map(count, slicedBy: size, state: {}) { index, _ in transform(index) }
    }

    // The indices of one map, taken by its caller and by any pool thread while fewer than `width` work on it.
    // @unchecked: every counter is touched only under the pool's lock.
    private final class Batch: @unchecked Sendable {
        let count: Int
        let width: Int
        let body: @Sendable (Int) -> Void
        var taken = 0
        var finished = 0
        var runners = 0

        init(count: Int, width: Int, body: @escaping @Sendable (Int) -> Void) {
            self.count = count
            self.width = width
            self.body = body
        }

        var isOpen: Bool { taken < count && runners < width }
    }

    // Threads that take indices from the newest open batch: the innermost map first, so that work a caller waits on is
    // done before more is started.
    // @unchecked: `open` and the batches' counters are touched only under `condition`.
    private final class Pool: @unchecked Sendable {
        static let shared = Pool(threads: ProcessInfo.processInfo.activeProcessorCount)

        private let condition = NSCondition()
        private var open: [Batch] = []

        private init(threads: Int) {
            for number in 0..<threads {
                let thread = Thread { [unowned self] in work() }
                thread.name = "cermat.parallel.\(number)"
                // The size of the main thread's stack: rules recurse through a table's hierarchy.
                thread.stackSize = 8 << 20
                thread.start()
            }
        }

        // Runs a batch on the calling thread and on any pool thread free to help, and returns when all of it is done.
        // The caller works on its own batch until none of it is left, so a nested map never waits on busy threads to
        // start its work.
        func run(_ batch: Batch) {
            condition.lock()
            batch.runners = 1
            if batch.count > 1 {
                open.append(batch)
                condition.broadcast()
            }
            drain(batch)
            while batch.finished < batch.count { condition.wait() }
            condition.unlock()
        }

        private func work() {
            condition.lock()
            while true {
                guard let batch = open.last(where: \.isOpen) else {
                    condition.wait()
                    continue
                }
                batch.runners += 1
                drain(batch)
            }
        }

        // Takes and runs the batch's indices one by one until none is left; called and returns with the lock held.
        private func drain(_ batch: Batch) {
            while batch.taken < batch.count {
                let index = batch.taken
                batch.taken += 1
                if batch.taken == batch.count { open.removeAll { $0 === batch } }
                condition.unlock()
                batch.body(index)
                condition.lock()
                batch.finished += 1
                if batch.finished == batch.count { condition.broadcast() }
            }
            batch.runners -= 1
        }
    }
}
