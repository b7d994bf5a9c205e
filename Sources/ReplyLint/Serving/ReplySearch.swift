// Finding saved replies by words, channel and tag: what agents type into the search box.

/// The searchable text of every reply, lower-cased once per library so a search is a scan of
/// prepared strings.
public struct ReplyIndex: Sendable {
    struct Entry: Sendable {
        var reply: Reply
        /// Fields with the weight a match in them scores: id and title count most, the body least.
        var fields: [(text: String, weight: Int)]
        var tags: Set<String>
    }
    let entries: [Entry]

    public init(replies: [Reply]) {
        var seen = Set<String>()
        entries = replies.compactMap { reply in
            // Two files claiming one id: the first is the one render uses, so it is the one listed.
            guard seen.insert(reply.id).inserted else { return nil }
            return Entry(
                reply: reply,
                fields: [
                    (reply.id.lowercased(), 5), ((reply.title ?? "").lowercased(), 4),
                    ((reply.faq?.value ?? "").lowercased(), 3), (reply.tags.joined(separator: " ").lowercased(), 3),
                    (reply.body.lowercased(), 1),
                ],
                tags: Set(reply.tags.map { $0.lowercased() }))
        }
    }

    public var count: Int { entries.count }

    /// Replies matching every word of `query` (in id, title, FAQ id, tags or text), declared for
    /// `channel` and tagged `tag` when those are given; best matches first, then by id. A query with
    /// no letters or digits matches every reply.
    public func search(query: String?, channel: String? = nil, tag: String? = nil) -> [Reply] {
        let terms = (query ?? "").lowercased()
            .split { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "_" && $0 != "/" }
            .map(String.init)
        let tag = tag?.lowercased()
        var scored: [(score: Int, reply: Reply)] = []
        for entry in entries {
            if let channel, !entry.reply.channelIDs.contains(channel) { continue }
            if let tag, !entry.tags.contains(tag) { continue }
            var score = 0
            var matchesAll = true
            for term in terms {
                let best = entry.fields.reduce(0) { best, field in field.text.containsBytes(term) ? max(best, field.weight) : best }
                if best == 0 { matchesAll = false; break }
                score += best
            }
            if matchesAll { scored.append((score, entry.reply)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.reply.id < $1.reply.id }
        return scored.map(\.reply)
    }
}
