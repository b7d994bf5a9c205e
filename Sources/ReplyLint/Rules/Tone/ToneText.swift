// The text the tone rules read, and the helpers they share for placing findings.

enum ToneText {
    /// The reply's words: every placeholder tag blanked out, `{{dm_link}}` too, offsets kept.
    /// Computed once per reply for all the tone rules, and not stored in the reply: most replies
    /// have no tag left after the privacy masking, and a second copy cost memory at 100,000 replies.
    static func prose(_ reply: Reply, _ context: LintContext) -> String {
        guard reply.prose.containsBytes("{{") else { return reply.prose }
        return context.shared("tone.prose", for: reply) { TemplateMasking.blankTags(in: reply.body, keepingDMLink: false) }
    }

    /// The words of the tone prose, split once for the rules that match phrases.
    static func tokens(_ reply: Reply, _ context: LintContext) -> [PersonalDataText.Token] {
        context.shared("tone.tokens", for: reply) { PersonalDataText(prose(reply, context)).tokens }
    }

    /// Findings for scalar ranges of `reply`'s body.
    static func findings<R: Rule>(_ rule: R.Type, _ items: [(message: String, range: Range<Int>)], in reply: Reply) -> [Finding] {
        findings(rule, items.map { ($0.message, $0.range, nil) }, in: reply)
    }

    /// Findings with an optional safe rewrite of their range, for `--fix`.
    static func findings<R: Rule>(_ rule: R.Type, _ items: [(message: String, range: Range<Int>, replacement: String?)], in reply: Reply) -> [Finding] {
        let positions = PrivacyText.positions(of: items.map(\.range), in: reply)
        return zip(items, positions).map { item, position in
            var finding = R.finding(item.message, in: reply, at: position.0, end: position.1)
            if let replacement = item.replacement, position.0.line == position.1.line {
                finding.fix = Fix(range: TextRange(start: position.0, end: position.1), replacement: replacement)
            }
            return finding
        }
    }
}
