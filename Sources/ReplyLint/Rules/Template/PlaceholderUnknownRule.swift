// placeholder-unknown: a placeholder name that is neither built in, declared by the reply, nor in config.

public struct PlaceholderUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "placeholder-unknown", severity: .warning, category: .template,
        summary: "A placeholder name that is neither built in, declared in the reply's `placeholders:`, nor in config.",
        rationale: """
            A misspelt name (`{{customer.frist_name}}`) renders to nothing, and the customer reads "Hi ,". \
            Declaring each custom placeholder also gives agents an example and the length check a maximum.
            """,
        blindSpots: [
            "Names used inside a section over a declared list (`{{#items}}{{name}}{{/items}}`) are taken as the list items' fields and not checked.",
        ],
        triggering: [
            Example("Hi ↓{{customer.frist_name}}, thanks for waiting."),
            Example("Your pickup is on ↓{{pickup.date}}."),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, thanks for waiting. {{agent.full_name}}"),
            Example("---\nfaq: missed-collection\nchannels: [x-dm]\nplaceholders:\n  pickup.date: {max: 20, example: Thursday}\n---\nYour pickup is on {{pickup.date}}."),
            Example("{{#case.number}}Your case number is {{case.number}}.{{/case.number}}", channels: ["x-dm"]),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        Placeholders.uses(tags: context.tags(of: reply)).compactMap { use in
            guard !Placeholders.resolves(use.name, enclosing: use.enclosing, in: reply, configuration: context.configuration) else { return nil }
            // The names to suggest from, only for a reply that has an unknown one.
            let known = Placeholders.knownNames(in: reply, configuration: context.configuration)
            return Self.finding(
                "unknown placeholder '\(use.name)'\(Suggestion.hint(for: use.name, in: known)); declare it under `placeholders:` with a max and an example, or fix the name",
                in: reply, at: reply.filePosition(ofBody: use.tag.start), end: reply.filePosition(ofBody: use.tag.end))
        }
    }

    public func checkLibrary(in context: LintContext) -> [Finding] {
        let known = Placeholders.knownNames(in: nil, configuration: context.configuration)
        return context.library.partials.values.sorted { $0.file < $1.file }.flatMap { partial in
            Placeholders.uses(in: partial.template).compactMap { use -> Finding? in
                guard !Placeholders.resolves(use.name, enclosing: use.enclosing, in: nil, configuration: context.configuration) else { return nil }
                return Self.finding(
                    "unknown placeholder '\(use.name)' in a partial\(Suggestion.hint(for: use.name, in: known)); declare it under `placeholders:` in replylint.yml",
                    file: partial.file, at: use.tag.start, end: use.tag.end)
            }
        }
    }
}
