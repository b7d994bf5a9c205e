// locale-mismatch: a reply whose text is clearly in another language than its locale says.

public struct LocaleMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "locale-mismatch", severity: .warning, category: .library,
        summary: "The reply's text is clearly in another language than its `locale` (its own, or the configured one).",
        rationale: """
            Every language rule — personal data, DM links, tone, readability, fill-in markers — reads a reply \
            in the language of its `locale`. A Spanish reply in a library whose locale is English is read as \
            English: a request for "tu número de cuenta" in public then passes unseen, and its reading grade is \
            computed with an English formula. This rule is on by default, as a warning, because that silence \
            is the costly part: the fix is one line of front matter. It stays quiet on short texts and on \
            texts that mix two languages, where no language is clearly the reply's.
            """,
        options: [RuleOption("min-words", default: .int(12), "replies with fewer words than this are not judged: a line or two gives too little to tell a language by")],
        blindSpots: [
            "The language is told by its common words, word endings and letters (Resources/language-profiles.txt): English, Spanish, German, French, Portuguese, Italian and Dutch. Text in another language or script is not judged.",
            "A text counts as clearly in one language when that language scores at least twice any other; a reply half in one language and half in another is left alone.",
            "Placeholders are left out; a partial's text is not read.",
        ],
        triggering: [
            // A Spanish reply in a library whose locale is English (the default): the Spanish rules would not run.
            Example("↓Hola {{customer.first_name}}, lamentamos mucho el retraso de tu pedido. Ya lo revisamos con la paquetería y te escribimos mañana con novedades."),
            Example("↓Hi {{customer.first_name}}, thanks for letting us know about the missed bin. We have booked a pickup for tomorrow morning.", locale: "es-MX"),
        ],
        nonTriggering: [
            Example("Hola {{customer.first_name}}, lamentamos mucho el retraso de tu pedido. Ya lo revisamos con la paquetería y te escribimos mañana con novedades.", locale: "es-MX"),
            // Too short to tell.
            Example("¡Gracias, {{customer.first_name}}!"),
            // Two languages, neither clearly the reply's.
            Example("Hi {{customer.first_name}}, we have booked a pickup for tomorrow. Hola {{customer.first_name}}, agendamos la recolección para mañana."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let minWords = context.int("min-words", of: Self.description) ?? 12
        let locale = context.locale(of: reply)
        let declared = LanguageGuess.code(ofLocale: locale)
        guard let written = LanguageGuess.clearLanguage(of: ToneText.text(reply, context), minimumWords: minWords, scores: context.wordScores),
              written != declared else { return [] }
        let name = Language.name(of: written)
        let own = reply.locale.map { !$0.trimmingWhitespace.isEmpty } ?? false
        let message = own
            ? "the text reads as \(name), but the reply's locale is '\(locale)'; set `locale: \(written)`, so the rules read it in \(name)"
            : "the text reads as \(name), but the reply has no `locale:` and the library's is '\(locale)'; add `locale: \(written)` to its front matter, so the rules read it in \(name)"
        return [Self.finding(message, in: reply, at: reply.bodyStart)]
    }
}
