// `replylint usage`: the most and least used replies, from the usage log `serve` and `mcp` write.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    struct Usage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the most and least used replies from the usage log.",
            discussion: """
                Reads the usage log (.replylint/usage.sqlite, or usage.log in replylint.yml) that `replylint serve` \
                and `replylint mcp` write, one row per successful render. Replies never rendered in the period \
                are listed as least used. Exit status 2 when there is no log yet.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Option(help: "Count renders over the last N days (default: faq-unused's `days`, 90).")
        var days: Int?

        @Option(help: "How many replies to show in each list.")
        var top = 10

        @Option(help: "Output format: text or json (json lists every reply).")
        var format: Format = .text

        @OptionGroup var library: LibraryOptions

        func validate() throws {
            if let days, days <= 0 { throw ValidationError("--days takes a whole number above 0") }
            guard top > 0 else { throw ValidationError("--top takes a whole number above 0") }
        }

        func run() throws {
            let loaded = try library.loader().load()
            let configuration = loaded.configuration
            guard let logSetting = configuration.usageLog else {
                throw LoadError("the usage log is switched off in replylint.yml (usage: {log: off})")
            }
            let path = logSetting.hasPrefix("/") ? logSetting : (library.root as NSString).appendingPathComponent(logSetting)
            let window = days ?? FAQUnusedRule.window(in: configuration)
            let since = Date(timeIntervalSinceNow: -Double(window) * 86_400)
            let shown = LibraryLoader.display(path, base: library.workingDirectory)
            let summary: UsageSummary
            do {
                guard let read = try UsageLog.read(path: path, since: since) else {
                    throw LoadError("\(shown): no usage log yet; `replylint serve` and `replylint mcp` record each render there")
                }
                summary = read
            } catch let error as UsageLogError {
                throw LoadError(error.message)
            }

            // Every reply in the library, rendered or not, most used first; ties by id.
            var counts = Dictionary(summary.entries.map { ($0.reply, $0) }, uniquingKeysWith: { a, _ in a })
            var rows: [(id: String, count: Int, lastUsed: String?)] = []
            var overrides: [String: Int] = [:]
            var seen = Set<String>()
            for reply in loaded.replies where seen.insert(reply.id).inserted {
                let entry = counts.removeValue(forKey: reply.id)
                rows.append((reply.id, entry?.count ?? 0, entry?.lastUsed))
                overrides[reply.id] = entry?.overrides ?? 0
            }
            // Renders of replies that are no longer in the library.
            let retired = counts.values.sorted { $0.reply < $1.reply }
            rows.sort { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }

            switch format {
            case .json:
                let json = JSONValue.object([
                    ("log", .string(shown)),
                    ("days", .int(window)),
                    ("recordingSince", summary.firstRecorded.map(JSONValue.string) ?? .null),
                    ("total", .int(summary.total)),
                    // Renders used although their text had an error finding ("Copy anyway" on the page).
                    ("overrides", .int(summary.entries.reduce(0) { $0 + $1.overrides })),
                    ("replies", .array(rows.map { row in
                        .object([("id", .string(row.id)), ("count", .int(row.count)), ("lastUsed", row.lastUsed.map(JSONValue.string) ?? .null),
                                 ("overrides", .int(overrides[row.id] ?? 0))])
                    })),
                    ("notInLibrary", .array(retired.map {
                        .object([("id", .string($0.reply)), ("count", .int($0.count)), ("overrides", .int($0.overrides))])
                    })),
                ])
                print(json.serialized(pretty: true))
            case .text:
                print(Self.text(rows: rows, retired: retired, summary: summary, shown: shown, window: window, top: top))
            }
        }

        static func text(rows: [(id: String, count: Int, lastUsed: String?)], retired: [UsageSummary.Entry],
                         summary: UsageSummary, shown: String, window: Int, top: Int) -> String {
            let since = summary.firstRecorded.map { " (recording since \($0.prefix(10)))" } ?? ""
            var lines = ["\(summary.total) renders of \(rows.filter { $0.count > 0 }.count) of \(rows.count) replies in the last \(window) days, from \(shown)\(since)", ""]
            let most = rows.prefix(top).filter { $0.count > 0 }
            // The least used, fewest first, leaving out any already shown as most used.
            let least = rows.sorted { $0.count != $1.count ? $0.count < $1.count : $0.id < $1.id }
                .prefix(top).filter { row in !most.contains { $0.id == row.id } }
            let countWidth = String(rows.first?.count ?? 0).count
            let idWidth = (most + least).map(\.id.count).max() ?? 0
            func line(_ row: (id: String, count: Int, lastUsed: String?)) -> String {
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
}
