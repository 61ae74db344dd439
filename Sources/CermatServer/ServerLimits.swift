import CermatReader
import Foundation

/// What keeps `cermat serve` alive under load and hostile input; each limit is a `cermat serve` option.
public struct ServerLimits: Sendable {
    /// The largest request body accepted (413 above it).
    public var maxRequestBytes: Int
    /// The most workbooks one request may carry (413 above it).
    public var maxWorkbooks: Int
    /// How long receiving one upload may take (then 408), and reading, checking and annotating it (then 503); a
    /// connection is also closed after this long without a byte from the client.
    public var timeout: Duration
    /// How many requests are processed at once; the others wait.
    public var concurrency: Int
    /// How many requests may wait for their turn; more get 503 at once.
    public var queue: Int
    /// How long a request waits for its turn before it gets 503.
    public var queueWait: Duration
    /// The reader's limits for uploads (inflated sizes, entries, XML depth).
    public var reader: ReadLimits
    /// How many times its own size an upload may inflate to (at least 16 MiB, at most `reader`'s limits): a workbook
    /// deflates about 5 to 20 times, a ZIP bomb a thousand.
    public var maxExpansion: Int

    /// The defaults: 50 MiB, 20 workbooks, 60 s, one request per core at once, 16 waiting up to 10 s, and at most
    /// 512 MiB inflated per part, 1 GiB per workbook (the command line's limits are 1 and 4 GiB: a server holds
    /// several uploads at once) and 100 times the upload's size.
    public init(maxRequestBytes: Int = 50 << 20, maxWorkbooks: Int = 20, timeout: Duration = .seconds(60),
                concurrency: Int = max(1, ProcessInfo.processInfo.activeProcessorCount), queue: Int = 16,
                queueWait: Duration = .seconds(10), reader: ReadLimits = ReadLimits(maxPartSize: 512 << 20, maxTotalSize: 1 << 30), maxExpansion: Int = 100) {
        self.maxRequestBytes = maxRequestBytes
        self.maxWorkbooks = maxWorkbooks
        self.timeout = timeout
        self.concurrency = concurrency
        self.queue = queue
        self.queueWait = queueWait
        self.reader = reader
        self.maxExpansion = maxExpansion
    }

    /// The reader's limits for an upload of `size` bytes: its inflated size bounded by `maxExpansion`.
    public func readLimits(forUploadOf size: Int) -> ReadLimits {
        var limits = reader
        let (expanded, overflow) = size.multipliedReportingOverflow(by: maxExpansion)
        let bound = max(16 << 20, overflow ? Int.max : expanded)
        limits.maxTotalSize = min(limits.maxTotalSize, bound)
        limits.maxPartSize = min(limits.maxPartSize, bound)
        return limits
    }
}
