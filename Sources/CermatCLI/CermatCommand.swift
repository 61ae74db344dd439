import ArgumentParser

/// The `cermat` command: lints Indonesian regional planning and performance workbooks.
public struct CermatCommand: ParsableCommand {
    /// Subcommands and help.
    public static let configuration = CommandConfiguration(
        commandName: "cermat",
        abstract: "Lint the XLSX planning and performance workbooks of Indonesian regional offices (Renstra, Renja, PK, IKU, LKjIP).",
        version: CermatVersion.current,
        subcommands: [InspectCommand.self]
    )

    /// Required by `ParsableCommand`.
    public init() {}
}

/// The version every output names.
public enum CermatVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
