// personal-data-literal: a public reply holds a literal email address, phone number, card number or ID number.

public struct PersonalDataLiteralRule: Rule {
    public static let description = RuleDescription(
        id: "personal-data-literal", severity: .error, category: .privacy, checksRenderedText: true,
        summary: "A public reply contains a literal email address, phone number, Luhn-valid card number or national ID number.",
        rationale: """
            Personal data typed into a public reply is published for good, and usually by accident: a customer's \
            email pasted into the wrong placeholder, a phone number copied from a DM. The team's own contact \
            details — role mailboxes such as help@ or support@, toll-free numbers, a number introduced as \
            "call us on" — are left alone.
            """,
        blindSpots: [
            "Phone numbers are recognised with at least 10 digits and a separator or a leading +; a bare run of digits is not taken for a phone number.",
            "A personal mailbox of the team's own (jo.bloggs@city.gov) is reported; add `disable: [personal-data-literal]` to a reply that really means to publish it.",
            "National ID numbers: US Social Security numbers written ddd-dd-dddd only.",
        ],
        triggering: [
            Example("Hi {{customer.first_name}}, we've updated the account for ↓ana.lopez@example.com."),
            Example("We've noted ↓+1 415 555 0134 as your contact number."),
            Example("The card ending ↓4111 1111 1111 1111 has been refunded."),
            Example("Hola {{customer.first_name}}, ya vinculamos la CURP ↓GODE561231HDFRRN09 a tu cita.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, te llamamos al ↓612 345 678 a las 17:00.", locale: "es-ES"),
            // A value filled into a public reply: the customer's email typed into the name field.
            Example(rendered: "Hi {{customer.first_name}}, thanks for telling us about the bin.", values: ["customer.first_name": "ana.lopez@example.com"]),
        ],
        nonTriggering: [
            Example("Email us at help@riverton.gov or call us on 1-800-555-0199 and we'll sort it out."),
            Example("We've updated the account for ana.lopez@example.com.", channels: ["x-dm"]),
            Example("Your order 1234-5678-9012 ships today."),
            Example("Hola {{customer.first_name}}, escríbenos a ayuda@ciudad.gob.mx o por WhatsApp al 55 5123 4567.", locale: "es-MX"),
            Example(rendered: "Hi {{customer.first_name}}, thanks for telling us about the bin.", values: ["customer.first_name": "Ana"]),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let publicChannels = context.channels(of: reply).filter(\.isPublic)
        guard let channel = publicChannels.first else { return [] }
        let literals = PersonalDataLiterals.find(in: reply.prose, contacts: context.language(of: reply).contacts)
        let positions = PrivacyText.positions(of: literals.map(\.range), in: reply)
        return zip(literals, positions).map { literal, position in
            Self.finding(message(for: literal), in: reply, at: position.0, end: position.1, channel: channel.id)
        }
    }

    public func check(rendered: RenderedText, in context: LintContext) -> [Finding] {
        guard rendered.channel.isPublic else { return [] }
        return PersonalDataLiterals.find(in: rendered.text, contacts: context.language(of: rendered.reply).contacts).map { literal in
            Self.finding(message(for: literal), in: rendered.reply, at: nil, channel: rendered.channel.id)
        }
    }

    func message(for literal: PersonalDataLiteral) -> String {
        "publishes \(literal.kind.rawValue) ('\(literal.text)') in a public reply; take it out, and move anything personal to a private channel"
    }
}
