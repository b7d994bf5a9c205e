// personal-data-public: a public reply asks for personal data without sending the customer somewhere private.

public struct PersonalDataPublicRule: Rule {
    public static let description = RuleDescription(
        id: "personal-data-public", severity: .error, category: .privacy,
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
        ],
        nonTriggering: [
            Example("Please DM us your order number so we can take a look: {{dm_link}}"),
            Example("Please don't share your account number here. Send us a private message instead: {{dm_link}}"),
            Example("Thanks, we're checking the order number you sent by DM."),
            Example("You'll find your tracking number in the confirmation email."),
            Example("What's your order number? We'll check on it.", channels: ["x-dm"]),
            Example("Envíanos tu número de pedido por aquí."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let publicChannels = context.channels(of: reply).filter(\.isPublic)
        guard let channel = publicChannels.first else { return [] }
        let text = PrivacyText.masked(reply)
        let requests = Self.publicRequests(in: text, vocabulary: context.personalData)
        let positions = PrivacyText.positions(of: requests.map(\.range), in: reply)
        return zip(requests, positions).map { request, position in
            Self.finding(message(for: request, channel: channel), in: reply, at: position.0, end: position.1, channel: channel.id)
        }
    }

    public func check(rendered: RenderedText, in context: LintContext) -> [Finding] {
        guard rendered.channel.isPublic else { return [] }
        return Self.publicRequests(in: rendered.text, vocabulary: context.personalData).map { request in
            Self.finding(message(for: request, channel: rendered.channel), in: rendered.reply, at: nil, channel: rendered.channel.id)
        }
    }

    /// Requests for personal (not secret: `personal-data-never` reports those) items that would be answered in public.
    static func publicRequests(in text: String, vocabulary: PersonalDataVocabulary) -> [DataRequest] {
        let requests = DataRequests.find(in: text, vocabulary: vocabulary).filter { $0.item.kind == .personal }
        guard !requests.isEmpty else { return [] }
        let routed = Routes.offersPrivateRoute(text)
        return requests.filter { $0.invitesPublicAnswer || (!routed && !$0.namesPrivateRoute) }
    }

    func message(for request: DataRequest, channel: Channel) -> String {
        let where_ = channel.privateRoute != nil ? "in a Direct Message ({{dm_link}})" : "in a private channel"
        let invited = request.invitesPublicAnswer ? " and invites the answer in public" : ""
        return "asks for \(request.item.name) in a public reply\(invited); ask for it \(where_) instead"
    }
}
