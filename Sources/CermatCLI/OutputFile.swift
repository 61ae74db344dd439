import ArgumentParser
import Foundation

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
            if FileManager.default.fileExists(atPath: target.path) {
                _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            Terminal.error("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
