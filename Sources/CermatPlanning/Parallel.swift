import Dispatch
import Foundation

/// Work spread over several cores.
public enum Parallel {
    /// `transform` of each index in `0..<count`, results in index order; `width` workers (every core when `nil`) each
    /// take the next index as they finish one.
    public static func map<Result>(_ count: Int, width: Int? = nil, _ transform: @Sendable (Int) -> Result) -> [Result] {
        // Each index is taken once, so each slot has one writer.
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        if let width {
            let queue = Queue(count: count)
            DispatchQueue.concurrentPerform(iterations: max(1, min(width, count))) { _ in
                while let index = queue.next() { slots[index] = transform(index) }
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = transform(index) }
        }
        return slots.map { $0! }
    }

    /// `transform` of consecutive slices of `0..<count`, each at most `size` long, on every core; the results joined in
    /// order. For work on each row of a large table, where one task per row would cost more than the row.
    public static func flatMap<Result>(slicing count: Int, by size: Int,
                                       _ transform: @Sendable (Range<Int>) -> [Result]) -> [Result] {
        map((count + size - 1) / size) { part in transform(part * size..<min(count, (part + 1) * size)) }.flatMap { $0 }
    }

    // The next index, handed to one worker at a time.
    private final class Queue: @unchecked Sendable {
        // @unchecked: `taken` is only touched under `lock`.
        private let count: Int
        private var taken = 0
        private let lock = NSLock()

        init(count: Int) {
            self.count = count
        }

        func next() -> Int? {
            lock.withLock {
                guard taken < count else { return nil }
                taken += 1
                return taken - 1
            }
        }
    }
}
