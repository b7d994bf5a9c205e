// What a rule is: its own spec (a RuleDescription, in Model/) plus the checks it runs.

public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings about one reply.
    func check(reply: Reply, in context: LintContext) -> [Finding]
    /// Findings about one policy document.
    func check(policy: PolicyDocument, in context: LintContext) -> [Finding]
    /// Findings that need the whole library at once (duplicates, files that did not load).
    func checkLibrary(in context: LintContext) -> [Finding]
    /// Findings about a reply rendered for one channel: the real text, after placeholders are filled.
    func check(rendered: RenderedText, in context: LintContext) -> [Finding]
}

extension Rule {
    public func check(reply: Reply, in context: LintContext) -> [Finding] { [] }
    public func check(policy: PolicyDocument, in context: LintContext) -> [Finding] { [] }
    public func checkLibrary(in context: LintContext) -> [Finding] { [] }
    public func check(rendered: RenderedText, in context: LintContext) -> [Finding] { [] }

    /// A finding of this rule at its default severity; the linter applies the configured one.
    public static func finding(
        _ message: String, file: String, at start: TextPosition?, end: TextPosition? = nil,
        reply: String? = nil, channel: String? = nil
    ) -> Finding {
        Finding(
            ruleID: description.id, severity: description.severity, message: message, file: file,
            range: start.map { TextRange(start: $0, end: end ?? $0) }, replyID: reply, channel: channel)
    }

    /// A finding about `reply` at a file position.
    public static func finding(
        _ message: String, in reply: Reply, at start: TextPosition?, end: TextPosition? = nil, channel: String? = nil
    ) -> Finding {
        finding(message, file: reply.file, at: start, end: end, reply: reply.id, channel: channel)
    }
}
