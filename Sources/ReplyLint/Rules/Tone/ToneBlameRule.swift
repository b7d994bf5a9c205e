// tone-blame: blaming or condescending phrases, from data the user can extend.

public struct ToneBlameRule: Rule {
    public static let description = RuleDescription(
        id: "tone-blame", severity: .warning, category: .tone,
        summary: "Blaming or condescending phrases: \"as we already told you\", \"you should have\", \"obviously\".",
        rationale: "The customer is already having a bad day; a reply that makes it their fault escalates it, in public. Say what happens next instead.",
        options: [RuleOption("phrases", default: .strings([]), "more phrases to report")],
        blindSpots: [
            "Blame without a stock phrase (\"the form clearly says…\") is not recognised.",
            "\"You should have\" counts only before something the customer failed to do (\"you should have read the email\"): \"you should have a reference number\" is an expectation.",
        ],
        notes: "**Phrases:** " + TonePhrases.blame.map { "\"\($0)\"" }.joined(separator: ", ")
            + ", and \"you should have\" / \"you should've\" before: "
            + Set(TonePhrases.shouldHave.map { $0.split(separator: " ").dropFirst(2).joined(separator: " ") }).sorted().joined(separator: ", ") + ".",
        triggering: [
            Example("↓As we already told you, bins go out by 7 am."),
            Example("Hi {{customer.first_name}}, ↓you should have booked the pickup online."),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, bins go out by 7 am. We've booked a pickup for tomorrow."),
            Example("Hi {{customer.first_name}}, you should have a reference number in your email."),
        ])

    static let matcher = PhraseMatcher(TonePhrases.blame + TonePhrases.shouldHave)

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let extra = context.strings("phrases", of: Self.description)
        let matcher = extra.isEmpty ? Self.matcher : PhraseMatcher(TonePhrases.blame + TonePhrases.shouldHave + extra)
        let text = ToneText.prose(reply, context)
        let items = matcher.matches(in: ToneText.tokens(reply, context)).map { match in
            let phrase = FastText.string(Array(text.unicodeScalars)[match.range])
            return ("\"\(phrase)\" sounds like blame; say what happens next instead", match.range)
        }
        return ToneText.findings(Self.self, items, in: reply)
    }
}
