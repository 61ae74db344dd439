import ArgumentParser
import CermatReporting

/// The `cermat` command: lints Indonesian regional planning and performance workbooks.
public struct CermatCommand: AsyncParsableCommand {
    /// Subcommands and help.
    public static let configuration = CommandConfiguration(
        commandName: "cermat",
        abstract: "Lint the XLSX planning and performance workbooks of Indonesian regional offices (Renstra, Renja, PK, IKU, LKjIP).",
        version: CermatVersion.current,
        subcommands: [LintCommand.self, AnnotateCommand.self, RulesCommand.self, ExplainCommand.self, InspectCommand.self, InitCommand.self, ServeCommand.self]
    )

    /// Required by `ParsableCommand`.
    public init() {}
}
