// Replies one agent keeps by hand, and ReplyLint's own exchange files: JSON, CSV and Markdown.
// Bodies are Mustache (Liquid-style `{{ x | default: "y" }}` and `{% if %}` are read too); the
// export writes every field ReplyLint knows, so an export imported again gives the same replies.

public enum GenericReplies {
    /// No tool's names to map: the names are taken as they are written.
    public static let dialect = PlaceholderDialect(tool: "this file", syntax: .mustache, imports: [:])

    static let titleKeys = ["title", "name", "subject", "short_code", "shortcut"]
    static let bodyKeys = ["body", "content", "text", "message", "reply", "response"]

    // MARK: JSON

    public static func decodeJSON(_ text: String) throws(InterchangeError) -> ImportBatch {
        let root = try SourceJSON.parse(text, format: .json)
        // {"Title": "body", …}: every value a text.
        if case .object(let members) = root, !members.isEmpty, members.values.allSatisfy({ if case .string = $0 { true } else { false } }) {
            var batch = ImportBatch()
            for key in members.keys.sorted() {
                guard case .string(let body)? = members[key] else { continue }
                batch.add(record(title: key, body: body, fields: .object([:]), label: "reply '\(key)'"))
            }
            return batch
        }
        let items = try SourceJSON.records(in: root, keys: ["replies", "data", "items"], format: .json)
        var batch = ImportBatch()
        for (index, item) in items.enumerated() {
            let title = titleKeys.lazy.compactMap { item.text($0) }.first
            let label = "reply #\(index + 1)" + (title.map { " '\($0)'" } ?? "")
            guard item.isObject else {
                batch.skipped.append(SkippedRecord(label: label, reason: "not an object with a title and a body"))
                continue
            }
            guard let title, !title.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no title (\(titleKeys.joined(separator: ", ")))"))
                continue
            }
            guard let body = bodyKeys.lazy.compactMap({ item.text($0) }).first else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no body (\(bodyKeys.joined(separator: ", ")))"))
                continue
            }
            batch.add(record(title: title, body: body, fields: item, label: label))
        }
        return batch
    }

    /// One record from a title, a body and the optional fields (channels, tags, faq, folder, placeholders, usage).
    static func record(title: String, body: String, fields: TemplateValue, label: String) -> Result<ImportedRecord, SkippedRecord> {
        guard !body.allSatisfy(\.isWhitespace) else { return .failure(SkippedRecord(label: label, reason: "has an empty body")) }
        let converted = InterchangeText.body(from: body, html: InterchangeText.looksLikeHTML(body), dialect: dialect)
        var placeholders = converted.placeholders
        var notes = converted.notes
        // Declared fallbacks: {"name": {"fallback": "x"}} or {"name": "x"}.
        if case .object(let declared)? = fields["placeholders"] ?? fields["fallbacks"] {
            for name in declared.keys.sorted() {
                let fallback: String?
                switch declared[name] {
                case .string(let value)?: fallback = value
                case .object? : fallback = declared[name]?.text("fallback")
                default: fallback = nil
                }
                if let index = placeholders.firstIndex(where: { $0.name == name }) {
                    if let fallback { placeholders[index].fallback = fallback }
                } else if fallback != nil {
                    notes.append("declares a fallback for '\(name)', which the body does not use; left out")
                }
            }
        }
        var reply = InterchangeReply(
            title: title, body: converted.body,
            folders: (fields.text("folder") ?? "").split(separator: "/").map { $0.stripping(" ") }.filter { !$0.isEmpty },
            tags: fields.texts("tags") ?? [], placeholders: placeholders,
            faq: fields.text("faq"), usage: fields.integer("usage") ?? fields.integer("count") ?? fields.integer("uses"),
            id: fields.text("id"))
        let channels = fields.texts("channels") ?? []
        reply.channels = channels
        return .success(ImportedRecord(reply: reply, channelEvidence: channels.isEmpty ? .unknown : .stated(channels), label: label, notes: notes))
    }

    public static func encodeJSON(_ replies: [InterchangeReply]) -> ExportOutput {
        let items: [JSONValue] = replies.map { reply in
            var fields: [(String, JSONValue)] = [("title", .string(reply.title)), ("body", .string(reply.body))]
            if let id = reply.id { fields.insert(("id", .string(id)), at: 0) }
            fields.append(("channels", .array(reply.channels.map(JSONValue.string))))
            fields.append(("tags", .array(reply.tags.map(JSONValue.string))))
            if let faq = reply.faq { fields.append(("faq", .string(faq))) }
            if !reply.folders.isEmpty { fields.append(("folder", .string(reply.folders.joined(separator: "/")))) }
            let declared = reply.placeholders.filter { $0.fallback != nil }
            if !declared.isEmpty {
                fields.append(("placeholders", .object(declared.map { ($0.name, .object([("fallback", .string($0.fallback ?? ""))])) })))
            }
            return .object(fields)
        }
        return ExportOutput(text: JSONValue.object([("replies", .array(items))]).serialized(pretty: true) + "\n", notes: [])
    }

    // MARK: CSV

    public static func decodeCSV(_ text: String) throws(InterchangeError) -> ImportBatch {
        let table: CSVTable
        do {
            table = try CSVTable.parse(text)
        } catch {
            throw InterchangeError("not valid CSV (\(error.reason)); expected \(InterchangeFormat.csv.expectedShape)", line: error.line, column: error.column)
        }
        guard let titleColumn = table.column(titleKeys), let bodyColumn = table.column(bodyKeys) else {
            let found = table.header.isEmpty ? "an empty file" : "columns " + table.header.joined(separator: ", ")
            throw InterchangeError("this CSV has \(found); expected \(InterchangeFormat.csv.expectedShape)", line: 1, column: 1)
        }
        var batch = ImportBatch()
        for (line, row) in table.rows {
            func field(_ keys: [String]) -> String? {
                guard let column = table.column(keys), column < row.count else { return nil }
                let value = row[column].stripping(" \t")
                return value.isEmpty ? nil : row[column]
            }
            let title = titleColumn < row.count ? row[titleColumn].stripping(" \t") : ""
            let label = "row on line \(line)" + (title.isEmpty ? "" : " '\(title)'")
            guard row.count == table.header.count else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has \(row.count) fields where the header has \(table.header.count)"))
                continue
            }
            guard !title.isEmpty else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no title"))
                continue
            }
            var fields: [String: TemplateValue] = [:]
            for key in ["channels", "tags", "faq", "folder", "id", "usage", "count"] {
                if let value = field([key]) { fields[key] = .string(value) }
            }
            if let fallbacks = field(["placeholders", "fallbacks"]) {
                guard case .object(let declared)? = try? TemplateValue.parseJSON(Array(fallbacks.utf8)) else {
                    batch.skipped.append(SkippedRecord(label: label, reason: "its fallbacks column is not a JSON object such as {\"customer.first_name\": \"there\"}"))
                    continue
                }
                fields["placeholders"] = .object(declared)
            }
            batch.add(record(title: title, body: row[bodyColumn], fields: .object(fields), label: label))
        }
        return batch
    }

    public static func encodeCSV(_ replies: [InterchangeReply]) -> ExportOutput {
        var rows = [["id", "title", "body", "channels", "tags", "faq", "folder", "fallbacks"]]
        for reply in replies {
            let declared = reply.placeholders.filter { $0.fallback != nil }
            let fallbacks = declared.isEmpty ? "" : JSONValue.object(declared.map { ($0.name, .string($0.fallback ?? "")) }).serialized()
            rows.append([
                reply.id ?? "", reply.title, reply.body, reply.channels.joined(separator: ", "), reply.tags.joined(separator: ", "),
                reply.faq ?? "", reply.folders.joined(separator: "/"), fallbacks,
            ])
        }
        return ExportOutput(text: CSVTable.write(rows), notes: [])
    }

    // MARK: Markdown

    /// The metadata comment an export writes under each heading.
    static let commentPrefix = "<!-- replylint:"

    public static func decodeMarkdown(_ text: String) throws(InterchangeError) -> ImportBatch {
        let lines = Lines.split(text)
        struct Section { var level: Int; var title: String; var line: Int; var body: [Substring] = [] }
        var sections: [Section] = []
        var fence: Substring?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) && trimmed.stripping(" ").allSatisfy({ $0 == open.first }) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
            } else if let match = line.wholeMatch(of: #/(#{1,6})\s+(.*?)\s*#*\s*/#) {
                sections.append(Section(level: match.output.1.count, title: String(match.output.2), line: index + 1))
                continue
            }
            if !sections.isEmpty { sections[sections.count - 1].body.append(line) }
        }
        guard !sections.isEmpty else {
            throw InterchangeError("this Markdown has no headings; expected \(InterchangeFormat.markdown.expectedShape)", line: 1, column: 1)
        }
        // Replies sit at the deepest heading level that has text under it; the headings above are the page's.
        let withText = sections.filter { $0.body.contains { !$0.allSatisfy(\.isWhitespace) } }
        let level = withText.map(\.level).max() ?? sections[0].level
        let anyFenced = sections.contains { $0.level == level && $0.body.contains { $0.drop { $0 == " " }.hasPrefix("```") || $0.drop { $0 == " " }.hasPrefix("~~~") } }
        var batch = ImportBatch()
        for section in sections {
            let label = "heading '\(section.title)' (line \(section.line))"
            guard section.level == level else {
                if section.body.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
                    batch.skipped.append(SkippedRecord(label: label, reason: "text under a level-\(section.level) heading; the replies are under level-\(level) headings"))
                }
                continue
            }
            var lines = section.body[...]
            var fields = TemplateValue.object([:])
            if let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }), lines[first].stripping(" ").hasPrefix(commentPrefix) {
                let comment = lines[first].stripping(" ")
                let json = comment.dropFirst(commentPrefix.count).dropLast(comment.hasSuffix("-->") ? 3 : 0)
                if let value = try? TemplateValue.parseJSON(Array(json.utf8)) { fields = value }
                lines = lines[(first + 1)...]
            }
            var body: String
            if let open = lines.firstIndex(where: { $0.drop { $0 == " " }.hasPrefix("```") || $0.drop { $0 == " " }.hasPrefix("~~~") }) {
                let marker = lines[open].drop { $0 == " " }.prefix { $0 == "`" || $0 == "~" }
                let close = lines[(open + 1)...].firstIndex { $0.stripping(" ").hasPrefix(marker) && $0.stripping(" ").allSatisfy { $0 == marker.first } } ?? lines.endIndex
                body = lines[(open + 1)..<close].joined(separator: "\n")
            } else if anyFenced {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no fenced block, while the other replies in this file are fenced"))
                continue
            } else {
                body = lines.joined(separator: "\n")
            }
            body = Lines.trimmingBlankLines(body)
            batch.add(record(title: section.title, body: body, fields: fields, label: label))
        }
        return batch
    }

    public static func encodeMarkdown(_ replies: [InterchangeReply]) -> ExportOutput {
        var output = "# Saved replies\n"
        for reply in replies {
            var fields: [(String, JSONValue)] = []
            if let id = reply.id { fields.append(("id", .string(id))) }
            fields.append(("channels", .array(reply.channels.map(JSONValue.string))))
            if !reply.tags.isEmpty { fields.append(("tags", .array(reply.tags.map(JSONValue.string)))) }
            if let faq = reply.faq { fields.append(("faq", .string(faq))) }
            if !reply.folders.isEmpty { fields.append(("folder", .string(reply.folders.joined(separator: "/")))) }
            let declared = reply.placeholders.filter { $0.fallback != nil }
            if !declared.isEmpty {
                fields.append(("placeholders", .object(declared.map { ($0.name, .object([("fallback", .string($0.fallback ?? ""))])) })))
            }
            // A fence longer than any run of backticks in the body.
            var longest = 0
            var run = 0
            for character in reply.body { run = character == "`" ? run + 1 : 0; longest = max(longest, run) }
            let fence = String(repeating: "`", count: max(3, longest + 1))
            let title = reply.title.replacingOccurrences(of: "\n", with: " ")
            output += "\n## \(title)\n\(commentPrefix) \(JSONValue.object(fields).serialized().replacingOccurrences(of: "--", with: "-\\u002d")) -->\n\n\(fence)\n\(reply.body)\n\(fence)\n"
        }
        return ExportOutput(text: output, notes: [])
    }
}

extension ImportBatch {
    mutating func add(_ result: Result<ImportedRecord, SkippedRecord>) {
        switch result {
        case .success(let record): records.append(record)
        case .failure(let skipped): self.skipped.append(skipped)
        }
    }
}
