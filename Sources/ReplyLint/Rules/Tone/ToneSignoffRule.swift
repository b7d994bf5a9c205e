// tone-signoff: signed with initials instead of the agent's full name.

public struct ToneSignoffRule: Rule {
    public static let description = RuleDescription(
        id: "tone-signoff", severity: .warning, category: .tone,
        summary: "The reply is signed with initials (^JD, -JD, *HCK) instead of the agent's full name.",
        rationale: "Initials are a code for the team, not a signature for the customer; a full name tells them a person is answering and who to ask for next time. Sign with {{agent.full_name}}.",
        blindSpots: ["A sign-off of two or three capitals that is really a word (\"-OK\") is taken for initials unless it is a known acronym."],
        triggering: [
            Example("Hi {{customer.first_name}}, we've booked a pickup for tomorrow. ↓^JD"),
            Example("Hi {{customer.first_name}}, we've booked a pickup. ↓*HCK"),
            Example("Hi {{customer.first_name}}, we've booked a pickup. ↓- kw"),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, we've booked a pickup for tomorrow. — {{agent.full_name}}"),
            Example("Hi {{customer.first_name}}, we've booked a pickup. ^Jane"),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let text = ToneText.prose(reply, context)
        guard let range = Self.initials(in: text) else { return [] }
        return ToneText.findings(Self.self, [("signed with initials; sign with the agent's full name ({{agent.full_name}})", range)], in: reply)
    }

    /// The range of a trailing initials sign-off: a sigil (^ - * ~ – — = /) and 1–4 letters that are
    /// all capitals (or 2–3 lower-case letters), at the end, before any "2/2" or link.
    static func initials(in text: String) -> Range<Int>? {
        var scalars = FastText.scalars(text)
        // Drop what may follow a sign-off: spaces, a thread counter "2/2", a link, trailing dots.
        func trimEnd() {
            while let last = scalars.last, last == " " || last == "\n" || last == "." || last == "\t" { scalars.removeLast() }
        }
        trimEnd()
        var stripped = true
        while stripped {
            stripped = false
            let tail = FastText.string(scalars.suffix(40))
            if let space = tail.lastIndex(of: " ") {
                let last = tail[tail.index(after: space)...]
                if last.hasPrefix("http") || (last.count <= 5 && last.contains("/") && last.allSatisfy { $0.isNumber || $0 == "/" || $0 == "(" || $0 == ")" }) {
                    scalars.removeLast(last.unicodeScalars.count)
                    trimEnd()
                    stripped = true
                }
            }
        }
        var end = scalars.count
        var start = end
        while start > 0 && scalars[start - 1].isLetterLike && end - start < 5 { start -= 1 }
        let letters = FastText.string(scalars[start..<end])
        guard (1...4).contains(letters.count), start > 0, !(start > 0 && scalars[start - 1].isLetterLike) else { return nil }
        var sigil = start - 1
        while sigil > 0 && scalars[sigil] == " " { sigil -= 1 }
        guard "^-*~–—=/".unicodeScalars.contains(scalars[sigil]) else { return nil }
        let allCaps = letters.allSatisfy(\.isUppercase)
        let allLower = letters.allSatisfy(\.isLowercase) && (2...3).contains(letters.count)
        guard allCaps || allLower, !TonePhrases.acronyms.contains(letters.uppercased()) || letters.count == 2 && allLower else { return nil }
        end = start + letters.unicodeScalars.count
        return sigil..<end
    }
}
