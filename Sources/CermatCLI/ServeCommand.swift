import ArgumentParser
import CermatServer
import Foundation

/// `cermat serve`: the page for planners and the HTTP API for upload portals, until interrupted.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a page where planners check workbooks in their browser, and an HTTP API for upload portals and CI.",
        discussion: """
            API: POST /api/lint (multipart/form-data, one file per workbook; ?format=json|sarif|junit|text|github, \
            ?lang=id|en), POST /api/annotate (the annotated copy, or a ZIP of them), GET /api/rules, GET /healthz. \
            Listens on loopback unless --host says otherwise. Uploads stay in memory; annotated copies live in a private \
            temporary folder only while their request runs. Stops on Ctrl-C (SIGINT) or SIGTERM.
            """
    )

    @Option(help: "The address to listen on; 0.0.0.0 listens on every interface (then set a token).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: ArgumentHelp("Require 'Authorization: Bearer TOKEN' on every API request; default: $CERMAT_TOKEN (which, unlike an argument, does not show in ps).",
                               valueName: "TOKEN"))
    var token: String?

    @Option(name: .customLong("max-request-mib"), help: ArgumentHelp("The largest request accepted, in MiB (413 above).", valueName: "MiB"))
    var maxRequestMiB = 50

    @Option(name: .customLong("max-workbooks"), help: ArgumentHelp("The most workbooks in one request (413 above).", valueName: "N"))
    var maxWorkbooks = 20

    @Option(help: ArgumentHelp("Seconds an upload may take (408 after), and its check (503 after); a connection silent that long is closed.", valueName: "seconds"))
    var timeout = 60

    @Option(help: ArgumentHelp("Requests checked at once; default: one per core.", valueName: "N"))
    var concurrency: Int?

    @Option(help: ArgumentHelp("Requests that may wait for their turn; more get 503 at once.", valueName: "N"))
    var queue = 16

    @Option(name: .customLong("queue-wait"), help: ArgumentHelp("Seconds a request waits for its turn before it gets 503.", valueName: "seconds"))
    var queueWait = 10

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        for (name, value) in [("--max-request-mib", maxRequestMiB), ("--max-workbooks", maxWorkbooks), ("--timeout", timeout),
                              ("--concurrency", concurrency ?? 1)] where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
        if queue < 0 || queueWait < 0 { throw ValidationError("--queue and --queue-wait cannot be negative") }
    }

    func run() async throws {
        let linter = try Knowledge.linter(rules: common.rules, config: common.config)
        let token = (token ?? ProcessInfo.processInfo.environment["CERMAT_TOKEN"]).flatMap { $0.isEmpty ? nil : $0 }
        var limits = ServerLimits(maxRequestBytes: maxRequestMiB << 20, maxWorkbooks: maxWorkbooks, timeout: .seconds(timeout),
                                  queue: queue, queueWait: .seconds(queueWait))
        if let concurrency { limits.concurrency = concurrency }
        if token == nil && !["127.0.0.1", "localhost", "::1"].contains(host) {
            Terminal.error("warning: listening on \(host) without a token: anyone who can reach this port can use the API (set --token or CERMAT_TOKEN)")
        }
        let server = WebServer(linter: linter, configuration: .init(host: host, port: port, token: token, limits: limits,
                                                                    language: common.language(linter)))
        try await server.run { listening in
            let shown = listening.host.contains(":") ? "[\(listening.host)]" : listening.host
            Terminal.error("cermat serve: http://\(shown):\(listening.port)/ (Ctrl-C to stop)")
        }
    }
}
