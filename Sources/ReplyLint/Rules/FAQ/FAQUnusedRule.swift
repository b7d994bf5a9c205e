// faq-unused: usage data shows the reply is rarely used, so it no longer answers a frequent question.

import Foundation

public struct FAQUnusedRule: Rule {
    public static let description = RuleDescription(
        id: "faq-unused", severity: .info, category: .faq,
        summary: "Usage data shows the reply is rarely used (only when usage data exists).",
        rationale: """
            A saved reply is for a frequently asked question. One that is hardly ever sent is either answering a \
            question people no longer ask, or is hard to find; either way it is worth a look. Usage comes from \
            the usage log `replylint serve` and `replylint mcp` write (`.replylint/usage.sqlite`, or \
            `usage: {log: …}` in config) and from a CSV export of counts (`usage: {csv: usage.csv}`); see docs/usage.md.
            """,
        options: [
            RuleOption("min-uses", default: .int(3), "replies used fewer times than this are reported"),
            RuleOption("days", default: .int(90), "the usage log's renders are counted over this many days"),
            RuleOption("min-log-days", default: .int(14), "the usage log is used only once it has been recording this many days; a younger log has not seen the library's rhythm yet"),
        ],
        blindSpots: [
            "A new reply has no history yet and is reported until it has been used; add it to the CSV with a count, or switch the rule off for it.",
            "Renders through the usage log are counted, not sends: an agent who renders a reply and then does not send it still counts as a use.",
        ],
        triggering: [
            Example(replies: ["↓---\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, sorry we missed your bin.", "Hi {{customer.first_name}}, the road is open again."],
                    usage: ["example-1": 1, "example-2": 57]),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, sorry we missed your bin."),
            Example(replies: ["Hi {{customer.first_name}}, sorry we missed your bin."], usage: ["example-1": 12]),
        ])

    public init() {}

    /// The days of the usage log counted: the `days` option as configured, else its default.
    public static func window(in configuration: Configuration) -> Int {
        if case .int(let days)? = configuration.option("days", of: description) { return days }
        return 90
    }

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        guard let usage = context.library.usage else { return [] }
        if let start = usage.logStart, !usage.includesCSV {
            // Only a log that has been recording long enough says anything about what is rare.
            let minimumDays = context.int("min-log-days", of: Self.description) ?? 14
            if Date().timeIntervalSince(start) < Double(minimumDays) * 86_400 { return [] }
        }
        let minimum = context.int("min-uses", of: Self.description) ?? 3
        let uses = usage.counts[reply.id] ?? 0
        guard uses < minimum else { return [] }
        let advice = "if it no longer answers a frequent question, retire it or merge it"
        let message: String
        if let days = usage.windowDays, !usage.includesCSV {
            let rendered = uses == 0 ? "not rendered" : "rendered " + (uses == 1 ? "once" : "\(uses) times")
            message = "\(rendered) in the last \(days) days (usage log \(usage.source)); \(advice)"
        } else {
            message = "used \(uses == 1 ? "once" : "\(uses) times") in the usage data (\(usage.source)); \(advice)"
        }
        return [Self.finding(message, in: reply, at: reply.position)]
    }
}

extension UsageQuery {
    /// What `faq-unused` needs from `log` under `configuration`; nil when there is no log or the rule is off.
    public static func faqUnused(_ log: (any UsageStore)?, configuration: Configuration) -> UsageQuery? {
        guard let log, configuration.level(of: FAQUnusedRule.description) != .off else { return nil }
        return UsageQuery(log: log, days: FAQUnusedRule.window(in: configuration))
    }
}
