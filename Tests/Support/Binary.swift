import Foundation

/// Runs the built `cermat` binary, as a user would, and captures what it prints.
public enum Binary {
    /// What one run printed and how it ended.
    public struct Run: Sendable {
        /// Standard output.
        public let stdout: String
        /// Standard error.
        public let stderr: String
        /// Exit status.
        public let status: Int32
    }

    /// The binary under test: `CERMAT_BINARY` if set, else the debug build next to the sources.
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["CERMAT_BINARY"] { return override }
        return Fixtures.root.appendingPathComponent(".build/debug/cermat").path
    }

    /// Runs `cermat` with arguments in a working directory (default: the repository root).
    public static func run(_ arguments: [String], in directory: URL = Fixtures.root, input: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        // Drain standard error on another thread while reading standard output, so neither pipe can fill and block
        // the child.
        nonisolated(unsafe) var errData = Data()
        let errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        return Run(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                   status: process.terminationStatus)
    }
}
