// Help Scout saved replies (Inbox API 2.0, `/v2/mailboxes/{id}/saved-replies`: `name`, `text`, `chatText`)
// to replies and back. https://developer.helpscout.com/mailbox-api/ (endpoints/mailboxes/saved-replies)

public enum HelpScoutSavedReplies {
    /// Help Scout variables (`{%customer.firstName,fallback=there%}`) with a ReplyLint built-in equivalent.
    public static let dialect = PlaceholderDialect(
        tool: "Help Scout", syntax: .helpScout,
        imports: [
            "customer.firstName": "customer.first_name",
            "customer.lastName": "customer.last_name",
            "customer.email": "customer.email",
            "user.firstName": "agent.first_name",
            "user.fullName": "agent.full_name",
            "conversation.number": "case.number",
            "mailbox.name": "team.name",
        ],
        exports: [
            "customer.first_name": "customer.firstName",
            "customer.last_name": "customer.lastName",
            "customer.email": "customer.email",
            "agent.first_name": "user.firstName",
            "agent.full_name": "user.fullName",
            "case.number": "conversation.number",
            "team.name": "mailbox.name",
        ])

    public static func decode(_ text: String) throws(InterchangeError) -> ImportBatch {
        let root = try SourceJSON.parse(text, format: .helpscout)
        let items: [TemplateValue]
        if root["text"] != nil || root["chatText"] != nil {
            items = [root]
        } else {
            items = try SourceJSON.records(in: root, keys: ["_embedded.saved-replies", "_embedded.savedReplies", "_embedded.replies", "saved-replies", "savedReplies", "replies"], format: .helpscout)
        }
        var batch = ImportBatch()
        for (index, item) in items.enumerated() {
            let label = "saved reply " + (item.text("id").map { "\($0) " } ?? "#\(index + 1) ") + (item.text("name").map { "'\($0)'" } ?? "(unnamed)")
            guard item.isObject, let name = item.text("name"), !name.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no name"))
                continue
            }
            let email = item.text("text").flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            let chat = item.text("chatText").flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            guard let source = email ?? chat else {
                let reason = item["text"] == nil && item["preview"] != nil
                    ? "has only a preview (the list endpoint); export each saved reply with GET …/saved-replies/{id} to get its text"
                    : "has no text"
                batch.skipped.append(SkippedRecord(label: label, reason: reason))
                continue
            }
            var converted = InterchangeText.body(from: source, html: InterchangeText.looksLikeHTML(source), dialect: dialect)
            if email != nil, let chat {
                let chatBody = InterchangeText.body(from: chat, html: InterchangeText.looksLikeHTML(chat), dialect: dialect).body
                if chatBody != converted.body { converted.notes.append("has a different chat version (chatText); the email text was imported") }
            }
            let reply = InterchangeReply(title: name, body: converted.body, placeholders: converted.placeholders, id: item.text("id"))
            // Help Scout conversations (email, chat, messaging) are private to the customer.
            batch.records.append(ImportedRecord(reply: reply, channelEvidence: .visibility(.private), label: label, notes: converted.notes))
        }
        return batch
    }

    /// A list of `{"name", "text", "chatText"}` as `POST /v2/mailboxes/{id}/saved-replies` takes each.
    public static func encode(_ replies: [InterchangeReply], partials: [String: String]) -> ExportOutput {
        var notes: [String] = []
        var items: [JSONValue] = []
        for reply in replies {
            let converted = InterchangeText.toolText(reply, dialect: dialect, partials: partials)
            let name = reply.id ?? reply.title
            notes += converted.notes.map { "\(name): \($0)" }
            var lost: [String] = []
            if !reply.channels.isEmpty { lost.append("channels (\(reply.channels.joined(separator: ", ")))") }
            if !reply.tags.isEmpty { lost.append("tags (\(reply.tags.joined(separator: ", ")))") }
            if let faq = reply.faq { lost.append("FAQ entry (\(faq))") }
            if !lost.isEmpty { notes.append("\(name): Help Scout saved replies have no \(lost.joined(separator: ", ")); left out") }
            items.append(.object([
                ("name", .string(reply.title)),
                ("text", .string(InterchangeText.html(converted.text))),
                ("chatText", .string(converted.text)),
            ]))
        }
        return ExportOutput(text: JSONValue.array(items).serialized(pretty: true) + "\n", notes: notes)
    }
}
