import Dispatch

/// Work spread over every core.
public enum Parallel {
    /// `transform` of each index in `0..<count`, run on every core at once; the results in index order.
    public static func map<Result>(_ count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        // Each index writes its own slot only.
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = transform(index) }
        return slots.map { $0! }
    }
}
