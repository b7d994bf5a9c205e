// policy-link-broken: a relative link in a policy points to no file, or to no anchor.

public struct PolicyLinkBrokenRule: Rule {
    public static let description = RuleDescription(
        id: "policy-link-broken", severity: .warning, category: .policy,
        summary: "A relative link in a policy points to a file that does not exist, or to an anchor that is not there.",
        rationale: "A policy that sends readers to \"see our privacy notice\" and lands them on a missing page looks careless at the moment it asks for trust.",
        blindSpots: [
            "Links to other sites are not fetched (ReplyLint never goes online).",
            "An anchor in a file that is not one of the library's policy documents is not checked.",
        ],
        triggering: [
            Example(policy: "# Comment policy\n\nSee ↓[our FAQ](missing-faq.md) and ↓[hours](#opening-hours).\n\n## Hours {#hours}\nMonday to Friday.", fileName: "moderation.md"),
        ],
        nonTriggering: [
            Example(policy: "# Comment policy\n\nSee [hours](#hours) or [the city site](https://example.gov).\n\n## Hours {#hours}\nMonday to Friday.", fileName: "moderation.md"),
        ])

    public init() {}

    public func check(policy: PolicyDocument, in context: LintContext) -> [Finding] {
        policy.links.compactMap { link in
            if let path = link.relativePath {
                if link.fileExists == false {
                    return Self.finding("link to '\(path)' points to no file; fix the path or remove the link", file: policy.file, at: link.position)
                }
                // An anchor in another policy of the library.
                if let anchor = link.anchor, let other = document(at: path, from: policy, in: context), !other.anchors.contains(anchor) {
                    return Self.finding("'\(path)' has no section with the id '\(anchor)'\(Suggestion.hint(for: anchor, in: other.anchors))", file: policy.file, at: link.position)
                }
                return nil
            }
            if link.target.hasPrefix("#"), let anchor = link.anchor, !policy.anchors.contains(anchor) {
                return Self.finding("no section on this page has the id '\(anchor)'\(Suggestion.hint(for: anchor, in: policy.anchors)); fix the link or add the id", file: policy.file, at: link.position)
            }
            return nil
        }
    }

    /// The policy document a relative path leads to, if the library loaded it.
    func document(at path: String, from policy: PolicyDocument, in context: LintContext) -> PolicyDocument? {
        var parts = policy.file.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        let target = parts.joined(separator: "/")
        return context.library.policies.first { $0.file == target }
    }
}
