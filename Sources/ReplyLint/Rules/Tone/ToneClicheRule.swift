// tone-cliche: corporate stock phrases, each with a plainer way to say it; `--fix` makes the safe swaps.

public struct ToneClicheRule: Rule {
    public static let description = RuleDescription(
        id: "tone-cliche", severity: .warning, category: .tone,
        summary: "Corporate stock phrases: \"we apologize for any inconvenience\", \"please be advised\", \"kindly\", \"valued customer\" (\"lamentamos las molestias ocasionadas\", \"quedamos a sus órdenes\").",
        rationale: "Stock phrases read as a form letter, the opposite of what a personal reply is for. Each has a plainer way to say it, shown in the message in the reply's language; `--fix` makes the swaps that need no other change (\"kindly\" → \"please\", \"a la brevedad\" → \"pronto\").",
        options: [RuleOption("phrases", default: .strings([]), "more phrases to report (in any language the library's replies use)")],
        blindSpots: [
            "Only the phrases listed in docs/rules.md are known; add your own under `phrases`.",
            "The phrases of the reply's language are used (its `locale`, else the configured one); a misspelt stock phrase is missed.",
        ],
        notes: "**Phrases** (with what to say instead; `(a|b)` means either; ‡ `--fix` swaps it where it reads right in place — \"Kindly send\" → \"Please send\", not \"thank you kindly\"; † `--fix` swaps it only where it is a sentence of its own, as after \"Hi {{customer.first_name}},\"; every other swap is a suggestion in JSON and SARIF, never applied):\n\n" + ToneText.perLanguage { language in
            let tone = language.tone
            let written = language.words.pairs("cliches", asWritten: true)
            guard !written.isEmpty else { return nil }
            return "\n\n" + written.map { entry in
                // A written entry is marked when every phrase it stands for is.
                let phrases = LanguageWords.expand(entry.phrase).map { $0.lowercased() }
                let mark = phrases.allSatisfy(tone.clauseSwaps.contains) ? " †" : phrases.allSatisfy(tone.safeSwaps.contains) ? " ‡" : ""
                return "- \"\(entry.phrase)\" → " + (entry.instead.isEmpty ? "leave it out" : "\"\(entry.instead)\"") + mark
            }.joined(separator: "\n")
        },
        triggering: [
            Example("Hi {{customer.first_name}}, ↓we apologize for any inconvenience."),
            Example("↓Please be advised that the road is closed."),
            Example("↓Kindly send us a DM: {{dm_link}}"),
            Example("Hola {{customer.first_name}}, ↓le pedimos disculpas por las molestias ocasionadas.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, tu pedido llega ↓a la brevedad. ↓Quedamos a tus órdenes.", locale: "es-MX"),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, sorry about this. The road is closed until Friday."),
            Example("Hola {{customer.first_name}}, perdón por la espera. La calle está cerrada hasta el viernes.", locale: "es-MX"),
        ])

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
    static func swapReadsRight(_ phrase: String, at range: Range<Int>, in scalars: [Unicode.Scalar], tone: TonePhrases) -> Bool {
        guard tone.safeSwaps.contains(phrase) else { return false }
        if tone.clauseSwaps.contains(phrase) { return ToneText.isWholeSentence(range, in: scalars, openers: tone.sentenceOpeners) }
        if tone.requestSwaps.contains(phrase) {
            var before = range.lowerBound
            while before > 0, scalars[before - 1] == " " { before -= 1 }
            if before == 0 || ".!?\n,¡¿".unicodeScalars.contains(scalars[before - 1]) { return true }
            var start = before
            while start > 0, scalars[start - 1].isLetterLike { start -= 1 }
            return tone.requestSwapLeaders.contains(FastText.string(scalars[start..<before]).lowercased())
        }
        return true
    }

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let tone = context.language(of: reply).tone
        let extra = context.strings("phrases", of: Self.description)
        // The built-in list itself unless the config adds phrases: joining them made a copy of every phrase per reply.
        let phrases = extra.isEmpty ? tone.cliches : tone.cliches + extra.map { ($0, "") }
        let matcher = extra.isEmpty ? tone.clicheMatcher : PhraseMatcher(phrases.map(\.phrase))
        let scalars = ToneText.scalars(reply, context)
        let items = matcher.matches(in: ToneText.tokens(reply, context)).map { match -> ToneText.Rewrite in
            let written = FastText.string(scalars[match.range])
            let phrase = phrases[match.phrase].phrase
            let instead = phrases[match.phrase].instead
            let advice = instead.isEmpty ? "leave it out" : "try \"\(instead)\""
            // Leaving a phrase out needs a person to mend the sentence: no rewrite. A swap is applied by
            // --fix only where it reads right in place; elsewhere it is a suggestion.
            let replacement = instead.isEmpty ? nil : Self.matchingCase(instead, to: written)
            return ToneText.Rewrite(
                message: "\"\(written)\" is a stock phrase; \(advice)", range: match.range, replacement: replacement,
                safe: Self.swapReadsRight(phrase, at: match.range, in: scalars, tone: tone))
        }
        return ToneText.findings(Self.self, items, in: reply)
    }
}
