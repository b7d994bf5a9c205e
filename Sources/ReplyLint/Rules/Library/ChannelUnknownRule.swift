// channel-unknown: a reply names a channel that is neither built in nor in config, or names none.

public struct ChannelUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "channel-unknown", severity: .error, category: .library,
        summary: "A channel id that is neither built in nor defined in config, or a reply with no channels.",
        rationale: """
            Length limits and privacy rules depend on the channel. A misspelt channel (`x-replly`) or a missing \
            `channels:` list means none of those checks run, and the renderer cannot tell whether the reply may \
            be posted in public.
            """,
        blindSpots: ["A real channel that is the wrong one for this reply is not caught here; `personal-data-public` and `faq-sensitive-public` catch the costly cases."],
        triggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply, ↓x-replly]\n---\nHi {{customer.first_name}}, thanks for telling us."),
            Example("---\nfaq: missed-collection\n---\nHi {{customer.first_name}}, thanks for telling us."),
        ],
        nonTriggering: [
            // The typo is front-matter's finding; this rule does not add "names no channel" to it.
            Example("---\nfaq: missed-collection\nchanels: [x-reply]\n---\nHi {{customer.first_name}}, thanks for telling us."),
            Example("Hi {{customer.first_name}}, thanks for telling us.", channels: ["x-reply", "x-dm", "sms", "email"]),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        // `chanels:` is reported by front-matter, with the cause; "names no channel" would be a second finding for it.
        if reply.channels.isEmpty, !reply.hasMistyped("channels") {
            return [Self.finding(
                "this reply names no channel; add e.g. `channels: [x-reply]` so its length and privacy can be checked",
                in: reply, at: reply.position)]
        }
        let known = context.configuration.channels.keys
        return reply.channels.compactMap { channel in
            guard context.channel(channel.value) == nil else { return nil }
            return Self.finding(
                "unknown channel '\(channel.value)'\(Channel.hint(for: channel.value, in: known)); use one of \(known.sorted().joined(separator: ", ")), or define it under `channels:` in replylint.yml",
                in: reply, at: channel.position, end: TextPosition(line: channel.position.line, column: channel.position.column + channel.value.unicodeScalars.count),
                channel: channel.value)
        }
    }
}
