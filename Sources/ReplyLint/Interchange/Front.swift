// Front message templates (Core API `GET /message_templates`: `{"_results": [{name, subject, body}]}`)
// to replies. https://dev.frontapp.com/reference/message-templates

public enum FrontMessageTemplates {
    /// Front dynamic variables with a ReplyLint built-in equivalent (`recipient` is the customer, `user` the teammate).
    public static let dialect = PlaceholderDialect(
        tool: "Front", syntax: .curly,
        imports: [
            "recipient.first_name": "customer.first_name",
            "recipient.last_name": "customer.last_name",
            "recipient.email": "customer.email",
            "user.first_name": "agent.first_name",
            "user.name": "agent.full_name",
        ])

    public static func decode(_ text: String) throws(InterchangeError) -> ImportBatch {
        let root = try SourceJSON.parse(text, format: .front)
        let items = try SourceJSON.records(in: root, keys: ["_results", "message_templates", "results"], format: .front)
        var batch = ImportBatch()
        for (index, item) in items.enumerated() {
            let label = "message template " + (item.text("id").map { "\($0) " } ?? "#\(index + 1) ") + (item.text("name").map { "'\($0)'" } ?? "(unnamed)")
            guard item.isObject, let name = item.text("name"), !name.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no name"))
                continue
            }
            guard let body = item.text("body"), !body.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no body"))
                continue
            }
            let converted = InterchangeText.body(from: body, html: InterchangeText.looksLikeHTML(body), dialect: dialect)
            var notes = converted.notes
            if let subject = item.text("subject"), !subject.isEmpty { notes.append("its email subject \"\(subject)\" is not part of a reply; left out") }
            if case .list(let attachments)? = item["attachments"], !attachments.isEmpty {
                notes.append("\(attachments.count) attachment(s) not carried over; add them as media: in the reply file")
            }
            let reply = InterchangeReply(title: name, body: converted.body, placeholders: converted.placeholders, id: item.text("id"))
            batch.records.append(ImportedRecord(reply: reply, channelEvidence: .unknown, label: label, notes: notes))
        }
        return batch
    }
}
