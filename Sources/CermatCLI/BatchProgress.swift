import Foundation
import CermatRules

/// The progress line of a batch on a terminal's standard error: files done and findings so far, rewritten in place.
final class BatchProgress: @unchecked Sendable {
    private let total: Int
    private let language: Language
    private let lock = NSLock()
    private var done = 0
    private var findings = 0
    private var lastDrawn: UInt64 = 0

    /// A progress line for `total` files.
    init(total: Int, language: Language) {
        self.total = total
        self.language = language
    }

    /// Records one more file checked with its findings, and redraws the line at most ten times a second.
    func advance(findings count: Int) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        findings += count
        let now = DispatchTime.now().uptimeNanoseconds
        guard done == total || now - lastDrawn >= 100_000_000 else { return }
        lastDrawn = now
        let line = language == .id ? "\(done)/\(total) berkas diperiksa, \(findings) temuan"
            : "\(done)/\(total) files checked, \(findings) findings"
        Terminal.rewrite(line)
    }

    /// Clears the line, so that what follows starts on a clean one.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        Terminal.rewrite("")
    }
}
