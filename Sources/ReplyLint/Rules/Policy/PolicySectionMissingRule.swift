// policy-section-missing: a moderation policy lacks one of the sections readers need.

public struct PolicySectionMissingRule: Rule {
    /// A section a moderation policy needs, found by an explicit id or by heading words.
    struct RequiredSection: Sendable {
        var id: String
        var what: String
        var example: String
        /// Heading phrases, compared as slugs: a heading matches when its slug holds the phrase's slug as whole words.
        var phrases: [String]
    }

    /// Order matters: "what we don't respond to" is a leave-alone heading, so it is tried before "respond".
    static let sections: [RequiredSection] = [
        RequiredSection(
            id: "leave-alone", what: "what the team leaves alone", example: "What we don't respond to",
            phrases: ["leave alone", "don't respond", "do not respond", "won't respond", "will not respond", "don't reply",
                      "do not reply", "won't reply", "will not reply", "won't engage", "will not engage", "don't engage",
                      "do not engage", "won't answer", "not respond", "not reply", "ignore", "won't comment", "no response"]),
        RequiredSection(
            id: "respond", what: "what the team responds to", example: "What we respond to",
            phrases: ["respond to", "reply to", "we respond", "we reply", "we answer", "we'll reply", "we'll respond",
                      "we'll answer", "we can help", "what we help with", "how we help", "how we respond", "how we reply",
                      "engagement", "what to expect"]),
        RequiredSection(
            id: "remove", what: "what the team removes", example: "What we remove",
            phrases: ["remove", "removal", "removed", "hide", "hidden", "delete", "deleted", "deletion", "block", "ban",
                      "moderate", "moderation", "house rules", "comment rules", "community guidelines"]),
        RequiredSection(
            id: "personal-information", what: "how personal information is handled", example: "Personal information",
            phrases: ["personal information", "personal data", "personal details", "privacy", "your information", "your details"]),
        RequiredSection(
            id: "hours", what: "when the accounts are monitored", example: "When we're online",
            phrases: ["hours", "when we're online", "when we are online", "monitoring", "monitored", "response time",
                      "response times", "when we're available", "when we are available", "availability", "opening times",
                      "when to expect"]),
        RequiredSection(
            id: "urgent", what: "where urgent or sensitive matters go", example: "Urgent or sensitive matters",
            phrases: ["urgent", "emergency", "emergencies", "sensitive matters", "sensitive issues", "crisis", "immediate help"]),
        RequiredSection(
            id: "public-records", what: "public records", example: "Public records",
            phrases: ["public record", "public records", "records", "freedom of information", "foia", "open records", "archiving", "archive"]),
    ]

    public static let description = RuleDescription(
        id: "policy-section-missing", severity: .error, category: .policy,
        summary: "A moderation policy lacks a section people need: what you respond to, leave alone and remove, personal information, hours, urgent matters.",
        rationale: """
            A published moderation policy is what lets a team hide a comment, or decline to answer one, without \
            looking arbitrary. Readers need to know what gets a reply, what does not, what is removed, what \
            happens to their personal information, when someone is watching, and where to go when it cannot \
            wait. Government teams also say that posts and comments may be public records.
            """,
        options: [RuleOption("require-public-records", default: .bool(false), "also require a public-records section (for government teams)")],
        blindSpots: [
            "Sections are recognised by heading words only (listed in docs/rules.md); a section with an unusual heading needs an explicit id such as `{#hours}` or `id=\"hours\"`.",
            "It checks that a section exists, not what it says.",
        ],
        notes: "**Headings recognised** (compared as slugs, whole words; an explicit id such as `{#hours}` also counts):\n\n"
            + sections.map { section in "- `\(section.id)` — \(section.what): " + section.phrases.map { "\"\($0)\"" }.joined(separator: ", ") }.joined(separator: "\n"),
        triggering: [
            Example(policy: """
                ↓# Comment policy

                ## What we respond to
                Questions about city services.

                ## What we remove
                Abuse and spam.
                """, fileName: "moderation.md"),
        ],
        nonTriggering: [
            Example(policy: """
                # Comment policy

                ## What we'll reply to
                Questions about city services.

                ## What we won't engage with
                Arguments about politics.

                ## What we'll hide or delete
                Abuse and spam.

                ## Your privacy
                Never post your address. We will move to a private message.

                ## When we're online
                Monday to Friday, 8am to 6pm.

                ## Emergencies and urgent issues
                Call 911.
                """, fileName: "moderation.md"),
            Example(policy: "# FAQ\n\n## Missed bins {#missed-collection}\nTell us by noon.", fileName: "faq.md"),
        ])

    public init() {}

    public func check(policy: PolicyDocument, in context: LintContext) -> [Finding] {
        guard policy.kind == .moderation else { return [] }
        let needPublicRecords = context.bool("require-public-records", of: Self.description)
        var found = Set<String>()
        for section in policy.sections where section.level > 0 {
            if let id = Self.matchingSectionID(heading: section.heading, id: section.id, explicit: section.hasExplicitID) {
                found.insert(id)
            }
        }
        let at = policy.sections.first { $0.level > 0 }?.position ?? TextPosition(line: 1, column: 1)
        return Self.sections.compactMap { required in
            if found.contains(required.id) { return nil }
            if required.id == "public-records" && !needPublicRecords { return nil }
            return Self.finding(
                "the moderation policy has no section on \(required.what); add one, e.g. a heading \"\(required.example)\" (or give a heading the id '\(required.id)')",
                file: policy.file, at: at)
        }
    }

    /// Which required section a heading is, if any.
    static func matchingSectionID(heading: String, id: String, explicit: Bool) -> String? {
        if explicit, let section = sections.first(where: { $0.id == id }) { return section.id }
        let words = "-" + heading.slug + "-"
        for section in sections where section.phrases.contains(where: { words.contains("-" + $0.slug + "-") }) {
            return section.id
        }
        return nil
    }
}
