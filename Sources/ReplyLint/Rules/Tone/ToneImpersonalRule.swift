// tone-impersonal: no greeting that uses the customer's name.

public struct ToneImpersonalRule: Rule {
    public static let description = RuleDescription(
        id: "tone-impersonal", severity: .info, category: .tone,
        summary: "The reply does not greet the customer by name.",
        rationale: "A name in the first line is the quickest sign that a person, not a bot, read the message. Use {{customer.first_name}}.",
        blindSpots: ["Any capitalised word after a greeting is taken for a name, except \"there\", \"all\", \"everyone\" and forms of address that name nobody (\"Customer\", \"Sir\", \"Guest\"): a name the list does not know as generic (\"Hi Champ\") passes."],
        triggering: [
            Example("↓Thanks for letting us know, we'll pass this on to the crew."),
            Example("↓Dear Customer, thanks for letting us know."),
            Example("↓Hello all, thanks for letting us know."),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, thanks for letting us know."),
            Example("Thanks, {{customer.first_name}}! We'll pass this on to the crew."),
            Example("Hello Ana, thanks for letting us know."),
        ])

    static let nameTags: Set<String> = ["customer.first_name", "customer.last_name", "customer.handle", "customer.name", "customer.full_name"]
    static let greetings = LanguageWords.english.words("greetings")
    static let generic = LanguageWords.english.words("greeting-not-names")
    /// Words between a greeting and a name ("Thank you, Ana", "Thanks for this, Ana").
    static let fillers = LanguageWords.english.words("greeting-fillers")

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        if reply.body.allSatisfy(\.isWhitespace) { return [] }  // front-matter reports an empty reply
        // A name placeholder in the first sentence. Sentences are found in the prose (tags blanked,
        // since "customer.first_name" has a dot) and the same stretch of the body is read.
        let prose = Array(ToneText.prose(reply, context).unicodeScalars)
        var start = 0
        while start < prose.count && (prose[start] == " " || prose[start] == "\n") { start += 1 }
        var end = start
        while end < prose.count && !".!?\n".unicodeScalars.contains(prose[end]) { end += 1 }
        let body = Array(reply.body.unicodeScalars)
        let opening = String(String.UnicodeScalarView(body[start..<min(end, body.count)]))
        if Self.nameTags.contains(where: { opening.containsBytes("{{" + $0) || opening.containsBytes("{{ " + $0) }) { return [] }
        if Self.greetsByName(opening) { return [] }
        return [Self.finding(
            "no greeting with the customer's name; start with e.g. \"Hi {{customer.first_name}},\"",
            in: reply, at: reply.bodyStart)]
    }

    /// "Hi Ana," or "Thanks, Ana" in literal text; leading @mentions are skipped.
    static func greetsByName(_ opening: String) -> Bool {
        let words = opening.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "!" || $0 == ":" }).map(String.init).filter { !$0.hasPrefix("@") }
        for (index, word) in words.prefix(4).enumerated() where greetings.contains(word.lowercased()) {
            for next in words.dropFirst(index + 1).prefix(2) {
                if greetings.contains(next.lowercased()) || fillers.contains(next.lowercased()) { continue }
                if let first = next.first, first.isUppercase, !generic.contains(next.lowercased()) { return true }
                break
            }
        }
        return false
    }
}
