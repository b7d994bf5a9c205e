// What `replylint usage` shows: every reply of the library with its renders over a period, most and
// least used, and renders of replies no longer in the library; as text or JSON.

import Foundation

public struct UsageReport: Sendable {
    public struct Row: Sendable, Hashable {
        public var id: String
        public var count: Int
        /// ISO 8601 UTC time of the latest render; nil when never rendered in the period.
        public var lastUsed: String?
        /// Renders used although their text had an error finding.
        public var overrides: Int
    }

    /// Every reply in the library, rendered or not: most used first, ties by id.
    public var rows: [Row]
    /// Renders of replies that are no longer in the library, by id.
    public var retired: [UsageSummary.Entry]
    public var summary: UsageSummary
    /// The log as shown to the user (a path, or a URL without its password).
    public var log: String
    public var days: Int

    public init(summary: UsageSummary, replies: [Reply], log: String, days: Int) {
        var entries = Dictionary(summary.entries.map { ($0.reply, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        var seen = Set<String>()
        for reply in replies where seen.insert(reply.id).inserted {
            let entry = entries.removeValue(forKey: reply.id)
            rows.append(Row(id: reply.id, count: entry?.count ?? 0, lastUsed: entry?.lastUsed, overrides: entry?.overrides ?? 0))
        }
        rows.sort { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }
        self.rows = rows
        retired = entries.values.sorted { $0.reply < $1.reply }
        self.summary = summary
        self.log = log
        self.days = days
    }

    /// The `top` most used replies that were rendered at all.
    public func mostUsed(top: Int) -> [Row] {
        Array(rows.prefix(top).filter { $0.count > 0 })
    }

    /// The `top` least used, fewest first, leaving out any already listed as most used.
    public func leastUsed(top: Int) -> [Row] {
        let most = Set(mostUsed(top: top).map(\.id))
        return rows.sorted { $0.count != $1.count ? $0.count < $1.count : $0.id < $1.id }
            .prefix(top).filter { !most.contains($0.id) }
    }

    public var json: JSONValue {
        .object([
            ("log", .string(log)),
            ("days", .int(days)),
            ("recordingSince", summary.firstRecorded.map(JSONValue.string) ?? .null),
            ("total", .int(summary.total)),
            // Renders used although their text had an error finding ("Copy anyway" on the page).
            ("overrides", .int(summary.entries.reduce(0) { $0 + $1.overrides })),
            ("replies", .array(rows.map { row in
                .object([("id", .string(row.id)), ("count", .int(row.count)), ("lastUsed", row.lastUsed.map(JSONValue.string) ?? .null),
                         ("overrides", .int(row.overrides))])
            })),
            ("notInLibrary", .array(retired.map { .object([("id", .string($0.reply)), ("count", .int($0.count)), ("overrides", .int($0.overrides))]) })),
        ])
    }

    public func text(top: Int) -> String {
        let since = summary.firstRecorded.map { " (recording since \($0.prefix(10)))" } ?? ""
        var lines = ["\(summary.total) renders of \(rows.filter { $0.count > 0 }.count) of \(rows.count) replies in the last \(days) days, from \(log)\(since)", ""]
        let most = mostUsed(top: top)
        let least = leastUsed(top: top)
        let countWidth = String(rows.first?.count ?? 0).count
        let idWidth = (most + least).map(\.id.count).max() ?? 0
        func line(_ row: Row) -> String {
            let count = String(repeating: " ", count: max(0, countWidth - String(row.count).count)) + String(row.count)
            let id = row.id + String(repeating: " ", count: max(0, idWidth - row.id.count))
            let last = row.lastUsed.map { "last \($0.prefix(10))" } ?? "never"
            return "  \(count)  \(id)  \(last)"
        }
        lines.append("Most used")
        lines += most.isEmpty ? ["  (none in this period)"] : most.map(line)
        lines += ["", "Least used"]
        lines += least.isEmpty ? ["  (every reply is in the list above)"] : least.map(line)
        if !retired.isEmpty {
            lines += ["", "Rendered but no longer in the library"]
            lines += retired.map { "  \($0.count)  \($0.reply)" }
        }
        return lines.joined(separator: "\n")
    }
}
