// GitHub saved replies kept in a repository's `.github/replies.yml` (`replies: [{name, body}]`, the
// format of the refined-saved-replies extension, rendered there with Mustache) to replies and back.
// https://github.com/JoshuaKGoldberg/refined-saved-replies

public enum GitHubReplies {
    /// The extension renders with the REST JSON; `author` (added by the extension) is the customer's handle.
    public static let dialect = PlaceholderDialect(
        tool: "GitHub", syntax: .mustache,
        imports: ["author": "customer.handle", "user.login": "customer.handle"],
        exports: ["customer.handle": "author"])

    public static func decode(_ text: String) throws(InterchangeError) -> ImportBatch {
        let root: YAMLValue?
        do {
            root = try YAMLDocument.parse(text, lineOffset: 0)
        } catch {
            throw InterchangeError("not valid YAML (\(error.message)); expected \(InterchangeFormat.github.expectedShape)", line: error.position.line, column: error.position.column)
        }
        guard let entries = root?.mapping, let replies = entries.first(where: { $0.key == "replies" }) else {
            throw InterchangeError("this is not a .github/replies.yml: expected \(InterchangeFormat.github.expectedShape)", line: root?.position.line ?? 1, column: root?.position.column ?? 1)
        }
        guard let items = replies.value.sequence else {
            throw InterchangeError("'replies' must be a list of {name, body}", line: replies.value.position.line, column: replies.value.position.column)
        }
        var batch = ImportBatch()
        for (index, item) in items.enumerated() {
            let fields = item.mapping ?? []
            let name = fields.first { $0.key == "name" }?.value.string
            let label = "reply #\(index + 1) " + (name.map { "'\($0)'" } ?? "(unnamed)") + " (line \(item.position.line))"
            guard let name, !name.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no name"))
                continue
            }
            guard let body = fields.first(where: { $0.key == "body" })?.value.string, !body.allSatisfy(\.isWhitespace) else {
                batch.skipped.append(SkippedRecord(label: label, reason: "has no body"))
                continue
            }
            let converted = InterchangeText.body(from: body, html: false, dialect: dialect)
            let reply = InterchangeReply(title: name, body: converted.body, placeholders: converted.placeholders)
            // Issue and pull-request comments are public.
            batch.records.append(ImportedRecord(reply: reply, channelEvidence: .visibility(.public), label: label, notes: converted.notes))
        }
        return batch
    }

    public static func encode(_ replies: [InterchangeReply], partials: [String: String]) -> ExportOutput {
        var notes: [String] = []
        var output = "replies:\n"
        for reply in replies {
            let converted = InterchangeText.toolText(reply, dialect: dialect, partials: partials)
            let name = reply.id ?? reply.title
            notes += converted.notes.map { "\(name): \($0)" }
            if !reply.channels.isEmpty || !reply.tags.isEmpty || reply.faq != nil {
                notes.append("\(name): .github/replies.yml holds only a name and a body; channels, tags and FAQ entry left out")
            }
            output += "  - name: \(YAMLText.quoted(reply.title))\n"
            output += "    body: " + YAMLText.block(converted.text, indent: 6) + "\n"
        }
        return ExportOutput(text: output, notes: notes)
    }
}

/// Writing YAML scalars by hand, the way a person would, so the files stay readable.
enum YAMLText {
    /// A double-quoted scalar (JSON's escapes are YAML's).
    static func quoted(_ text: String) -> String {
        JSONValue.string(text).serialized()
    }

    /// A literal block (`|`) indented by `indent`, or a quoted scalar when a block cannot hold the text exactly.
    static func block(_ text: String, indent: Int) -> String {
        let lines = Lines.split(text)
        let startsIndented = lines.first?.first == " " || lines.first?.first == "\t"
        let hasTrailingSpace = lines.contains { $0.last == " " || $0.last == "\t" }
        if text.isEmpty || startsIndented || hasTrailingSpace || text.contains("\r") || text.hasSuffix("\n") {
            return quoted(text)
        }
        let padding = String(repeating: " ", count: indent)
        return "|-\n" + lines.map { $0.isEmpty ? "" : padding + $0 }.joined(separator: "\n")
    }
}
