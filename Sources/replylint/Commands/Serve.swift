// `replylint serve`: the HTTP API and the web page for agents.

import ArgumentParser
import Foundation
import Logging
import ReplyLint
import ReplyLintPostgres
import ReplyLintServer

extension ReplyLintCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the library over HTTP: the API for agents and a web page at /.",
            discussion: """
                Binds 127.0.0.1 by default. When REPLYLINT_TOKEN (or serve.token in replylint.yml) is set, every \
                /v1 request needs `Authorization: Bearer <token>`. The library is reloaded when its files change; \
                if a new version fails to load, the previous one is served and /healthz says "degraded". \
                Each render is recorded in the usage log (.replylint/usage.sqlite, usage.log in config, or \
                REPLYLINT_USAGE_LOG: a file or a postgres:// URL); while the log cannot be written, renders are \
                kept (usage.buffer) and written when it can. \
                Logs are JSON lines on standard error, without customer values. SIGTERM or Ctrl-C stops it \
                gracefully: requests in flight finish and queued usage records are written.
                """)

        enum LogFormat: String, ExpressibleByArgument, CaseIterable { case json, text }

        @Option(help: "The address to listen on; 0.0.0.0 exposes the API to the network (set a token first).")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free one (the address is printed on standard error).")
        var port = 8080

        @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body accepted, in bytes; larger bodies get 413.", valueName: "BYTES"))
        var maxBody = 64 * 1024

        @Option(name: .customLong("reload-interval"), help: ArgumentHelp("How often to look for changed files, in seconds (0 switches reloading off).", valueName: "SECONDS"))
        var reloadInterval = 2.0

        @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical; each request is logged at info.")
        var logLevel = "info"

        @Option(name: .customLong("log-format"), help: "json (one object per line) or text.")
        var logFormat: LogFormat = .json

        @OptionGroup var library: LibraryOptions

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port takes 0 to 65535 (got \(port))") }
            guard maxBody > 0 else { throw ValidationError("--max-body takes a positive number of bytes") }
            guard reloadInterval == 0 || (0.1...86_400).contains(reloadInterval) else {
                throw ValidationError("--reload-interval takes 0 (no reloading) or 0.1 to 86400 seconds (got \(reloadInterval))")
            }
            guard Logger.Level(rawValue: logLevel) != nil else {
                throw ValidationError("--log-level takes trace, debug, info, notice, warning, error or critical (got '\(logLevel)')")
            }
        }

        func run() async throws {
            let level = Logger.Level(rawValue: logLevel) ?? .info
            let format = logFormat
            LoggingSystem.bootstrap { label in
                switch format {
                case .json:
                    var handler = JSONLogHandler(label: label)
                    handler.logLevel = level
                    return handler
                case .text:
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = level
                    return handler
                }
            }
            let logger = Logger(label: "replylint.serve")

            var source = LibrarySource(root: library.root, configFile: library.config, displayBase: library.workingDirectory)
            let recorder = try library.usageRecorder(configuration: try source.loadConfiguration(), logger: logger)
            if let recorder {
                logger.info("usage log", metadata: ["log": "\(LibraryLoader.display(recorder.log.name, base: library.workingDirectory))", "buffer": "\(recorder.capacity)"])
            }
            // Reloads read `faq-unused`'s counts from the log this server writes.
            source.usageLog = recorder?.log
            let store = try LibraryStore(source: source)
            let configuration = store.snapshot.library.configuration

            var settings = ServerSettings()
            settings.host = host
            settings.port = port
            settings.maxBodyBytes = maxBody
            settings.reloadInterval = reloadInterval > 0 ? .seconds(reloadInterval) : nil
            let environmentToken = ProcessInfo.processInfo.environment["REPLYLINT_TOKEN"]
            if let environmentToken, environmentToken.allSatisfy(\.isWhitespace) {
                throw LoadError("REPLYLINT_TOKEN is set but empty; set it to the token clients must send, or unset it to serve without one")
            }
            settings.token = environmentToken ?? configuration.serveToken
            if settings.token == nil, !["127.0.0.1", "localhost", "::1"].contains(host) {
                logger.warning("listening beyond this machine without a token; set REPLYLINT_TOKEN", metadata: ["host": "\(host)"])
            }

            let state = ServerState(store: store, recorder: recorder, settings: settings)
            let application = buildApplication(state, logger: logger)
            do {
                try await runUntilSignalled(application, logger: logger)
            } catch {
                throw LoadError("cannot serve on \(host):\(port): \(Self.describe(error))")
            }
            logger.info("stopped")
        }

        static func describe(_ error: any Error) -> String {
            let text = "\(error)"
            if text.contains("Address already in use") { return "the address is already in use; pick another --port" }
            return text
        }
    }
}
