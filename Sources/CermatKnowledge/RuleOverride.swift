/// Settings for one rule as a YAML file writes them: in `rules/defaults.yml`, or overlaid by a `.cermat.yml`.
public struct RuleOverride: Hashable, Sendable {
    /// `error`, `warning` or `info`, if set.
    public var severity: String?
    /// Whether the rule runs, if set.
    public var enabled: Bool?
    /// A fixed tolerance, if set.
    public var tolerance: Double?
    /// Named thresholds.
    public var parameters: [String: Double]

    /// An override.
    public init(severity: String? = nil, enabled: Bool? = nil, tolerance: Double? = nil, parameters: [String: Double] = [:]) {
        self.severity = severity
        self.enabled = enabled
        self.tolerance = tolerance
        self.parameters = parameters
    }

    /// This override with `other`'s settings laid over it.
    public func overlaid(by other: RuleOverride) -> RuleOverride {
        RuleOverride(severity: other.severity ?? severity, enabled: other.enabled ?? enabled,
                     tolerance: other.tolerance ?? tolerance, parameters: parameters.merging(other.parameters) { $1 })
    }
}
