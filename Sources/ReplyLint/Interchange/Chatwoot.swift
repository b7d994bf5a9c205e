// Chatwoot canned responses (`GET /api/v1/accounts/{id}/canned_responses`: `[{short_code, content}]`)
// to replies. https://developers.chatwoot.com/api-reference/canned-responses/list-all-canned-responses-in-an-account

public enum ChatwootCannedResponses {
    /// Chatwoot message variables with a ReplyLint built-in equivalent (chatwoot/utils `getMessageVariables`).
    public static let dialect = PlaceholderDialect(
        tool: "Chatwoot", syntax: .curly,
        imports: [
            "contact.first_name": "customer.first_name",
            "contact.last_name": "customer.last_name",
            "contact.email": "customer.email",
            "contact.phone": "customer.phone",
            "agent.first_name": "agent.first_name",
            "agent.name": "agent.full_name",
            "conversation.id": "case.number",
        ])

    public static func decode(_ text: String) throws(InterchangeError) -> ImportBatch {
        let root = try SourceJSON.parse(text, format: .chatwoot)
        let items = try SourceJSON.records(in: root, keys: ["payload", "canned_responses", "data"], format: .chatwoot)
        var batch = ImportBatch()
        for (index, item) in items.enumerated() {
            let label = "canned response " + (item.text("id").map { "\($0) " } ?? "#\(index + 1) ") + (item.text("short_code").map { "'\($0)'" } ?? "(no short code)")
            guard item.isObject, let code = item.text("short_code"), !code.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no short_code"))
                continue
            }
            guard let content = item.text("content"), !content.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no content"))
                continue
            }
            let converted = InterchangeText.body(from: content, html: false, dialect: dialect)
            let reply = InterchangeReply(title: code, body: converted.body, placeholders: converted.placeholders, id: item.text("id"))
            batch.records.append(ImportedRecord(reply: reply, channelEvidence: .unknown, label: label, notes: converted.notes))
        }
        return batch
    }
}
