// length-limit: the worst case (template) or the real text (rendered) is over the channel's limit.

public struct LengthLimitRule: Rule {
    public static let description = RuleDescription(
        id: "length-limit", severity: .error, category: .length, checksRenderedText: true,
        summary: "The reply's worst case (every placeholder at its max) or its rendered text is over the channel's limit.",
        rationale: """
            A reply that is too long is cut off or rejected by the platform at the moment the customer is \
            waiting. Each channel is measured the way its platform counts: X's weighted length (links 23, CJK \
            and emoji 2), characters, UTF-8 bytes for Instagram DMs, SMS segments; for email, lines over \
            998 bytes. A template is checked on its worst case, so it fits for every customer.
            """,
        blindSpots: [
            "Placeholder values are assumed to be plain ASCII at their max; a name in a script that X weighs double counts single. Raise `max` for such placeholders.",
            "A list section is counted once, however many items a real render repeats it for.",
        ],
        triggering: [
            Example("Hi {{customer.first_name}}, " + String(repeating: "we are sorry about this. ", count: 10), channels: ["↓x-reply"]),
            Example("---\nfaq: missed-collection\nchannels: [↓x-reply]\nplaceholders:\n  customer.first_name: {max: 250}\n---\nHi {{customer.first_name}}, thanks for telling us about the bin."),
            // A value longer than anyone planned for: the real text is measured after filling.
            Example(rendered: "Hi {{customer.first_name}}, thanks for telling us about the bin.", values: ["customer.first_name": String(repeating: "Ana ", count: 70)]),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, sorry we missed your bin. Please send us a Direct Message with your street address: {{dm_link}}"),
            Example("Hi {{customer.first_name}}, " + String(repeating: "we are sorry about this. ", count: 10), channels: ["x-dm"]),
            Example(rendered: "Hi {{customer.first_name}}, thanks for telling us about the bin.", values: ["customer.first_name": "Ana"]),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        LengthMeasurement.worstCases(of: reply, in: context).compactMap { entry, measurement in
            guard let message = message(for: measurement) else { return nil }
            if measurement.length.limit == nil {
                // An email line too long: point at the longest line of the body.
                let lines = Lines.split(reply.body)
                let longest = lines.indices.max { lines[$0].utf8.count < lines[$1].utf8.count } ?? 0
                return Self.finding(message, in: reply, at: reply.filePosition(ofBody: TextPosition(line: longest + 1, column: 1)), channel: entry.value)
            }
            return Self.lengthFinding(message, reply: reply, entry: entry)
        }
    }

    public func check(rendered: RenderedText, in context: LintContext) -> [Finding] {
        let measurement = LengthMeasurement.rendered(rendered, in: context)
        return message(for: measurement).map {
            [Self.finding($0, in: rendered.reply, at: nil, channel: rendered.channel.id)]
        } ?? []
    }

    func message(for measurement: LengthMeasurement) -> String? {
        if let limit = measurement.length.limit {
            guard measurement.length.value > limit else { return nil }
            let advice = measurement.isWorstCase ? "shorten the text or lower the placeholders' max" : "shorten the reply before sending"
            return "\(measurement.description) is over the limit of \(limit); \(advice)"
        }
        if let longest = measurement.longestLineBytes, longest > 998 {
            return "a line is \(longest) bytes on \(measurement.channel.id); email lines must stay within 998 bytes (RFC 5322), so break it"
        }
        return nil
    }
}
