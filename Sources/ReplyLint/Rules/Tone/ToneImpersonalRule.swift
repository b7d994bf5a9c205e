// tone-impersonal: no greeting that uses the customer's name.

import Foundation

public struct ToneImpersonalRule: Rule {
    public static let description = RuleDescription(
        id: "tone-impersonal", severity: .info, category: .tone,
        summary: "The reply does not greet the customer by name (\"Estimado cliente\" names nobody).",
        rationale: "A name in the first line is the quickest sign that a person, not a bot, read the message. Use {{customer.first_name}}.",
        blindSpots: [
            "Any capitalised word after a greeting is taken for a name, except \"there\", \"all\", \"everyone\" and forms of address that name nobody (\"Customer\", \"Sir\", \"Guest\"; \"Cliente\", \"Usuario\", \"Vecino\"): a name the list does not know as generic (\"Hi Champ\") passes.",
            "The greetings of the reply's language are used (its `locale`, else the configured one), and the suggested opening is in that language.",
        ],
        triggering: [
            Example("↓Thanks for letting us know, we'll pass this on to the crew."),
            Example("↓Dear Customer, thanks for letting us know."),
            Example("↓Hello all, thanks for letting us know."),
            Example("↓Estimado cliente: su pedido ya fue enviado y llegará el jueves.", locale: "es-MX"),
            Example("↓Buenas tardes. Su cita quedó para el lunes a las 10.", locale: "es-ES"),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, thanks for letting us know."),
            Example("Thanks, {{customer.first_name}}! We'll pass this on to the crew."),
            Example("Hello Ana, thanks for letting us know."),
            Example("¡Hola, {{customer.first_name}}! Tu pedido ya va en camino.", locale: "es-ES"),
            Example("Buenos días, Marta. Su cita quedó para el lunes a las 10.", locale: "es-ES"),
            // A blank where the name goes is fill-in-marker's finding.
            Example("Hola {nombre}, ya revisamos tu reporte.", locale: "es-US"),
        ])

    static let nameTags: Set<String> = ["customer.first_name", "customer.last_name", "customer.handle", "customer.name", "customer.full_name"]
    /// How a name tag opens, written tight or with a space: made once, not for every reply.
    static let nameTagOpenings = nameTags.flatMap { ["{{" + $0, "{{ " + $0] }

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        if reply.body.allSatisfy(\.isWhitespace) { return [] }  // front-matter reports an empty reply
        // A name placeholder in the first sentence. Sentences are found in the prose (tags blanked,
        // since "customer.first_name" has a dot) and the same stretch of the body is read.
        let prose = ToneText.scalars(reply, context)
        var start = 0
        while start < prose.count && (prose[start] == " " || prose[start] == "\n") { start += 1 }
        var end = start
        while end < prose.count, prose[end] != ".", prose[end] != "!", prose[end] != "?", prose[end] != "\n" { end += 1 }
        // The same stretch of the body: the prose keeps the body's offsets, scalar for scalar.
        let scalars = reply.body.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let to = scalars.index(from, offsetBy: end - start, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let opening = String(scalars[from..<to])
        if Self.nameTagOpenings.contains(where: opening.containsBytes) { return [] }
        let greetings = context.language(of: reply).greetings
        if Self.greetsByName(opening, greetings) { return [] }
        // "Hola {nombre},", "Hi [NAME],": the writer meant a name; fill-in-marker reports the blank.
        if !FillInMarkers.find(in: opening).isEmpty { return [] }
        return [Self.finding(
            "no greeting with the customer's name; start with e.g. \"\(greetings.suggestion)\"",
            in: reply, at: reply.bodyStart)]
    }

    /// "Hi Ana," or "Thanks, Ana" ("¡Hola, Ana!") in literal text; leading @mentions are skipped. A name
    /// said to the customer counts too: "Ana, your bin…" (a capitalised word opening the reply before a
    /// comma, unless the language lists it as a word that often opens a reply: "Unfortunately,",
    /// "Claro,") and "Thanks for the photo, Ana." (a capitalised word closing the first sentence after a comma).
    static func greetsByName(_ opening: String, _ greetings: Greetings) -> Bool {
        let words = opening.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "!" || $0 == ":" || $0 == "¡" || $0 == "¿" })
            .map(String.init).filter { !$0.hasPrefix("@") }
        func isName(_ word: Substring) -> Bool {
            let lower = word.lowercased()
            guard let first = word.first, first.isUppercase, word.count >= 2, word.allSatisfy(\.isLetter),
                  word.dropFirst().contains(where: \.isLowercase) else { return false }
            return !greetings.notNames.contains(lower) && !greetings.openers.contains(lower) && !greetings.notVocatives.contains(lower)
        }
        let trimmed = opening.drop { $0 == " " || $0 == "¡" || $0 == "¿" || $0 == "\n" }
        let unmentioned = trimmed.hasPrefix("@") ? trimmed.drop { $0 != " " }.drop { $0 == " " } : trimmed
        if let comma = unmentioned.firstIndex(of: ","), isName(unmentioned[..<comma]) { return true }
        if let comma = opening.lastIndex(of: ",") {
            let last = opening[opening.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !last.contains(" "), isName(Substring(last)) { return true }
        }
        for (index, word) in words.prefix(4).enumerated() where greetings.openers.contains(word.lowercased()) {
            for next in words.dropFirst(index + 1).prefix(2) {
                if greetings.openers.contains(next.lowercased()) || greetings.fillers.contains(next.lowercased()) { continue }
                if let first = next.first, first.isUppercase, !greetings.notNames.contains(next.lowercased()) { return true }
                break
            }
        }
        return false
    }
}
