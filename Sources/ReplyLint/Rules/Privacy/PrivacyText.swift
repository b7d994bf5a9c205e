// The text the privacy rules read: a reply's body with placeholder tags blanked out, offsets kept.

enum PrivacyText {
    /// The body with every `{{…}}` tag replaced by spaces of the same length, except `{{dm_link}}`,
    /// which is a private route and stays.
    static func masked(_ reply: Reply) -> String { reply.prose }

    /// Every request for personal data in the reply, found once for both privacy rules that need them.
    static func requests(in reply: Reply, context: LintContext) -> [DataRequest] {
        context.shared("privacy.requests", for: reply) { DataRequests.find(in: reply.prose, vocabulary: context.personalData) }
    }

    static func mask(_ body: String) -> String {
        guard body.containsBytes("{{") else { return body }
        var output = String.UnicodeScalarView()
        let scalars = Array(body.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" {
                var end = index + 2
                while end + 1 < scalars.count && !(scalars[end] == "}" && scalars[end + 1] == "}") { end += 1 }
                end = min(scalars.count, end + 2)
                while end < scalars.count && scalars[end] == "}" { end += 1 }
                let tag = String(String.UnicodeScalarView(scalars[index..<end]))
                if tag.filter({ !$0.isWhitespace }) == "{{dm_link}}" {
                    output.append(contentsOf: scalars[index..<end])
                } else {
                    for scalar in scalars[index..<end] { output.append(scalar == "\n" ? "\n" : " ") }
                }
                index = end
                continue
            }
            output.append(scalars[index])
            index += 1
        }
        return String(output)
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
