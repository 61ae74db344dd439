/// English counts for terminal output: `1 row`, `2 rows`.
enum Plural {
    /// The count with its noun, pluralised with `s` unless the count is 1.
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
