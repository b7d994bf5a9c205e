// partial-missing: `{{> name}}` with no such partial under `_partials/`.

public struct PartialMissingRule: Rule {
    public static let description = RuleDescription(
        id: "partial-missing", severity: .error, category: .template,
        summary: "`{{> name}}` names a partial that does not exist under `replies/_partials/`.",
        rationale: """
            A missing partial renders as nothing: the reply goes out without its signature or its standard \
            closing line. Partial names are looked up only among the files in `_partials/`, so a name such as \
            `../../etc/passwd` reads nothing and is reported here.
            """,
        triggering: [
            Example("Hi {{customer.first_name}}, we are on it. ↓{{> signatur}}"),
            Example("Hi {{customer.first_name}}. ↓{{> ../../etc/passwd}}"),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, we are on it. {{> signature}}"),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        context.tags(of: reply).compactMap { entry in
            guard entry.kind == .partial else { return nil }
            return finding(for: entry.tag, in: context) { message, tag in
                Self.finding(message, in: reply, at: reply.filePosition(ofBody: tag.start), end: reply.filePosition(ofBody: tag.end))
            }
        }
    }

    public func checkLibrary(in context: LintContext) -> [Finding] {
        context.library.partials.values.sorted { $0.file < $1.file }.flatMap { partial in
            partial.template.tags().compactMap { entry -> Finding? in
                guard entry.kind == .partial else { return nil }
                return finding(for: entry.tag, in: context) { message, tag in
                    Self.finding(message, file: partial.file, at: tag.start, end: tag.end)
                }
            }
        }
    }

    private func finding(for tag: TemplateTag, in context: LintContext, make: (String, TemplateTag) -> Finding) -> Finding? {
        let partials = context.library.partials
        guard partials[tag.name] == nil else { return nil }
        if tag.name.hasPrefix("/") || tag.name.split(separator: "/").contains("..") {
            return make("partial '\(tag.name)' points outside _partials/; partials can only be files under replies/_partials/", tag)
        }
        return make("partial '\(tag.name)' does not exist\(Suggestion.hint(for: tag.name, in: partials.keys)); add replies/_partials/\(tag.name).mustache or fix the name", tag)
    }
}
