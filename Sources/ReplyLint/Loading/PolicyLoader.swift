// Turning a policy file (Markdown with optional front matter, or HTML) into a PolicyDocument.

public enum PolicyLoader {
    static let frontMatterKeys = ["kind", "title"]

    /// Parses `text`; problems with its front matter are appended to `problems`.
    public static func parse(_ text: String, file: String, problems: inout [FileProblem]) -> PolicyDocument {
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        let lowerName = fileName.lowercased()
        if lowerName.hasSuffix(".html") || lowerName.hasSuffix(".htm") {
            let content = HTMLPolicyParser.parse(text)
            let kind = declaredKind(content.declaredKind, file: file, position: nil, problems: &problems) ?? kindFromName(fileName)
            return PolicyDocument(
                file: file, format: .html, kind: kind, title: content.title,
                sections: content.sections, links: content.links, anchors: content.anchors)
        }
        let split = FrontMatterSplit.split(text)
        var kind: PolicyKind?
        var title: String?
        if split.unclosed {
            problems.append(FileProblem(
                kind: .frontMatter(.syntax), file: file,
                message: "front matter opened with '---' on line 1 is never closed; add a '---' line after it",
                position: TextPosition(line: 1, column: 1)))
        } else if let yaml = split.yaml {
            do {
                if let root = try YAMLDocument.parse(yaml, lineOffset: split.yamlFirstLine - 1), !root.isNull {
                    if let entries = root.mapping {
                        for (key, keyPosition, value) in entries {
                            switch key {
                            case "kind":
                                kind = declaredKind(value.string, file: file, position: value.position, problems: &problems)
                            case "title":
                                title = value.string
                            default:
                                problems.append(FileProblem(
                                    kind: .frontMatter(.schema), file: file,
                                    message: "unknown front-matter key '\(key)'\(Suggestion.hint(for: key, in: frontMatterKeys)); a policy takes kind and title",
                                    position: keyPosition))
                            }
                        }
                    } else {
                        problems.append(FileProblem(
                            kind: .frontMatter(.syntax), file: file,
                            message: "front matter must be a mapping (kind, title), found \(root.typeName)", position: root.position))
                    }
                }
            } catch {
                problems.append(FileProblem(kind: .frontMatter(.syntax), file: file, message: error.message, position: error.position))
            }
        }
        // The whole text after the front matter is the document, blank lines included, so lines stay true.
        let body = split.yaml == nil ? Substring(text) : bodyAfterFrontMatter(text)
        let firstLine = split.yaml == nil ? 1 : (text.prefix(upTo: body.startIndex).filter { $0 == "\n" }.count + 1)
        let content = MarkdownPolicyParser.parse(body, firstLine: firstLine)
        return PolicyDocument(
            file: file, format: .markdown, kind: kind ?? kindFromName(fileName), title: title ?? content.title,
            sections: content.sections, links: content.links, anchors: content.anchors)
    }

    /// The kind a file name implies: `faq…` is an FAQ, `moderation…` or `comment-policy…` a moderation policy.
    public static func kindFromName(_ fileName: String) -> PolicyKind {
        let stem = fileName.split(separator: ".").first.map { String($0).slug } ?? ""
        if stem == "faq" || stem.hasPrefix("faq-") || stem.hasSuffix("-faq") || stem == "faqs" { return .faq }
        if stem.contains("moderation") || stem.contains("comment-policy") { return .moderation }
        return .other
    }

    private static func declaredKind(_ value: String?, file: String, position: TextPosition?, problems: inout [FileProblem]) -> PolicyKind? {
        guard let value else { return nil }
        let slug = value.slug
        if slug == "comment-policy" { return .moderation }
        if let kind = PolicyKind(rawValue: slug) { return kind }
        problems.append(FileProblem(
            kind: .frontMatter(.schema), file: file,
            message: "unknown policy kind '\(value)'; use faq, moderation or other", position: position))
        return nil
    }

    private static func bodyAfterFrontMatter(_ text: String) -> Substring {
        // Skip the opening fence line, then up to and including the closing fence line.
        var lines = Lines.split(text)[...]
        _ = lines.popFirst()
        while let line = lines.popFirst() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast().trimmingTrailingSpaces : line.trimmingTrailingSpaces
            if trimmed == "---" || trimmed == "..." { break }
        }
        guard let first = lines.first else { return text[text.endIndex...] }
        return text[first.startIndex...]
    }
}
