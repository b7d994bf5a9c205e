// policy-readability: a policy section that reads above the configured grade.

import Foundation

public struct PolicyReadabilityRule: Rule {
    public static let description = RuleDescription(
        id: "policy-readability", severity: .warning, category: .policy,
        summary: "A policy section reads above the configured grade (Flesch–Kincaid, default 8).",
        rationale: """
            A moderation policy is read by the people it moderates, often after their comment was hidden. Plain \
            language is what makes it fair: if they cannot follow it, it reads as an excuse.
            """,
        options: [
            RuleOption("max-grade", default: .number(8), "the highest Flesch–Kincaid grade allowed"),
            RuleOption("min-words", default: .int(40), "sections shorter than this are not graded"),
        ],
        blindSpots: ["The grade is per section; a long policy of short, plain sections passes even if it is too long to read."],
        triggering: [
            Example(policy: """
                # Comment policy

                ↓## What we remove
                The municipality reserves the discretionary authority to expeditiously remove communications \
                constituting harassment, defamatory characterisations, commercial solicitations, or \
                contributions otherwise incompatible with the administrative objectives of the organisation's \
                official communication channels, notwithstanding any individual's subjective interpretation. \
                Determinations regarding the appropriateness of communications are administered exclusively by \
                designated departmental representatives.
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
        return policy.sections.compactMap { section in
            let blocks = section.paragraphs + section.listItems
            // List items are short phrases; end each block as a sentence so they are not read as one.
            let text = blocks.map { $0.text.hasSuffix(".") || $0.text.hasSuffix("?") || $0.text.hasSuffix("!") ? $0.text : $0.text + "." }.joined(separator: " ")
            let score = Readability.score(text)
            guard score.words >= minWords, score.grade > maxGrade, Readability.looksEnglish(text) else { return nil }
            let name = section.heading.isEmpty ? "the introduction" : "section \"\(section.heading)\""
            return Self.finding(
                "\(name) reads at grade \(String(format: "%.1f", score.grade)) (Flesch–Kincaid), above \(String(format: "%g", maxGrade)); use shorter sentences and everyday words",
                file: policy.file, at: section.position)
        }
    }
}
