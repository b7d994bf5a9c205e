// The text the tone rules read, and the helpers they share for placing findings.

enum ToneText {
    /// The reply's prose: placeholder tags blanked out, offsets kept.
    static func prose(_ reply: Reply) -> String { PrivacyText.masked(reply).replacingOccurrences(of: "{{dm_link}}", with: "           ") }

    /// Findings for scalar ranges of `reply`'s body.
    static func findings<R: Rule>(_ rule: R.Type, _ items: [(message: String, range: Range<Int>)], in reply: Reply) -> [Finding] {
        let positions = PrivacyText.positions(of: items.map(\.range), in: reply)
        return zip(items, positions).map { item, position in
            R.finding(item.message, in: reply, at: position.0, end: position.1)
        }
    }
}
