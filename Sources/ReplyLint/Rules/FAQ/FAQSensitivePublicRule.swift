// faq-sensitive-public: a reply on a sensitive topic is declared for a public channel.

public struct FAQSensitivePublicRule: Rule {
    public static let description = RuleDescription(
        id: "faq-sensitive-public", severity: .error, category: .faq,
        summary: "A reply on a topic the FAQ lists as sensitive is declared for a public channel.",
        rationale: """
            A bereavement, a safeguarding worry or an eviction deserves a personal answer, in private — a canned \
            public reply to one reads as cold, in front of everyone. The FAQ document's "Sensitive topics" section \
            (or an entry marked `{.sensitive}`) lists the topics; a reply is on one when a tag or its `faq` id \
            matches, compared as slugs.
            """,
        blindSpots: ["A reply on a sensitive topic that is neither tagged nor filed under it is not recognised: the rule does not read the text."],
        triggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\ntags: [↓bereavement]\n---\nHi {{customer.first_name}}, we're so sorry for your loss."),
        ],
        nonTriggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-dm, email]\ntags: [bereavement]\n---\nHi {{customer.first_name}}, we're so sorry for your loss."),
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\ntags: [waste]\n---\nHi {{customer.first_name}}, sorry we missed your bin."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let publicChannels = context.channels(of: reply).filter(\.isPublic).map(\.id)
        guard !publicChannels.isEmpty, !context.faq.sensitiveTopics.isEmpty else { return [] }
        var topic: (String, TextPosition)?
        if let faq = reply.faq, context.faq.isSensitive(faq.value) { topic = (faq.value, faq.position) }
        if topic == nil, let tag = reply.tags.first(where: context.faq.isSensitive) {
            topic = (tag, reply.tagPositions[tag] ?? reply.position)
        }
        guard let (name, position) = topic else { return [] }
        return [Self.finding(
            "'\(name)' is a sensitive topic in the FAQ: answer it personally in a private channel, not with a canned reply on \(publicChannels.joined(separator: ", "))",
            in: reply, at: position, end: TextPosition(line: position.line, column: position.column + name.unicodeScalars.count),
            channel: publicChannels.first)]
    }
}
