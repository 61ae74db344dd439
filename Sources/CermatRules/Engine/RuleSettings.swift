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

    /// A parameter's value; the linter has checked that `rules/defaults.yml` gives every declared parameter one.
    public func parameter(_ name: String) -> Double {
        guard let value = parameters[name] else { preconditionFailure("parameter '\(name)' is not declared in the rule's info") }
        return value
    }
}
