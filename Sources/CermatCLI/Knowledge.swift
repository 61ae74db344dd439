import ArgumentParser
import CermatKnowledge
import CermatRules

/// Loading the rules folder and the configuration for a command, with the messages and exit status a user needs when
/// either is missing or invalid (exit status 2).
enum Knowledge {
    /// The knowledge base from `folder`, or from where `KnowledgeBase.locate()` finds it.
    static func load(_ folder: String?) throws -> KnowledgeBase {
        guard let path = folder ?? KnowledgeBase.locate() else {
            Terminal.error("error: cannot find the rules folder (table forms, vocabulary); pass --rules DIR or set CERMAT_RULES")
            throw ExitCode(2)
        }
        return try failing { () throws(KnowledgeError) in try KnowledgeBase.load(folder: path) }
    }

    /// The configuration at `path`, else the `.cermat.yml` of the current folder or above, else none.
    static func configuration(_ path: String?) throws -> Configuration {
        guard let path = path ?? Configuration.locate() else { return Configuration() }
        return try failing { () throws(KnowledgeError) in try Configuration.load(path: path) }
    }

    /// A linter over the rules folder and the configuration, both checked.
    static func linter(rules folder: String?, config path: String?) throws -> Linter {
        let knowledge = try load(folder)
        return try linter(knowledge: knowledge, configuration: try configuration(path))
    }

    /// A linter over loaded knowledge and a configuration, checked against each other.
    static func linter(knowledge: KnowledgeBase, configuration: Configuration) throws -> Linter {
        try failing { () throws(KnowledgeError) in try Linter(knowledge: knowledge, configuration: configuration) }
    }

    private static func failing<T>(_ body: () throws(KnowledgeError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}
