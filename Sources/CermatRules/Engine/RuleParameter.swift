/// A named threshold a rule reads from its settings (`warn-above`); its value lives in `rules/defaults.yml`.
public struct RuleParameter: Sendable {
    /// The name used in `rules/defaults.yml` and `.cermat.yml`.
    public var name: String
    /// What it changes.
    public var description: Message

    /// A parameter.
    public init(_ name: String, _ description: Message) {
        self.name = name
        self.description = description
    }
}
