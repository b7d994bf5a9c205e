// tone-cliche: corporate stock phrases, each with a plainer way to say it; `--fix` makes the safe swaps.

public struct ToneClicheRule: Rule {
    public static let description = RuleDescription(
        id: "tone-cliche", severity: .warning, category: .tone,
        summary: "Corporate stock phrases: \"we apologize for any inconvenience\", \"please be advised\", \"kindly\", \"valued customer\".",
        rationale: "Stock phrases read as a form letter, the opposite of what a personal reply is for. Each has a plainer way to say it, shown in the message; `--fix` makes the swaps that need no other change (\"kindly\" → \"please\").",
        options: [RuleOption("phrases", default: .strings([]), "more phrases to report")],
        blindSpots: ["Only the phrases listed in docs/rules.md are known; add your own under `phrases`."],
        notes: "**Phrases** (with what to say instead; ‡ `--fix` swaps it where it reads right in place — \"Kindly send\" → \"Please send\", not \"thank you kindly\"; † `--fix` swaps it only where it is a sentence of its own, as after \"Hi {{customer.first_name}},\"; every other swap is a suggestion in JSON and SARIF, never applied):\n\n" + TonePhrases.cliches.map { entry in
            "- \"\(entry.phrase)\" → " + (entry.instead.isEmpty ? "leave it out" : "\"\(entry.instead)\"")
                + (TonePhrases.clauseSwaps.contains(entry.phrase) ? " †" : TonePhrases.safeSwaps.contains(entry.phrase) ? " ‡" : "")
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

    /// Whether swapping `phrase` at `range` keeps the sentence grammatical: a clause swap ("we apologize
    /// for any inconvenience" → "sorry about this") only where the clause is its own sentence ("Kindly
    /// note we apologize…" must not become "Please note sorry about this"); "kindly" → "please" only
    /// where a request starts ("Kindly send…", "could you kindly…", not "thank you kindly").
    static func swapReadsRight(_ phrase: String, at range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        guard TonePhrases.safeSwaps.contains(phrase) else { return false }
        if TonePhrases.clauseSwaps.contains(phrase) { return ToneText.isWholeSentence(range, in: scalars) }
        if phrase == "kindly" {
            var before = range.lowerBound
            while before > 0, scalars[before - 1] == " " { before -= 1 }
            if before == 0 || ".!?\n,".unicodeScalars.contains(scalars[before - 1]) { return true }
            var start = before
            while start > 0, scalars[start - 1].isLetterLike { start -= 1 }
            return String(String.UnicodeScalarView(scalars[start..<before])).lowercased() == "you"
        }
        return true
    }

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let extra = context.strings("phrases", of: Self.description)
        let phrases = TonePhrases.cliches + extra.map { ($0, "") }
        let matcher = extra.isEmpty ? Self.matcher : PhraseMatcher(phrases.map(\.phrase))
        let text = ToneText.prose(reply, context)
        let scalars = Array(text.unicodeScalars)
        let items = matcher.matches(in: ToneText.tokens(reply, context)).map { match -> ToneText.Rewrite in
            let written = String(String.UnicodeScalarView(scalars[match.range]))
            let phrase = phrases[match.phrase].phrase
            let instead = phrases[match.phrase].instead
            let advice = instead.isEmpty ? "leave it out" : "try \"\(instead)\""
            // Leaving a phrase out needs a person to mend the sentence: no rewrite. A swap is applied by
            // --fix only where it reads right in place; elsewhere it is a suggestion.
            let replacement = instead.isEmpty ? nil : Self.matchingCase(instead, to: written)
            return ToneText.Rewrite(
                message: "\"\(written)\" is a stock phrase; \(advice)", range: match.range, replacement: replacement,
                safe: Self.swapReadsRight(phrase, at: match.range, in: scalars))
        }
        return ToneText.findings(Self.self, items, in: reply)
    }
}
