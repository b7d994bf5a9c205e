// Zendesk macros (Support API `GET /api/v2/macros`, `{"macros": [...]}`) to replies and back.
// https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/
// https://developer.zendesk.com/documentation/ticketing/reference-guides/actions-reference/

public enum ZendeskMacros {
    /// Zendesk placeholders (Liquid) with a ReplyLint built-in equivalent.
    public static let dialect = PlaceholderDialect(
        tool: "Zendesk", syntax: .liquid,
        imports: [
            "ticket.requester.first_name": "customer.first_name",
            "ticket.requester.last_name": "customer.last_name",
            "ticket.requester.email": "customer.email",
            "ticket.requester.phone": "customer.phone",
            "current_user.first_name": "agent.first_name",
            "current_user.name": "agent.full_name",
            "ticket.assignee.first_name": "agent.first_name",
            "ticket.assignee.name": "agent.full_name",
            "ticket.id": "case.number",
        ],
        exports: [
            "customer.first_name": "ticket.requester.first_name",
            "customer.last_name": "ticket.requester.last_name",
            "customer.email": "ticket.requester.email",
            "customer.phone": "ticket.requester.phone",
            "agent.first_name": "current_user.first_name",
            "agent.full_name": "current_user.name",
            "case.number": "ticket.id",
        ])

    /// The line an export writes into a macro's description so channels and the FAQ entry come back.
    static let marker = "ReplyLint:"

    public static func decode(_ text: String) throws(InterchangeError) -> ImportBatch {
        let root = try SourceJSON.parse(text, format: .zendesk)
        let items: [TemplateValue]
        if let single = root["macro"], single.isObject {
            items = [single]
        } else {
            items = try SourceJSON.records(in: root, keys: ["macros", "results"], format: .zendesk)
        }
        var batch = ImportBatch()
        for (index, item) in items.enumerated() {
            let label = "macro " + (item.text("id").map { "\($0) " } ?? "#\(index + 1) ") + (item.text("title").map { "'\($0)'" } ?? "(untitled)")
            switch record(item, label: label) {
            case .success(let record): batch.records.append(record)
            case .failure(let skipped): batch.skipped.append(skipped)
            }
        }
        return batch
    }

    static func record(_ item: TemplateValue, label: String) -> Result<ImportedRecord, SkippedRecord> {
        guard item.isObject else { return .failure(SkippedRecord(label: label, reason: "not a macro object")) }
        guard let title = item.text("title"), !title.allSatisfy(\.isWhitespace) else {
            return .failure(SkippedRecord(label: label, reason: "has no title"))
        }
        guard case .list(let actions)? = item["actions"] else {
            return .failure(SkippedRecord(label: label, reason: "has no 'actions' list"))
        }
        var plain: String?
        var html: String?
        var isPublic: Bool?
        var tags: [String] = []
        var ignored: [String] = []
        var notes: [String] = []
        for action in actions {
            guard let field = action.text("field") else { continue }
            switch field {
            case "comment_value", "comment_value_html":
                // The value is the text, or ["channel:all", text] naming the channel the comment goes to.
                var value: String?
                switch action["value"] {
                case .string(let text)?: value = text
                case .list(let parts)?:
                    let texts = parts.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
                    value = texts.last
                    if let channel = texts.first, texts.count > 1, channel != "channel:all" {
                        notes.append("the comment is set for Zendesk \(channel); ReplyLint channels come from --channels")
                    }
                default: value = nil
                }
                if field == "comment_value" { plain = value } else { html = value }
            case "comment_mode_is_public":
                isPublic = action.flag("value")
            case "current_tags", "set_tags":
                tags += (action.text("value") ?? "").split(separator: " ").map(String.init)
            case "remove_tags":
                ignored.append("remove_tags")
            default:
                ignored.append(field)
            }
        }
        guard let source = plain ?? html else {
            let fields = ignored.isEmpty ? "nothing" : ignored.joined(separator: ", ")
            return .failure(SkippedRecord(label: label, reason: "adds no comment (it sets \(fields)); not a reply"))
        }
        if isPublic == false {
            return .failure(SkippedRecord(label: label, reason: "adds an internal note (comment_mode_is_public: false), which never reaches the customer"))
        }
        if !ignored.isEmpty {
            notes.append("ticket actions not carried over: \(Array(Set(ignored)).sorted().joined(separator: ", "))")
        }
        if plain != nil && html != nil { notes.append("has both comment_value and comment_value_html; the plain text was imported") }
        if item.flag("active") == false { notes.append("inactive in Zendesk") }
        let converted = InterchangeText.body(from: source, html: plain == nil, dialect: dialect)
        var reply = InterchangeReply(
            title: title, body: converted.body,
            folders: title.components(separatedBy: "::").dropLast().map { $0.stripping(" ") }.filter { !$0.isEmpty },
            tags: uniqued(tags), placeholders: converted.placeholders,
            usage: item.integer("usage_30d") ?? item.integer("usage_7d") ?? item.integer("usage_24h") ?? item.integer("usage_1h"),
            id: item.text("id"))
        var evidence = ChannelEvidence.unknown
        if let description = item.text("description") {
            let metadata = InterchangeText.marked(description, marker: marker)
            if let channels = metadata["channels"] { evidence = .stated(channels) }
            reply.faq = metadata["faq"]?.first
        }
        return .success(ImportedRecord(reply: reply, channelEvidence: evidence, label: label, notes: notes + converted.notes))
    }

    /// `{"macros": [...]}` as `POST /api/v2/macros/create_many` takes it: the reply as a public comment,
    /// its tags as `current_tags`, and its channels and FAQ entry in the description.
    public static func encode(_ replies: [InterchangeReply], partials: [String: String]) -> ExportOutput {
        var notes: [String] = []
        var macros: [JSONValue] = []
        for reply in replies {
            let converted = InterchangeText.toolText(reply, dialect: dialect, partials: partials)
            notes += converted.notes.map { "\(reply.id ?? reply.title): \($0)" }
            var actions: [JSONValue] = [
                .object([("field", .string("comment_value")), ("value", .string(converted.text))]),
                // Zendesk's "public" means "sent to the requester" (an email, a DM, a public tweet alike).
                .object([("field", .string("comment_mode_is_public")), ("value", .bool(true))]),
            ]
            let tags = reply.tags.map { $0.replacingOccurrences(of: " ", with: "_") }
            if tags != reply.tags { notes.append("\(reply.id ?? reply.title): Zendesk tags cannot hold spaces; written with '_'") }
            if !tags.isEmpty { actions.append(.object([("field", .string("current_tags")), ("value", .string(tags.joined(separator: " ")))])) }
            var description = "\(marker) channels \(reply.channels.joined(separator: ", "))"
            if let faq = reply.faq { description += "; faq \(faq)" }
            macros.append(.object([
                ("title", .string(reply.title)),
                ("active", .bool(true)),
                ("description", .string(description)),
                ("actions", .array(actions)),
            ]))
        }
        return ExportOutput(text: JSONValue.object([("macros", .array(macros))]).serialized(pretty: true) + "\n", notes: notes)
    }
}

func uniqued(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}
