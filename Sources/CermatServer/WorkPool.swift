import Dispatch
import Foundation

/// Bounds the requests processed at once and runs their CPU-bound work (reading, linting, annotating: synchronous
/// code) on Dispatch threads, never on NIO's event loops nor on Swift's small cooperative pool, so `/healthz` and
/// uploads keep being served while every worker is busy.
final class WorkPool: @unchecked Sendable {
    /// A request's turn: taken by `admit`, given back exactly once, when its work really ends.
    final class Slot: @unchecked Sendable {
        private let pool: WorkPool
        private let lock = NSLock()
        private var released = false

        fileprivate init(pool: WorkPool) {
            self.pool = pool
        }

        /// Gives the turn to the next waiting request; later calls do nothing.
        func release() {
            let first = lock.withLock {
                defer { released = true }
                return !released
            }
            if first { pool.leave() }
        }
    }

    /// Requests in work and waiting, for `/healthz`.
    struct Load: Sendable {
        /// Requests holding a slot.
        var working: Int
        /// Requests waiting for one.
        var waiting: Int
    }

    private let lock = NSLock()
    private let slots: Int
    private let maxWaiting: Int
    private let queue = DispatchQueue(label: "cermat.serve.work", qos: .userInitiated, attributes: .concurrent)
    private var free: Int
    private var waiting: [(id: Int, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextWaiter = 0

    /// A pool of `slots` turns with at most `queue` requests waiting.
    init(slots: Int, queue: Int) {
        self.slots = max(1, slots)
        self.maxWaiting = max(0, queue)
        self.free = self.slots
    }

    /// The current load.
    var load: Load {
        lock.withLock { Load(working: slots - free, waiting: waiting.count) }
    }

    /// Takes a turn, waiting at most `wait` for one; 503 when the queue is full or the wait runs out.
    func admit(wait: Duration) async throws(ServeError) -> Slot {
        let admitted = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            lock.lock()
            if free > 0 {
                free -= 1
                lock.unlock()
                continuation.resume(returning: true)
                return
            }
            guard waiting.count < maxWaiting else {
                lock.unlock()
                continuation.resume(returning: false)
                return
            }
            let id = nextWaiter
            nextWaiter += 1
            waiting.append((id, continuation))
            lock.unlock()
            Task {
                try? await Task.sleep(for: wait)
                self.expire(id)
            }
        }
        guard admitted else { throw .busy }
        return Slot(pool: self)
    }

    /// Runs `work` on a Dispatch thread and gives the slot back when it ends. The answer comes after at most `timeout`
    /// (503): synchronous work cannot be interrupted, so it runs on, holding its slot, and the bound stays true.
    func perform<T: Sendable>(on slot: Slot, timeout: Duration,
                              _ work: @escaping @Sendable () throws(ServeError) -> T) async throws(ServeError) -> T {
        let outcome = Outcome<T>()
        queue.async {
            let result: Result<T, ServeError>
            do throws(ServeError) { result = .success(try work()) } catch { result = .failure(error) }
            slot.release()
            outcome.settle(result)
        }
        // The timer is a Dispatch one too, so it fires on time however busy Swift's cooperative threads are; when the
        // work ended first, its result stands and the timer's is dropped.
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
            outcome.settle(.failure(.timedOut(timeout)))
        }
        return try await outcome.value.get()
    }

    private func expire(_ id: Int) {
        lock.lock()
        guard let index = waiting.firstIndex(where: { $0.id == id }) else {
            lock.unlock()
            return
        }
        let waiter = waiting.remove(at: index)
        lock.unlock()
        waiter.continuation.resume(returning: false)
    }

    // The turn passes straight to the longest waiting request, so a newcomer cannot overtake it.
    fileprivate func leave() {
        lock.lock()
        if waiting.isEmpty {
            free += 1
            lock.unlock()
        } else {
            let waiter = waiting.removeFirst()
            lock.unlock()
            waiter.continuation.resume(returning: true)
        }
    }
}

/// The first of two results to arrive (the work's or the timer's), for one awaiting request.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, ServeError>?
    private var continuation: CheckedContinuation<Result<T, ServeError>, Never>?

    /// Records a result unless one arrived first, and wakes the request.
    func settle(_ result: Result<T, ServeError>) {
        let waiting: CheckedContinuation<Result<T, ServeError>, Never>? = lock.withLock {
            guard self.result == nil else { return nil }
            self.result = result
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: result)
    }

    /// The first result.
    var value: Result<T, ServeError> {
        get async {
            await withCheckedContinuation { continuation in
                lock.lock()
                if let result {
                    lock.unlock()
                    continuation.resume(returning: result)
                } else {
                    self.continuation = continuation
                    lock.unlock()
                }
            }
        }
    }
}
