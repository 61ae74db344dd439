/// How long each part took to inflate and parse, for `cermat inspect --timings` and the benchmarks.
public struct ReadStatistics: Sendable {
    /// One part's figures.
    public struct Part: Sendable {
        /// Part name inside the package.
        public var name: String
        /// Inflated size in bytes.
        public var bytes: Int
        /// Seconds spent inflating.
        public var inflateSeconds: Double
        /// Seconds spent parsing; for an `overlapped` part, the wall time of inflating and parsing together.
        public var parseSeconds: Double
        /// Whether the part was parsed while it was inflated, so that the parse time includes the inflating.
        public var overlapped = false
    }

    /// Every part read, in reading order.
    public var parts: [Part] = []

    /// Total seconds over all parts.
    public var totalSeconds: Double {
        parts.reduce(0) { $0 + ($1.overlapped ? $1.parseSeconds : $1.inflateSeconds + $1.parseSeconds) }
    }
}
