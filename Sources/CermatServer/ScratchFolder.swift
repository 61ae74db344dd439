import Foundation

/// A private folder (mode 0700, made by `mkdtemp`) for the files one request writes, the annotated copies; removed
/// with everything in it when the request's work ends, whether it succeeded or failed.
struct ScratchFolder {
    /// The folder's path.
    let path: String

    /// A new folder below `parent`.
    init(in parent: String) throws(ServeError) {
        var template = Array((URL(fileURLWithPath: parent).appendingPathComponent("cermat-serve-XXXXXX").path).utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .failed("cannot create a temporary folder in \(parent)")
        }
        path = String(cString: made)
    }

    /// A path inside the folder for a file named `name`.
    func file(_ name: String) -> String {
        URL(fileURLWithPath: path).appendingPathComponent(name).path
    }

    /// Removes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
