// Reading reply files (front matter + body) and YAML collections of replies, checking every key.

public enum ReplyParser {
    /// Keys a reply's front matter may hold.
    public static let keys = ["id", "title", "faq", "channels", "tags", "locale", "placeholders", "media", "disable"]

    /// Parses one reply file. `defaultID` is the path below `replies/` without extension;
    /// `mediaExists` answers whether a media path, relative to the reply's folder, exists.
    /// Without `parsingBody`, the body is kept as text and not parsed as a template (see `Reply.isBodyParsed`).
    public static func parse(
        _ text: String, file: String, defaultID: String, knownRules: Set<String>,
        mediaExists: (String) -> Bool, limits: Limits = Limits(), parsingBody: Bool = true
    ) -> Reply {
        let split = FrontMatterSplit.split(text)
        let bodyStart = TextPosition(line: split.bodyFirstLine, column: 1)
        let tooLong = overExpansion(split.body, limits: limits, at: bodyStart)
        let body = tooLong == nil ? split.body : ""
        // Built as plain fields and boxed once (see Reply.Fields).
        var reply = parsingBody
            ? Reply.Fields(id: defaultID, file: file, body: body, bodyStart: bodyStart)
            : Reply.Fields(id: defaultID, file: file, body: body, template: ParsedTemplate(nodes: []), prose: "", bodyStart: bodyStart)
        reply.isBodyParsed = parsingBody
        if let tooLong { reply.problems.append(tooLong) }
        if split.unclosed {
            reply.problems.append(FrontMatterProblem(
                kind: .syntax, message: "front matter opened with '---' on line 1 is never closed; add a '---' line after it",
                position: TextPosition(line: 1, column: 1)))
            return Reply(fields: reply)
        }
        guard let yaml = split.yaml else { return Reply(fields: reply) }
        let root: YAMLValue?
        do {
            root = try YAMLDocument.parse(yaml, lineOffset: split.yamlFirstLine - 1, maxExpandedSize: limits.fileSize)
        } catch {
            reply.problems.append(error.isLimit
                ? FrontMatterProblem(kind: .limit, message: "the front matter is not read: " + error.message, position: error.position)
                : FrontMatterProblem(kind: .syntax, message: error.message + "; fix the YAML between the '---' lines", position: error.position))
            return Reply(fields: reply)
        }
        guard let root, !root.isNull else { return Reply(fields: reply) }
        guard let entries = root.mapping else {
            reply.problems.append(FrontMatterProblem(
                kind: .syntax, message: "front matter must be a mapping of keys (title, faq, channels, …), found \(root.typeName)",
                position: root.position))
            return Reply(fields: reply)
        }
        apply(entries, to: &reply, allowedKeys: keys, knownRules: knownRules, mediaExists: mediaExists, limits: limits)
        return Reply(fields: reply)
    }

    /// A body longer than `limits.expansion` can never be rendered (its text alone is past the limit), and
    /// checking it would cost the rules time and memory in proportion: it is reported, and not checked.
    static func overExpansion(_ body: String, limits: Limits, at position: TextPosition) -> FrontMatterProblem? {
        // A body has no more scalars than UTF-8 bytes: most are counted by their length alone.
        guard body.utf8.count > limits.expansion else { return nil }
        let length = body.unicodeScalars.count
        guard length > limits.expansion else { return nil }
        return FrontMatterProblem(
            kind: .limit,
            message: "this reply's text is \(Limits.grouped(length)) characters, more than \(limits.describe("expansion")): it is not checked, and render refuses it; split it into shorter replies",
            position: position)
    }

    /// Parses a YAML file holding `replies: [{id, title, faq, channels, body, …}]`.
    /// Returns the replies, or a syntax problem for the whole file.
    public static func parseCollection(
        _ text: String, file: String, idPrefix: String, knownRules: Set<String>,
        mediaExists: (String) -> Bool, limits: Limits = Limits()
    ) -> Result<[Reply], FrontMatterProblem> {
        let root: YAMLValue?
        do {
            root = try YAMLDocument.parse(text, lineOffset: 0, maxExpandedSize: limits.fileSize)
        } catch {
            return .failure(error.isLimit
                ? FrontMatterProblem(kind: .limit, message: "this file is not read: " + error.message, position: error.position)
                : FrontMatterProblem(kind: .syntax, message: error.message, position: error.position))
        }
        guard let entries = root?.mapping else {
            return .failure(FrontMatterProblem(
                kind: .syntax, message: "a YAML reply file must hold 'replies:', a list of replies with id, title, faq, channels and body",
                position: root?.position ?? TextPosition(line: 1, column: 1)))
        }
        let sourceLines = Lines.split(text)
        var replies: [Reply] = []
        var fileProblems: [FrontMatterProblem] = []
        for (key, keyPosition, value) in entries {
            guard key == "replies" else {
                fileProblems.append(FrontMatterProblem(
                    kind: .schema, message: "unknown key '\(key)'\(Suggestion.hint(for: key, in: ["replies"])); a YAML reply file holds only 'replies:'",
                    position: keyPosition))
                continue
            }
            guard let items = value.sequence else {
                return .failure(FrontMatterProblem(kind: .syntax, message: "'replies' must be a list of replies", position: value.position))
            }
            for (index, item) in items.enumerated() {
                var reply = Reply.Fields(id: "\(idPrefix)#\(index + 1)", file: file, body: "", bodyStart: item.position, position: item.position)
                guard let fields = item.mapping else {
                    reply.problems.append(FrontMatterProblem(
                        kind: .syntax, message: "each item of 'replies' must be a mapping with id, title, faq, channels and body",
                        position: item.position))
                    replies.append(Reply(fields: reply))
                    continue
                }
                if !fields.contains(where: { $0.key == "id" }) {
                    reply.problems.append(FrontMatterProblem(
                        kind: .advice, message: "give this reply an 'id' so agents and suppressions can name it (it is called '\(reply.id)' for now)",
                        position: item.position))
                }
                apply(fields, to: &reply, allowedKeys: keys + ["body"], knownRules: knownRules, mediaExists: mediaExists, limits: limits, sourceLines: sourceLines)
                if !fields.contains(where: { $0.key == "body" }) {
                    reply.problems.append(FrontMatterProblem(kind: .schema, message: "this reply has no 'body'", position: item.position))
                }
                replies.append(Reply(fields: reply))
            }
        }
        if !fileProblems.isEmpty {
            if replies.isEmpty {
                return .failure(fileProblems[0])
            }
            replies[0].problems += fileProblems
        }
        return .success(replies)
    }

    private static func apply(
        _ entries: [(key: String, keyPosition: TextPosition, value: YAMLValue)], to reply: inout Reply.Fields,
        allowedKeys: [String], knownRules: Set<String>, mediaExists: (String) -> Bool, limits: Limits,
        sourceLines: [Substring] = []
    ) {
        func problem(_ message: String, _ position: TextPosition) {
            reply.problems.append(FrontMatterProblem(kind: .schema, message: message, position: position))
        }
        func text(_ value: YAMLValue, _ key: String) -> String? {
            guard let string = value.string, !value.isNull, value.sequence == nil else {
                problem("'\(key)' takes a single text value, found \(value.typeName)", value.position)
                return nil
            }
            return string
        }
        func list(_ value: YAMLValue, _ key: String) -> [Located<String>] {
            guard let items = value.stringList else {
                problem("'\(key)' takes a list, e.g. \(key): [a, b]; found \(value.typeName)", value.position)
                return []
            }
            return items
        }
        for (key, keyPosition, value) in entries {
            switch key {
            case "id":
                if let id = text(value, key) {
                    reply.id = id
                    reply.idPosition = keyPosition
                }
            case "title":
                reply.title = text(value, key)
            case "faq":
                if let faq = text(value, key) { reply.faq = Located(faq, at: value.position) }
            case "channels":
                reply.channels = list(value, key)
            case "tags":
                let tags = list(value, key)
                reply.tags = tags.map(\.value)
                for tag in tags { reply.tagPositions[tag.value] = tag.position }
            case "locale":
                reply.locale = text(value, key)
            case "disable":
                for rule in list(value, key) {
                    if knownRules.contains(rule.value) {
                        reply.disabledRules.insert(rule.value)
                    } else {
                        problem("'disable' names unknown rule '\(rule.value)'\(Suggestion.hint(for: rule.value, in: knownRules)); `replylint rules` lists them", rule.position)
                    }
                }
            case "placeholders":
                guard let declarations = value.mapping else {
                    problem("'placeholders' takes name: {max, required, example, default, fallback, personal} pairs", value.position)
                    continue
                }
                for (name, namePosition, declaration) in declarations {
                    reply.placeholders[name] = PlaceholderDeclaration.parse(name: name, declaration, at: namePosition, problems: &reply.problems)
                }
            case "media":
                guard let items = value.sequence else {
                    problem("'media' takes a list of {path, alt}", value.position)
                    continue
                }
                for item in items {
                    if let path = item.string, !item.isNull {
                        reply.media.append(MediaAttachment(path: path, alt: nil, exists: mediaExists(path), position: item.position))
                        continue
                    }
                    guard let fields = item.mapping else {
                        problem("each media item takes {path, alt}", item.position)
                        continue
                    }
                    var path: String?
                    var alt: String?
                    for (field, fieldPosition, fieldValue) in fields {
                        switch field {
                        case "path": path = text(fieldValue, "media.path")
                        case "alt": alt = text(fieldValue, "media.alt")
                        default: problem("unknown media key '\(field)'\(Suggestion.hint(for: field, in: ["path", "alt"])); media items take path and alt", fieldPosition)
                        }
                    }
                    guard let path else {
                        problem("this media item has no 'path'", item.position)
                        continue
                    }
                    reply.media.append(MediaAttachment(path: path, alt: alt, exists: mediaExists(path), position: item.position))
                }
            case "body" where allowedKeys.contains("body"):
                guard let body = text(value, key) else { continue }
                setBody(body, from: value, on: &reply, sourceLines: sourceLines)
                if let tooLong = overExpansion(reply.body, limits: limits, at: reply.bodyStart) {
                    reply.problems.append(tooLong)
                    reply.setBody("")
                }
            default:
                reply.problems.append(FrontMatterProblem(
                    kind: .schema,
                    message: "unknown front-matter key '\(key)'\(Suggestion.hint(for: key, in: allowedKeys)); known keys: \(allowedKeys.joined(separator: ", "))",
                    position: keyPosition, suggestedKey: Suggestion.closest(to: key, in: allowedKeys)))
            }
        }
    }

    /// A collection item's body: a block scalar's text starts on the next line, indented.
    private static func setBody(_ body: String, from value: YAMLValue, on reply: inout Reply.Fields, sourceLines: [Substring]) {
        let (trimmed, skipped) = Lines.trimmingBlankLines(Lines.split(body)[...])
        reply.setBody(trimmed)
        if value.scalarStyle == .literal || value.scalarStyle == .folded {
            // Yams marks the `|`; the text begins on the following line at the block's indentation.
            let firstLine = value.position.line + 1 + skipped
            let indent = sourceLines.indices.contains(firstLine - 1)
                ? sourceLines[firstLine - 1].prefix(while: { $0 == " " }).count : 0
            reply.bodyIndent = indent
            reply.bodyStart = TextPosition(line: firstLine, column: indent + 1)
        } else {
            let quoted = (value.scalarStyle ?? .plain) != .plain
            reply.bodyStart = TextPosition(line: value.position.line, column: value.position.column + (quoted ? 1 : 0))
            reply.bodyIndent = 0
        }
    }
}

extension PlaceholderDeclaration {
    static let keys = ["max", "required", "example", "default", "fallback", "personal"]

    static func parse(name: String, _ value: YAMLValue, at position: TextPosition, problems: inout [FrontMatterProblem]) -> PlaceholderDeclaration {
        var declaration = PlaceholderDeclaration(name: name, position: position)
        if value.isNull { return declaration }
        guard let fields = value.mapping else {
            problems.append(FrontMatterProblem(kind: .schema, message: "placeholder '\(name)' takes {max, required, example, default, fallback, personal}", position: value.position))
            return declaration
        }
        for (key, keyPosition, field) in fields {
            func typeProblem(_ expected: String) {
                problems.append(FrontMatterProblem(kind: .schema, message: "'\(name).\(key)' takes \(expected)", position: field.position))
            }
            switch key {
            case "max":
                if let max = field.int, max >= 0 { declaration.max = max } else { typeProblem("a whole number of characters") }
            case "required":
                if let flag = field.bool { declaration.required = flag } else { typeProblem("true or false") }
            case "personal":
                if let flag = field.bool { declaration.personal = flag } else { typeProblem("true or false") }
            case "example":
                if let text = field.string, !field.isNull { declaration.example = text } else { typeProblem("text") }
            case "default":
                if let text = field.string, !field.isNull { declaration.defaultValue = text } else { typeProblem("text") }
                if let text = declaration.defaultValue, let problem = printedValueProblem(text) {
                    problems.append(FrontMatterProblem(kind: .schema, message: "'\(name).default' \(problem)", position: field.position))
                    declaration.defaultValue = nil
                }
            case "fallback":
                // An empty fallback is written `fallback: ""`, or `fallback:` with nothing; both are reported by
                // placeholder-fallback-empty rather than refused here.
                declaration.fallback = field.isNull ? "" : (field.string ?? "")
                declaration.fallbackPosition = field.position
                if field.string == nil && !field.isNull { typeProblem("text") }
                // Blank fallbacks are placeholder-fallback-empty's; braces and control characters are refused here.
                if let text = declaration.fallback, !text.allSatisfy(\.isWhitespace), let problem = printedValueProblem(text) {
                    problems.append(FrontMatterProblem(kind: .schema, message: "'\(name).fallback' \(problem)", position: field.position))
                    declaration.fallback = nil
                }
            default:
                problems.append(FrontMatterProblem(
                    kind: .schema, message: "unknown key '\(key)' for placeholder '\(name)'\(Suggestion.hint(for: key, in: keys)); placeholders take \(keys.joined(separator: ", "))",
                    position: keyPosition))
            }
        }
        return declaration
    }
}

extension PlaceholderDeclaration {
    /// Why a value written in a library (a default, a fallback) could never be rendered, if it could not:
    /// render refuses `{{` left in the text and values with line breaks or control characters.
    static func printedValueProblem(_ text: String) -> String? {
        if text.unicodeScalars.contains(where: TemplateValue.isControlCharacter) { return "holds a line break or a control character; a value is one line of text" }
        if text.containsBytes("{{") || text.containsBytes("}}") { return "holds '{{' or '}}', which render would leave in the text; write the value itself" }
        return nil
    }
}

extension Reply {
    /// A reply with `body` parsed as a template and masked for the privacy and tone rules.
    public init(
        id: String, file: String, title: String? = nil, faq: Located<String>? = nil,
        channels: [Located<String>] = [], tags: [String] = [], locale: String? = nil,
        placeholders: [String: PlaceholderDeclaration] = [:], media: [MediaAttachment] = [],
        disabledRules: Set<String> = [], body: String, bodyStart: TextPosition = TextPosition(line: 1, column: 1),
        bodyIndent: Int = 0, position: TextPosition = TextPosition(line: 1, column: 1),
        problems: [FrontMatterProblem] = []
    ) {
        self.init(fields: Fields(
            id: id, file: file, title: title, faq: faq, channels: channels, tags: tags, locale: locale,
            placeholders: placeholders, media: media, disabledRules: disabledRules, body: body,
            bodyStart: bodyStart, bodyIndent: bodyIndent, position: position, problems: problems))
    }
}

extension Reply.Fields {
    /// A reply's fields with `body` parsed as a template and masked for the privacy and tone rules.
    init(
        id: String, file: String, title: String? = nil, faq: Located<String>? = nil,
        channels: [Located<String>] = [], tags: [String] = [], locale: String? = nil,
        placeholders: [String: PlaceholderDeclaration] = [:], media: [MediaAttachment] = [],
        disabledRules: Set<String> = [], body: String, bodyStart: TextPosition = TextPosition(line: 1, column: 1),
        bodyIndent: Int = 0, position: TextPosition = TextPosition(line: 1, column: 1),
        problems: [FrontMatterProblem] = []
    ) {
        self.init(
            id: id, file: file, title: title, faq: faq, channels: channels, tags: tags, locale: locale,
            placeholders: placeholders, media: media, disabledRules: disabledRules, body: body,
            template: ParsedTemplate(parsing: body), prose: TemplateMasking.blankTags(in: body, keepingDMLink: true),
            bodyStart: bodyStart, bodyIndent: bodyIndent, position: position, problems: problems)
    }

    /// Replaces the body, parsing and masking it again.
    mutating func setBody(_ body: String) {
        self.body = body
        template = ParsedTemplate(parsing: body)
        prose = TemplateMasking.blankTags(in: body, keepingDMLink: true)
    }
}

extension Partial {
    /// A partial with its text parsed once, for the rules and the worst-case walk.
    public init(name: String, file: String, text: String) {
        self.init(name: name, file: file, text: text, template: ParsedTemplate(parsing: text))
    }
}
