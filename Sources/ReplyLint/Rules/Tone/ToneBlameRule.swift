// tone-blame: blaming or condescending phrases, from the reply's language's data, which the user can extend.

public struct ToneBlameRule: Rule {
    public static let description = RuleDescription(
        id: "tone-blame", severity: .warning, category: .tone,
        summary: "Blaming or condescending phrases: \"as we already told you\", \"you should have\", \"obviously\" (\"como ya te dijimos\", \"es tu responsabilidad\").",
        rationale: "The customer is already having a bad day; a reply that makes it their fault escalates it, in public. Say what happens next instead.",
        options: [RuleOption("phrases", default: .strings([]), "more phrases to report (in any language the library's replies use)")],
        blindSpots: [
            "Blame without a stock phrase (\"the form clearly says…\") is not recognised.",
            "\"You should have\" counts only before something the customer failed to do (\"you should have read the email\"): \"you should have a reference number\" is an expectation. In Spanish, \"debiste\" and \"tenías que\" likewise count only before a verb such as \"revisar\", \"leer\" or \"llamar\".",
            "The phrases of the reply's language are used (its `locale`, else the configured one).",
        ],
        notes: "**Phrases** (in the reply's language; `(a|b)` means either):\n\n" + ToneText.perLanguage { language in
            let words = language.words
            let phrases = words.writtenStrings("blame")
            guard !phrases.isEmpty else { return nil }
            return phrases.map { "\"\($0)\"" }.joined(separator: ", ")
                + ", and " + words.writtenStrings("blame-should-have").map { "\"\($0)\"" }.joined(separator: " / ")
                + " before: " + words.writtenStrings("blame-should-have-done").joined(separator: ", ") + "."
        },
        triggering: [
            Example("↓As we already told you, bins go out by 7 am."),
            Example("Hi {{customer.first_name}}, ↓you should have booked the pickup online."),
            Example("Hola {{customer.first_name}}, ↓como ya te dijimos, la recolección es los martes.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, ↓debiste revisar el correo de confirmación.", locale: "es-MX"),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, bins go out by 7 am. We've booked a pickup for tomorrow."),
            Example("Hi {{customer.first_name}}, you should have a reference number in your email."),
            Example("Hola {{customer.first_name}}, la recolección es los martes. Ya agendamos una para mañana.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, debiste recibir un correo con tu número de guía.", locale: "es-MX"),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let tone = context.language(of: reply).tone
        let extra = context.strings("phrases", of: Self.description)
        let matcher = extra.isEmpty ? tone.blameMatcher : PhraseMatcher(tone.blame + tone.shouldHave + extra)
        let text = ToneText.prose(reply, context)
        let items = matcher.matches(in: ToneText.tokens(reply, context)).map { match in
            let phrase = FastText.string(Array(text.unicodeScalars)[match.range])
            return ("\"\(phrase)\" sounds like blame; say what happens next instead", match.range)
        }
        return ToneText.findings(Self.self, items, in: reply)
    }
}
