import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a command's output: to standard output, or to a file that appears whole or not at all.
enum OutputFile {
    /// Writes `text` to `path` through a temporary file renamed into place (stdout when `path` is nil).
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces the target in one step: a reader sees the old report or the new one, never half.
            guard rename(temporary.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            Terminal.error("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
