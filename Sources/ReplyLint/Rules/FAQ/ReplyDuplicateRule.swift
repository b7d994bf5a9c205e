// reply-duplicate: two replies for the same FAQ, channel and locale, or with near-identical bodies.

public struct ReplyDuplicateRule: Rule {
    public static let description = RuleDescription(
        id: "reply-duplicate", severity: .warning, category: .faq,
        summary: "Two replies for the same FAQ entry, channel and locale, or two replies whose bodies are nearly the same.",
        rationale: """
            Duplicates drift apart: one gets the new opening hours, the other does not, and agents pick whichever \
            they find first. Keep one reply per question and channel, and merge near-copies (a reply for several \
            channels lists them all under `channels:`).
            """,
        options: [RuleOption("similarity", default: .number(0.85), "share of 3-word phrases two bodies must have in common to count as near-identical (0–1)")],
        blindSpots: [
            "Near-identical means the same wording; two replies that say the same thing in different words are not found.",
            "Placeholders count as words, so two replies that differ only in a placeholder name look different.",
        ],
        triggering: [
            Example(replies: [
                "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, sorry we missed your bin. We'll send a crew back tomorrow.",
                "---\nfaq: missed-collection\nchannels: [x-dm]\n---\n↓Hi {{customer.first_name}}, sorry we missed your bin! We'll send a crew back tomorrow.",
            ]),
            Example(replies: [
                "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, sorry we missed your bin.",
                "---\nfaq: missed-collection\nchannels: [↓x-reply]\n---\nHi {{customer.first_name}}, a crew is on the way to collect it.",
            ]),
        ],
        nonTriggering: [
            Example(replies: [
                "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, sorry we missed your bin. Please DM us your address: {{dm_link}}",
                "---\nfaq: missed-collection\nchannels: [x-dm]\n---\nThanks {{customer.first_name}}, we've booked a pickup for {{pickup.date}}.",
            ]),
        ])

    public init() {}

    public func checkLibrary(in context: LintContext) -> [Finding] {
        // Indices rather than copies of the replies: at 100,000 replies each copy cost tens of megabytes.
        let all = context.library.replies
        let replies = all.indices.filter { !all[$0].isUnreadable }
        var findings: [Finding] = []
        // The same FAQ, channel and locale.
        var first: [String: Int] = [:]
        let id = Self.description.id
        for index in replies {
            // Read in place: a copy of each reply cost a retain and a release of each of its fields.
            guard let faq = all[index].faq?.value.slug, !faq.isEmpty else { continue }
            let locale = (all[index].locale ?? context.configuration.locale).lowercased()
            for channel in all[index].channels {
                let key = faq + "\u{0}" + channel.value + "\u{0}" + locale
                guard let originalIndex = first[key] else {
                    first[key] = index
                    continue
                }
                // A finding left out of this run (a hook's few files) is not worth its message.
                guard context.reports(all[index].file, rule: id) else { continue }
                let reply = all[index]
                let original = all[originalIndex]
                findings.append(Self.finding(
                    "another reply answers FAQ '\(faq)' on \(channel.value) in \(locale): '\(original.id)' (\(original.file)); keep one, or give them different channels or locales",
                    in: reply, at: channel.position,
                    end: TextPosition(line: channel.position.line, column: channel.position.column + channel.value.unicodeScalars.count),
                    channel: channel.value))
            }
        }
        // Near-identical bodies.
        let threshold: Double
        switch context.option("similarity", of: Self.description) {
        case .number(let value)?: threshold = value
        case .int(let value)?: threshold = Double(value)
        default: threshold = 0.85
        }
        for match in NearDuplicates.find(replies.map { all[$0].body }, threshold: threshold) {
            let reply = all[replies[match.index]]
            guard context.reports(reply.file, rule: id) else { continue }
            let original = all[replies[match.original]]
            let share = match.similarity >= 1 ? "the same as" : "\(Int(match.similarity * 100)) % the same as"
            let advice = Set(reply.channelIDs) == Set(original.channelIDs)
                ? "merge them" : "merge them into one reply that lists both sets of channels"
            findings.append(Self.finding(
                "this reply's text is \(share) '\(original.id)' (\(original.file)); \(advice)",
                in: reply, at: reply.bodyStart))
        }
        return findings
    }
}
