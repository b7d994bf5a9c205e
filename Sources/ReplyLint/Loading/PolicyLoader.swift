// Turning a policy file (Markdown or plain text with optional front matter, HTML, or a Word .docx) into a PolicyDocument.

import Foundation

public enum PolicyLoader {
    static let frontMatterKeys = ["kind", "title", "legal", "locale"]

    /// Reads a `.docx`; returns the document and the text findings quote (one paragraph per line), or
    /// nil with a problem appended when the file cannot be read. `limit` is limits.file-size: a member
    /// of the archive may unpack to eight times that (XML is wordy), and no more than
    /// `DocxPolicyParser.maxDocumentBytes` — a 1 MB ZIP can otherwise unpack to gigabytes.
    public static func parseDocx(_ data: Data, file: String, limit: Int = Limits().fileSize, problems: inout [FileProblem]) -> (PolicyDocument, String)? {
        let (product, overflow) = limit.multipliedReportingOverflow(by: 8)
        switch DocxPolicyParser.parse(data, maxBytes: overflow ? DocxPolicyParser.maxDocumentBytes : min(product, DocxPolicyParser.maxDocumentBytes)) {
        case .failure(let failure):
            problems.append(FileProblem(kind: failure.isLimit ? .limit : .unreadable, file: file, message: failure.message))
            return nil
        case .success(let parsed):
            let fileName = file.split(separator: "/").last.map(String.init) ?? file
            var kind = kindFromName(fileName)
            if let category = parsed.category, let declared = PolicyKind(rawValue: category.slug == "comment-policy" ? "moderation" : category.slug) {
                kind = declared
            }
            let content = parsed.content
            return (PolicyDocument(
                file: file, format: .docx, kind: kind, title: content.title,
                sections: content.sections, links: content.links, anchors: content.anchors), parsed.text)
        }
    }

    /// Parses `text`; problems with its front matter are appended to `problems`.
    public static func parse(_ text: String, file: String, problems: inout [FileProblem]) -> PolicyDocument {
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        let lowerName = fileName.lowercased()
        if lowerName.hasSuffix(".html") || lowerName.hasSuffix(".htm") {
            let content = HTMLPolicyParser.parse(text)
            let kind = declaredKind(content.declaredKind, file: file, position: nil, problems: &problems) ?? kindFromName(fileName)
            return PolicyDocument(
                file: file, format: .html, kind: kind, title: content.title,
                sections: content.sections, links: content.links, anchors: content.anchors, locale: content.declaredLocale)
        }
        let split = FrontMatterSplit.split(text)
        var kind: PolicyKind?
        var title: String?
        var locale: String?
        var legal: [Located<String>] = []
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
                            case "locale":
                                if let tag = value.string, !value.isNull, !tag.trimmingWhitespace.isEmpty {
                                    locale = tag
                                } else {
                                    problems.append(FileProblem(
                                        kind: .frontMatter(.schema), file: file,
                                        message: "locale: takes a language tag such as es-MX, found \(value.typeName)",
                                        position: value.position))
                                }
                            case "legal":
                                if let ids = value.stringList {
                                    legal = ids
                                } else {
                                    problems.append(FileProblem(
                                        kind: .frontMatter(.schema), file: file,
                                        message: "legal: takes a list of section ids (e.g. [disclaimer, terms]), found \(value.typeName)",
                                        position: value.position))
                                }
                            default:
                                problems.append(FileProblem(
                                    kind: .frontMatter(.schema), file: file,
                                    message: "unknown front-matter key '\(key)'\(Suggestion.hint(for: key, in: frontMatterKeys)); a policy takes kind, title, legal and locale",
                                    position: keyPosition))
                            }
                        }
                    } else {
                        problems.append(FileProblem(
                            kind: .frontMatter(.syntax), file: file,
                            message: "front matter must be a mapping (kind, title, legal, locale), found \(root.typeName)", position: root.position))
                    }
                }
            } catch {
                problems.append(FileProblem(kind: .frontMatter(.syntax), file: file, message: error.message, position: error.position))
            }
        }
        // The whole text after the front matter is the document, blank lines included, so lines stay true.
        let body = split.yaml == nil ? Substring(text) : bodyAfterFrontMatter(text)
        let firstLine = split.yaml == nil ? 1 : (text.prefix(upTo: body.startIndex).filter { $0 == "\n" }.count + 1)
        let isText = lowerName.hasSuffix(".txt")
        let content = isText ? TextPolicyParser.parse(body, firstLine: firstLine) : MarkdownPolicyParser.parse(body, firstLine: firstLine)
        var sections = content.sections
        // `legal: [disclaimer]` marks those sections as legal text, as `{.legal}` on their headings would.
        for id in legal {
            guard let index = sections.firstIndex(where: { $0.level > 0 && $0.id == id.value }) else {
                problems.append(FileProblem(
                    kind: .frontMatter(.schema), file: file,
                    message: "legal: names '\(id.value)', but no heading has that id\(Suggestion.hint(for: id.value, in: sections.filter { $0.level > 0 }.map(\.id))); use a section's id (its slug, or {#id})",
                    position: id.position))
                continue
            }
            if !sections[index].isLegal { sections[index].classes.append("legal") }
        }
        return PolicyDocument(
            file: file, format: isText ? .text : .markdown, kind: kind ?? kindFromName(fileName), title: title ?? content.title,
            sections: sections, links: content.links, anchors: content.anchors, locale: locale)
    }

    /// The kind a file name implies: `faq…` is an FAQ, `moderation…` or `comment-policy…` a moderation policy.
    /// The kind of a Markdown or plain-text policy from its front matter's `kind:` or its name, without
    /// reading the rest; nil when that takes the whole parse (HTML, or front matter that does not read).
    static func quickKind(_ text: String, file: String) -> PolicyKind? {
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        let lowerName = fileName.lowercased()
        if lowerName.hasSuffix(".html") || lowerName.hasSuffix(".htm") { return nil }
        let split = FrontMatterSplit.split(text)
        if split.unclosed { return nil }
        guard let yaml = split.yaml else { return kindFromName(fileName) }
        guard let root = try? YAMLDocument.parse(yaml, lineOffset: split.yamlFirstLine - 1) else { return nil }
        if root.isNull { return kindFromName(fileName) }
        guard let entries = root.mapping else { return nil }
        guard let declared = entries.first(where: { $0.key == "kind" })?.value.string else { return kindFromName(fileName) }
        var ignored: [FileProblem] = []
        return declaredKind(declared, file: file, position: nil, problems: &ignored)
    }

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
