import Foundation

/// Locations of the repository's fixtures and built products, for tests.
public enum Fixtures {
    /// The repository root (this file is `Tests/Support/Fixtures.swift`).
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A path below `fixtures/`.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent("fixtures").appendingPathComponent(relative).path
    }

    /// Every file below `fixtures/<folder>` whose name ends with `suffix`, sorted.
    public static func files(in folder: String, suffix: String) -> [String] {
        let directory = root.appendingPathComponent("fixtures").appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { directory.appendingPathComponent($0).path }
    }
}
