// faq-unknown: the FAQ entry a reply names is not in any faq policy document.

public struct FAQUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "faq-unknown", severity: .error, category: .faq,
        summary: "The FAQ entry the reply names is not in any `faq` policy document.",
        rationale: """
            The FAQ document is the team's list of questions that deserve a saved reply. A reply pointing at \
            an entry that does not exist is either misspelt or answers a question nobody agreed is frequent.
            """,
        blindSpots: ["Entries are level-2 headings of `faq` documents only; an entry written as a level-3 heading is not an entry."],
        triggering: [
            Example("---\nfaq: ↓missed-colection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, thanks for telling us."),
        ],
        nonTriggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, thanks for telling us."),
            Example("---\nfaq: Missed Collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, thanks for telling us."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        guard let faq = reply.faq, !faq.value.allSatisfy(\.isWhitespace) else { return [] }
        if context.faq.entries[faq.value] != nil || context.faq.entries[faq.value.slug] != nil { return [] }
        let end = TextPosition(line: faq.position.line, column: faq.position.column + faq.value.unicodeScalars.count)
        guard context.faq.documentCount > 0 else {
            return [Self.finding(
                "FAQ entry '\(faq.value)' cannot be found: the library has no FAQ document; add policies/faq.md with one level-2 heading per entry",
                in: reply, at: faq.position, end: end)]
        }
        return [Self.finding(
            "FAQ entry '\(faq.value)' is not in the FAQ\(Suggestion.hint(for: faq.value, in: context.faq.entries.keys)); add it to the FAQ document or fix the id",
            in: reply, at: faq.position, end: end)]
    }
}
