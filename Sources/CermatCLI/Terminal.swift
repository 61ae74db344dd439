#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the terminal's error stream.
enum Terminal {
    /// Writes a line to standard error.
    static func error(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Replaces the current line of standard error with `line` (carriage return, erase line), without a newline.
    static func rewrite(_ line: String) {
        let bytes = Array(("\r\u{1B}[K" + line).utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Ends the process with `status` once its output is written. The workbooks it read (millions of cells, rows and
    /// statements) are left to the kernel, which reclaims them at once, instead of being freed one by one: that took
    /// 0.1 s after reading the 200 000-row benchmark workbook and 0.2 s after linting it.
    static func exit(_ status: Int32) -> Never {
        fflush(nil)
        #if canImport(Glibc)
        Glibc.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }

    /// Whether standard error is a terminal (progress lines are shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Whether standard output is a terminal that accepts colour (`NO_COLOR` unset, `TERM` not `dumb`).
    static var stdoutIsTerminal: Bool {
        isatty(STDOUT_FILENO) != 0 && getenv("NO_COLOR") == nil && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"
    }
}
