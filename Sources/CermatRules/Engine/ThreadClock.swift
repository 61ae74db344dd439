import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calling thread's CPU time, and how much of it went into making the readings the rules share (`TableReadings`):
/// `lint --timings` charges each rule its own thread's time, less the readings it made first on behalf of every rule.
enum ThreadClock {
    /// Seconds of CPU the calling thread has used.
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Seconds the calling thread has spent making shared readings so far.
    static var readingSeconds: Double {
        (Thread.current.threadDictionary[readingKey] as? Double) ?? 0
    }

    /// `body`'s result and the CPU seconds the calling thread spent in it, less the readings it made in it for every
    /// rule: a rule's own time.
    static func own<Value>(_ body: () -> Value) -> (value: Value, seconds: Double) {
        let start = now(), reading = readingSeconds
        let value = body()
        return (value, now() - start - (readingSeconds - reading))
    }

    /// `body`'s result and the CPU seconds it took, added to the thread's reading time; a reading made while making
    /// another counts once, in the outer one.
    static func reading<Value>(_ body: () -> Value) -> (value: Value, seconds: Double) {
        let thread = Thread.current.threadDictionary
        guard thread[nestedKey] == nil else { return (body(), 0) }
        thread[nestedKey] = true
        defer { thread[nestedKey] = nil }
        let start = now()
        let value = body()
        let seconds = now() - start
        thread[readingKey] = readingSeconds + seconds
        return (value, seconds)
    }

    private static let readingKey = "cermat.readingSeconds", nestedKey = "cermat.readingNested"
}
