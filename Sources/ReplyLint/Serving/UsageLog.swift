// The usage log in an SQLite file (through GRDB): one row per successful render, written by `serve`
// and `mcp`, read by `faq-unused` and `replylint usage`. The default backend; see UsageStore.swift.

import Foundation
import GRDB
import Synchronization

/// One successful render. Never holds a customer value: the agent id is the agent's own.
public struct UsageEvent: Sendable, Hashable {
    /// Made when the render happens, so a row sent twice (a retry after a write whose outcome was
    /// unknown) is stored once by a log that keeps ids (PostgreSQL's `uid`).
    public var id: UUID
    public var reply: String
    public var channel: String
    public var at: Date
    public var agent: String?
    /// The agent copied the text although it had findings (the web page says so).
    public var override: Bool

    public init(reply: String, channel: String, at: Date = Date(), agent: String? = nil, override: Bool = false, id: UUID = UUID()) {
        self.id = id
        self.reply = reply
        self.channel = channel
        self.at = at
        self.agent = agent
        self.override = override
    }
}

/// The SQLite usage log as a `UsageStore`: the file is created (with its folder) on the first write,
/// never by a read.
public final class SQLiteUsageStore: UsageStore {
    public let path: String
    private let opened = Mutex<UsageLog?>(nil)

    public init(path: String) {
        self.path = path
    }

    public var name: String { path }
    public var backend: String { "sqlite" }

    /// The log, opened (and created and migrated) on first use; a failure is tried again next time.
    func log() throws(UsageLogError) -> UsageLog {
        if let log = opened.withLock({ $0 }) { return log }
        let log = try UsageLog(path: path)
        return opened.withLock { current in
            if let current { return current }
            current = log
            return log
        }
    }

    public func write(_ events: [UsageEvent]) async throws(UsageLogError) {
        try await log().recordInBackground(events)
    }

    public func read(since: Date?, replies: [String]?) throws(UsageLogError) -> UsageSummary? {
        try UsageLog.read(path: path, since: since, replies: replies)
    }

    public func close() async {
        opened.withLock { $0 = nil }
    }
}

/// A usage log that cannot be opened or written; the message names the file and what to do.
public struct UsageLogError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What the log says about each reply over a period.
public struct UsageSummary: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var reply: String
        public var count: Int
        /// ISO 8601 UTC time of the latest render.
        public var lastUsed: String

        public init(reply: String, count: Int, lastUsed: String) {
            self.reply = reply
            self.count = count
            self.lastUsed = lastUsed
        }
    }
    /// Replies rendered at least once in the period, most used first.
    public var entries: [Entry]
    /// ISO 8601 UTC time of the first row in the whole log; nil when the log is empty.
    public var firstRecorded: String?
    public var total: Int { entries.reduce(0) { $0 + $1.count } }

    public var counts: [String: Int] { Dictionary(entries.map { ($0.reply, $0.count) }, uniquingKeysWith: +) }

    public init(entries: [Entry], firstRecorded: String?) {
        self.entries = entries
        self.firstRecorded = firstRecorded
    }
}

public final class UsageLog: Sendable {
    public let path: String
    private let database: any DatabaseWriter

    /// Opens (creating when needed, with its folder) the log at `path`.
    public init(path: String) throws(UsageLogError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = GRDB.Configuration()
            configuration.busyMode = .timeout(5)
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            database = pool
        } catch {
            throw UsageLogError("\(path): cannot open the usage log (\(Self.describe(error))); check the folder is writable or set `usage: {log: …}` in replylint.yml")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE render (
                  id INTEGER PRIMARY KEY,
                  reply TEXT NOT NULL,
                  channel TEXT NOT NULL,
                  at TEXT NOT NULL,
                  agent TEXT
                );
                CREATE INDEX render_reply ON render(reply);
                CREATE INDEX render_at ON render(at);
                """)
        }
        // Counting one reply's renders in a window reads only its stretch of this index.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "CREATE INDEX render_reply_at ON render(reply, at)")
        }
        return migrator
    }

    /// Writes `events` in one transaction.
    public func record(_ events: [UsageEvent]) throws(UsageLogError) {
        guard !events.isEmpty else { return }
        do {
            try database.write { db in try Self.insert(events, into: db) }
        } catch {
            throw UsageLogError("\(path): cannot write to the usage log (\(Self.describe(error)))")
        }
    }

    /// Writes `events` in one transaction on GRDB's own writer queue: the calling thread (in the server,
    /// one of the event loops answering requests) is not held while SQLite writes and checkpoints.
    public func recordInBackground(_ events: [UsageEvent]) async throws(UsageLogError) {
        guard !events.isEmpty else { return }
        do {
            try await database.write { db in try Self.insert(events, into: db) }
        } catch {
            throw UsageLogError("\(path): cannot write to the usage log (\(Self.describe(error)))")
        }
    }

    private static func insert(_ events: [UsageEvent], into db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO render (reply, channel, at, agent) VALUES (?, ?, ?, ?)")
        for event in events {
            try statement.execute(arguments: [event.reply, event.channel, timestamp(event.at), event.agent])
        }
    }

    /// Renders per reply since `since` (all time when nil).
    public func summary(since: Date? = nil) throws(UsageLogError) -> UsageSummary {
        do {
            return try database.read { db in try Self.summary(db, since: since, replies: nil) }
        } catch {
            throw UsageLogError("\(path): cannot read the usage log (\(Self.describe(error)))")
        }
    }

    /// Reads the log at `path` without creating it: nil when there is no log yet.
    /// With `replies`, only those replies' rows are read (the first-record time is still the log's).
    public static func read(path: String, since: Date? = nil, replies: [String]? = nil) throws(UsageLogError) -> UsageSummary? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            var configuration = GRDB.Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(5)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                guard try db.tableExists("render") else {
                    throw UsageLogError("it has no 'render' table; is it a ReplyLint usage log?")
                }
                return try summary(db, since: since, replies: replies)
            }
        } catch let error as UsageLogError {
            throw UsageLogError("\(path): not a usable usage log: \(error.message)")
        } catch {
            throw UsageLogError("\(path): cannot read the usage log (\(describe(error))); point `usage: {log: …}` at the file `replylint serve` writes")
        }
    }

    private static func summary(_ db: Database, since: Date?, replies: [String]? = nil) throws -> UsageSummary {
        let first = try String.fetchOne(db, sql: "SELECT MIN(at) FROM render")
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let since {
            conditions.append("at >= ?")
            arguments.append(timestamp(since))
        }
        if let replies {
            conditions.append("reply IN (" + Array(repeating: "?", count: replies.count).joined(separator: ", ") + ")")
            arguments += replies.map { $0 as (any DatabaseValueConvertible)? }
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let rows = try Row.fetchAll(
            db, sql: "SELECT reply, COUNT(*) AS uses, MAX(at) AS last FROM render\(filter) GROUP BY reply ORDER BY uses DESC, reply",
            arguments: StatementArguments(arguments))
        let entries = rows.map { row in UsageSummary.Entry(reply: row["reply"], count: row["uses"], lastUsed: row["last"]) }
        return UsageSummary(entries: entries, firstRecorded: first)
    }

    /// "2026-11-21T09:30:00Z": sorts as text in time order, which the `since` query relies on.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    public static func date(fromTimestamp text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
