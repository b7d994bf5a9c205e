// The usage log in PostgreSQL, through PostgresNIO: the `render` table of docs/usage.md, shared by
// every `serve` replica of a team, created and migrated on first write.

import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import ReplyLint
import Synchronization

public final class PostgresUsageLog: UsageStore {
    public let url: PostgresURL
    /// How long connecting, or one statement, may take before the connection is given up.
    public let timeout: TimeAmount
    /// This log's own event loop: a caller blocked in `read` (loading runs on whatever thread asked)
    /// can never be the thread the answer has to arrive on.
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    /// Shared with the connection's callbacks, which must not keep the log itself alive.
    private let slot = Slot()
    /// PostgresNIO's own logging stays off: our messages say what happened, without connection details.
    private static let quiet = Logger(label: "replylint.usage.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    private final class Slot: Sendable {
        let state = Mutex(State())

        func forget(_ future: EventLoopFuture<PostgresConnection>) {
            state.withLock { state in
                if state.connection === future {
                    state.connection = nil
                    state.open = nil
                }
            }
        }
    }

    private struct State {
        /// The connection being opened or open; `open` once it is.
        var connection: EventLoopFuture<PostgresConnection>?
        var open: PostgresConnection?
        var nextID = 1
        var migrated = false
        var closed = false
    }

    public init(url: PostgresURL, timeout: TimeAmount = .seconds(5)) {
        self.url = url
        self.timeout = timeout
    }

    public var name: String { url.description }
    public var backend: String { "postgresql" }

    // MARK: - The table

    /// Each step runs once per database, in order, in one statement under an advisory lock, so replicas
    /// starting together do not race. `uid` is the render's own id: a batch sent again after a write whose
    /// outcome was unknown inserts nothing twice (`ON CONFLICT (uid) DO NOTHING`).
    static let migrations: [(id: String, statements: [String])] = [
        ("v1", [
            """
            CREATE TABLE IF NOT EXISTS render (
              id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              uid UUID NOT NULL UNIQUE,
              reply TEXT NOT NULL,
              channel TEXT NOT NULL,
              at TIMESTAMPTZ NOT NULL,
              agent TEXT,
              override BOOLEAN NOT NULL DEFAULT false
            )
            """,
            "CREATE INDEX IF NOT EXISTS render_at ON render (at)",
            "CREATE INDEX IF NOT EXISTS render_reply_at ON render (reply, at)",
        ]),
    ]

    // MARK: - Writing

    public func write(_ events: [UsageEvent]) async throws(UsageLogError) {
        do {
            let connection = try await connection().get()
            do {
                try await migrateOnce(connection)
                guard !events.isEmpty else { return }
                try await run(Self.insert(events), on: connection)
            } catch {
                // A connection in an unknown state is not used again; the next write opens a new one.
                forget(connection)
                throw error
            }
        } catch {
            throw UsageLogError("\(name): cannot write to the usage log (\(describe(error)))")
        }
    }

    static func insert(_ events: [UsageEvent]) -> PostgresQuery {
        let uids = events.map(\.id)
        let replies = events.map(\.reply)
        let channels = events.map(\.channel)
        let times = events.map(\.at)
        // Arrays cannot hold a Swift nil here; an agent id is never empty, so '' stands for none.
        let agents = events.map { $0.agent ?? "" }
        let overrides = events.map(\.override)
        return """
            INSERT INTO render (uid, reply, channel, at, agent, override)
            SELECT u, r, c, a, NULLIF(g, ''), o
            FROM unnest(\(uids)::uuid[], \(replies)::text[], \(channels)::text[], \(times)::timestamptz[], \(agents)::text[], \(overrides)::boolean[])
              AS t(u, r, c, a, g, o)
            ON CONFLICT (uid) DO NOTHING
            """
    }

    private func migrateOnce(_ connection: PostgresConnection) async throws {
        guard !slot.state.withLock({ $0.migrated }) else { return }
        try await run(PostgresQuery(unsafeSQL: Self.migration), on: connection)
        slot.state.withLock { $0.migrated = true }
    }

    /// The migrations as one statement: a `DO` block takes the advisory lock, applies the steps not yet
    /// recorded and commits, all in the server. The lock is never held across a round trip to this
    /// process, so a replica that stalls while migrating (a busy machine, a paused container) cannot
    /// keep the others waiting on the lock past their statement timeout. Nothing is created that
    /// exists: a user with only SELECT and INSERT on tables an administrator made (docs/usage.md)
    /// never needs the right to create, which PostgreSQL 15 no longer gives everyone in `public`.
    static let migration: String = {
        var block = """
            DO $replylint_migrate$
            BEGIN
              PERFORM pg_advisory_xact_lock(7246532090713354);
              IF to_regclass('replylint_migrations') IS NULL THEN
                CREATE TABLE replylint_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
              END IF;

            """
        for migration in migrations {
            precondition(migration.id.allSatisfy { $0.isLetter || $0.isNumber }, "a migration id is a plain word")
            block += "  IF NOT EXISTS (SELECT 1 FROM replylint_migrations WHERE id = '\(migration.id)') THEN\n"
            for statement in migration.statements { block += "    " + statement + ";\n" }
            block += "    INSERT INTO replylint_migrations (id) VALUES ('\(migration.id)');\n  END IF;\n"
        }
        return block + "END\n$replylint_migrate$"
    }()

    // MARK: - Reading

    public func read(since: Date?, replies: [String]?) throws(UsageLogError) -> UsageSummary? {
        let since = since ?? Date(timeIntervalSince1970: 0)
        let result = wait(for: connection().flatMap { connection in
            self.readSummary(on: connection, since: since, replies: replies).flatMapErrorThrowing { error in
                self.forget(connection)
                throw error
            }
        })
        switch result {
        case .success(let summary): return summary
        case .failure(let error): throw UsageLogError("\(name): cannot read the usage log (\(describe(error)))")
        }
    }

    private func readSummary(on connection: PostgresConnection, since: Date, replies: [String]?) -> EventLoopFuture<UsageSummary?> {
        let exists: PostgresQuery = "SELECT to_regclass('render') IS NOT NULL"
        return query(exists, on: connection).flatMap { result in
            guard let row = result.rows.first, (try? row.decode(Bool.self)) == true else {
                return connection.eventLoop.makeSucceededFuture(nil)
            }
            let counts: PostgresQuery = if let replies {
                """
                SELECT reply, count(*), max(at), count(*) FILTER (WHERE override) FROM render WHERE at >= \(since) AND reply = ANY(\(replies)::text[])
                GROUP BY reply ORDER BY count(*) DESC, reply COLLATE "C"
                """
            } else {
                """
                SELECT reply, count(*), max(at), count(*) FILTER (WHERE override) FROM render WHERE at >= \(since)
                GROUP BY reply ORDER BY count(*) DESC, reply COLLATE "C"
                """
            }
            return self.query("SELECT min(at) FROM render", on: connection).and(self.query(counts, on: connection)).flatMapThrowing { first, rows in
                let start = try first.rows.first?.decode(Date?.self) ?? nil
                let entries = try rows.rows.map { row in
                    let (reply, count, last, overrides) = try row.decode((String, Int, Date, Int).self)
                    return UsageSummary.Entry(reply: reply, count: count, lastUsed: UsageLog.timestamp(last), overrides: overrides)
                }
                return UsageSummary(entries: entries, firstRecorded: start.map(UsageLog.timestamp))
            }
        }
    }

    /// Blocks the calling thread until `future` completes (never this log's own thread).
    private func wait<Value: Sendable>(for future: EventLoopFuture<Value>) -> Result<Value, any Error> {
        let outcome = Mutex<Result<Value, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        future.whenComplete { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return outcome.withLock { $0! }
    }

    // MARK: - The connection

    /// The open connection, or a new one. A failed connect is forgotten, so the next call tries again.
    private func connection() -> EventLoopFuture<PostgresConnection> {
        slot.state.withLock { state -> EventLoopFuture<PostgresConnection> in
            if let connection = state.connection { return connection }
            let eventLoop = group.next()
            if state.closed { return eventLoop.makeFailedFuture(UsageLogError("the usage log was closed")) }
            let future: EventLoopFuture<PostgresConnection>
            do {
                var configuration = PostgresConnection.Configuration(
                    host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: try tls())
                configuration.options.connectTimeout = timeout
                configuration.options.additionalStartupParameters = [("application_name", "replylint")]
                future = PostgresConnection.connect(on: eventLoop, configuration: configuration, id: state.nextID, logger: Self.quiet)
            } catch {
                future = eventLoop.makeFailedFuture(error)
            }
            state.nextID += 1
            state.connection = future
            future.whenComplete { [slot] result in
                switch result {
                case .failure:
                    slot.forget(future)
                case .success(let connection):
                    slot.state.withLock { state in
                        if state.connection === future { state.open = connection }
                    }
                    // A server restart closes the connection under us: forget it then, not at the next write.
                    connection.closeFuture.whenComplete { _ in slot.forget(future) }
                }
            }
            return future
        }
    }

    /// Closes `connection` and stops handing it out.
    private func forget(_ connection: PostgresConnection) {
        slot.state.withLock { state in
            if state.open === connection {
                state.connection = nil
                state.open = nil
            }
        }
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in _ = connection }
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .disable:
            return .disable
        case .prefer:
            configuration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: configuration))
        case .require:
            configuration.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    /// Runs `query`, closing the connection when it takes longer than `timeout` (which fails the query):
    /// a database that went away without closing the socket must not hold a write for minutes.
    private func query(_ query: PostgresQuery, on connection: PostgresConnection) -> EventLoopFuture<PostgresQueryResult> {
        let result = connection.query(query, logger: Self.quiet)
        let guardTask = connection.eventLoop.scheduleTask(in: timeout) { let _: EventLoopFuture<Void> = connection.close() }
        result.whenComplete { _ in guardTask.cancel() }
        return result
    }

    @discardableResult
    private func run(_ statement: PostgresQuery, on connection: PostgresConnection) async throws -> PostgresQueryResult {
        try await query(statement, on: connection).get()
    }

    public func close() async {
        let connection = slot.state.withLock { state in
            state.closed = true
            defer { state.connection = nil; state.open = nil }
            return state.connection
        }
        if let connection, let open = try? await connection.get() {
            try? await open.close()
        }
        try? await group.shutdownGracefully()
    }

    // MARK: - Messages

    /// What went wrong, in a few words, never with the password (PostgresNIO's own descriptions are kept
    /// generic for that reason; the server's message, when there is one, is what a person needs).
    func describe(_ error: any Error) -> String {
        url.redacting(Self.describe(error, timeout: timeout))
    }

    static func describe(_ error: any Error, timeout: TimeAmount) -> String {
        if let error = error as? UsageLogError { return error.message }
        if let error = error as? PSQLError {
            switch error.code {
            case .server:
                let message = error.serverInfo?[.message] ?? "the server refused"
                let state = error.serverInfo?[.sqlState].map { " [\($0)]" } ?? ""
                return message + state
            case .connectionError:
                return error.underlying.map { describe($0, timeout: timeout) } ?? "cannot connect"
            case .sslUnsupported:
                return "the server does not offer TLS, which sslmode=require asks for"
            case .serverClosedConnection, .uncleanShutdown:
                return "the server closed the connection"
            case .clientClosedConnection:
                return "no answer within \(timeout.nanoseconds / 1_000_000_000) s, or the connection was closed"
            case .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
                return "TLS could not be set up"
            default:
                return "\(error.code)"
            }
        }
        if let error = error as? NIOConnectionError {
            if let failure = error.connectionErrors.first { return describe(failure.error, timeout: timeout) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the host name does not resolve" }
            return "cannot connect"
        }
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return "no answer within \(timeout.nanoseconds / 1_000_000_000) s"
        }
        if let error = error as? NIOSSLError {
            return "TLS failed (\(error))"
        }
        if error is BoringSSLError {
            return "TLS failed: the server's certificate was not accepted"
        }
        return "\(error)"
    }
}
