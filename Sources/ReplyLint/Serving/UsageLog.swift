// The usage log in an SQLite file (through GRDB): one row per successful render, written by `serve`
// and `mcp`, read by `faq-unused` and `replylint usage`. The default backend; see UsageStore.swift.

import Foundation
import GRDB
import Synchronization

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
        // An agent who copies a text with an error finding on purpose (the page's "Copy anyway").
        migrator.registerMigration("v3") { db in
            try db.execute(sql: "ALTER TABLE render ADD COLUMN override BOOLEAN NOT NULL DEFAULT 0")
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
        let statement = try db.makeStatement(sql: "INSERT INTO render (reply, channel, at, agent, override) VALUES (?, ?, ?, ?, ?)")
        for event in events {
            try statement.execute(arguments: [event.reply, event.channel, timestamp(event.at), event.agent, event.override])
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
        // A log written before v3 (read here without migrating) has no overrides.
        let overrides = try db.columns(in: "render").contains { $0.name == "override" } ? "SUM(override)" : "0"
        let rows = try Row.fetchAll(
            db, sql: "SELECT reply, COUNT(*) AS uses, MAX(at) AS last, \(overrides) AS overrides FROM render\(filter) GROUP BY reply ORDER BY uses DESC, reply",
            arguments: StatementArguments(arguments))
        let entries = rows.map { row in
            UsageSummary.Entry(reply: row["reply"], count: row["uses"], lastUsed: row["last"], overrides: row["overrides"])
        }
        return UsageSummary(entries: entries, firstRecorded: first)
    }

    /// "2026-11-21T09:30:00Z": sorts as text in time order, which the `since` query relies on.
    public static func timestamp(_ date: Date) -> String { UsageSummary.timestamp(date) }

    public static func date(fromTimestamp text: String) -> Date? { UsageSummary.date(fromTimestamp: text) }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
