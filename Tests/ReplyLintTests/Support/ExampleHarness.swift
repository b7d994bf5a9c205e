// Turns a rule's Example into a one-reply (or one-policy) library and lints it.

import ReplyLint

enum ExampleHarness {
    /// The FAQ every example library has: entries `missed-collection` and `pothole-report`;
    /// `bereavement` is a sensitive topic.
    static let faq = PolicyDocument(
        file: "policies/faq.md", format: .markdown, kind: .faq, title: "FAQ",
        sections: [
            PolicySection(heading: "FAQ", level: 1, id: "faq", position: TextPosition(line: 1, column: 1)),
            PolicySection(heading: "My bin wasn't collected", level: 2, id: "missed-collection", hasExplicitID: true, position: TextPosition(line: 3, column: 1)),
            PolicySection(heading: "Reporting a pothole", level: 2, id: "pothole-report", hasExplicitID: true, position: TextPosition(line: 6, column: 1)),
            PolicySection(
                heading: "Sensitive topics", level: 2, id: "sensitive-topics", position: TextPosition(line: 9, column: 1),
                listItems: [TextBlock(text: "Bereavement", position: TextPosition(line: 10, column: 1))]),
        ])

    static let signature = Partial(name: "signature", file: "replies/_partials/signature.mustache", text: "{{agent.full_name}}, {{team.name}}")

    static func fileText(of example: Example) -> String { example.fileText }

    /// Where the `↓` markers point, as file positions of the character after each.
    static func markers(in text: String) -> [TextPosition] {
        var result: [TextPosition] = []
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "↓" {
                result.append(TextPosition(line: line, column: column))
                continue
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return result
    }

    static func library(for example: Example, configuration: Configuration = Configuration()) -> Library {
        let text = fileText(of: example).replacingOccurrences(of: "↓", with: "")
        var library = Library(configuration: configuration, policies: [faq])
        library.partials = [signature.name: signature]
        switch example.subject {
        case .reply, .rendered:
            let file = "replies/example.md"
            library.replies = [ReplyParser.parse(
                text, file: file, defaultID: "example", knownRules: RuleRegistry.ids,
                mediaExists: { !$0.contains("missing") })]
            library.sources[file] = text
        case .policy(let fileName):
            let file = "policies/" + fileName
            var problems: [FileProblem] = []
            var policy = PolicyLoader.parse(text, file: file, problems: &problems)
            // As for media: linked files exist unless their name says "missing".
            for index in policy.links.indices where policy.links[index].relativePath != nil {
                policy.links[index].fileExists = !(policy.links[index].relativePath ?? "").contains("missing")
            }
            library.policies.append(policy)
            library.fileProblems = problems
            library.sources[file] = text
        case .replies(let texts, let usage):
            for (index, raw) in texts.enumerated() {
                let text = raw.replacingOccurrences(of: "↓", with: "")
                let file = "replies/example-\(index + 1).md"
                library.replies.append(ReplyParser.parse(
                    text, file: file, defaultID: "example-\(index + 1)", knownRules: RuleRegistry.ids,
                    mediaExists: { !$0.contains("missing") }))
                library.sources[file] = text
            }
            library.usage = usage.map { UsageData(counts: $0, source: "usage.csv") }
        }
        return library
    }

    /// The findings of `ruleID` for `example`: for a rendered example, those of the checks that run
    /// on the text as sent (rendering's door to the rules); otherwise the linter's.
    static func findings(of ruleID: String, for example: Example) -> [Finding] {
        let library = library(for: example)
        let rules = RuleRegistry.all.filter { type(of: $0).description.id == ruleID }
        guard case .rendered(let channels, let values) = example.subject else {
            return Linter(rules: rules).lint(library).findings
        }
        var context = TemplateValue.object([:])
        for (name, value) in values { context.set(.string(value), at: name) }
        let reply = library.replies[0]
        guard let channel = library.configuration.channels[channels[0]],
              let text = try? TemplateRenderer(partials: library.partials).render(reply.template, context: context)
        else { return [] }
        return RenderedTextChecks(library: library, rules: rules).check(RenderedText(reply: reply, channel: channel, text: text)).findings
    }
}
