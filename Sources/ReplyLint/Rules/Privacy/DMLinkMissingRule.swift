// dm-link-missing: a public reply sends the customer to DMs without a `{{dm_link}}`.

public struct DMLinkMissingRule: Rule {
    public static let description = RuleDescription(
        id: "dm-link-missing", severity: .warning, category: .privacy,
        summary: "A public reply sends the customer to a Direct Message or private message without a `{{dm_link}}` deep link.",
        rationale: """
            "Please DM us" leaves the customer to find the button; on most platforms a business cannot start the \
            private conversation itself. A deep link opens it in one tap, which is why customers actually follow \
            through.
            """,
        blindSpots: [
            "Only X, Facebook and Instagram channels have a built-in link; other public channels are not checked.",
            "A reply that pastes the DM link in full (x.com/messages/compose…, m.me/…, ig.me/…) is accepted, and so is any short link (t.co/…, bit.ly/…), which may hide one: precision before recall.",
        ],
        triggering: [
            Example("Sorry to hear that! Please ↓DM us your street address and we'll book a pickup."),
            Example("Send us a ↓private message with the details and we'll look into it."),
            Example("Hola {{customer.first_name}}, escríbenos por ↓mensaje privado y lo revisamos.", channels: ["facebook-comment"], locale: "es-MX"),
            Example("Hola {{customer.first_name}}, mándanos ↓inbox con tu número de folio.", channels: ["facebook-comment"], locale: "es-MX"),
            Example("Hola {{customer.first_name}}, te llamamos a las 17:00. Si no te va bien, escríbenos por ↓MD.", locale: "es-ES"),
        ],
        nonTriggering: [
            Example("Sorry to hear that! Please DM us your street address and we'll book a pickup: {{dm_link}}"),
            Example("Thanks for letting us know, we'll pass this on to the crew."),
            Example("Please DM us your street address and we'll book a pickup.", channels: ["x-dm"]),
            Example("Hola {{customer.first_name}}, escríbenos por MD: {{dm_link}}", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, como te comentamos por mensaje privado, el técnico llega el martes.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, revisa tu bandeja de entrada: ahí está la factura.", locale: "es-ES"),
        ])

    /// Links that are, or may be, a DM deep link: X's button posts as a t.co link, so a short link is given the benefit of the doubt.
    static let fullLinks = ["messages/compose", "m.me/", "ig.me/", "wa.me/", "twitter.com/messages", "x.com/messages", "t.co/", "bit.ly/", "ow.ly/"]

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let channels = context.channels(of: reply).filter { channel in
            channel.isPublic && DMLink.link(for: channel, configuration: context.configuration) != nil
                || channel.isPublic && channel.privateRoute.flatMap { context.channel($0)?.dmLinkTemplate } != nil
        }
        guard let channel = channels.first, !usesDMLink(reply, in: context) else { return [] }
        guard let cue = Self.firstCue(in: PrivacyText.text(of: reply, context), language: context.language(of: reply)) else { return [] }
        let position = PrivacyText.positions(of: [cue], in: reply)[0]
        return [Self.finding(
            "sends the customer to a private message without a link; add {{dm_link}} so they can open the conversation in one tap",
            in: reply, at: position.0, end: position.1, channel: channel.id)]
    }

    func usesDMLink(_ reply: Reply, in context: LintContext) -> Bool {
        var seen = Set<String>()
        func uses(_ tags: ParsedTemplate.Tags) -> Bool {
            for entry in tags {
                if entry.kind == .variable && entry.tag.name == "dm_link" { return true }
                if entry.kind == .partial, seen.insert(entry.tag.name).inserted, let partial = context.library.partials[entry.tag.name],
                   uses(partial.template.tags()) { return true }
            }
            return false
        }
        return uses(context.tags(of: reply)) || Self.fullLinks.contains { reply.body.containsBytes($0) }
    }

    /// The scalar range of the first cue that sends the customer to a private message ("DM us",
    /// "send us a private message"), leaving out "no need to DM us", "the number you sent by DM"
    /// and the customer's own email inbox.
    static func firstCue(in text: PersonalDataText, language: Language) -> Range<Int>? {
        let cues = language.dmCues
        guard !cues.isEmpty else { return nil }
        let tokens = text.tokens
        let words = tokens.map(\.text)
        let cueWords = language.dmCueWords
        for index in words.indices {
            for cue in cues where index + cue.count <= words.count && Array(words[index..<(index + cue.count)]) == cue {
                let end = index + cue.count
                // "D M" written apart is not a cue; "D.M." is.
                if cue.count == 2 && cue.allSatisfy({ $0.count == 1 }) && tokens[index + 1].range.lowerBound > tokens[index].range.upperBound + 1 { continue }
                let previous = index > 0 ? words[index - 1] : ""
                let next = end < words.count ? words[end] : ""
                let joined = cue.joined(separator: " ")
                // "6 pm" is a time.
                if cue == ["pm"] && previous.allSatisfy(\.isNumber) && !previous.isEmpty { continue }
                // "inbox" is a route as "our inbox" or "inbox us", not the customer's own email inbox.
                if let owners = cueWords.needOwner[joined], !(owners.contains(previous) && !cueWords.notAfterOwned.contains(next)) && !cueWords.routeObjects.contains(next) { continue }
                // "Messenger" is a route as "on Messenger" or "Messenger us".
                if let leaders = cueWords.needLeader[joined], !leaders.contains(previous) && !cueWords.routeObjects.contains(next) { continue }
                // "check your DMs", "we'll send you a direct message": the team writes first.
                if cueWords.customerOwned.contains(previous) || (cueWords.articles.contains(previous) && index >= 2 && cueWords.customerPronouns.contains(words[index - 2])) { continue }
                let sentence = tokens[index].sentence
                let before = tokens[..<index].filter { $0.sentence == sentence }.map(\.text)
                var unconditioned = before
                for phrase in cueWords.conditionalNegations {
                    while let at = Routes.occurrences(of: phrase, in: unconditioned).first { unconditioned.removeSubrange(at..<(at + phrase.count)) }
                }
                if unconditioned.contains(where: cueWords.negations.contains) { continue }
                // "the order number you sent by DM", "we've sent you a DM": what has happened, not an invitation.
                if before.contains(where: cueWords.past.contains) { continue }
                // "we have responded to you via DM", "we has respond you via DM": a statement about a DM, not an invitation.
                if cueWords.statementPrepositions.contains(previous), before.contains(where: cueWords.teamSubjects.contains),
                   !before.contains(where: cueWords.invitations.contains) { continue }
                return tokens[index].range.lowerBound..<tokens[end - 1].range.upperBound
            }
        }
        return nil
    }
}
