// `replylint usage`: the most and least used replies, from the usage log `serve` and `mcp` write.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    package struct Usage: ParsableCommand {
        package init() {}

        package static let configuration = CommandConfiguration(
            commandName: "usage",
            _superCommandName: "replylint",
            abstract: "Show the most and least used replies from the usage log.",
            discussion: """
                Reads the usage log (.replylint/usage.sqlite, usage.log in replylint.yml, or REPLYLINT_USAGE_LOG: \
                a file or a postgres:// URL) that `replylint serve` \
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

        package func validate() throws {
            if let days, days <= 0 { throw ValidationError("--days takes a whole number above 0") }
            guard top > 0 else { throw ValidationError("--top takes a whole number above 0") }
        }

        package func run() throws {
            // The replies, without `faq-unused`'s own read of the log: the report reads it below.
            let loaded = try library.loader(readingUsage: false).load()
            let configuration = loaded.configuration
            guard let log = try library.usageLog(configuration) else {
                throw LoadError("the usage log is switched off (usage: {log: off} in replylint.yml, or REPLYLINT_USAGE_LOG=off)")
            }
            let window = days ?? FAQUnusedRule.window(in: configuration)
            let shown = LibraryLoader.display(log.name, base: library.workingDirectory)
            let summary: UsageSummary
            do {
                guard let read = try log.read(since: Date(timeIntervalSinceNow: -Double(window) * 86_400)) else {
                    throw LoadError("\(shown): no usage log yet; `replylint serve` and `replylint mcp` record each render there")
                }
                summary = read
            } catch let error as UsageLogError {
                let message = error.message.hasPrefix(log.name + ": ") ? shown + String(error.message.dropFirst(log.name.count)) : error.message
                throw LoadError(message)
            }
            let report = UsageReport(summary: summary, replies: loaded.replies, log: shown, days: window)
            switch format {
            case .json: print(report.json.serialized(pretty: true))
            case .text: print(report.text(top: top))
            }
        }
    }
}
