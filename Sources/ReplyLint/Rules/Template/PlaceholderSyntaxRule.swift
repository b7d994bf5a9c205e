// placeholder-syntax: a malformed tag — `{{` never closed, a section never closed or closed by the wrong name.

public struct PlaceholderSyntaxRule: Rule {
    public static let description = RuleDescription(
        id: "placeholder-syntax", severity: .error, category: .template,
        summary: "A malformed placeholder tag: an unclosed `{{`, a section that is never closed or closed by another name.",
        rationale: """
            A broken tag is how "{{customer.first_name" or a stray "{{/case}}" ends up in front of a customer. \
            `render` refuses a reply that does not parse, so the error has to be fixed before anyone can use it; \
            the finding points at the opening tag.
            """,
        blindSpots: ["A tag that parses but names the wrong placeholder is `placeholder-unknown`'s job."],
        triggering: [
            Example("Hi ↓{{customer.first_name, thanks for waiting."),
            Example("Hi {{customer.first_name}}. ↓{{#case.number}}Your case is {{case.number}}."),
            Example("Hi {{customer.first_name}}. {{#case.number}}Your case is {{case.number}}.↓{{/case}}"),
            Example("Hi ↓{{}}, thanks for waiting."),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}. {{#case.number}}Your case is {{case.number}}.{{/case.number}}"),
            Example("Hi {{{customer.first_name}}} {{! a note for agents }}— thanks."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        reply.template.problems.map { problem in
            Self.finding(problem.message, in: reply, at: reply.filePosition(ofBody: problem.start), end: reply.filePosition(ofBody: problem.end))
        }
    }

    public func checkLibrary(in context: LintContext) -> [Finding] {
        context.library.partials.values.sorted { $0.file < $1.file }.flatMap { partial in
            partial.template.problems.map { problem in
                Self.finding(problem.message, file: partial.file, at: problem.start, end: problem.end)
            }
        }
    }
}
