// The conversions every codec shares: a tool's text (HTML or not) to a reply body, a reply back to a
// tool's text, and the `ReplyLint: channels …; faq …` line exports leave where a tool has room for it.

enum InterchangeText {
    /// A tool's text as a ReplyLint body: HTML to plain text first, then placeholders to Mustache.
    static func body(from text: String, html: Bool, dialect: PlaceholderDialect) -> PlaceholderDialect.Converted {
        var notes: [String] = []
        var source = text.replacingOccurrences(of: "\r\n", with: "\n")
        if html {
            let plain = HTMLText.plainText(source)
            source = plain.text
            notes += plain.notes
        }
        var converted = dialect.toReplyLint(source)
        converted.body = Lines.trimmingBlankLines(converted.body)
        converted.notes = notes + converted.notes
        return converted
    }

    /// Whether `text` reads as HTML markup rather than plain text.
    static func looksLikeHTML(_ text: String) -> Bool {
        guard let match = text.firstMatch(of: #/<(p|div|br|span|a|b|strong|em|i|u|ul|ol|li|h[1-6]|table|img|blockquote)[\s/>]/#.ignoresCase()) else { return false }
        return !match.output.0.isEmpty
    }

    /// A reply's body in `dialect`, with its declared fallbacks.
    static func toolText(_ reply: InterchangeReply, dialect: PlaceholderDialect, partials: [String: String]) -> (text: String, notes: [String]) {
        let fallbacks = Dictionary(reply.placeholders.compactMap { placeholder in placeholder.fallback.map { (placeholder.name, $0) } }) { first, _ in first }
        var result = dialect.fromReplyLint(reply.body, fallback: { fallbacks[$0] }, partial: { partials[$0] })
        for placeholder in reply.placeholders where dialect.exports[placeholder.name] == nil && dialect.syntax != .mustache {
            if Placeholders.builtIn[placeholder.name] != nil {
                result.notes.append("\(dialect.tool) has no placeholder for ReplyLint's '\(placeholder.name)'; written as '\(placeholder.name)', which \(dialect.tool) prints as it is or as nothing")
            }
        }
        return result
    }

    /// The fields of a `ReplyLint: channels a, b; faq x` line: ["channels": ["a", "b"], "faq": ["x"]].
    static func marked(_ text: String, marker: String) -> [String: [String]] {
        guard let line = text.split(separator: "\n").first(where: { $0.stripping(" ").hasPrefix(marker) }) else { return [:] }
        var fields: [String: [String]] = [:]
        for part in line.stripping(" ").dropFirst(marker.count).split(separator: ";") {
            let words = part.stripping(" ").split(separator: " ", maxSplits: 1)
            guard let key = words.first else { continue }
            let values = words.count > 1 ? words[1].split(separator: ",").map { $0.stripping(" ") }.filter { !$0.isEmpty } : []
            fields[String(key)] = values
        }
        return fields
    }

    /// Plain text as the HTML a rich-text field holds: special characters escaped, line breaks as `<br>`.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\n", with: "<br>\n")
    }
}
