// tone-cliche: corporate stock phrases, each with a plainer way to say it; `--fix` makes the safe swaps.

public struct ToneClicheRule: Rule {
    public static let description = RuleDescription(
        id: "tone-cliche", severity: .warning, category: .tone,
        summary: "Corporate stock phrases: \"we apologize for any inconvenience\", \"please be advised\", \"kindly\", \"valued customer\".",
        rationale: "Stock phrases read as a form letter, the opposite of what a personal reply is for. Each has a plainer way to say it, shown in the message; `--fix` makes the swaps that need no other change (\"kindly\" → \"please\").",
        options: [RuleOption("phrases", default: .strings([]), "more phrases to report")],
        blindSpots: ["Only the phrases listed in docs/rules.md are known; add your own under `phrases`."],
        notes: "**Phrases** (with what to say instead; † `--fix` swaps it):\n\n" + TonePhrases.cliches.map { entry in
            "- \"\(entry.phrase)\" → " + (entry.instead.isEmpty ? "leave it out" : "\"\(entry.instead)\"") + (TonePhrases.safeSwaps.contains(entry.phrase) ? " †" : "")
        }.joined(separator: "\n"),
        triggering: [
            Example("Hi {{customer.first_name}}, ↓we apologize for any inconvenience."),
            Example("↓Please be advised that the road is closed."),
            Example("↓Kindly send us a DM: {{dm_link}}"),
        ],
        nonTriggering: [Example("Hi {{customer.first_name}}, sorry about this. The road is closed until Friday.")])

    static let matcher = PhraseMatcher(TonePhrases.cliches.map(\.phrase))

    /// "Kindly" → "Please": the replacement starts with a capital when the phrase did.
    static func matchingCase(_ replacement: String, to written: String) -> String {
        guard let first = written.first, first.isUppercase else { return replacement }
        return replacement.prefix(1).uppercased() + replacement.dropFirst()
    }

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let extra = context.strings("phrases", of: Self.description)
        let phrases = TonePhrases.cliches + extra.map { ($0, "") }
        let matcher = extra.isEmpty ? Self.matcher : PhraseMatcher(phrases.map(\.phrase))
        let text = ToneText.prose(reply, context)
        let scalars = Array(text.unicodeScalars)
        let items = matcher.matches(in: ToneText.tokens(reply, context)).map { match -> (message: String, range: Range<Int>, replacement: String?) in
            let written = String(String.UnicodeScalarView(scalars[match.range]))
            let instead = phrases[match.phrase].instead
            let advice = instead.isEmpty ? "leave it out" : "try \"\(instead)\""
            // Only a plain swap is fixed automatically; leaving a phrase out needs a person to mend the sentence.
            let fixable = match.phrase < TonePhrases.cliches.count && TonePhrases.safeSwaps.contains(TonePhrases.cliches[match.phrase].phrase)
            let replacement = fixable ? Self.matchingCase(instead, to: written) : nil
            return ("\"\(written)\" is a stock phrase; \(advice)", match.range, replacement)
        }
        return ToneText.findings(Self.self, items, in: reply)
    }
}
