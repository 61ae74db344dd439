import CermatRules
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `cermat serve`: the page for planners and the HTTP API for upload portals and CI, over one linter.
public struct WebServer: Sendable {
    /// Where and how the server listens.
    public struct Configuration: Sendable {
        /// The address to bind; loopback unless told otherwise.
        public var host: String
        /// The port; 0 picks a free one (the bound port is passed to `onListening`).
        public var port: Int
        /// When set, every API request must carry `Authorization: Bearer <token>`.
        public var token: String?
        /// The limits.
        public var limits: ServerLimits
        /// The language of reports and messages when a request names none.
        public var language: Language
        /// Where each request's private scratch folder is made.
        public var scratchParent: String
        /// The least severe log lines written (to standard error).
        public var logLevel: Logger.Level

        /// A configuration; the defaults listen on 127.0.0.1:8080 without a token.
        public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, limits: ServerLimits = ServerLimits(),
                    language: Language = .id, scratchParent: String = NSTemporaryDirectory(), logLevel: Logger.Level = .info) {
            self.host = host
            self.port = port
            self.token = token
            self.limits = limits
            self.language = language
            self.scratchParent = scratchParent
            self.logLevel = logLevel
        }
    }

    /// The linter every request uses.
    public let linter: Linter
    /// Where and how the server listens.
    public let configuration: Configuration

    /// A server over a linter.
    public init(linter: Linter, configuration: Configuration) {
        self.linter = linter
        self.configuration = configuration
    }

    /// A server that accepts requests: where, and how to stop it.
    public struct Listening: Sendable {
        /// The bound address.
        public let host: String
        /// The bound port (the one picked, when 0 was asked for).
        public let port: Int
        /// Stops as SIGTERM does: the listener closes, open requests finish, then `run` returns.
        public let shutdown: @Sendable () async -> Void
    }

    /// Serves until SIGINT or SIGTERM (with `signals`) or until `Listening.shutdown`; `onListening` is called once
    /// requests are accepted.
    public func run(signals: Bool = true, onListening: @escaping @Sendable (Listening) -> Void = { _ in }) async throws {
        var logger = Logger(label: "cermat.serve")
        logger.logLevel = configuration.logLevel
        let api = ServerAPI(linter: linter, limits: configuration.limits, scratchParent: configuration.scratchParent,
                            language: configuration.language)
        let router = Router()
        router.add(middleware: RequestLogMiddleware(logger: logger))
        if let token = configuration.token { router.add(middleware: TokenMiddleware(token: token)) }
        router.get("/healthz") { _, _ in api.health() }
        router.get("/api/rules") { request, _ in try api.rules(request) }
        router.post("/api/lint") { request, _ in try await api.lint(request) }
        router.post("/api/annotate") { request, _ in try await api.annotate(request) }
        for path in PageAssets.paths {
            router.get(RouterPath(path)) { request, _ in PageAssets.response(for: request.uri.path) ?? Response(status: .notFound) }
        }
        let seconds = configuration.limits.timeout.components.seconds
        // The group exists only once the application does, which needs the callback first.
        let groupBox = GroupBox()
        let app = Application(
            router: router,
            // A connection silent for as long as a request may take is closed: a client that opens connections and
            // sends nothing cannot hold them.
            server: .http1(configuration: .init(idleTimeout: .seconds(max(1, seconds)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cermat"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                onListening(Listening(host: configuration.host, port: port) { await groupBox.group?.triggerGracefulShutdown() })
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: signals ? [.sigterm, .sigint] : [],
                                                      logger: logger))
        groupBox.group = group
        try await group.run()
    }
}

// The service group, set before it runs; read only after the server listens, which is after it was set.
private final class GroupBox: @unchecked Sendable {
    var group: ServiceGroup?
}
