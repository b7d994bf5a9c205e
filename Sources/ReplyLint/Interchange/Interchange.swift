// The one door to the codecs: read a source file as a format, write replies as a format, and the
// library's replies as the records exports carry.

public enum Interchange {
    public static func decode(_ text: String, as format: InterchangeFormat) throws(InterchangeError) -> ImportBatch {
        switch format {
        case .zendesk: try ZendeskMacros.decode(text)
        case .helpscout: try HelpScoutSavedReplies.decode(text)
        case .freshdesk: try FreshdeskCannedResponses.decode(text)
        case .front: try FrontMessageTemplates.decode(text)
        case .intercom: try IntercomMacros.decode(text)
        case .chatwoot: try ChatwootCannedResponses.decode(text)
        case .github: try GitHubReplies.decode(text)
        case .json: try GenericReplies.decodeJSON(text)
        case .csv: try GenericReplies.decodeCSV(text)
        case .markdown: try GenericReplies.decodeMarkdown(text)
        }
    }

    /// The export file, or nil for a format `export` does not write.
    public static func encode(_ replies: [InterchangeReply], as format: InterchangeFormat, partials: [String: String]) -> ExportOutput? {
        switch format {
        case .zendesk: ZendeskMacros.encode(replies, partials: partials)
        case .helpscout: HelpScoutSavedReplies.encode(replies, partials: partials)
        case .github: GitHubReplies.encode(replies, partials: partials)
        case .json: GenericReplies.encodeJSON(replies)
        case .csv: GenericReplies.encodeCSV(replies)
        case .markdown: GenericReplies.encodeMarkdown(replies)
        case .freshdesk, .front, .intercom, .chatwoot: nil
        }
    }

    /// The library's replies as exports carry them; `files` limits them to replies in those files.
    /// Replies that do not parse are left out, with the reason.
    public static func replies(of library: Library, files: Set<String>? = nil) -> (replies: [InterchangeReply], notes: [String]) {
        var result: [InterchangeReply] = []
        var notes: [String] = []
        for reply in library.replies.sorted(by: { $0.id < $1.id }) {
            if let files, !files.contains(reply.file) { continue }
            if let problem = reply.problems.first(where: { $0.kind == .syntax || $0.kind == .limit }) {
                notes.append("\(reply.id): not exported: its front matter does not parse (\(problem.message))")
                continue
            }
            if let problem = reply.template.problems.first {
                notes.append("\(reply.id): not exported: its template does not parse (\(problem.message))")
                continue
            }
            result.append(interchangeReply(reply, configuration: library.configuration))
        }
        return (result, notes)
    }

    static func interchangeReply(_ reply: Reply, configuration: Configuration) -> InterchangeReply {
        var placeholders: [InterchangePlaceholder] = []
        for use in Placeholders.uses(in: reply.template) where use.name != "." && !placeholders.contains(where: { $0.name == use.name }) {
            let fallback = reply.placeholders[use.name]?.fallback ?? configuration.placeholders[use.name]?.fallback
            placeholders.append(InterchangePlaceholder(name: use.name, fallback: fallback))
        }
        return InterchangeReply(
            title: reply.title ?? reply.id, body: reply.body,
            folders: reply.id.split(separator: "/").dropLast().map(String.init),
            channels: reply.channelIDs, tags: reply.tags, placeholders: placeholders,
            faq: reply.faq?.value, id: reply.id)
    }
}
