// The one place a usage log's backend is chosen: `REPLYLINT_USAGE_LOG`, else `usage: {log: …}`;
// a file path is SQLite, a postgres:// URL is PostgreSQL. Every command opens its log here.

import Foundation
import ReplyLint

public enum UsageLogFactory {
    /// The usage log the environment or `configuration` names (a relative file from the library `root`);
    /// nil when switched off. Nothing is opened yet: the first read or write does that.
    public static func open(
        configuration: Configuration, root: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(UsageLogError) -> (any UsageStore)? {
        let location = try UsageLogLocation.resolve(
            setting: configuration.usageLog, environment: environment[UsageLogLocation.environmentVariable], root: root)
        return store(at: location)
    }

    public static func store(at location: UsageLogLocation) -> (any UsageStore)? {
        switch location {
        case .off: nil
        case .sqlite(let path): SQLiteUsageStore(path: path)
        case .postgres(let url): PostgresUsageLog(url: url)
        }
    }

    /// What `serve` and `mcp` record renders with: the log as `open` finds it, behind a buffer of
    /// `usage.buffer` renders; nil when the log is switched off. `notify` hears the recorder's notices.
    public static func recorder(
        configuration: Configuration, root: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        notify: @escaping @Sendable (UsageRecorder.Notice) -> Void
    ) throws(UsageLogError) -> UsageRecorder? {
        guard let log = try open(configuration: configuration, root: root, environment: environment) else { return nil }
        return UsageRecorder(log: log, capacity: configuration.usageBuffer, notify: notify)
    }
}
