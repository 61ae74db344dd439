/// A sentence for a person, in Bahasa Indonesia (the default) and English.
public struct Message: Hashable, Sendable, Codable {
    /// Bahasa Indonesia.
    public var id: String
    /// English.
    public var en: String

    /// A message in both languages.
    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }

    /// The text in a language (`id` or `en`).
    public func text(_ language: Language) -> String {
        language == .en ? en : id
    }
}

/// The languages Cermat speaks.
public enum Language: String, Hashable, Sendable, CaseIterable, Codable {
    /// Bahasa Indonesia (the default).
    case id
    /// English.
    case en
}
