// tone-readability: a reply that reads above the configured grade (Flesch–Kincaid).

import Foundation

public struct ToneReadabilityRule: Rule {
    public static let description = RuleDescription(
        id: "tone-readability", severity: .warning, category: .tone,
        summary: "The reply reads above the configured grade (default 8): Flesch–Kincaid for English, Fernández-Huerta for Spanish.",
        rationale: "Customers read replies on a phone, often upset or in a hurry, and many read the reply's language as a second language. Short sentences and common words get the message across the first time.",
        options: [
            RuleOption("max-grade", default: .number(8), "the highest school grade allowed (a Spanish reply's Fernández-Huerta score is turned into a grade: see below)"),
            RuleOption("min-words", default: .int(25), "replies shorter than this are not graded: the formula is unreliable on a line or two"),
        ],
        blindSpots: [
            "Both formulas count syllables and sentence length only: plain but muddled writing passes, and a long word the reader knows well counts against it.",
            "Placeholders are left out of the count; links are skipped.",
            "The reply's language comes from its `locale` (else the configured one); a language with no formula here (German, French…) is not graded. A reply whose text is clearly in another language than its locale is not graded either: `locale-mismatch` reports it.",
        ],
        notes: """
            **English: Flesch–Kincaid grade level**, 0.39 × words per sentence + 11.8 × syllables per word − 15.59, \
            compared with `max-grade` as it is.

            **Spanish: Fernández-Huerta reading ease** (1959, in the corrected form of Law 2011: \
            206.84 − 60 × syllables per word − 1.02 × words per sentence), a score from 0 (hardest) to 100 \
            (easiest) made for Spanish on the model of Flesch's reading ease, with Spanish syllables (diphthongs \
            and hiatus counted by the vowels' stress). Fernández-Huerta's table gives each band of scores the \
            school grade that reads it; ReplyLint turns a score into a grade with that table, interpolating \
            straight between the band edges, so `max-grade` means the same in both languages:

            | score | band | grade |
            |---|---|---|
            | 90–100 | muy fácil | 4 |
            | 80–90 | fácil | 5 |
            | 70–80 | algo fácil | 6 |
            | 60–70 | normal | 7–8 |
            | 50–60 | algo difícil (preuniversitario) | 9–12 |
            | 30–50 | difícil (cursos selectivos) | 13–14 |
            | 0–30 | muy difícil (universitario) | 15–16 |

            The default `max-grade: 8` reports a Spanish reply scoring below 60, the bottom of "normal"; 6 \
            would report below 70, 12 below 50. The message gives both the score and the grade.
            """,
        triggering: [
            // The densest English has few common words; its endings ("-ing", "-ly", "-ity") still say it is English.
            Example("↓Notwithstanding considerable administrative complications, departmental representatives subsequently investigated jurisdictional irregularities concerning municipal infrastructure reconfiguration, recommending comprehensive organisational restructuring and procedural standardisation. Consequently, outstanding remuneration discrepancies necessitate individualised reassessment."),
            Example("↓Hi {{customer.first_name}}, we sincerely regret the considerable administrative complications associated with the recalculation of your municipal utility assessment, and our departmental representatives are investigating the circumstances thoroughly."),
            Example("↓Hola {{customer.first_name}}, lamentamos profundamente las complicaciones administrativas ocasionadas por la reconfiguración de su cuenta; nuestros representantes departamentales están investigando minuciosamente las circunstancias y le contactarán próximamente con una solución definitiva.", locale: "es-MX"),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, sorry your water bill was higher than usual. We will check the meter reading and call you back by Friday. If you want to talk sooner, send us a Direct Message: {{dm_link}}"),
            Example("Hola {{customer.first_name}}, sentimos que tu recibo de agua llegara más alto que de costumbre. Vamos a revisar la lectura del medidor y te llamamos el viernes. Si quieres hablar antes, escríbenos por mensaje directo: {{dm_link}}", locale: "es-MX"),
            // Declared English but clearly Spanish: not graded with the English formula (locale-mismatch reports it).
            Example("Hola {{customer.first_name}}, lamentamos profundamente las complicaciones administrativas ocasionadas por la reconfiguración de su cuenta; nuestros representantes departamentales están investigando minuciosamente las circunstancias."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let maxGrade = Self.number("max-grade", context, 8)
        let minWords = context.int("min-words", of: Self.description) ?? 25
        let language = context.language(of: reply)
        guard let formula = language.readability else { return [] }
        // A reply with fewer words than `min-words` is never graded, and the grade counts no more words than the prose
        // has tokens (each of its words holds at least one of them): a third of real replies were scored for nothing.
        guard ToneText.tokens(reply, context).count >= minWords else { return [] }
        let prose = ToneText.prose(reply, context)
        let score = Readability.score(prose, formula: formula)
        guard score.words >= minWords, score.grade > maxGrade else { return [] }
        // A text clearly in another language is locale-mismatch's finding: its grade here would mean nothing.
        if let guessed = LanguageGuess.language(of: ToneText.text(reply, context)), guessed != language.code { return [] }
        return [Self.finding(
            "reads at \(score.statement), above \(String(format: "%g", maxGrade)); use shorter sentences and everyday words",
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
