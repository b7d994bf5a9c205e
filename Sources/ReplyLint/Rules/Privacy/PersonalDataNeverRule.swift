// personal-data-never: a reply asks for what must never be asked for, on any channel.

public struct PersonalDataNeverRule: Rule {
    public static let description = RuleDescription(
        id: "personal-data-never", severity: .error, category: .privacy, checksRenderedText: true,
        summary: "A reply asks for something no one should ever be asked for: a password, PIN, one-time code, full card number, CVV or national ID number.",
        rationale: """
            Fraudsters impersonate support accounts and ask for exactly these. If a real team asks for them, \
            even in a DM, customers learn that it is normal to hand them over. The moderation policy's \
            "We will never ask for" list is enforced on top of the built-in list.
            """,
        options: [RuleOption("extra-items", default: .strings([]), "more things never to ask for, e.g. [mother's maiden name]")],
        blindSpots: [
            "English only.",
            "A request worded as a statement (\"we'll just need the code we texted you\") is caught; one that never names the item (\"send us what you got by text\") is not.",
        ],
        triggering: [
            Example("Please DM us your ↓password so we can check the account.", channels: ["x-dm"]),
            Example("Could you confirm the ↓PIN on the account?", channels: ["messenger"]),
            Example("What's the ↓verification code we just sent you?", channels: ["sms"]),
            // A copy of the document carries its number.
            Example("Kindly DM us the booking number and attach a ↓passport copy: {{dm_link}}"),
            // What an agent types into a value is checked too: render refuses to send it.
            Example(rendered: "Hi {{customer.first_name}}, {{agent.note}}", values: ["customer.first_name": "Ana", "agent.note": "please confirm the PIN on the account."], channels: ["x-dm"]),
        ],
        nonTriggering: [
            Example("We will never ask for your password or PIN. Please don't share them with anyone, including us.", channels: ["x-dm"]),
            Example("Please DM us the last four digits of the card: {{dm_link}}"),
            Example("We've sent you a verification code by text.", channels: ["sms"]),
            Example(rendered: "Hi {{customer.first_name}}, {{agent.note}}", values: ["customer.first_name": "Ana", "agent.note": "we will never ask for your PIN."], channels: ["x-dm"]),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let requests = PrivacyText.requests(in: reply, context: context).filter { $0.item.kind == .secret }
        let positions = PrivacyText.positions(of: requests.map(\.range), in: reply)
        return zip(requests, positions).map { request, position in
            Self.finding(message(for: request), in: reply, at: position.0, end: position.1)
        }
    }

    public func check(rendered: RenderedText, in context: LintContext) -> [Finding] {
        PrivacyText.requests(inRendered: rendered, context).filter { $0.item.kind == .secret }.map { request in
            Self.finding(message(for: request), in: rendered.reply, at: nil, channel: rendered.channel.id)
        }
    }

    func message(for request: DataRequest) -> String {
        let name = request.item.id.hasPrefix("policy:") ? "'\(request.item.name)' (on your policy's never-ask list)" : request.item.name
        return "asks for \(name), which must never be asked for on any channel; remove the request and point the customer to a secure sign-in or reset page"
    }
}
