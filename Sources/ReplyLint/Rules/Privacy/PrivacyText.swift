// The text the privacy rules read: a reply's body with placeholder tags blanked out, offsets kept.

enum PrivacyText {
    /// The body with every `{{…}}` tag replaced by spaces of the same length, except `{{dm_link}}`,
    /// which is a private route and stays.
    static func masked(_ reply: Reply) -> String { reply.prose }

    /// Every request for personal data in the reply, found once for both privacy rules that need them.
    static func requests(in reply: Reply, context: LintContext) -> [DataRequest] {
        context.shared("privacy.requests", for: reply) { DataRequests.find(in: reply.prose, vocabulary: context.personalData) }
    }

    /// Every request for personal data in a rendered text, found once for the rules that check it.
    /// The renderer gives each render a context of its own, so the reply is key enough.
    static func requests(inRendered rendered: RenderedText, _ context: LintContext) -> [DataRequest] {
        context.shared("privacy.rendered-requests", for: rendered.reply) { DataRequests.find(in: rendered.text, vocabulary: context.personalData) }
    }

    static func mask(_ body: String) -> String {
        guard body.containsBytes("{{") else { return body }
        // Works on UTF-8 bytes: inside a tag, each scalar's first byte becomes a space and its
        // continuation bytes are dropped, so scalar offsets (and line breaks) stay where they were.
        let bytes = Array(body.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        while index < bytes.count {
            guard bytes[index] == open, index + 1 < bytes.count, bytes[index + 1] == open else {
                output.append(bytes[index])
                index += 1
                continue
            }
            var end = index + 2
            while end + 1 < bytes.count && !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            end = min(bytes.count, end + 2)
            while end < bytes.count && bytes[end] == close { end += 1 }
            let tag = bytes[index..<end].filter { $0 != space }
            if tag.elementsEqual("{{dm_link}}".utf8) {
                output.append(contentsOf: bytes[index..<end])
            } else {
                for byte in bytes[index..<end] where byte & 0xC0 != 0x80 {
                    output.append(byte == newline ? newline : space)
                }
            }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
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
