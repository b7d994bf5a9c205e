// placeholder-fallback-empty: a placeholder's fallback is empty or only spaces.

public struct PlaceholderFallbackEmptyRule: Rule {
    public static let description = RuleDescription(
        id: "placeholder-fallback-empty", severity: .error, category: .template,
        summary: "A placeholder declares a `fallback` that is empty or only spaces.",
        rationale: """
            A fallback is what the customer reads when the value is missing. An empty one is exactly how "Hi ," \
            reaches customers: helpdesk tools (Help Scout's `fallback=`, Intercom's `| fallback:`) print it without \
            a second thought, and `replylint export` sends the fallback back to them. `render` still refuses a blank \
            required value, but the tool the reply is exported to will not. Write a word that reads well on its own \
            ("there" in "Hi there,"), or remove the fallback so a missing value is asked for.
            """,
        blindSpots: ["A fallback that is a word but reads badly in its sentence (\"Hi customer,\") is not reported."],
        triggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nplaceholders:\n  customer.first_name: {fallback: ↓\"\"}\n---\nHi {{customer.first_name}}, thanks for waiting."),
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nplaceholders:\n  customer.first_name: {fallback: ↓\"  \"}\n---\nHi {{customer.first_name}}, thanks for waiting."),
        ],
        nonTriggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nplaceholders:\n  customer.first_name: {fallback: there}\n---\nHi {{customer.first_name}}, thanks for waiting."),
            Example("Hi {{customer.first_name}}, thanks for waiting."),
        ])

    public init() {}

    static func message(_ name: String) -> String {
        "the fallback for '\(name)' is empty: a customer without that value would read it as nothing (\"Hi ,\"); write a word that reads well alone, e.g. fallback: there, or remove the fallback"
    }

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        reply.placeholders.values.sorted { $0.name < $1.name }.compactMap { declaration in
            guard let fallback = declaration.fallback, fallback.allSatisfy(\.isWhitespace) else { return nil }
            return Self.finding(Self.message(declaration.name), in: reply, at: declaration.fallbackPosition ?? declaration.position)
        }
    }

    public func checkLibrary(in context: LintContext) -> [Finding] {
        context.configuration.placeholders.values.sorted { $0.name < $1.name }.compactMap { declaration in
            guard let fallback = declaration.fallback, fallback.allSatisfy(\.isWhitespace) else { return nil }
            return Self.finding(Self.message(declaration.name), file: context.configuration.file ?? "replylint.yml", at: declaration.fallbackPosition ?? declaration.position)
        }
    }
}
