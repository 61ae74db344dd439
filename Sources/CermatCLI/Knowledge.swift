import ArgumentParser
import CermatKnowledge

/// Loading the rules folder for a command, with the messages and exit status a user needs when it fails.
enum Knowledge {
    /// The knowledge base from `folder`, or from where `KnowledgeBase.locate()` finds it; exit status 2 when it cannot.
    static func load(_ folder: String?) throws -> KnowledgeBase {
        guard let path = folder ?? KnowledgeBase.locate() else {
            Terminal.error("error: cannot find the rules folder (table forms, vocabulary); pass --rules DIR or set CERMAT_RULES")
            throw ExitCode(2)
        }
        do {
            return try KnowledgeBase.load(folder: path)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}
