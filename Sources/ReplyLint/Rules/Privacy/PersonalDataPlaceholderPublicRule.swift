// personal-data-placeholder-public: a public-channel reply prints a personal-data placeholder.

public struct PersonalDataPlaceholderPublicRule: Rule {
    public static let description = RuleDescription(
        id: "personal-data-placeholder-public", severity: .error, category: .privacy,
        summary: "A reply for a public channel prints a personal-data placeholder (`{{customer.email}}`, `{{order.number}}`, …).",
        rationale: """
            Anything in a public reply can be read, quoted and archived by anyone. Personal data — the customer's \
            email, phone, address, order, account or case number, and any placeholder declared `personal: true` — \
            belongs only in replies whose channels are all private.
            """,
        blindSpots: ["A personal value typed into a non-personal placeholder is caught only after rendering, by the personal-data rules on the real text."],
        triggering: [
            Example("Hi {{customer.first_name}}, we've emailed ↓{{customer.email}} with the details."),
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nplaceholders:\n  vehicle.plate: {max: 10, personal: true}\n---\nHi {{customer.first_name}}, we found ↓{{vehicle.plate}}."),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, we've emailed {{customer.email}} with the details.", channels: ["x-dm", "email"]),
            Example("Hi {{customer.first_name}}, please send us a Direct Message: {{dm_link}}"),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let publicChannels = context.channels(of: reply).filter(\.isPublic).map(\.id)
        guard !publicChannels.isEmpty else { return [] }
        return context.tags(of: reply).compactMap { entry in
            guard entry.kind == .variable, Placeholders.isPersonal(entry.tag.name, in: reply, configuration: context.configuration) else { return nil }
            return Self.finding(
                "{{\(entry.tag.name)}} would publish personal data in a public reply (\(publicChannels.joined(separator: ", "))); keep it to private channels, or split the reply into a public and a private one",
                in: reply, at: reply.filePosition(ofBody: entry.tag.start), end: reply.filePosition(ofBody: entry.tag.end),
                channel: publicChannels.first)
        }
    }
}
