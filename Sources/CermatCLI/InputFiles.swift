import ArgumentParser
import Foundation

/// The workbooks named on the command line: files as given, folders expanded to every `.xlsx` below them.
enum InputFiles {
    /// The paths to check, in the order given, each folder's workbooks sorted; a folder without one is a usage error.
    ///
    /// A path that does not exist is kept, so that it is reported as unreadable alongside the others. Below a folder,
    /// hidden folders, Office lock files (`~$…`) and Cermat's own annotated copies (`….cermat.xlsx`) are skipped.
    static func expand(_ inputs: [String]) throws -> [String] {
        var paths: [String] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue else {
                paths.append(input)
                continue
            }
            let found = workbooks(under: input)
            if found.isEmpty { throw ValidationError("no .xlsx workbook in the folder '\(input)'") }
            paths += found
        }
        return paths
    }

    private static func workbooks(under folder: String) -> [String] {
        let root = URL(fileURLWithPath: folder)
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles]) else { return [] }
        var found: [String] = []
        for case let url as URL in walk {
            let name = url.lastPathComponent
            guard name.lowercased().hasSuffix(".xlsx"), !name.hasPrefix("~$"), !name.lowercased().hasSuffix(".cermat.xlsx"),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            // Keep the folder as the user wrote it, so reported paths read like theirs.
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count))
            found.append((folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + relative)
        }
        return found.sorted()
    }

    /// Whether two paths name the same file (after resolving `.`, `..` and symbolic links).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath()
            == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath()
    }
}
