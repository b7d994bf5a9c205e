// What the privacy rules share: the requests found in a reply's prose (Reply.prose: tags blanked,
// `{{dm_link}}` kept), found once per reply, and file positions for them.

enum PrivacyText {
    /// Every request for personal data in the reply, found once for both privacy rules that need them.
    static func requests(in reply: Reply, context: LintContext) -> [DataRequest] {
        context.shared("privacy.requests", for: reply) { RequestReader(text(of: reply, context), vocabulary: context.personalData(of: reply)).requests() }
    }

    /// The reply's prose read into words and sentences, once for every rule that reads it (the tone rules
    /// too when the two texts are the same: see ToneText.text).
    static func text(of reply: Reply, _ context: LintContext) -> PersonalDataText {
        context.shared("prose.text", for: reply) { PersonalDataText(reply.prose) }
    }

    /// Every request for personal data in a rendered text, found once for the rules that check it.
    /// The renderer gives each render a context of its own, so the reply is key enough.
    static func requests(inRendered rendered: RenderedText, _ context: LintContext) -> [DataRequest] {
        context.shared("privacy.rendered-requests", for: rendered.reply) { DataRequests.find(in: rendered.text, vocabulary: context.personalData(of: rendered.reply)) }
    }

    /// File positions of scalar ranges in a reply's body.
    static func positions(of ranges: [Range<Int>], in reply: Reply) -> [(TextPosition, TextPosition)] {
        let offsets = ranges.flatMap { [$0.lowerBound, $0.upperBound] }
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        let sorted = TextPosition.of(offsets: order.map { offsets[$0] }, in: reply.body)
        var bodyPositions = [TextPosition](repeating: TextPosition(line: 1, column: 1), count: offsets.count)
        for (rank, original) in order.enumerated() { bodyPositions[original] = sorted[rank] }
        return ranges.indices.map { index in
            (reply.filePosition(ofBody: bodyPositions[2 * index]), reply.filePosition(ofBody: bodyPositions[2 * index + 1]))
        }
    }
}
