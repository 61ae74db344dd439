import ArgumentParser
import Foundation

/// Where `lint --annotate DIR` writes each workbook's copy: `DIR/<name>.cermat.xlsx`, with `-2`, `-3`… when two inputs
/// share a name, and never over an input.
struct AnnotatedCopies {
    private var paths: [String: String] = [:]

    /// Plans the copies of `inputs` in `folder`, creating the folder; a usage error when it cannot be a folder.
    init(folder: String, inputs: [String]) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw ValidationError("--annotate needs a folder; '\(folder)' is a file") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw ValidationError("cannot create the folder '\(folder)' for --annotate: \(error.localizedDescription)")
            }
        }
        var taken: Set<String> = []
        for input in inputs {
            let base = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
            var number = 1
            var candidate: String
            repeat {
                let name = number == 1 ? base : "\(base)-\(number)"
                candidate = URL(fileURLWithPath: folder).appendingPathComponent(name + ".cermat.xlsx").path
                number += 1
            } while taken.contains(candidate) || inputs.contains(where: { InputFiles.sameFile($0, candidate) })
            taken.insert(candidate)
            paths[input] = candidate
        }
    }

    /// The copy's path for an input.
    func path(for input: String) -> String {
        paths[input]!
    }
}
