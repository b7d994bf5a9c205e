// Where renders are counted, whatever holds them: the protocol every usage-log backend meets (the
// SQLite file in Serving/, PostgreSQL in the ReplyLintPostgres target), where a log is said to be,
// and the rows and summaries that go in and out. Loading reads through it; it holds no backend.

import Foundation

/// A usage log: one row per successful render, written by `serve` and `mcp`, read by `faq-unused`
/// and `replylint usage`. Implementations open lazily: creating a store touches nothing until the
/// first read or write, and reading never creates a log.
public protocol UsageStore: AnyObject, Sendable {
    /// The log as it may be shown to people: a file path, or a database URL without its password.
    var name: String { get }
    /// "sqlite" or "postgresql": what `/healthz` says, without saying where.
    var backend: String { get }

    /// Writes `events`, creating and migrating the log on first use. An event whose `id` is already in
    /// the log is not written again, so a batch whose outcome is unknown (a connection lost during the
    /// commit) can be sent again without doubling rows.
    func write(_ events: [UsageEvent]) async throws(UsageLogError)

    /// Renders per reply since `since` (all time when nil); with `replies`, only those replies' rows
    /// (the first-record time is still the whole log's). Nil when there is no log yet. Blocks the
    /// calling thread, as loading a library does.
    func read(since: Date?, replies: [String]?) throws(UsageLogError) -> UsageSummary?

    /// Lets go of files and connections; the store is not used afterwards.
    func close() async
}

extension UsageStore {
    public func read(since: Date? = nil) throws(UsageLogError) -> UsageSummary? {
        try read(since: since, replies: nil)
    }
}

/// What a library load reads from the usage log for `faq-unused`: which log, and over how many days.
/// The caller decides (from the rule's options), so loading does not consult a rule.
public struct UsageQuery: Sendable {
    public var log: any UsageStore
    /// Renders are counted over this many days back from now.
    public var days: Int

    public init(log: any UsageStore, days: Int) {
        self.log = log
        self.days = days
    }
}

/// Where the usage log is: `usage: {log: …}` in replylint.yml, or `REPLYLINT_USAGE_LOG`, which wins.
public enum UsageLogLocation: Sendable, Equatable, CustomStringConvertible {
    case off
    /// An SQLite file, as an absolute path.
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// The environment variable that names the log, ahead of replylint.yml.
    public static let environmentVariable = "REPLYLINT_USAGE_LOG"

    /// `setting` is the config's `usage.log` (nil: switched off); `environment` the value of
    /// `REPLYLINT_USAGE_LOG` when set. A relative file path is taken from the library `root`.
    public static func resolve(setting: String?, environment: String?, root: String) throws(UsageLogError) -> UsageLogLocation {
        if let environment {
            let value = environment.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else {
                throw UsageLogError("\(environmentVariable) is set but empty; set it to a file path or a postgres:// URL, or `off`, or unset it to use replylint.yml's usage.log")
            }
            return try parse(value, root: root, from: environmentVariable)
        }
        guard let setting else { return .off }
        return try parse(setting, root: root, from: "usage.log")
    }

    static func parse(_ value: String, root: String, from origin: String) throws(UsageLogError) -> UsageLogLocation {
        if value == "off" { return .off }
        if PostgresURL.looksLikeURL(value) {
            do {
                return .postgres(try PostgresURL(parsing: value))
            } catch {
                throw UsageLogError("\(origin): \(error.message)")
            }
        }
        if value.contains("://") {
            throw UsageLogError("\(origin): '\(PostgresURL.scheme(of: value))://' is not a usage log ReplyLint can write; give a file path (SQLite) or a postgres:// URL")
        }
        let joined = value.hasPrefix("/") ? value : (root as NSString).appendingPathComponent(value)
        return .sqlite(path: URL(fileURLWithPath: joined).standardizedFileURL.path)
    }

    /// The location as it may be shown: never with a password.
    public var description: String {
        switch self {
        case .off: "off"
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }
}

/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]` (also `postgresql://`), read as libpq reads
/// it. Its description leaves out the password, so it can go into logs and messages.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is not checked (as libpq's `require`).
        case require
        /// TLS with the certificate checked against the system's roots and the host name.
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode

    static func looksLikeURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    static func scheme(of text: String) -> String {
        String(text.prefix { $0 != ":" }.prefix(20))
    }

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String, sslMode: SSLMode = .prefer) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
    }

    /// Reads `text`; an error never repeats the password.
    public init(parsing text: String) throws(UsageLogError) {
        guard Self.looksLikeURL(text) else { throw UsageLogError("a PostgreSQL URL starts with postgres:// or postgresql://") }
        var rest = Substring(text.drop { $0 != ":" }.dropFirst(3))
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authority: Substring
        let path: Substring
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = rest[rest.index(after: slash)...]
        } else {
            authority = rest
            path = ""
        }
        // The password may hold '@' (percent-encoded or not): the host starts after the last one.
        guard let at = authority.lastIndex(of: "@") else {
            throw UsageLogError("the PostgreSQL URL needs a user: postgres://USER[:PASSWORD]@HOST[:PORT]/DB")
        }
        let credentials = authority[..<at]
        let hostPort = authority[authority.index(after: at)...]
        let userText: Substring
        if let colon = credentials.firstIndex(of: ":") {
            userText = credentials[..<colon]
            guard let password = Self.decode(credentials[credentials.index(after: colon)...]) else {
                throw UsageLogError("the password in the PostgreSQL URL has a bad %-escape; percent-encode characters such as @ : / ? # % in it")
            }
            self.password = password.isEmpty ? nil : password
        } else {
            userText = credentials
            password = nil
        }
        guard let user = Self.decode(userText), !user.isEmpty else {
            throw UsageLogError("the PostgreSQL URL needs a user: postgres://USER[:PASSWORD]@HOST[:PORT]/DB")
        }
        self.user = user

        var hostText = hostPort
        var portText: Substring?
        if hostText.hasPrefix("[") {
            guard let close = hostText.firstIndex(of: "]") else { throw UsageLogError("the PostgreSQL URL's host has '[' without ']'") }
            let after = hostText[hostText.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { throw UsageLogError("the PostgreSQL URL has text after its host's ']'") }
            hostText = hostText[hostText.index(after: hostText.startIndex)..<close]
        } else if let colon = hostText.lastIndex(of: ":") {
            portText = hostText[hostText.index(after: colon)...]
            hostText = hostText[..<colon]
        }
        guard let host = Self.decode(hostText), !host.isEmpty else {
            throw UsageLogError("the PostgreSQL URL needs a host: postgres://USER[:PASSWORD]@HOST[:PORT]/DB")
        }
        if host.contains(",") { throw UsageLogError("the PostgreSQL URL names several hosts; give one (a load balancer or the primary's address)") }
        self.host = host
        if let portText {
            guard let port = Int(portText), (1...65_535).contains(port) else {
                throw UsageLogError("the PostgreSQL URL's port '\(portText.prefix(12))' is not a number from 1 to 65535")
            }
            self.port = port
        } else {
            port = 5432
        }
        guard let database = Self.decode(path), !database.isEmpty, !database.contains("/") else {
            throw UsageLogError("the PostgreSQL URL needs a database name: postgres://USER[:PASSWORD]@HOST[:PORT]/DB")
        }
        self.database = database

        sslMode = .prefer
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            guard key == "sslmode" else {
                throw UsageLogError("the PostgreSQL URL's parameter '\(key.prefix(40))' is not one ReplyLint reads; it takes sslmode=disable|prefer|require|verify-full")
            }
            guard let mode = SSLMode(rawValue: value) else {
                throw UsageLogError("sslmode=\(value.prefix(20)) in the PostgreSQL URL is not one of disable, prefer, require, verify-full")
            }
            sslMode = mode
        }
    }

    /// `postgres://user:***@host:port/db?sslmode=…`: the password is never shown.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let credentials = Self.encode(user) + (password == nil ? "" : ":***")
        let mode = sslMode == .prefer ? "" : "?sslmode=\(sslMode.rawValue)"
        return "postgres://\(credentials)@\(shownHost):\(port)/\(Self.encode(database))\(mode)"
    }

    /// `text` with the password (as given, and percent-encoded) replaced by `***`: for messages that
    /// come from elsewhere (a driver, a server) and might quote it.
    public func redacting(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "***").replacingOccurrences(of: Self.encode(password), with: "***")
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).removingPercentEncoding
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

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
        /// Renders used although their text had an error finding ("Copy anyway" on the page).
        public var overrides: Int

        public init(reply: String, count: Int, lastUsed: String, overrides: Int = 0) {
            self.reply = reply
            self.count = count
            self.lastUsed = lastUsed
            self.overrides = overrides
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

    /// "2026-11-21T09:30:00Z": sorts as text in time order, which the logs' `since` queries rely on.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    public static func date(fromTimestamp text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
