// Placeholders in each tool's dialect and ReplyLint's Mustache, both ways: names mapped to the
// built-ins, fallbacks kept, conditionals converted where Mustache can say the same thing.

/// How one tool writes placeholders, and which of its names mean a ReplyLint built-in.
public struct PlaceholderDialect: Sendable {
    public enum Syntax: Sendable {
        /// Zendesk, Freshdesk: `{{ name }}`, `{{ name | default: "x" }}`, `{% if name %}…{% endif %}`.
        case liquid
        /// Front, Chatwoot, Intercom: `{{name}}`, Intercom's `{{name | fallback: "x"}}`.
        case curly
        /// Help Scout: `{%customer.firstName,fallback=there%}`.
        case helpScout
        /// GitHub's replies.yml and hand-kept files: Mustache itself (sections, comments), plus the forms above.
        case mustache
    }

    public var tool: String
    public var syntax: Syntax
    /// The tool's name → the ReplyLint name.
    public var imports: [String: String]
    /// The ReplyLint name → the tool's name, for export; names missing here are written as they are.
    public var exports: [String: String]

    public init(tool: String, syntax: Syntax, imports: [String: String], exports: [String: String] = [:]) {
        self.tool = tool
        self.syntax = syntax
        self.imports = imports
        // By default the first tool name listed for a ReplyLint name is the one written back.
        self.exports = exports
    }

    /// A tool text converted to a ReplyLint body.
    public struct Converted: Sendable, Hashable {
        public var body: String
        public var placeholders: [InterchangePlaceholder]
        public var notes: [String]
    }

    // MARK: - Import

    public func toReplyLint(_ text: String) -> Converted {
        var converter = ImportConverter(dialect: self)
        switch syntax {
        case .helpScout: converter.convertHelpScout(text)
        case .liquid, .curly, .mustache: converter.convertCurly(text)
        }
        return converter.finish()
    }

    /// The ReplyLint name for a tool's name: its built-in equivalent, else the name itself.
    public func replyLintName(_ name: String) -> String {
        imports[name] ?? imports[name.lowercased()] ?? name
    }

    /// The tool's name for a ReplyLint name.
    public func toolName(_ name: String) -> String {
        exports[name] ?? name
    }

    static func isPlainName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-".unicodeScalars.contains(scalar))
        }
    }

    // MARK: - Export

    /// A ReplyLint template written in this dialect; `fallback` gives a name's declared fallback,
    /// `partial` a partial's text. Notes say what the tool cannot express.
    /// Partials are written out within `limits` (depth and expansion), so partials that include each
    /// other many times over cannot make an export run away.
    public func fromReplyLint(
        _ source: String, fallback: (String) -> String?, partial: (String) -> String?, limits: Limits = Limits()
    ) -> (text: String, notes: [String]) {
        let template = ParsedTemplate(parsing: source)
        let lines = Lines.split(source).map { $0.stripping(" \t\r") }
        // A section tag alone on its line: Mustache drops that line, and so does Liquid with `-%}`; the
        // line break is written back so the file reads as before and an import gives the same body.
        func standaloneOpening(_ tag: TemplateTag) -> Bool {
            guard tag.start.line - 1 < lines.count else { return false }
            let line = lines[tag.start.line - 1]
            return line.hasPrefix("{{") && line.hasSuffix("}}") && line.filter({ $0 == "{" }).count == 2
        }
        func standaloneClosing(_ tag: TemplateTag) -> Bool {
            lines.dropFirst(tag.start.line).contains { $0.replacingOccurrences(of: " ", with: "") == "{{/\(tag.name)}}" }
        }
        var notes: [String] = []
        func note(_ text: String) { if !notes.contains(text) { notes.append(text) } }
        func variable(_ name: String) -> String {
            let toolName = self.toolName(name)
            let value = fallback(name)
            switch syntax {
            case .helpScout:
                return value.map { "{%\(toolName),fallback=\($0)%}" } ?? "{%\(toolName)%}"
            case .liquid:
                guard let value else { return "{{\(toolName)}}" }
                return "{% if \(toolName) %}{{\(toolName)}}{% else %}\(value){% endif %}"
            case .curly:
                return value.map { "{{\(toolName) | fallback: \(Self.quoted($0))}}" } ?? "{{\(toolName)}}"
            case .mustache:
                guard let value else { return "{{\(toolName)}}" }
                return "{{#\(toolName)}}{{\(toolName)}}{{/\(toolName)}}{{^\(toolName)}}\(value){{/\(toolName)}}"
            }
        }
        /// What is left of `limits.expansion`: each partial written out costs one, plus its text.
        var budget = limits.expansion
        func emit(_ nodes: [TemplateNode], depth: Int) -> String {
            var output = ""
            for node in nodes {
                switch node {
                case .text(let text):
                    output += text
                case .variable(let tag):
                    output += tag.name == "." ? "" : variable(tag.name)
                    if tag.name == "." { note("'{{.}}' (the current item of a list) has no equivalent in \(tool); left out") }
                case .section(let tag, let inverted, let children):
                    let name = toolName(tag.name)
                    let inner = emit(children, depth: depth)
                    let (open, close) = depth == 0 ? (standaloneOpening(tag) ? "\n" : "", standaloneClosing(tag) ? "\n" : "") : ("", "")
                    switch syntax {
                    case .liquid:
                        let dash = { (line: String) in line.isEmpty ? " %}" : " -%}" }
                        output += inverted
                            ? "{% unless \(name)\(dash(open))\(open)\(inner){% endunless\(dash(close))\(close)"
                            : "{% if \(name)\(dash(open))\(open)\(inner){% endif\(dash(close))\(close)"
                    case .mustache:
                        output += "{{\(inverted ? "^" : "#")\(name)}}\(open)\(inner){{/\(name)}}\(close)"
                    case .helpScout, .curly:
                        if inverted {
                            note("\(tool) has no conditional text: the part shown only without '\(tag.name)' was left out")
                        } else {
                            output += inner
                            note("\(tool) has no conditional text: the part shown only with '\(tag.name)' is always included")
                        }
                    }
                case .partial(let tag, let indentation):
                    guard let text = partial(tag.name) else {
                        note("partial '\(tag.name)' could not be found; left out")
                        continue
                    }
                    budget -= 1 + text.utf8.count
                    guard depth < limits.partialDepth, budget >= 0 else {
                        note("partial '\(tag.name)' is included too deeply or too often to write out (\(limits.describe(depth < limits.partialDepth ? "expansion" : "partial-depth"))); left out")
                        continue
                    }
                    output += indentation + emit(ParsedTemplate(parsing: text).nodes, depth: depth + 1)
                    note("\(tool) has no shared snippets: partial '\(tag.name)' was written out in full")
                case .comment:
                    note("template comments ({{! … }}, suppressions included) were left out")
                }
            }
            return output
        }
        let text = emit(template.nodes, depth: 0)
        return (text, notes)
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// One pass over a tool's text, writing Mustache and collecting the placeholders and what it could not convert.
private struct ImportConverter {
    let dialect: PlaceholderDialect
    var output = ""
    var placeholders: [InterchangePlaceholder] = []
    var notes: [String] = []

    /// An open Liquid block: converted into Mustache sections, or kept as text.
    struct Block {
        var tag: String
        var converted: Bool
        /// The condition name and whether its section is inverted, innermost last.
        var open: [(name: String, inverted: Bool)] = []
    }
    var blocks: [Block] = []

    init(dialect: PlaceholderDialect) { self.dialect = dialect }

    mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    mutating func use(_ name: String, fallback: String?) {
        if let index = placeholders.firstIndex(where: { $0.name == name }) {
            guard let fallback else { return }
            if let existing = placeholders[index].fallback {
                if existing != fallback { note("'\(name)' has two fallbacks, \"\(existing)\" and \"\(fallback)\"; kept \"\(existing)\"") }
            } else {
                placeholders[index].fallback = fallback
            }
        } else {
            placeholders.append(InterchangePlaceholder(name: name, fallback: fallback))
        }
    }

    mutating func finish() -> PlaceholderDialect.Converted {
        while let block = blocks.popLast() {
            guard block.converted else { continue }
            for (name, _) in block.open.reversed() { output += "{{/\(name)}}" }
            note("a Liquid {% \(block.tag) %} block is never closed; it was closed at the end")
        }
        return PlaceholderDialect.Converted(body: output, placeholders: placeholders, notes: notes)
    }

    // MARK: Help Scout

    mutating func convertHelpScout(_ text: String) {
        var rest = Substring(text)
        while let open = rest.range(of: "{%") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "%}") else {
                output += rest[open.lowerBound...]
                note("a '{%' is never closed with '%}'; kept as text")
                return
            }
            let inner = rest[open.upperBound..<close.lowerBound]
            let parts = inner.split(separator: ",", maxSplits: 1)
            let name = (parts.first ?? "").stripping(" ")
            var fallback: String?
            if parts.count == 2 {
                let option = parts[1].stripping(" ")
                if option.hasPrefix("fallback=") {
                    fallback = String(option.dropFirst("fallback=".count))
                } else {
                    note("'{%\(inner)%}': option '\(option)' is not a fallback; dropped")
                }
            }
            if PlaceholderDialect.isPlainName(Substring(name)) {
                let mapped = dialect.replyLintName(name)
                output += "{{\(mapped)}}"
                use(mapped, fallback: fallback)
            } else {
                output += "[insert: \(inner)]"
                note("'{%\(inner)%}' is not a \(dialect.tool) variable ReplyLint can read; written as a fill-in marker")
            }
            rest = rest[close.upperBound...]
        }
        output += rest
    }

    // MARK: {{ }} and {% %}

    mutating func convertCurly(_ text: String) {
        var rest = Substring(text)
        while let open = Self.nextOpening(in: rest) {
            output += rest[..<open.lowerBound]
            let isTag = rest[open].hasPrefix("{%")
            let closing = isTag ? "%}" : "}}"
            guard let close = rest[open.upperBound...].range(of: closing) else {
                output += rest[open.lowerBound...]
                note("a '\(rest[open])' is never closed with '\(closing)'; kept as text")
                return
            }
            if isTag {
                if let (replacement, length) = fallbackIdiom(rest[open.lowerBound...]) {
                    output += replacement
                    rest = rest[rest.index(open.lowerBound, offsetBy: length)...]
                    continue
                }
                liquidTag(String(rest[open.upperBound..<close.lowerBound]), source: String(rest[open.lowerBound..<close.upperBound]))
                rest = rest[close.upperBound...]
            } else {
                var end = close.upperBound
                var inner = rest[open.upperBound..<close.lowerBound]
                // `{{{name}}}`: Mustache's unescaped form; the third brace closes after `}}`.
                if inner.hasPrefix("{"), rest[end...].hasPrefix("}") {
                    inner = inner.dropFirst()
                    end = rest.index(after: end)
                }
                if dialect.syntax == .mustache, let (replacement, length) = mustacheFallbackIdiom(rest[open.lowerBound...]) {
                    output += replacement
                    rest = rest[rest.index(open.lowerBound, offsetBy: length)...]
                    continue
                }
                expression(String(inner), source: String(rest[open.lowerBound..<end]))
                rest = rest[end...]
            }
        }
        output += rest
    }

    static func nextOpening(in text: Substring) -> Range<Substring.Index>? {
        let curly = text.range(of: "{{")
        let tag = text.range(of: "{%")
        switch (curly, tag) {
        case (let c?, let t?): return c.lowerBound <= t.lowerBound ? c : t
        case (let c?, nil): return c
        case (nil, let t?): return t
        default: return nil
        }
    }

    /// `{{ name | default: "x" }}`, `{{user.name|fallback:"there"}}`, and in Mustache files `{{#name}}`, `{{/name}}`, `{{! … }}`, `{{> … }}`.
    mutating func expression(_ raw: String, source: String) {
        var inner = Substring(raw)
        if inner.hasPrefix("-") { inner = inner.dropFirst() }
        if inner.hasSuffix("-") { inner = inner.dropLast() }
        inner = Substring(inner.stripping(" \t"))
        if dialect.syntax == .mustache, let sigil = inner.first, "#^/&!>=".contains(sigil) {
            let name = inner.dropFirst().stripping(" \t")
            switch sigil {
            case "!", ">", "=":
                output += source
            case "&":
                mustacheName(name, sigil: "", source: source)
            default:
                mustacheName(name, sigil: String(sigil), source: source)
            }
            return
        }
        let pieces = Self.splitFilters(inner)
        let name = pieces[0].stripping(" \t")
        guard PlaceholderDialect.isPlainName(Substring(name)) else {
            output += "[insert: \(inner)]"
            note("'\(source)' is not a placeholder name ReplyLint can read; written as a fill-in marker to review")
            return
        }
        var fallback: String?
        for filter in pieces.dropFirst() {
            let parts = filter.split(separator: ":", maxSplits: 1)
            let filterName = (parts.first ?? "").stripping(" \t")
            if ["default", "fallback"].contains(filterName), parts.count == 2, let value = Self.unquoted(parts[1]) {
                fallback = value
            } else {
                note("'\(source)': the filter '| \(filter.stripping(" \t"))' has no Mustache equivalent; dropped")
            }
        }
        let mapped = dialect.replyLintName(name)
        output += "{{\(mapped)}}"
        use(mapped, fallback: fallback)
    }

    mutating func mustacheName(_ name: String, sigil: String, source: String) {
        guard PlaceholderDialect.isPlainName(Substring(name)) || name == "." else {
            output += source
            return
        }
        let mapped = name == "." ? name : dialect.replyLintName(name)
        output += "{{\(sigil)\(mapped)}}"
        if mapped != ".", sigil != "/" { use(mapped, fallback: nil) }
    }

    /// `{% if x %}{{x}}{% else %}there{% endif %}`: Liquid's long way of writing a fallback.
    mutating func fallbackIdiom(_ text: Substring) -> (String, Int)? {
        guard let match = text.prefixMatch(of: Self.liquidFallback) else { return nil }
        let condition = String(match.output.1)
        let printed = String(match.output.2)
        guard condition == printed, PlaceholderDialect.isPlainName(Substring(condition)) else { return nil }
        let name = dialect.replyLintName(condition)
        use(name, fallback: String(match.output.3))
        return ("{{\(name)}}", text.distance(from: text.startIndex, to: match.range.upperBound))
    }

    /// `{{#x}}{{x}}{{/x}}{{^x}}there{{/x}}`: Mustache's way of writing a fallback.
    mutating func mustacheFallbackIdiom(_ text: Substring) -> (String, Int)? {
        guard let match = text.prefixMatch(of: Self.mustacheFallback) else { return nil }
        let names = [match.output.1, match.output.2, match.output.3, match.output.4, match.output.6].map(String.init)
        guard Set(names).count == 1, PlaceholderDialect.isPlainName(Substring(names[0])) else { return nil }
        let name = dialect.replyLintName(names[0])
        use(name, fallback: String(match.output.5))
        return ("{{\(name)}}", text.distance(from: text.startIndex, to: match.range.upperBound))
    }

    nonisolated(unsafe) static let liquidFallback = #/\{%-?\s*if\s+([A-Za-z_][\w.\-]*)\s*-?%\}\{\{-?\s*([A-Za-z_][\w.\-]*)\s*-?\}\}\{%-?\s*else\s*-?%\}([^{}%]*)\{%-?\s*endif\s*-?%\}/#
    nonisolated(unsafe) static let mustacheFallback = #/\{\{#\s*([A-Za-z_][\w.\-]*)\s*\}\}\{\{\s*([A-Za-z_][\w.\-]*)\s*\}\}\{\{/\s*([A-Za-z_][\w.\-]*)\s*\}\}\{\{\^\s*([A-Za-z_][\w.\-]*)\s*\}\}([^{}]*)\{\{/\s*([A-Za-z_][\w.\-]*)\s*\}\}/#

    /// One `{% … %}` tag: simple conditions become Mustache sections, anything else stays as text and is reported.
    mutating func liquidTag(_ raw: String, source: String) {
        var inner = Substring(raw)
        if inner.hasPrefix("-") { inner = inner.dropFirst() }
        if inner.hasSuffix("-") { inner = inner.dropLast() }
        let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        let keyword = words.first.map(String.init) ?? ""
        let argument = words.dropFirst()
        let blockOpeners: Set<String> = ["if", "unless", "case", "for", "comment", "capture", "raw", "tablerow"]
        func keep() {
            output += source
            note("Liquid \(source) kept as text; review it")
        }
        switch keyword {
        case "if", "unless":
            if argument.count == 1, PlaceholderDialect.isPlainName(argument[argument.startIndex]) {
                let name = dialect.replyLintName(String(argument[argument.startIndex]))
                let inverted = keyword == "unless"
                output += "{{\(inverted ? "^" : "#")\(name)}}"
                use(name, fallback: nil)
                blocks.append(Block(tag: keyword, converted: true, open: [(name, inverted)]))
            } else {
                blocks.append(Block(tag: keyword, converted: false))
                keep()
            }
        case "elsif":
            guard var block = blocks.popLast(), block.converted, let current = block.open.last,
                  argument.count == 1, PlaceholderDialect.isPlainName(argument[argument.startIndex]) else {
                if let last = blocks.last, last.converted { blocks[blocks.count - 1].converted = true }
                keep()
                return
            }
            let name = dialect.replyLintName(String(argument[argument.startIndex]))
            output += "{{/\(current.name)}}{{\(current.inverted ? "#" : "^")\(current.name)}}{{#\(name)}}"
            block.open[block.open.count - 1].inverted.toggle()
            block.open.append((name, false))
            use(name, fallback: nil)
            blocks.append(block)
        case "else":
            guard let block = blocks.last, block.converted, let current = block.open.last else {
                keep()
                return
            }
            output += "{{/\(current.name)}}{{\(current.inverted ? "#" : "^")\(current.name)}}"
            blocks[blocks.count - 1].open[block.open.count - 1].inverted.toggle()
        case _ where keyword.hasPrefix("end"):
            guard let block = blocks.popLast() else {
                keep()
                return
            }
            if block.converted {
                for (name, _) in block.open.reversed() { output += "{{/\(name)}}" }
            } else {
                keep()
            }
        default:
            if blockOpeners.contains(keyword) { blocks.append(Block(tag: keyword, converted: false)) }
            keep()
        }
    }

    /// Splits `name | f: "a|b" | g` at the bars outside quotes.
    static func splitFilters(_ text: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "|" {
                pieces.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        pieces.append(text[start...])
        return pieces
    }

    /// `"there"` or `'there'` without its quotes.
    static func unquoted(_ text: Substring) -> String? {
        let trimmed = text.stripping(" \t")
        guard trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first else { return nil }
        return String(trimmed.dropFirst().dropLast())
    }
}

extension StringProtocol {
    /// The text without `characters` at either end.
    func stripping(_ characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
