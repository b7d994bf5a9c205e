// front-matter: YAML that does not parse, unknown or ill-typed keys (errors); advice such as a missing id (warning).

public struct FrontMatterRule: Rule {
    public static let description = RuleDescription(
        id: "front-matter", severity: .error, category: .library,
        summary: "Front matter that does not parse, or keys that are unknown (with a did-you-mean) or of the wrong type.",
        rationale: """
            A typo such as `chanels:` or `placholders:` would otherwise drop a setting silently — the reply's \
            channels, and with them its length and privacy checks, or a placeholder's `required` and `max` — so \
            an unknown or ill-typed key fails the run like any error, and names the key it probably meant. The \
            rules that would report that key as missing stay quiet: one problem, one finding. YAML that does \
            not parse means none of the reply's settings can be trusted, so it is the only finding reported \
            for that reply until it is fixed.
            """,
        blindSpots: ["A key that is spelt right but holds a wrong, well-typed value (a real but unintended channel) is not caught here."],
        triggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\n↓chanels: [x-dm]\n---\nHi {{customer.first_name}}, thanks for telling us."),
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nplaceholders:\n  customer.first_name: {max: ↓thirty}\n---\nHi {{customer.first_name}}."),
            Example("---\nfaq: missed-collection\nchannels: [x-reply\n---\nHi {{customer.first_name}}, thanks for telling us."),
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nHi {{customer.first_name}}, thanks for telling us."),
        ],
        nonTriggering: [
            Example("---\nid: bins/missed\ntitle: Missed bin\nfaq: missed-collection\nchannels: [x-reply]\ntags: [waste]\nlocale: en-US\n---\nHi {{customer.first_name}}, thanks for telling us."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        // Limits breached are limit-exceeded's to report.
        var findings = reply.problems.filter { $0.kind != .limit }.map { problem in
            var finding = Self.finding(problem.message, in: reply, at: problem.position)
            finding.severity = problem.kind == .advice ? .warning : .error
            return finding
        }
        // A reply with nothing to send: render would refuse it, so lint says so first.
        if reply.body.allSatisfy(\.isWhitespace), !reply.isUnreadable {
            findings.append(Self.finding("this reply has no text after its front matter; write the reply, or remove the file", in: reply, at: reply.position))
        }
        return findings
    }

    public func checkLibrary(in context: LintContext) -> [Finding] {
        context.library.fileProblems.compactMap { problem in
            guard case .frontMatter(let kind) = problem.kind, kind != .limit else { return nil }
            var finding = Self.finding(problem.message, file: problem.file, at: problem.position ?? TextPosition(line: 1, column: 1))
            finding.severity = kind == .advice ? .warning : .error
            return finding
        }
    }
}
