// Intercom macros (REST API `GET /macros`: `{"type": "list", "data": [{name, body, body_text, available_on}]}`)
// to replies. https://developers.intercom.com/docs/references/unstable/rest-api/api.intercom.io/macros/macro_list

public enum IntercomMacros {
    /// Intercom attributes (`{{user.name | fallback: "there"}}`) with a ReplyLint built-in equivalent.
    public static let dialect = PlaceholderDialect(
        tool: "Intercom", syntax: .curly,
        imports: [
            "user.first_name": "customer.first_name",
            "user.last_name": "customer.last_name",
            "user.email": "customer.email",
            "user.phone": "customer.phone",
        ])

    public static func decode(_ text: String) throws(InterchangeError) -> ImportBatch {
        let root = try SourceJSON.parse(text, format: .intercom)
        let items: [TemplateValue]
        if root.text("type") == "macro" { items = [root] } else {
            items = try SourceJSON.records(in: root, keys: ["data", "macros"], format: .intercom)
        }
        var batch = ImportBatch()
        for (index, item) in items.enumerated() {
            let label = "macro " + (item.text("id").map { "\($0) " } ?? "#\(index + 1) ") + (item.text("name").map { "'\($0)'" } ?? "(unnamed)")
            guard item.isObject, let name = item.text("name"), !name.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no name"))
                continue
            }
            // body_text keeps Intercom's own placeholders; body has them rewritten as <attribute key=… default=…/>.
            let converted: PlaceholderDialect.Converted
            if let plain = item.text("body_text"), !plain.allSatisfy(\.isWhitespace) {
                converted = InterchangeText.body(from: plain, html: false, dialect: dialect)
            } else if let html = item.text("body"), !html.allSatisfy(\.isWhitespace) {
                let restored = html.replacing(#/<attribute\s+key="([^"]*)"(?:\s+default="([^"]*)")?\s*/?>(?:</attribute>)?/#) { match in
                    match.output.2.map { "{{\(match.output.1)|fallback:\"\($0)\"}}" } ?? "{{\(match.output.1)}}"
                }
                converted = InterchangeText.body(from: restored, html: true, dialect: dialect)
            } else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no body"))
                continue
            }
            let reply = InterchangeReply(title: name, body: converted.body, placeholders: converted.placeholders, id: item.text("id"))
            // Macros are for the inbox and the Messenger: conversations with one customer.
            let evidence: ChannelEvidence = item["available_on"] == nil ? .unknown : .visibility(.private)
            batch.records.append(ImportedRecord(reply: reply, channelEvidence: evidence, label: label, notes: converted.notes))
        }
        return batch
    }
}
