// The Mustache parser: core spec syntax (interpolation, sections, inverted sections, comments,
// partials, set delimiters) into nodes that keep each tag's line and column.
//
// ReplyLint parses templates itself rather than through swift-mustache because lint needs every
// tag's position, the worst-case length walk needs the tree, and the renderer must refuse rather
// than guess; swift-mustache keeps its tree private. One parse serves lint and render.

extension ParsedTemplate {
    /// `source` parsed: the nodes, and every syntax problem with its position.
    public init(parsing source: String) {
        self = TemplateParser.parse(source)
    }
}

enum TemplateParser {
    /// Sections may nest this deep; deeper is a syntax problem, so no template can exhaust the stack.
    static let maximumDepth = 100

    private enum TokenKind: Equatable {
        case text
        case variable
        case sectionOpen
        case invertedOpen
        case sectionClose
        case partial
        case comment
        case delimiters
    }

    private struct Token {
        var kind: TokenKind
        var content: String
        var start: TextPosition
        var end: TextPosition
        /// The line (0-based index into `lines`) the token starts on.
        var line: Int
        /// Whitespace before a standalone partial.
        var indentation = ""
        var removed = false
    }

    static func parse(_ source: String) -> ParsedTemplate {
        var problems: [TemplateProblem] = []
        let tokens = standalone(tokenize(FastText.scalars(source), problems: &problems))
        return ParsedTemplate(nodes: build(tokens, problems: &problems), problems: problems)
    }

    // MARK: - Tokens

    private static func tokenize(_ scalars: [Unicode.Scalar], problems: inout [TemplateProblem]) -> [Token] {
        var tokens: [Token] = []
        var open: [Unicode.Scalar] = ["{", "{"]
        var close: [Unicode.Scalar] = ["}", "}"]
        var index = 0
        var line = 1
        var column = 1
        var lineIndex = 0
        // The pending text token's UTF-8 bytes (appending scalars to a String one by one was slow).
        var text: [UInt8] = []
        var textStart = TextPosition(line: 1, column: 1)
        var textLine = 0

        func matches(_ pattern: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + pattern.count <= scalars.count else { return false }
            for offset in 0..<pattern.count where scalars[position + offset] != pattern[offset] { return false }
            return true
        }
        func advance(_ count: Int) {
            for _ in 0..<count {
                if scalars[index] == "\n" {
                    line += 1
                    column = 1
                    lineIndex += 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
        func flushText() {
            guard !text.isEmpty else { return }
            tokens.append(Token(kind: .text, content: String(decoding: text, as: UTF8.self), start: textStart, end: TextPosition(line: line, column: column), line: textLine))
            text.removeAll(keepingCapacity: true)
        }

        while index < scalars.count {
            guard matches(open, at: index) else {
                if text.isEmpty {
                    textStart = TextPosition(line: line, column: column)
                    textLine = lineIndex
                }
                let scalar = scalars[index]
                FastText.appendUTF8(scalar, to: &text)
                advance(1)
                // Text tokens end at each newline so standalone lines can be found.
                if scalar == "\n" { flushText() }
                continue
            }
            flushText()
            let tagStart = TextPosition(line: line, column: column)
            let tagLine = lineIndex
            var contentStart = index + open.count
            var closing = close
            let isTriple = open == ["{", "{"] && contentStart < scalars.count && scalars[contentStart] == "{"
            if isTriple {
                contentStart += 1
                closing = ["}"] + close
            }
            // Find the closing delimiter.
            var search = contentStart
            while search < scalars.count && !matches(closing, at: search) { search += 1 }
            guard search < scalars.count else {
                problems.append(TemplateProblem(
                    message: "'\(String(String.UnicodeScalarView(open)))' is never closed with '\(String(String.UnicodeScalarView(closing)))'",
                    start: tagStart, end: TextPosition(line: tagStart.line, column: tagStart.column + open.count)))
                // Keep the rest as text so nothing the user wrote disappears.
                textStart = tagStart
                textLine = tagLine
                while index < scalars.count { FastText.appendUTF8(scalars[index], to: &text); advance(1) }
                flushText()
                break
            }
            var content = FastText.string(scalars[contentStart..<search])
            advance(search + closing.count - index)
            let tagEnd = TextPosition(line: line, column: column)
            var kind = TokenKind.variable
            if !isTriple, let sigil = content.unicodeScalars.first {
                switch sigil {
                case "#": kind = .sectionOpen
                case "^": kind = .invertedOpen
                case "/": kind = .sectionClose
                case ">": kind = .partial
                case "!": kind = .comment
                case "&": kind = .variable
                case "=": kind = .delimiters
                default: break
                }
                if kind != .variable || sigil == "&" { content = String(content.unicodeScalars.dropFirst()) }
            }
            if kind == .comment {
                tokens.append(Token(kind: .comment, content: content, start: tagStart, end: tagEnd, line: tagLine))
                continue
            }
            if kind == .delimiters {
                guard content.hasSuffix("=") else {
                    problems.append(TemplateProblem(message: "a set-delimiter tag must end with '='", start: tagStart, end: tagEnd))
                    continue
                }
                let parts = content.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
                    problems.append(TemplateProblem(
                        message: "a set-delimiter tag takes two delimiters separated by a space, e.g. {{=<% %>=}}",
                        start: tagStart, end: tagEnd))
                    continue
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
                tokens.append(Token(kind: .delimiters, content: "", start: tagStart, end: tagEnd, line: tagLine))
                continue
            }
            let name = content.trimmingWhitespace
            if name.isEmpty || name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                problems.append(TemplateProblem(
                    message: name.isEmpty ? "an empty tag: write a placeholder name between the braces" : "'\(name)' is not a placeholder name: names have no spaces",
                    start: tagStart, end: tagEnd))
                continue
            }
            tokens.append(Token(kind: kind, content: name, start: tagStart, end: tagEnd, line: tagLine))
        }
        flushText()
        return tokens
    }

    // MARK: - Standalone lines

    /// Removes the whitespace and line ending around a tag that stands alone on its line
    /// (sections, inverted sections, closes, comments, partials, set delimiters), as the spec asks.
    private static func standalone(_ tokens: [Token]) -> [Token] {
        var tokens = tokens
        var lineStart = 0
        while lineStart < tokens.count {
            // Tokens of one line: text tokens end at "\n", so a line ends after a text token ending in "\n".
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                let token = tokens[lineEnd]
                lineEnd += 1
                if token.kind == .text && token.content.unicodeScalars.last == "\n" { break }
            }
            let line = lineStart..<lineEnd
            let tags = line.filter { tokens[$0].kind != .text }
            if tags.count == 1, let tag = tags.first, tokens[tag].kind != .variable,
               line.allSatisfy({ tokens[$0].kind != .text || tokens[$0].content.isBlankLine }) {
                var indentation = ""
                for index in line where tokens[index].kind == .text {
                    if index < tag { indentation = tokens[index].content }
                    tokens[index].removed = true
                }
                if tokens[tag].kind == .partial { tokens[tag].indentation = indentation }
            }
            lineStart = lineEnd
        }
        return tokens.filter { !$0.removed }
    }

    // MARK: - Tree

    private static func build(_ tokens: [Token], problems: inout [TemplateProblem]) -> [TemplateNode] {
        struct Frame {
            var token: Token
            var inverted: Bool
            var children: [TemplateNode] = []
        }
        var root: [TemplateNode] = []
        var stack: [Frame] = []
        /// Neighbouring text, merged into one node so the tree stays small. Gathered here and added once:
        /// joining each line onto the node before made a text of many lines quadratic to parse.
        var text = ""
        func flushText() {
            guard !text.isEmpty else { return }
            let node = TemplateNode.text(text)
            text = ""
            if stack.isEmpty { root.append(node) } else { stack[stack.count - 1].children.append(node) }
        }
        func append(_ node: TemplateNode) {
            flushText()
            if stack.isEmpty { root.append(node) } else { stack[stack.count - 1].children.append(node) }
        }
        func tag(_ token: Token) -> TemplateTag { TemplateTag(name: token.content, start: token.start, end: token.end) }

        for token in tokens {
            switch token.kind {
            case .text: text += token.content
            case .variable: append(.variable(tag(token)))
            case .comment: append(.comment(tag(token), text: token.content))
            case .partial: append(.partial(tag(token), indentation: token.indentation))
            case .delimiters: break
            case .sectionOpen, .invertedOpen:
                flushText()
                if stack.count >= maximumDepth {
                    problems.append(TemplateProblem(
                        message: "sections are nested more than \(maximumDepth) deep; simplify the template",
                        start: token.start, end: token.end))
                    return root
                }
                stack.append(Frame(token: token, inverted: token.kind == .invertedOpen))
            case .sectionClose:
                flushText()
                guard let frame = stack.last else {
                    problems.append(TemplateProblem(
                        message: "'{{/\(token.content)}}' closes a section that was never opened", start: token.start, end: token.end))
                    continue
                }
                if frame.token.content != token.content {
                    // Is it closing an outer section? Then the inner ones were left open.
                    if stack.contains(where: { $0.token.content == token.content }) {
                        while let inner = stack.last, inner.token.content != token.content {
                            problems.append(unclosed(inner.token))
                            stack.removeLast()
                            append(.section(tag(inner.token), inverted: inner.inverted, children: inner.children))
                        }
                    } else {
                        // Taken as a misspelt close of the innermost section, so one mistake is one finding.
                        problems.append(TemplateProblem(
                            message: "'{{/\(token.content)}}' does not match the open section '\(frame.token.content)' (opened at \(frame.token.start)); write {{/\(frame.token.content)}}",
                            start: token.start, end: token.end))
                    }
                }
                let closed = stack.removeLast()
                append(.section(tag(closed.token), inverted: closed.inverted, children: closed.children))
            }
        }
        flushText()
        while let frame = stack.popLast() {
            problems.append(unclosed(frame.token))
            append(.section(tag(frame.token), inverted: frame.inverted, children: frame.children))
        }
        return root
    }

    private static func unclosed(_ token: Token) -> TemplateProblem {
        let sigil = token.kind == .invertedOpen ? "^" : "#"
        return TemplateProblem(
            message: "section '{{\(sigil)\(token.content)}}' is never closed; add {{/\(token.content)}}",
            start: token.start, end: token.end)
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// Only spaces and tabs, with an optional line ending.
    var isBlankLine: Bool {
        unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }
}
