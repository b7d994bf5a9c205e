// personal-data-public: a public reply asks for personal data without sending the customer somewhere private.

public struct PersonalDataPublicRule: Rule {
    public static let description = RuleDescription(
        id: "personal-data-public", severity: .error, category: .privacy, checksRenderedText: true,
        summary: "A reply on a public channel asks for personal data (order or account number, email, phone, address…) without sending the customer to a private channel.",
        rationale: """
            A public reply that asks "what's your account number?" invites the customer to post it where anyone \
            can read, quote and archive it. Ask for it in a Direct Message or private message, or send people to \
            email, phone or a form — ideally with `{{dm_link}}`. A reply that offers a private route but also \
            invites a public answer ("DM us or reply here with…") is still reported.
            """,
        options: [RuleOption("extra-items", default: .strings([]), "more things to treat as personal data, e.g. [meter number, student id]")],
        blindSpots: [
            "English only. Replies in other languages (the corpus has Spanish ones) are not understood and are never reported.",
            "A private route anywhere in the reply (a DM, email, phone number, form or any link) counts for every request in it, unless the request's own sentence invites a public answer (\"here\", \"below\", \"in the comments\").",
            "Requests made with a pronoun (\"please send that too\") or for \"details\" in general are not recognised.",
            "Asking only whether the customer has an item counts when it is a question (\"Do you have a tracking number?\").",
        ],
        triggering: [
            Example("Hi {{customer.first_name}}, what's your ↓order number? We'll check on it."),
            Example("Sorry about that! Can you share your ↓account number so we can look into it?"),
            Example("Please DM us or reply here with your ↓tracking number."),
            Example("Drop your ↓email below and we'll be in touch."),
            Example("↓Order #? We'll take a look."),
            // An agent's note filled into a public reply is checked as sent.
            Example(rendered: "Hi {{customer.first_name}}, {{agent.note}}", values: ["customer.first_name": "Ana", "agent.note": "can you reply with your account number?"]),
        ],
        nonTriggering: [
            Example("Please DM us your order number so we can take a look: {{dm_link}}"),
            Example("Please don't share your account number here. Send us a private message instead: {{dm_link}}"),
            Example("Thanks, we're checking the order number you sent by DM."),
            Example("You'll find your tracking number in the confirmation email."),
            Example("What's your order number? We'll check on it.", channels: ["x-dm"]),
            Example("Envíanos tu número de pedido por aquí."),
            Example(rendered: "Hi {{customer.first_name}}, {{agent.note}}", values: ["customer.first_name": "Ana", "agent.note": "we've booked a pickup for Friday."]),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let publicChannels = context.channels(of: reply).filter(\.isPublic)
        guard let channel = publicChannels.first else { return [] }
        let requests = PrivacyText.requests(in: reply, context: context)
        let sentences = Self.bySentence(requests.isEmpty ? [] : Self.publicRequests(requests, in: reply.prose, vocabulary: context.personalData))
        let positions = PrivacyText.positions(of: sentences.map { $0[0].range }, in: reply)
        return zip(sentences, positions).map { requests, position in
            Self.finding(message(for: requests, channel: channel), in: reply, at: position.0, end: position.1, channel: channel.id)
        }
    }

    public func check(rendered: RenderedText, in context: LintContext) -> [Finding] {
        guard rendered.channel.isPublic else { return [] }
        return Self.bySentence(Self.publicRequests(PrivacyText.requests(inRendered: rendered, context), in: rendered.text, vocabulary: context.personalData)).map { requests in
            Self.finding(message(for: requests, channel: rendered.channel), in: rendered.reply, at: nil, channel: rendered.channel.id)
        }
    }

    /// One finding per sentence: "send us your name, ZIP and phone #" asks for three things at once.
    static func bySentence(_ requests: [DataRequest]) -> [[DataRequest]] {
        var groups: [[DataRequest]] = []
        for request in requests {
            if let last = groups.last?.last, last.sentence == request.sentence {
                groups[groups.count - 1].append(request)
            } else {
                groups.append([request])
            }
        }
        return groups
    }

    /// Requests that would be answered in public (secrets included: `personal-data-never` also reports those).
    static func publicRequests(in text: String, vocabulary: PersonalDataVocabulary) -> [DataRequest] {
        publicRequests(DataRequests.find(in: text, vocabulary: vocabulary), in: text, vocabulary: vocabulary)
    }

    static func publicRequests(_ requests: [DataRequest], in text: String, vocabulary: PersonalDataVocabulary) -> [DataRequest] {
        guard !requests.isEmpty else { return [] }
        let routed = vocabulary.grammar.routes.offersPrivateRoute(text)
        return requests.filter { $0.invitesPublicAnswer || (!routed && !$0.namesPrivateRoute) }
    }

    func message(for requests: [DataRequest], channel: Channel) -> String {
        let where_ = channel.privateRoute != nil ? "in a Direct Message ({{dm_link}})" : "in a private channel"
        let invited = requests.contains(where: \.invitesPublicAnswer) ? " and invites the answer in public" : ""
        var names: [String] = []
        for request in requests where !names.contains(request.item.name) { names.append(request.item.name) }
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names[0]
        return "asks for \(list) in a public reply\(invited); ask for \(names.count > 1 ? "them" : "it") \(where_) instead"
    }
}
