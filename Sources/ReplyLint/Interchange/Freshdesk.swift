// Freshdesk canned responses (`GET /api/v2/canned_response_folders/{id}/responses`: `title`,
// `content_html`, `folder_id`) to replies. https://developers.freshdesk.com/api/#canned-responses

public enum FreshdeskCannedResponses {
    /// Freshdesk placeholders (Liquid) with a ReplyLint built-in equivalent.
    public static let dialect = PlaceholderDialect(
        tool: "Freshdesk", syntax: .liquid,
        imports: [
            "ticket.requester.firstname": "customer.first_name",
            "ticket.requester.lastname": "customer.last_name",
            "ticket.requester.email": "customer.email",
            "ticket.requester.phone": "customer.phone",
            "ticket.agent.name": "agent.full_name",
            "ticket.agent.firstname": "agent.first_name",
            "ticket.id": "case.number",
        ])

    public static func decode(_ text: String) throws(InterchangeError) -> ImportBatch {
        let root = try SourceJSON.parse(text, format: .freshdesk)
        let items = try SourceJSON.records(in: root, keys: ["canned_responses", "responses", "canned_response_folders", "folders"], format: .freshdesk)
        var batch = ImportBatch()
        var folderNames: [String: String] = [:]
        var responses: [(TemplateValue, String?)] = []
        // Folders (with their responses inside) or responses; both may come in one file.
        for item in items {
            if case .list(let inner)? = item["canned_responses"] ?? item["responses"] {
                let name = item.text("name")
                if let id = item.text("id"), let name { folderNames[id] = name }
                responses += inner.map { ($0, name) }
            } else if item["title"] == nil, item["content"] == nil, item["content_html"] == nil, let id = item.text("id"), let name = item.text("name") {
                folderNames[id] = name
            } else {
                responses.append((item, nil))
            }
        }
        for (index, (item, folder)) in responses.enumerated() {
            let label = "canned response " + (item.text("id").map { "\($0) " } ?? "#\(index + 1) ") + (item.text("title").map { "'\($0)'" } ?? "(untitled)")
            guard item.isObject, let title = item.text("title"), !title.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no title"))
                continue
            }
            let html = item.text("content_html").flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            let plain = item.text("content").flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            guard let source = html ?? plain else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no content"))
                continue
            }
            let converted = InterchangeText.body(from: source, html: html != nil, dialect: dialect)
            var notes = converted.notes
            if case .list(let attachments)? = item["attachments"], !attachments.isEmpty {
                notes.append("\(attachments.count) attachment(s) not carried over; add them as media: in the reply file")
            }
            let folderName = folder ?? item.text("folder_id").map { folderNames[$0] ?? "folder \($0)" }
            let reply = InterchangeReply(
                title: title, body: converted.body, folders: folderName.map { [$0] } ?? [],
                placeholders: converted.placeholders, id: item.text("id"))
            batch.records.append(ImportedRecord(reply: reply, channelEvidence: .unknown, label: label, notes: notes))
        }
        return batch
    }
}
