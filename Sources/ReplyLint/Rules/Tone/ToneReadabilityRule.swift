// tone-readability: a reply that reads above the configured grade (Flesch–Kincaid).

import Foundation

public struct ToneReadabilityRule: Rule {
    public static let description = RuleDescription(
        id: "tone-readability", severity: .warning, category: .tone,
        summary: "The reply reads above the configured grade (Flesch–Kincaid, default 8).",
        rationale: "Customers read replies on a phone, often upset or in a hurry, and many read English as a second language. Short sentences and common words get the message across the first time.",
        options: [
            RuleOption("max-grade", default: .number(8), "the highest Flesch–Kincaid grade allowed"),
            RuleOption("min-words", default: .int(25), "replies shorter than this are not graded: the formula is unreliable on a line or two"),
        ],
        blindSpots: [
            "Flesch–Kincaid counts syllables and sentence length only: plain but muddled writing passes, and a long word the reader knows well counts against it.",
            "Placeholders are left out of the count; links are skipped.",
            "English only. The reply's `locale` decides; without one, the text's function words, word endings and letters (Resources/language-profiles.txt) do, and a reply that looks like Spanish, German, French, Portuguese, Italian or Dutch is not graded. A text with no clear sign either way is read in the configured `locale`.",
        ],
        triggering: [
            // The densest English has few common words; its endings ("-ing", "-ly", "-ity") still say it is English.
            Example("↓Notwithstanding considerable administrative complications, departmental representatives subsequently investigated jurisdictional irregularities concerning municipal infrastructure reconfiguration, recommending comprehensive organisational restructuring and procedural standardisation. Consequently, outstanding remuneration discrepancies necessitate individualised reassessment."),
            Example("↓Hi {{customer.first_name}}, we sincerely regret the considerable administrative complications associated with the recalculation of your municipal utility assessment, and our departmental representatives are investigating the circumstances thoroughly."),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, sorry your water bill was higher than usual. We will check the meter reading and call you back by Friday. If you want to talk sooner, send us a Direct Message: {{dm_link}}"),
            // Not English: the English formula means nothing here (a Spanish formula is for a later issue).
            Example("Hola {{customer.first_name}}, lamentamos profundamente las complicaciones administrativas ocasionadas por la reconfiguración de su cuenta; nuestros representantes departamentales están investigando minuciosamente las circunstancias."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let maxGrade = Self.number("max-grade", context, 8)
        let minWords = context.int("min-words", of: Self.description) ?? 25
        let prose = ToneText.prose(reply, context)
        let score = Readability.score(prose)
        // The formula is English: a reply declared (or, without a locale, written) in another language is not graded.
        guard score.words >= minWords, score.grade > maxGrade,
              LanguageGuess.language(of: prose, declared: reply.locale, fallback: context.configuration.locale) == "en" else { return [] }
        return [Self.finding(
            "reads at grade \(String(format: "%.1f", score.grade)) (Flesch–Kincaid), above \(String(format: "%g", maxGrade)); use shorter sentences and everyday words",
            in: reply, at: reply.bodyStart)]
    }

    static func number(_ name: String, _ context: LintContext, _ fallback: Double) -> Double {
        switch context.option(name, of: description) {
        case .number(let value)?: value
        case .int(let value)?: Double(value)
        default: fallback
        }
    }
}
