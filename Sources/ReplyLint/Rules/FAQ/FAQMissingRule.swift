// faq-missing: a reply that names no FAQ entry.

public struct FAQMissingRule: Rule {
    public static let description = RuleDescription(
        id: "faq-missing", severity: .error, category: .faq,
        summary: "The reply names no FAQ entry (`faq:` in its front matter).",
        rationale: """
            A saved reply exists to answer a frequently asked question. Tying each reply to an FAQ entry keeps \
            canned answers to the questions that really are frequent, lets the team spot duplicates, and keeps \
            the public answer and the FAQ page saying the same thing.
            """,
        triggering: [
            Example("↓---\ntitle: Missed bin\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, thanks for telling us."),
        ],
        nonTriggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, thanks for telling us."),
            Example("---\nfqa: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, thanks for telling us."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        if let faq = reply.faq, !faq.value.allSatisfy(\.isWhitespace) { return [] }
        if reply.faq == nil && reply.hasMistyped("faq") { return [] }  // front-matter names the typo
        let position = reply.faq?.position ?? reply.position
        return [Self.finding(
            "this reply names no FAQ entry; add `faq: <entry-id>` with the id of the FAQ entry it answers",
            in: reply, at: position)]
    }
}
