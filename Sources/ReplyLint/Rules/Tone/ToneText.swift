// The text the tone rules read, and the helpers they share for placing findings.

enum ToneText {
    /// The reply's prose: placeholder tags blanked out, offsets kept.
    static func prose(_ reply: Reply) -> String { reply.toneProse }

    /// The words of the tone prose, split once for the rules that match phrases.
    static func tokens(_ reply: Reply, _ context: LintContext) -> [PersonalDataText.Token] {
        context.shared("tone.tokens", for: reply) { PersonalDataText(reply.toneProse).tokens }
    }

    static func blankDMLink(_ prose: String) -> String {
        guard prose.containsBytes("{{") else { return prose }
        // Only {{dm_link}} survives masking: blank it too.
        var scalars = Array(prose.unicodeScalars)
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "{" && scalars[index + 1] == "{" {
                while index < scalars.count && scalars[index] != "\n" {
                    let closing = scalars[index] == "}" && index > 0 && scalars[index - 1] == "}"
                    scalars[index] = " "
                    index += 1
                    if closing { break }
                }
            }
            index += 1
        }
        return String(String.UnicodeScalarView(scalars))
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
