// tone-signoff: signed with initials instead of the agent's full name.

public struct ToneSignoffRule: Rule {
    public static let description = RuleDescription(
        id: "tone-signoff", severity: .warning, category: .tone,
        summary: "The reply is signed with initials (^JD, -JD, *HCK, \"Atte. JLM\") instead of the agent's full name.",
        rationale: "Initials are a code for the team, not a signature for the customer; a full name tells them a person is answering and who to ask for next time. Sign with {{agent.full_name}}.",
        blindSpots: [
            "A sign-off of two or three capitals that is really a word (\"-OK\") is taken for initials unless it is a known acronym.",
            "Initials without a sigil count only after a closing word of the reply's language (Spanish \"Atte.\", \"Saludos\"); English has none listed, so \"Thanks, JD\" passes.",
        ],
        triggering: [
            Example("Hi {{customer.first_name}}, we've booked a pickup for tomorrow. ↓^JD"),
            Example("Hi {{customer.first_name}}, we've booked a pickup. ↓*HCK"),
            Example("Hi {{customer.first_name}}, we've booked a pickup. ↓- kw"),
            Example("Hola {{customer.first_name}}, su trámite quedó registrado. Atte. ↓JLM", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, ya revisamos tu caso. Saludos, ↓^AL", locale: "es-MX"),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, we've booked a pickup for tomorrow. — {{agent.full_name}}"),
            Example("Hi {{customer.first_name}}, we've booked a pickup. ^Jane"),
            // A blank left in is fill-in-marker's finding.
            Example("Hola {{customer.first_name}}, tu número de folio es XXX-XXXX.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, su trámite quedó registrado. Atentamente, {{agent.full_name}}", locale: "es-US"),
            Example("Hola {{customer.first_name}}, el tren sale a las 8:15. Un saludo, el equipo de atención al viajero", locale: "es-ES"),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let text = ToneText.prose(reply, context)
        guard let range = Self.initials(in: ToneText.scalars(reply, context), tone: context.language(of: reply).tone) else { return [] }
        // "Your reference is XXX-XXXX": a blank left in, fill-in-marker's finding, not a signature.
        if FillInMarkers.find(in: text).contains(where: { $0.range.overlaps(range) }) { return [] }
        return ToneText.findings(Self.self, [("signed with initials; sign with the agent's full name ({{agent.full_name}})", range)], in: reply)
    }

    /// The range of a trailing initials sign-off: a sigil (^ - * ~ – — = /) and 1–4 letters that are
    /// all capitals (or 2–3 lower-case letters), at the end, before any "2/2" or link; or 2–4 capitals
    /// right after one of the language's closing words ("Atte. JLM").
    static func initials(in prose: [Unicode.Scalar], tone: TonePhrases) -> Range<Int>? {
        var scalars = prose
        // Drop what may follow a sign-off: spaces, a thread counter "2/2", a link, trailing dots.
        func trimEnd() {
            while let last = scalars.last, last == " " || last == "\n" || last == "." || last == "\t" { scalars.removeLast() }
        }
        trimEnd()
        var stripped = true
        while stripped {
            stripped = false
            let tail = FastText.string(scalars.suffix(40))
            // The last word, after a space or a line break ("…https://t.co/x\n^LC" ends with "^LC", not the link).
            if let space = tail.lastIndex(where: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
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
        let allCaps = letters.allSatisfy(\.isUppercase)
        guard "^-*~–—=/".unicodeScalars.contains(scalars[sigil]) else {
            // "Atte. JLM", "Saludos, JR": capitals after a closing word, with no sigil.
            var wordEnd = sigil + 1
            while wordEnd > 0 && " .,:".unicodeScalars.contains(scalars[wordEnd - 1]) { wordEnd -= 1 }
            var wordStart = wordEnd
            while wordStart > 0 && scalars[wordStart - 1].isLetterLike { wordStart -= 1 }
            let closing = String(String.UnicodeScalarView(scalars[wordStart..<wordEnd])).lowercased()
            guard wordEnd < start, allCaps, letters.count >= 2, tone.signoffWords.contains(closing),
                  !tone.acronyms.contains(letters.uppercased()) else { return nil }
            return start..<(start + letters.unicodeScalars.count)
        }
        let allLower = letters.allSatisfy(\.isLowercase) && (2...3).contains(letters.count)
        // "^PC" is initials even though PC is an acronym: the caret is the sign-off mark of a shared account.
        let caret = scalars[sigil] == "^"
        guard allCaps || allLower, caret || !tone.acronyms.contains(letters.uppercased()) || letters.count == 2 && allLower else { return nil }
        end = start + letters.unicodeScalars.count
        return sigil..<end
    }
}
