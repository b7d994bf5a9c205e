// policy-readability: a policy section that reads above the configured grade, pointed at its hardest paragraph.

import Foundation

public struct PolicyReadabilityRule: Rule {
    public static let description = RuleDescription(
        id: "policy-readability", severity: .warning, category: .policy,
        summary: "A policy section reads above the configured grade (default 8: Flesch–Kincaid for English, Fernández-Huerta for Spanish); the finding points at its hardest paragraph.",
        rationale: """
            A moderation policy is read by the people it moderates, often after their comment was hidden. Plain \
            language is what makes it fair: if they cannot follow it, it reads as an excuse. Legal text the \
            organisation must keep as written (a disclaimer, an indemnity) is not graded, so the finding points \
            at what the team can rewrite.
            """,
        options: [
            RuleOption("max-grade", default: .number(8), "the highest school grade allowed (a Spanish policy's Fernández-Huerta score is turned into a grade as `tone-readability` does)"),
            RuleOption("min-words", default: .int(40), "sections shorter than this are not graded"),
        ],
        blindSpots: [
            "The grade is per section; a long policy of short, plain sections passes even if it is too long to read.",
            "Legal boilerplate is recognised by its usual words (\"indemnify\", \"does not endorse\", \"liability\", \"pursuant to\"); a paragraph of legal text in other words is graded unless its section is marked legal.",
            "A policy is read in its own language (`locale:` in front matter, `<html lang>`, else the configured locale); one in a language with no formula here is not graded, and neither is a section clearly written in another language than the policy's.",
        ],
        notes: """
            **Legal text is not graded.** Mark a section as legal text the author must keep as written, and it \
            (with its subsections) is left out:

            - Markdown or plain text: `## Disclaimer {.legal}` on the heading;
            - HTML: `class="legal"` on the heading or on an element around it (`<section class="legal">`);
            - any format with front matter: `legal: [disclaimer, liability]` (section ids: the heading's slug, or its `{#id}`);
            - Word: `{.legal}` typed at the end of the heading.

            Sections under headings such as \(PolicyTopicVocabulary.forLocale("en").documentedLegalHeadings.map { "\"\($0)\"" }.joined(separator: ", ")) \
            are legal text without a mark, and so is a paragraph of legal boilerplate (an indemnity, a warranty \
            disclaimer, "does not endorse", "is not responsible for", "governed by the laws of").
            """,
        triggering: [
            Example(policy: """
                # Comment policy

                ## What we remove
                We hide or delete comments that are abusive.

                ↓The municipality reserves the discretionary authority to expeditiously remove communications \
                constituting harassment, defamatory characterisations, commercial solicitations, or \
                contributions otherwise incompatible with the administrative objectives of the organisation's \
                official communication channels, irrespective of any individual's subjective interpretation. \
                Determinations regarding the appropriateness of communications are administered exclusively by \
                designated departmental representatives.
                """, fileName: "moderation.md"),
            // A Spanish policy is graded with Fernández-Huerta.
            Example(policy: """
                ---
                locale: es-MX
                ---
                # Política de comentarios

                ## Qué eliminamos
                ↓La municipalidad se reserva la facultad discrecional de suprimir expeditamente las comunicaciones \
                constitutivas de hostigamiento, caracterizaciones difamatorias, solicitudes comerciales o \
                contribuciones incompatibles con los objetivos administrativos de los canales institucionales de \
                comunicación, independientemente de la interpretación subjetiva de cualquier individuo.
                """, fileName: "moderation.md"),
        ],
        nonTriggering: [
            Example(policy: """
                # Comment policy

                ## What we remove
                We hide or delete comments that are abusive, threaten anyone, or share someone's personal \
                details. We also remove spam and ads. If we remove your comment, you can send us a private \
                message to ask why. We will explain and, if we got it wrong, put it back.
                """, fileName: "moderation.md"),
            Example(policy: """
                ---
                locale: es-MX
                ---
                # Política de comentarios

                ## Qué eliminamos
                Ocultamos o borramos los comentarios que insultan, amenazan o publican los datos de otra persona. \
                También quitamos el spam y la publicidad. Si quitamos tu comentario, puedes mandarnos un mensaje \
                privado para saber por qué. Te lo explicamos y, si nos equivocamos, lo volvemos a publicar.
                """, fileName: "moderation.md"),
            // Legal text, marked: not graded.
            Example(policy: """
                # Comment policy

                ## Terms for participants {.legal}
                Participants acknowledge that administrative determinations regarding contributions \
                constituting unauthorised communications are administered exclusively by designated \
                departmental representatives, irrespective of individual interpretations, accommodations \
                or representations regarding the appropriateness of communications.
                """, fileName: "moderation.md"),
        ])

    public init() {}

    public func check(policy: PolicyDocument, in context: LintContext) -> [Finding] {
        let maxGrade: Double
        switch context.option("max-grade", of: Self.description) {
        case .number(let value)?: maxGrade = value
        case .int(let value)?: maxGrade = Double(value)
        default: maxGrade = 8
        }
        let minWords = context.int("min-words", of: Self.description) ?? 40
        let locale = context.locale(of: policy)
        let vocabulary = PolicyTopicVocabulary.forLocale(locale)
        let language = Language.forLocale(locale)
        guard let formula = language.readability else { return [] }
        var findings: [Finding] = []
        /// The level of the legal section being skipped: its subsections are legal too.
        var legalLevel: Int?
        for section in policy.sections {
            if let level = legalLevel, section.level > level { continue }
            legalLevel = nil
            if section.isLegal || (section.level > 0 && vocabulary.isLegalHeading(section.heading)) {
                legalLevel = section.level
                continue
            }
            // Leaving out legal paragraphs only takes words away: a section too short to grade as it stands is
            // passed over before its paragraphs are matched and graded (a FAQ of short answers has thousands).
            guard Readability.mayHaveWords((section.paragraphs + section.listItems).lazy.map(\.text), atLeast: minWords) else { continue }
            let blocks = (section.paragraphs + section.listItems)
                .sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
                .filter { !vocabulary.isLegalText($0.text) }
            // List items are short phrases; end each block as a sentence so they are not read as one.
            let text = blocks.map { Self.asSentence($0.text) }.joined(separator: " ")
            let score = Readability.score(text, formula: formula)
            guard score.words >= minWords, score.grade > maxGrade, Readability.isWritten(in: language.code, text) else { continue }
            let name = section.heading.isEmpty ? "the introduction" : "section \"\(section.heading)\""
            var message = "\(name) reads at \(score.statement), above \(String(format: "%g", maxGrade))"
            var position = section.position
            // Point at the paragraph to rewrite first: the hardest one long enough to grade.
            let graded = blocks.map { ($0, Readability.score(Self.asSentence($0.text), formula: formula)) }.filter { $0.1.words >= 12 }
            if let (worst, worstScore) = graded.max(by: { $0.1.grade < $1.1.grade }) {
                position = worst.position
                if graded.count > 1 || worst.text.count < text.count {
                    message += "; its hardest paragraph, at grade \(Self.format(worstScore.grade)), starts \"\(Self.opening(of: worst.text))\""
                }
            }
            findings.append(Self.finding(message + "; use shorter sentences and everyday words", file: policy.file, at: position))
        }
        return findings
    }

    static func asSentence(_ text: String) -> String {
        text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!") ? text : text + "."
    }

    static func format(_ grade: Double) -> String { String(format: "%.1f", grade) }

    /// The first few words of a paragraph, to find it by.
    static func opening(of text: String) -> String {
        let words = text.split(separator: " ")
        return words.count <= 8 ? text : words.prefix(8).joined(separator: " ") + "…"
    }
}
