/// How a rule behaves in one run: its severity, whether it runs, its tolerance and its numeric parameters.
public struct RuleSettings: Hashable, Sendable {
    /// Whether the rule runs.
    public var enabled: Bool
    /// The severity its findings get.
    public var severity: Severity
    /// A fixed tolerance instead of the printed precision's.
    public var tolerance: Double?
    /// Named thresholds (`warn-above: 150`).
    public var parameters: [String: Double]

    /// Settings.
    public init(enabled: Bool = true, severity: Severity, tolerance: Double? = nil, parameters: [String: Double] = [:]) {
        self.enabled = enabled
        self.severity = severity
        self.tolerance = tolerance
        self.parameters = parameters
    }

    /// A parameter, or `fallback` when it is not set.
    public func parameter(_ name: String, _ fallback: Double) -> Double {
        parameters[name] ?? fallback
    }
}
