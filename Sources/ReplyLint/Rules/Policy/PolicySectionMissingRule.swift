// policy-section-missing: a moderation policy does not cover one of the topics readers need.

public struct PolicySectionMissingRule: Rule {
    static let vocabulary = PolicyTopicVocabulary.forLocale("en")

    public static let description = RuleDescription(
        id: "policy-section-missing", severity: .error, category: .policy,
        summary: "A moderation policy does not say what the team responds to, leaves alone or removes, how personal information is handled, when the accounts are monitored, or where urgent matters go.",
        rationale: """
            A published moderation policy is what lets a team hide a comment, or decline to answer one, without \
            looking arbitrary. Readers need to know what gets a reply, what does not, what is removed, what \
            happens to their personal information, when someone is watching, and where to go when it cannot \
            wait. Government teams also say that posts and comments may be public records. Real policies \
            rarely give each topic a heading of its own, so a topic counts wherever the policy says it: in a \
            heading with text about it under it, a paragraph, or a list item. `lint --explain` shows the \
            sentence that covers each topic.
            """,
        options: [RuleOption("require-public-records", default: .bool(false), "also require the public-records topic (for government teams)")],
        blindSpots: [
            "Topics are recognised by the phrasings listed below, sentence by sentence; a policy that says it another way is reported until a heading is given the topic's id (`{#hours}` in Markdown, text or Word, `id=\"hours\"` in HTML).",
            "It checks that the policy says something about each topic, not that what it says is right or complete.",
            "A sentence is read on its own: a list under \"We do not respond to:\" counts through that lead-in sentence, but a list whose lead-in names no topic (\"Please note:\") does not lend its items one.",
            "English only for now; the phrasings are per language (Resources/policy-topics-en.yml), so a Spanish file can follow.",
        ],
        notes: notes,
        triggering: [
            Example(policy: """
                ↓# Comment policy

                ## What we respond to
                Questions about city services.

                ## What we remove
                Abuse and spam.
                """, fileName: "moderation.md"),
            // Traps a keyword matcher falls into: none of these covers leave-alone, hours, urgent or public records.
            Example(policy: """
                ↓# Comment policy

                We reply to questions about city services. We can't reply to every message.
                We aim to reply within 2 working days.
                We remove comments that are abusive or spam. Moderators first respond to such remarks with a warning.
                Please don't post your address or phone number in a comment.
                This page is not the way to make a public records request.
                We remove comments that threaten violence or ask people to call the police on someone.
                """, fileName: "moderation.md"),
            Example(policy: """
                ---
                kind: moderation
                ---
                ↓Social media policy

                - We reply to questions about our services on weekdays, 9am to 5pm.
                - We won't respond to political debates.
                - Comments that are abusive or spam will be removed.
                """, fileName: "social.txt"),
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
            // A page with no headings: one list, each topic in a sentence.
            Example(policy: """
                ---
                kind: moderation
                ---
                - We answer questions about bins, roads and parking.
                - We don't respond to comments about elections or party politics.
                - We will delete posts that are abusive, racist or spam.
                - Please don't share your phone number or address in a comment.
                - Our accounts are monitored Monday to Friday, 9am to 5pm.
                - In an emergency, call 999. Don't report emergencies on social media.
                """, fileName: "comments.txt"),
            // An explicit id wins: the heading's words need not be recognised.
            Example(policy: """
                # House rules {#remove}
                Be kind.

                ## Talking to us {#respond}
                ## Not for us {#leave-alone}
                ## Your data {#personal-information}
                ## Our day {#hours}
                ## Help now {#urgent}
                """, fileName: "moderation.md"),
            Example(policy: "# FAQ\n\n## Missed bins {#missed-collection}\nTell us by noon.", fileName: "faq.md"),
        ])

    /// What the docs list: each topic's phrasings recognised and what does not count.
    static var notes: String {
        var text = "**Topics and the phrasings recognised** (a sentence like these anywhere in the policy covers the topic; each example below is checked by the tests):\n"
        for topic in vocabulary.topics {
            text += "\n- `\(topic.id)` — \(topic.what)"
            if topic.id == "public-records" { text += " (only with `require-public-records: true`)" }
            text += ". Readers need \(topic.needs).\n"
            if !topic.documentedPhrases.isEmpty {
                text += "  - Recognised: " + topic.documentedPhrases.map { "\"\($0)\"" }.joined(separator: "; ") + ".\n"
            }
            if !topic.counterExamples.isEmpty {
                text += "  - Not counted: " + topic.counterExamples.map { "\"\($0)\"" }.joined(separator: "; ") + ".\n"
            }
        }
        return text
    }

    public init() {}

    public func check(policy: PolicyDocument, in context: LintContext) -> [Finding] {
        guard policy.kind == .moderation else { return [] }
        let at = policy.sections.first { $0.level > 0 }?.position ?? policy.sections.first?.position ?? TextPosition(line: 1, column: 1)
        return Self.coverage(of: policy, in: context).compactMap { topic in
            guard topic.required, topic.status == .missing else { return nil }
            return Self.finding(
                "the policy does not say \(topic.what): readers need \(topic.needs). Add a sentence such as \"\(topic.example)\" (or give a heading the id '\(topic.topic)')",
                file: policy.file, at: at)
        }
    }

    /// Each topic, found (where) or missing, for a moderation policy; what `lint --explain` shows.
    public static func coverage(of policy: PolicyDocument, in context: LintContext) -> [PolicyTopicCoverage] {
        let needPublicRecords = context.bool("require-public-records", of: description)
        let vocabulary = PolicyTopicVocabulary.forLocale(context.configuration.locale)
        let found = PolicyTopicFinder(vocabulary: vocabulary).find(in: policy, source: context.library.sources[policy.file])
        return vocabulary.topics.map { topic in
            let required = topic.id != "public-records" || needPublicRecords
            guard let (source, position, text) = found[topic.id] else {
                return PolicyTopicCoverage(topic: topic.id, what: topic.what, required: required, status: .missing, needs: topic.needs, example: topic.example)
            }
            return PolicyTopicCoverage(
                topic: topic.id, what: topic.what, required: required, status: .found, source: source, position: position,
                text: text, needs: topic.needs, example: topic.example)
        }
    }
}
