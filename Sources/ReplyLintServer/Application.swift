// `replylint serve` as a Hummingbird application: settings, the router, and the services that
// run beside it (library reloads, the usage log writer).

import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ReplyLint
import ServiceLifecycle

public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The bearer token every `/v1` request must carry; nil serves without one.
    public var token: String?
    /// Larger request bodies get 413.
    public var maxBodyBytes = 64 * 1024
    /// How often the library's files are checked for changes; nil: never.
    public var reloadInterval: Duration? = .seconds(2)

    public init() {}
}

/// Everything a request handler reads: the current library, the usage log, the settings.
public struct ServerState: Sendable {
    public let store: LibraryStore
    public let recorder: UsageRecorder?
    public let settings: ServerSettings

    public init(store: LibraryStore, recorder: UsageRecorder?, settings: ServerSettings) {
        self.store = store
        self.recorder = recorder
        self.settings = settings
    }
}

/// Runs Swift concurrency's jobs on NIO's event loops, so a request is parsed, handled and answered on
/// one thread instead of hopping to the global pool and back (NIO's documented way; measured: render
/// throughput under wrk). Must be called on the main thread before any task starts; returns whether it took.
@discardableResult
public func runTasksOnEventLoops() -> Bool {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}

/// The routes: the page and health check without a token, the API under `/v1` with one.
public func buildRouter(_ state: ServerState) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: JSONErrorMiddleware())
    if state.settings.token == nil, LoopbackHostMiddleware<BasicRequestContext>.isLoopback(state.settings.host) {
        router.add(middleware: LoopbackHostMiddleware())
    }
    PageController().addRoutes(to: router)
    HealthController(store: state.store, recorder: state.recorder).addRoutes(to: router)
    let api = router.group("v1")
    if let token = state.settings.token { api.add(middleware: BearerTokenMiddleware(token: token)) }
    RepliesController(state: state).addRoutes(to: api)
    LintController(state: state).addRoutes(to: api)
    ChannelsController(store: state.store).addRoutes(to: api)
    return router
}

public func buildApplication(_ state: ServerState, logger: Logger) -> some ApplicationProtocol {
    var services: [any Service] = []
    if let interval = state.settings.reloadInterval { services.append(LibraryWatcher(store: state.store, interval: interval, logger: logger)) }
    if let recorder = state.recorder { services.append(UsageRecorderService(recorder: recorder)) }
    return Application(
        router: buildRouter(state),
        // A client that opens a connection and goes quiet is dropped, so it cannot hold a shutdown open;
        // one that sends an oversize body gets its 413, a bounded drain, and the connection closed.
        server: .http1(configuration: .init(
            additionalChannelHandlers: [RequestBodyLimitHandler(limit: state.settings.maxBodyBytes)], idleTimeout: .seconds(30))),
        configuration: .init(address: .hostname(state.settings.host, port: state.settings.port), serverName: nil),
        services: services,
        onServerRunning: { channel in
            let address = channel.localAddress.map { "http://\(state.settings.host):\($0.port ?? state.settings.port)" } ?? "?"
            let snapshot = state.store.snapshot
            logger.info("serving", metadata: ["address": "\(address)", "replies": "\(snapshot.index.count)"])
            // For people and scripts: where to point a browser or a client (with --port 0, the port chosen).
            FileHandle.standardError.write(Data("replylint: serving \(snapshot.index.count) replies on \(address) (web page at /)\n".utf8))
        },
        logger: logger)
}

/// Runs `application` until SIGTERM or SIGINT; then stops taking connections, lets requests in flight
/// finish, writes the queued usage records, and returns; all within `shutdownDeadline` (the usage log
/// has a deadline of its own, 10 s, within this one).
public func runUntilSignalled(_ application: some ApplicationProtocol, logger: Logger, shutdownDeadline: Duration = .seconds(25)) async throws {
    var configuration = ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    configuration.maximumGracefulShutdownDuration = shutdownDeadline
    try await ServiceGroup(configuration: configuration).run()
}

/// Checks the library's files every few seconds and swaps in a new library when they change.
struct LibraryWatcher: Service {
    let store: LibraryStore
    let interval: Duration
    let logger: Logger
    /// The settings read once at start (the token, the usage log), to say when a reload changes them.
    let startedWith: Configuration

    init(store: LibraryStore, interval: Duration, logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
        startedWith = store.snapshot.library.configuration
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await store.watch(every: interval) { outcome in
                switch outcome {
                case .reloaded(let snapshot):
                    logger.info("library reloaded", metadata: ["replies": "\(snapshot.index.count)", "generation": "\(snapshot.generation)"])
                    let configuration = snapshot.library.configuration
                    if configuration.serveToken != startedWith.serveToken || configuration.usageLog != startedWith.usageLog
                        || configuration.usageBuffer != startedWith.usageBuffer {
                        logger.warning("serve.token, usage.log or usage.buffer changed in replylint.yml; restart replylint serve to apply them")
                    }
                case .failed(let message):
                    logger.error("library reload failed; still serving the previous library", metadata: ["error": "\(message)"])
                case .unchanged:
                    break
                }
            }
        }
    }
}

/// Writes queued renders to the usage log; on shutdown, after the server stops, writes the rest (for
/// up to the recorder's flush deadline) and closes the log.
struct UsageRecorderService: Service {
    let recorder: UsageRecorder

    func run() async throws {
        await withGracefulShutdownHandler {
            await recorder.run()
        } onGracefulShutdown: {
            recorder.finish()
        }
        await recorder.log.close()
    }
}
