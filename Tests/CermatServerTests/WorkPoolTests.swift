@testable import CermatServer
import CermatReader
import Foundation
import Testing

/// The bound on requests worked on at once, the queue, the timeout, and the reader limits an upload gets.
@Suite struct WorkPoolTests {
    @Test func aFullPoolWithNoQueueRefusesAtOnce() async throws {
        let pool = WorkPool(slots: 1, queue: 0)
        let slot = try await pool.admit(wait: .seconds(5))
        let start = ContinuousClock.now
        await #expect(throws: ServeError.self) { try await pool.admit(wait: .seconds(5)) }
        #expect(ContinuousClock.now - start < .seconds(1))
        slot.release()
        slot.release()
        #expect(pool.load.working == 0)
    }

    @Test func aWaitingRequestGetsTheNextTurnOrGivesUp() async throws {
        let pool = WorkPool(slots: 1, queue: 1)
        let slot = try await pool.admit(wait: .seconds(5))
        await #expect(throws: ServeError.self) { try await pool.admit(wait: .milliseconds(50)) }
        async let next = pool.admit(wait: .seconds(30))
        try await Task.sleep(for: .milliseconds(50))
        #expect(pool.load.waiting == 1)
        // A third request finds the queue full.
        await #expect(throws: ServeError.self) { try await pool.admit(wait: .seconds(5)) }
        slot.release()
        let second = try await next
        #expect(pool.load.working == 1)
        second.release()
        #expect(pool.load.working == 0)
    }

    @Test func aTimeoutAnswersEarlyButTheSlotIsHeldUntilTheWorkEnds() async throws {
        let pool = WorkPool(slots: 1, queue: 0)
        let slot = try await pool.admit(wait: .seconds(1))
        let gate = DispatchSemaphore(value: 0)
        await #expect {
            try await pool.perform(on: slot, timeout: .milliseconds(100)) { () throws(ServeError) in gate.wait() }
        } throws: { error in
            (error as? ServeError)?.status == .serviceUnavailable
        }
        // The answer came while the work still runs: it keeps its turn until it ends.
        #expect(pool.load.working == 1)
        gate.signal()
        try await Self.eventually { pool.load.working == 0 }
    }

    /// Waits up to 30 s for a condition, however loaded the machine running the tests.
    static func eventually(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("the condition did not hold within 30 s")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func workRunsAndItsErrorsComeBack() async throws {
        let pool = WorkPool(slots: 2, queue: 0)
        let value = try await pool.perform(on: try await pool.admit(wait: .seconds(1)), timeout: .seconds(10)) { () throws(ServeError) in 6 * 7 }
        #expect(value == 42)
        await #expect(throws: ServeError.self) {
            try await pool.perform(on: try await pool.admit(wait: .seconds(1)), timeout: .seconds(10)) { () throws(ServeError) in throw .noWorkbook }
        }
        #expect(pool.load.working == 0)
    }

    @Test func uploadsMayInflateAHundredTimesTheirSizeWithinTheReadersLimits() {
        let limits = ServerLimits()
        #expect(limits.readLimits(forUploadOf: 66_811).maxTotalSize == 16 << 20)
        #expect(limits.readLimits(forUploadOf: 1 << 20).maxTotalSize == 100 << 20)
        #expect(limits.readLimits(forUploadOf: 1 << 20).maxPartSize == 100 << 20)
        #expect(limits.readLimits(forUploadOf: 50 << 20).maxTotalSize == 1 << 30)
        #expect(limits.readLimits(forUploadOf: 50 << 20).maxPartSize == 512 << 20)
        #expect(limits.readLimits(forUploadOf: Int.max).maxTotalSize == 1 << 30)
    }
}
