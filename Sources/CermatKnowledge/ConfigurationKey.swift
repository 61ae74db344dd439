/// A key of `.cermat.yml` with what it means in both languages: the loader accepts exactly these keys, and `cermat init`
/// documents every one of them, so neither can drift from the other.
public struct ConfigurationKey: Sendable {
    /// The key as written (`fail-on`).
    public var name: String
    /// What it does, in Bahasa Indonesia.
    public var id: String
    /// What it does, in English.
    public var en: String
    /// A value to show in the generated file (`error`), or the keys of each entry it holds.
    public var example: String
    /// The keys each entry under it holds (a rule's settings, a sheet's settings, a suppression); empty for a value.
    public var keys: [ConfigurationKey]

    /// A key.
    public init(_ name: String, id: String, en: String, example: String = "", keys: [ConfigurationKey] = []) {
        self.name = name
        self.id = id
        self.en = en
        self.example = example
        self.keys = keys
    }

    /// The names of the keys an entry under this key may hold.
    public var allowed: Set<String> { Set(keys.map(\.name)) }
}
