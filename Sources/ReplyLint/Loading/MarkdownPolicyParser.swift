// The Markdown policy parser: a small block parser (headings, paragraphs, list items, quotes) with inline links.

/// Reads a policy written in Markdown into sections, paragraphs, list items and links.
///
/// Deliberately small: it understands what policy pages are written with — ATX and setext headings
/// (with Pandoc `{#id .class}` attributes), paragraphs, bullet and ordered lists, blockquotes, fenced
/// code (skipped), HTML comments (skipped), thematic breaks, and inline emphasis, code, links,
/// images, autolinks and reference links. It is not a CommonMark implementation.
public enum MarkdownPolicyParser {
    /// - Parameters:
    ///   - body: the document after its front matter.
    ///   - firstLine: the 1-based line of the file on which `body` starts.
    public static func parse(_ body: Substring, firstLine: Int) -> ParsedPolicyContent {
        var reader = MarkdownBlockReader()
        var builder = PolicyContentBuilder()
        for line in MarkdownLine.lines(of: body, firstLine: firstLine) {
            reader.read(line)
            builder.anchors.formUnion(line.markupAnchors)
        }
        reader.closeAll()

        var inline = MarkdownInlineRenderer(definitions: reader.definitions)
        for block in reader.blocks {
            switch block {
            case .heading(let level, let spans, let attributes, let position):
                let text = inline.render(spans)
                builder.addHeading(
                    text, level: level, id: attributes.id ?? text.slug, hasExplicitID: attributes.id != nil,
                    classes: attributes.classes, at: position)
            case .paragraph(let spans):
                builder.addParagraph(inline.render(spans), at: spans[0].position)
            case .listItem(let spans, let position):
                let slot = builder.reserveListItem(at: position)
                builder.fill(slot, with: inline.render(spans))
            }
        }
        // A list item's text can run on after its nested items, so its links are found out of order.
        builder.links = inline.links.enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map(\.element)
        return builder.build(title: builder.firstLevel1Heading, declaredKind: nil)
    }
}

// MARK: - Lines

/// One line of the body with its blockquote markers, fenced code and HTML comments already dealt with.
private struct MarkdownLine {
    var number: Int
    /// The whole line; characters inside HTML comments are replaced by spaces so columns stay true.
    var scalars: [Unicode.Scalar]
    /// Where the content starts, after any `>` markers.
    var start: Int
    var quoteDepth: Int
    /// A fence line or a line of fenced code: read as a blank line.
    var isCode: Bool
    /// A line of nothing but HTML tags (`<a id="hours"></a>`, `<div class="note">`): read as a blank line.
    var isMarkup = false
    /// The `id` and `name` values on such a line.
    var markupAnchors: [String] = []

    static func lines(of body: Substring, firstLine: Int) -> [MarkdownLine] {
        var result: [MarkdownLine] = []
        var fence: (marker: Unicode.Scalar, length: Int)?
        var inComment = false
        var current: [Unicode.Scalar] = []
        var number = firstLine

        func finishLine() {
            if current.last == "\r" { current.removeLast() }
            var line = MarkdownLine(number: number, scalars: current, start: 0, quoteDepth: 0, isCode: false)
            line.stripQuoteMarkers()
            if let open = fence {
                line.isCode = true
                if line.closesFence(marker: open.marker, length: open.length) { fence = nil }
            } else if !inComment, let opened = line.opensFence() {
                line.isCode = true
                fence = opened
            } else {
                line.blankOutComments(continuing: &inComment)
                line.readMarkup()
            }
            result.append(line)
            current.removeAll(keepingCapacity: true)
            number += 1
        }

        for scalar in body.unicodeScalars {
            if scalar == "\n" { finishLine() } else { current.append(scalar) }
        }
        if !current.isEmpty { finishLine() }
        return result
    }

    private mutating func stripQuoteMarkers() {
        var index = 0
        while true {
            var probe = index
            var spaces = 0
            while probe < scalars.count, scalars[probe] == " ", spaces < 3 { probe += 1; spaces += 1 }
            guard probe < scalars.count, scalars[probe] == ">" else { break }
            probe += 1
            if probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" { probe += 1 }
            index = probe
            quoteDepth += 1
        }
        start = index
    }

    var firstNonSpace: Int? {
        var index = start
        while index < scalars.count {
            if !scalars[index].isMarkdownSpace { return index }
            index += 1
        }
        return nil
    }

    /// Indentation width before `index`, tabs to stops of four.
    func indent(upTo index: Int) -> Int {
        var width = 0
        for position in start..<index {
            width += scalars[position] == "\t" ? 4 - width % 4 : 1
        }
        return width
    }

    private func fenceRun() -> (marker: Unicode.Scalar, length: Int, end: Int)? {
        guard let first = firstNonSpace else { return nil }
        let marker = scalars[first]
        guard marker == "`" || marker == "~" else { return nil }
        var end = first
        while end < scalars.count, scalars[end] == marker { end += 1 }
        return end - first >= 3 ? (marker, end - first, end) : nil
    }

    private func opensFence() -> (marker: Unicode.Scalar, length: Int)? {
        guard let run = fenceRun() else { return nil }
        if run.marker == "`" && scalars[run.end...].contains("`") { return nil }
        return (run.marker, run.length)
    }

    private func closesFence(marker: Unicode.Scalar, length: Int) -> Bool {
        guard let run = fenceRun(), run.marker == marker, run.length >= length else { return false }
        return scalars[run.end...].allSatisfy(\.isMarkdownSpace)
    }

    /// Replaces `<!-- … -->` (which may span lines) with spaces.
    private mutating func blankOutComments(continuing inComment: inout Bool) {
        var index = start
        while index < scalars.count {
            let commentStart: Int
            let bodyStart: Int
            if inComment {
                commentStart = index
                bodyStart = index
            } else if let open = find(["<", "!", "-", "-"], from: index) {
                commentStart = open
                bodyStart = open + 4
            } else {
                return
            }
            let close = find(["-", "-", ">"], from: bodyStart)
            let end = close.map { $0 + 3 } ?? scalars.count
            for position in commentStart..<end { scalars[position] = " " }
            inComment = close == nil
            index = end
        }
    }

    /// Marks a line made only of HTML tags, collecting their `id` and `name` attributes.
    private mutating func readMarkup() {
        guard var index = firstNonSpace else { return }
        var anchors: [String] = []
        func skipSpaces() { while index < scalars.count, scalars[index].isMarkdownSpace { index += 1 } }
        func word(_ stop: (Unicode.Scalar) -> Bool) -> String {
            var text = ""
            while index < scalars.count, !stop(scalars[index]) {
                text.unicodeScalars.append(scalars[index])
                index += 1
            }
            return text
        }
        while index < scalars.count {
            guard scalars[index] == "<" else { return }
            index += 1
            if index < scalars.count, scalars[index] == "/" { index += 1 }
            guard index < scalars.count, scalars[index].isMarkdownASCIILetter else { return }
            _ = word { !($0.isMarkdownASCIIAlphanumeric || $0 == "-") }
            guard index < scalars.count, scalars[index].isMarkdownSpace || scalars[index] == ">" || scalars[index] == "/"
            else { return }
            while true {
                skipSpaces()
                guard index < scalars.count else { return }
                if scalars[index] == ">" { break }
                if scalars[index] == "/", index + 1 < scalars.count, scalars[index + 1] == ">" {
                    index += 1
                    break
                }
                let name = word { $0.isMarkdownSpace || $0 == "=" || $0 == ">" || $0 == "/" }.lowercased()
                guard !name.isEmpty else { return }
                skipSpaces()
                guard index < scalars.count, scalars[index] == "=" else { continue }
                index += 1
                skipSpaces()
                var value: String
                if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    index += 1
                    value = word { $0 == quote }
                    guard index < scalars.count else { return }
                    index += 1
                } else {
                    value = word { $0.isMarkdownSpace || $0 == ">" }
                }
                if (name == "id" || name == "name") && !value.isEmpty { anchors.append(value) }
            }
            index += 1
            skipSpaces()
        }
        isMarkup = true
        markupAnchors = anchors
    }

    private func find(_ needle: [Unicode.Scalar], from index: Int) -> Int? {
        guard needle.count <= scalars.count else { return nil }
        var position = index
        while position + needle.count <= scalars.count {
            if scalars[position] == needle[0] && scalars[position..<(position + needle.count)].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }
}

/// A run of inline text on one line and where its first character is.
private struct MarkdownSpan {
    var position: TextPosition
    var scalars: ArraySlice<Unicode.Scalar>
}

private struct MarkdownHeadingAttributes {
    var id: String?
    var classes: [String] = []
}

private enum MarkdownBlock {
    case heading(level: Int, spans: [MarkdownSpan], attributes: MarkdownHeadingAttributes, position: TextPosition)
    case paragraph([MarkdownSpan])
    case listItem([MarkdownSpan], position: TextPosition)
}

// MARK: - Blocks

/// Groups lines into headings, paragraphs and list items, and collects link reference definitions.
private struct MarkdownBlockReader {
    private struct OpenItem {
        var contentIndent: Int
        var block: Int
        var spans: [MarkdownSpan]
    }

    private struct ListMarker {
        var indent: Int
        var contentIndent: Int
        var position: Int
        var contentStart: Int?
        /// Only a bullet, or a number 1, with text after it may interrupt a paragraph.
        var canInterruptParagraph: Bool
    }

    private(set) var blocks: [MarkdownBlock] = []
    private(set) var definitions: [String: String] = [:]
    private var paragraph: [MarkdownSpan] = []
    private var items: [OpenItem] = []
    /// The previous line was text of the innermost item, so a plain line continues it whatever its indent.
    private var itemTextContinues = false
    private var quoteDepth = 0

    mutating func read(_ line: MarkdownLine) {
        guard !line.isCode, !line.isMarkup, let first = line.firstNonSpace else {
            closeParagraph()
            itemTextContinues = false
            return
        }
        if line.quoteDepth != quoteDepth {
            closeAll()
            quoteDepth = line.quoteDepth
        }
        let indent = line.indent(upTo: first)
        let scalars = line.scalars

        if !paragraph.isEmpty, indent < 4, let level = Self.setextLevel(scalars, from: first) {
            closeParagraphAsHeading(level: level)
            return
        }
        if indent < 4, let heading = Self.atxHeading(line, from: first) {
            closeAll()
            blocks.append(heading)
            return
        }
        if indent < 4, Self.isThematicBreak(scalars, from: first) {
            closeAll()
            return
        }
        if let marker = Self.listMarker(line, from: first, indent: indent),
            paragraph.isEmpty || (indent < 4 && marker.canInterruptParagraph) {
            openItem(marker, in: line)
            return
        }

        if indent < 4, let definition = Self.definition(scalars, from: first),
            (paragraph.isEmpty && !itemTextContinues) || Self.looksLikeURL(definition.destination) {
            closeParagraph()
            while let last = items.last, last.contentIndent > indent { closeItem() }
            itemTextContinues = false
            if definitions[definition.label] == nil { definitions[definition.label] = definition.destination }
            return
        }

        let span = Self.span(line, from: first)
        if !items.isEmpty {
            if !itemTextContinues {
                while let last = items.last, last.contentIndent > indent { closeItem() }
            }
            if !items.isEmpty {
                items[items.count - 1].spans.append(span)
                itemTextContinues = true
                return
            }
        }
        if !paragraph.isEmpty {
            paragraph.append(span)
            return
        }
        paragraph = [span]
    }

    mutating func closeAll() {
        closeParagraph()
        while !items.isEmpty { closeItem() }
        itemTextContinues = false
    }

    private mutating func closeParagraph() {
        guard !paragraph.isEmpty else { return }
        blocks.append(.paragraph(paragraph))
        paragraph = []
    }

    private mutating func closeParagraphAsHeading(level: Int) {
        var spans = paragraph
        paragraph = []
        let last = spans[spans.count - 1]
        let (text, attributes) = Self.splitAttributes(last.scalars)
        spans[spans.count - 1].scalars = text
        blocks.append(.heading(
            level: level, spans: spans, attributes: attributes ?? MarkdownHeadingAttributes(), position: spans[0].position))
    }

    private mutating func openItem(_ marker: ListMarker, in line: MarkdownLine) {
        closeParagraph()
        while let last = items.last, last.contentIndent > marker.indent { closeItem() }
        let position = TextPosition(line: line.number, column: marker.position + 1)
        blocks.append(.listItem([], position: position))
        var spans: [MarkdownSpan] = []
        if let contentStart = marker.contentStart { spans.append(Self.span(line, from: contentStart)) }
        items.append(OpenItem(contentIndent: marker.contentIndent, block: blocks.count - 1, spans: spans))
        itemTextContinues = !spans.isEmpty
    }

    private mutating func closeItem() {
        let item = items.removeLast()
        if case .listItem(_, let position) = blocks[item.block] {
            blocks[item.block] = .listItem(item.spans, position: position)
        }
    }

    // MARK: Line shapes

    private static func span(_ line: MarkdownLine, from first: Int) -> MarkdownSpan {
        var end = line.scalars.count
        while end > first, line.scalars[end - 1].isMarkdownSpace { end -= 1 }
        return MarkdownSpan(
            position: TextPosition(line: line.number, column: first + 1), scalars: line.scalars[first..<end])
    }

    private static func setextLevel(_ scalars: [Unicode.Scalar], from first: Int) -> Int? {
        let marker = scalars[first]
        guard marker == "=" || marker == "-" else { return nil }
        var index = first
        while index < scalars.count, scalars[index] == marker { index += 1 }
        guard scalars[index...].allSatisfy(\.isMarkdownSpace) else { return nil }
        return marker == "=" ? 1 : 2
    }

    private static func isThematicBreak(_ scalars: [Unicode.Scalar], from first: Int) -> Bool {
        let marker = scalars[first]
        guard marker == "*" || marker == "-" || marker == "_" else { return false }
        var count = 0
        for scalar in scalars[first...] {
            if scalar == marker {
                count += 1
            } else if !scalar.isMarkdownSpace {
                return false
            }
        }
        return count >= 3
    }

    private static func atxHeading(_ line: MarkdownLine, from first: Int) -> MarkdownBlock? {
        let scalars = line.scalars
        var index = first
        while index < scalars.count, scalars[index] == "#" { index += 1 }
        let level = index - first
        guard (1...6).contains(level) else { return nil }
        guard index == scalars.count || scalars[index].isMarkdownSpace else { return nil }
        while index < scalars.count, scalars[index].isMarkdownSpace { index += 1 }

        var text = stripClosingHashes(scalars[index...])
        let (withoutAttributes, attributes) = splitAttributes(text)
        text = stripClosingHashes(withoutAttributes)
        let position = TextPosition(line: line.number, column: first + 1)
        let spans = text.isEmpty
            ? [] : [MarkdownSpan(position: TextPosition(line: line.number, column: text.startIndex + 1), scalars: text)]
        return .heading(
            level: level, spans: spans, attributes: attributes ?? MarkdownHeadingAttributes(), position: position)
    }

    /// `Title ##` → `Title`; a `#` that is part of a word (`C#`) stays.
    private static func stripClosingHashes(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var text = text.trimmingMarkdownSpaces()
        var start = text.endIndex
        while start > text.startIndex, text[start - 1] == "#" { start -= 1 }
        guard start < text.endIndex, start == text.startIndex || text[start - 1].isMarkdownSpace else { return text }
        text = text[..<start]
        return text.trimmingMarkdownSpaces()
    }

    /// Splits Pandoc attributes `{#id .class key=value}` off the end of a heading.
    private static func splitAttributes(
        _ text: ArraySlice<Unicode.Scalar>
    ) -> (ArraySlice<Unicode.Scalar>, MarkdownHeadingAttributes?) {
        let text = text.trimmingMarkdownSpaces()
        guard text.last == "}", let open = text.lastIndex(of: "{") else { return (text, nil) }
        let tokens = String(markdownScalars: text[(open + 1)..<(text.endIndex - 1)])
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty else { return (text, nil) }
        var attributes = MarkdownHeadingAttributes()
        for token in tokens {
            if token.hasPrefix("#") && token.count > 1 {
                attributes.id = String(token.dropFirst())
            } else if token.hasPrefix(".") && token.count > 1 {
                attributes.classes.append(String(token.dropFirst()))
            } else if token != "-" && !token.contains("=") {
                return (text, nil)
            }
        }
        return (text[..<open].trimmingMarkdownSpaces(), attributes)
    }

    private static func listMarker(_ line: MarkdownLine, from first: Int, indent: Int) -> ListMarker? {
        let scalars = line.scalars
        var index = first
        var canInterrupt = true
        switch scalars[first] {
        case "-", "*", "+":
            index += 1
        case "0"..."9":
            var value = 0
            while index < scalars.count, index - first < 9, let digit = scalars[index].markdownDigitValue {
                value = value * 10 + digit
                index += 1
            }
            guard index < scalars.count, scalars[index] == "." || scalars[index] == ")" else { return nil }
            index += 1
            canInterrupt = value == 1
        default:
            return nil
        }
        guard index == scalars.count || scalars[index].isMarkdownSpace else { return nil }
        let markerEnd = line.indent(upTo: index)
        var contentStart = index
        while contentStart < scalars.count, scalars[contentStart].isMarkdownSpace { contentStart += 1 }
        let spacing = line.indent(upTo: contentStart) - markerEnd
        let hasContent = contentStart < scalars.count
        let contentIndent = hasContent && spacing <= 4 ? markerEnd + spacing : markerEnd + 1
        return ListMarker(
            indent: indent, contentIndent: contentIndent, position: first,
            contentStart: hasContent ? contentStart : nil, canInterruptParagraph: canInterrupt && hasContent)
    }

    /// CommonMark lets no definition interrupt a paragraph; one that plainly points somewhere may, here,
    /// so a definition written right under its paragraph is not read as text.
    private static func looksLikeURL(_ destination: String) -> Bool {
        let lowercased = destination.lowercased()
        return lowercased.contains("://")
            || ["/", "#", "./", "../", "mailto:", "tel:", "www."].contains { lowercased.hasPrefix($0) }
            || [".md", ".html", ".htm", ".pdf"].contains { lowercased.hasSuffix($0) }
    }

    /// `[label]: destination "optional title"` → (normalized label, destination).
    private static func definition(
        _ scalars: [Unicode.Scalar], from first: Int
    ) -> (label: String, destination: String)? {
        guard scalars[first] == "[" else { return nil }
        var index = first + 1
        var label = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != "]" {
            if scalars[index] == "[" { return nil }
            if scalars[index] == "\\", index + 1 < scalars.count {
                label.append(scalars[index])
                index += 1
            }
            label.append(scalars[index])
            index += 1
        }
        guard index + 1 < scalars.count, scalars[index + 1] == ":", label.count <= 999 else { return nil }
        let normalized = MarkdownInlineRenderer.normalizedLabel(String(label))
        // `[^1]: …` is a footnote, not a link.
        guard !normalized.isEmpty, !normalized.hasPrefix("^") else { return nil }
        index += 2
        while index < scalars.count, scalars[index].isMarkdownSpace { index += 1 }

        var destination = String.UnicodeScalarView()
        if index < scalars.count, scalars[index] == "<" {
            index += 1
            while index < scalars.count, scalars[index] != ">" {
                if scalars[index] == "<" { return nil }
                destination.append(scalars[index])
                index += 1
            }
            guard index < scalars.count else { return nil }
            index += 1
        } else {
            while index < scalars.count, !scalars[index].isMarkdownSpace {
                destination.append(scalars[index])
                index += 1
            }
            guard !destination.isEmpty else { return nil }
        }
        let rest = scalars[index...]
        guard rest.isEmpty || rest.first!.isMarkdownSpace else { return nil }
        let title = rest.trimmingMarkdownSpaces()
        if let opener = title.first {
            let closer: Unicode.Scalar = opener == "(" ? ")" : opener
            guard opener == "\"" || opener == "'" || opener == "(", title.count >= 2, title.last == closer else {
                return nil
            }
        }
        return (normalized, String(destination))
    }
}

// MARK: - Inline

/// Turns inline Markdown into plain text and records the links in it.
private struct MarkdownInlineRenderer {
    let definitions: [String: String]
    private(set) var links: [PolicyLink] = []

    /// Links inside link text inside link text… are read as text past this depth.
    private static let maximumNesting = 8
    /// Destinations and titles longer than this are not links.
    private static let maximumDestinationLength = 4096
    /// Characters a block may spend looking ahead for link destinations: a few times its length.
    /// Real text never comes close; a run of `[a](` without `)` would otherwise be quadratic, and
    /// past the budget the rest of the block is read as plain text.
    private var lookaheadBudget = 0

    init(definitions: [String: String]) {
        self.definitions = definitions
    }

    static func normalizedLabel(_ label: String) -> String {
        label.collapsingWhitespace.lowercased()
    }

    mutating func render(_ spans: [MarkdownSpan]) -> String {
        guard !spans.isEmpty else { return "" }
        let text = InlineText(spans)
        lookaheadBudget = 4 * text.scalars.count + 10_000
        return render(in: text, 0..<text.scalars.count, depth: 0).collapsingWhitespace
    }

    // MARK: Rendering a range

    private struct Delimiter {
        var marker: Unicode.Scalar
        var count: Int
        var canOpen: Bool
        var canClose: Bool
    }

    private enum Piece {
        case text(String)
        case delimiter(Int)
    }

    private mutating func render(in text: InlineText, _ range: Range<Int>, depth: Int) -> String {
        let s = text.scalars
        var pieces: [Piece] = []
        var delimiters: [Delimiter] = []
        var literal = ""

        func flushLiteral() {
            if !literal.isEmpty {
                pieces.append(.text(literal))
                literal = ""
            }
        }

        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = s[index]
            switch scalar {
            case "\\":
                if index + 1 < range.upperBound, s[index + 1].isMarkdownEscapable {
                    literal.unicodeScalars.append(s[index + 1])
                    index += 2
                } else {
                    literal.unicodeScalars.append(scalar)
                    index += 1
                }
            case "`":
                if let span = text.codeSpans[index], span.end <= range.upperBound {
                    var content = s[span.content]
                    if content.count >= 2, content.first == " ", content.last == " ",
                        !content.allSatisfy({ $0 == " " }) {
                        content = content.dropFirst().dropLast()
                    }
                    for scalar in content { literal.unicodeScalars.append(scalar) }
                    index = span.end
                } else {
                    while index < range.upperBound, s[index] == "`" {
                        literal.unicodeScalars.append("`")
                        index += 1
                    }
                }
            case "!" where index + 1 < range.upperBound && s[index + 1] == "[" && depth < Self.maximumNesting:
                if let link = link(in: text, openingAt: index + 1, image: true, within: range, depth: depth) {
                    literal += link.text
                    index = link.end
                } else {
                    literal.unicodeScalars.append(scalar)
                    index += 1
                }
            case "[" where depth < Self.maximumNesting:
                if let link = link(in: text, openingAt: index, image: false, within: range, depth: depth) {
                    literal += link.text
                    index = link.end
                } else {
                    literal.unicodeScalars.append(scalar)
                    index += 1
                }
            case "<":
                if let link = autolink(in: text, at: index, within: range) {
                    literal += link.text
                    index = link.end
                } else if let tag = Self.inlineTag(in: s, at: index, within: range) {
                    if tag.isBreak { literal.unicodeScalars.append(" ") }
                    index = tag.end
                } else {
                    literal.unicodeScalars.append(scalar)
                    index += 1
                }
            case "&":
                if let entity = Self.entity(in: s, at: index, within: range) {
                    literal += entity.text
                    index = entity.end
                } else {
                    literal.unicodeScalars.append(scalar)
                    index += 1
                }
            case "*", "_":
                var end = index
                while end < range.upperBound, s[end] == scalar { end += 1 }
                let before: Unicode.Scalar = index > 0 ? s[index - 1] : " "
                let after: Unicode.Scalar = end < s.count ? s[end] : " "
                let leftFlanking = !after.isPolicyWhitespace
                    && (!after.isMarkdownPunctuation || before.isPolicyWhitespace || before.isMarkdownPunctuation)
                let rightFlanking = !before.isPolicyWhitespace
                    && (!before.isMarkdownPunctuation || after.isPolicyWhitespace || after.isMarkdownPunctuation)
                let canOpen: Bool
                let canClose: Bool
                if scalar == "*" {
                    canOpen = leftFlanking
                    canClose = rightFlanking
                } else {
                    // `snake_case_words` keep their underscores.
                    canOpen = leftFlanking && (!rightFlanking || before.isMarkdownPunctuation)
                    canClose = rightFlanking && (!leftFlanking || after.isMarkdownPunctuation)
                }
                flushLiteral()
                delimiters.append(Delimiter(marker: scalar, count: end - index, canOpen: canOpen, canClose: canClose))
                pieces.append(.delimiter(delimiters.count - 1))
                index = end
            default:
                literal.unicodeScalars.append(scalar)
                index += 1
            }
        }
        flushLiteral()

        Self.matchEmphasis(&delimiters)
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text):
                result += text
            case .delimiter(let index):
                let delimiter = delimiters[index]
                for _ in 0..<delimiter.count { result.unicodeScalars.append(delimiter.marker) }
            }
        }
        return result
    }

    /// Pairs emphasis openers with closers and removes the paired markers; unpaired ones stay as text.
    private static func matchEmphasis(_ delimiters: inout [Delimiter]) {
        var openers: [Int] = []
        // Below these stack heights no opener of that marker is waiting, so a closer need not look.
        var bottomStar = 0
        var bottomUnderscore = 0
        for closer in delimiters.indices {
            let marker = delimiters[closer].marker
            if delimiters[closer].canClose {
                while delimiters[closer].count > 0 {
                    let bottom = marker == "*" ? bottomStar : bottomUnderscore
                    var found: Int?
                    var candidate = openers.count - 1
                    while candidate >= bottom {
                        if delimiters[openers[candidate]].marker == marker {
                            found = candidate
                            break
                        }
                        candidate -= 1
                    }
                    guard let stackIndex = found else {
                        if marker == "*" { bottomStar = openers.count } else { bottomUnderscore = openers.count }
                        break
                    }
                    let opener = openers[stackIndex]
                    let matched = min(delimiters[opener].count, delimiters[closer].count)
                    delimiters[opener].count -= matched
                    delimiters[closer].count -= matched
                    openers.removeSubrange((stackIndex + 1)...)
                    if delimiters[opener].count == 0 { openers.removeLast() }
                    bottomStar = min(bottomStar, openers.count)
                    bottomUnderscore = min(bottomUnderscore, openers.count)
                }
            }
            if delimiters[closer].count > 0 && delimiters[closer].canOpen {
                openers.append(closer)
            }
        }
    }

    // MARK: Links

    private mutating func link(
        in text: InlineText, openingAt open: Int, image: Bool, within range: Range<Int>, depth: Int
    ) -> (text: String, end: Int)? {
        let s = text.scalars
        guard let close = text.closingBracket[open], close < range.upperBound else { return nil }
        let after = close + 1
        var target: String?
        var end = after
        if after < range.upperBound, s[after] == "(" {
            guard lookaheadBudget > 0 else { return nil }
            var scanned = 0
            let inline = Self.inlineDestination(s, openingAt: after, within: range, scanned: &scanned)
            lookaheadBudget -= scanned
            guard let inline else { return nil }
            target = inline.destination
            end = inline.end
        } else if after < range.upperBound, s[after] == "[" {
            var labelEnd = after + 1
            while labelEnd < range.upperBound, s[labelEnd] != "]", s[labelEnd] != "[", labelEnd - after <= 1000 {
                labelEnd += 1
            }
            guard labelEnd < range.upperBound, s[labelEnd] == "]" else { return nil }
            var label = String(markdownScalars: s[(after + 1)..<labelEnd])
            if label.allSatisfy(\.isWhitespace) { label = String(markdownScalars: s[(open + 1)..<close]) }
            target = definitions[Self.normalizedLabel(label)]
            end = labelEnd + 1
        } else if close - open <= 1000 {
            target = definitions[Self.normalizedLabel(String(markdownScalars: s[(open + 1)..<close]))]
        }
        guard let target else { return nil }

        let linkIndex = links.count
        links.append(PolicyLink(target: target, text: "", position: text.position(of: image ? open - 1 : open)))
        let linkText = render(in: text, (open + 1)..<close, depth: depth + 1)
        links[linkIndex].text = linkText.collapsingWhitespace
        return (linkText, end)
    }

    /// `(destination "title")` after a link's text; nil when it is not well formed.
    private static func inlineDestination(
        _ s: [Unicode.Scalar], openingAt open: Int, within range: Range<Int>, scanned: inout Int
    ) -> (destination: String, end: Int)? {
        let limit = min(range.upperBound, open + maximumDestinationLength)
        var index = open + 1
        defer { scanned = index - open }
        func skipSpaces() { while index < limit, s[index].isPolicyWhitespace { index += 1 } }
        skipSpaces()
        var destination = String.UnicodeScalarView()
        if index < limit, s[index] == "<" {
            index += 1
            while index < limit, s[index] != ">" {
                if s[index] == "<" { return nil }
                if s[index] == "\\", index + 1 < limit, s[index + 1].isMarkdownEscapable { index += 1 }
                destination.append(s[index])
                index += 1
            }
            guard index < limit else { return nil }
            index += 1
        } else {
            var parentheses = 0
            while index < limit, !s[index].isPolicyWhitespace {
                let scalar = s[index]
                if scalar == "\\", index + 1 < limit, s[index + 1].isMarkdownEscapable {
                    destination.append(s[index + 1])
                    index += 2
                    continue
                }
                if scalar == "(" { parentheses += 1 }
                if scalar == ")" {
                    if parentheses == 0 { break }
                    parentheses -= 1
                }
                destination.append(scalar)
                index += 1
            }
            guard parentheses == 0 else { return nil }
        }
        skipSpaces()
        if index < limit, s[index] == "\"" || s[index] == "'" || s[index] == "(" {
            let closer: Unicode.Scalar = s[index] == "(" ? ")" : s[index]
            index += 1
            while index < limit, s[index] != closer {
                if s[index] == "\\" { index += 1 }
                index += 1
            }
            guard index < limit else { return nil }
            index += 1
            skipSpaces()
        }
        guard index < limit, s[index] == ")" else { return nil }
        return (String(destination), index + 1)
    }

    /// `<https://example.org>` or `<help@example.org>`.
    private mutating func autolink(
        in text: InlineText, at open: Int, within range: Range<Int>
    ) -> (text: String, end: Int)? {
        guard lookaheadBudget > 0 else { return nil }
        let s = text.scalars
        let limit = min(range.upperBound, open + Self.maximumDestinationLength)
        defer { lookaheadBudget -= 1 }
        var index = open + 1
        var close: Int?
        var isEmail = false

        var schemeEnd = index
        while schemeEnd < limit, s[schemeEnd].isMarkdownASCIIAlphanumeric || "+.-".unicodeScalars.contains(s[schemeEnd]) {
            schemeEnd += 1
        }
        if schemeEnd - index >= 2, schemeEnd - index <= 32, s[index].isMarkdownASCIILetter,
            schemeEnd < limit, s[schemeEnd] == ":" {
            index = schemeEnd + 1
            while index < limit, s[index] != ">", s[index] != "<", !s[index].isPolicyWhitespace { index += 1 }
            if index < limit, s[index] == ">" { close = index }
        } else {
            var at: Int?
            index = open + 1
            while index < limit, s[index] != ">" {
                let scalar = s[index]
                if scalar == "@" {
                    if at != nil { break }
                    at = index
                } else if !(scalar.isMarkdownASCIIAlphanumeric || ".-_+!#$%&'*/=?^`{|}~".unicodeScalars.contains(scalar)) {
                    break
                }
                index += 1
            }
            if let at, at > open + 1, index > at + 1, index < limit, s[index] == ">" {
                close = index
                isEmail = true
            }
        }
        guard let close else { return nil }
        let written = String(markdownScalars: s[(open + 1)..<close])
        links.append(PolicyLink(
            target: isEmail ? "mailto:" + written : written, text: written, position: text.position(of: open)))
        return (written, close + 1)
    }

    /// Inline HTML elements whose tags are dropped from the text. Only known names, so that a fill-in
    /// marker such as `<insert name>` stays visible.
    private static let inlineTagNames: Set<String> = [
        "a", "abbr", "b", "big", "br", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    ]

    /// `<span class="x">`, `</em>` or `<br/>` at `open`: where it ends, and whether it is a line break.
    private static func inlineTag(
        in s: [Unicode.Scalar], at open: Int, within range: Range<Int>
    ) -> (end: Int, isBreak: Bool)? {
        let limit = min(range.upperBound, open + 512)
        var index = open + 1
        if index < limit, s[index] == "/" { index += 1 }
        let nameStart = index
        while index < limit, s[index].isMarkdownASCIIAlphanumeric { index += 1 }
        let name = String(markdownScalars: s[nameStart..<index]).lowercased()
        guard inlineTagNames.contains(name), index < limit,
            s[index] == ">" || s[index] == "/" || s[index].isPolicyWhitespace else { return nil }
        var quote: Unicode.Scalar?
        while index < limit {
            let scalar = s[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "<" {
                return nil
            } else if scalar == ">" {
                return (index + 1, name == "br")
            }
            index += 1
        }
        return nil
    }

    // MARK: Entities

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©",
        "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·", "euro": "€", "pound": "£", "sect": "§",
        "deg": "°", "times": "×", "eacute": "é", "egrave": "è", "aacute": "á", "ntilde": "ñ", "uuml": "ü",
    ]

    private static func entity(
        in s: [Unicode.Scalar], at ampersand: Int, within range: Range<Int>
    ) -> (text: String, end: Int)? {
        let limit = min(range.upperBound, ampersand + 34)
        var index = ampersand + 1
        guard index < limit else { return nil }
        if s[index] == "#" {
            index += 1
            var radix = 10
            if index < limit, s[index] == "x" || s[index] == "X" {
                radix = 16
                index += 1
            }
            let digitsStart = index
            while index < limit, index - digitsStart < 7, s[index].properties.isASCIIHexDigit {
                if radix == 10 && s[index].markdownDigitValue == nil { break }
                index += 1
            }
            guard index > digitsStart, index < limit, s[index] == ";" else { return nil }
            let digits = String(markdownScalars: s[digitsStart..<index])
            let value = UInt32(digits, radix: radix).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
            return (String(value == "\0" ? "\u{FFFD}" : value), index + 1)
        }
        let nameStart = index
        while index < limit, s[index].isMarkdownASCIIAlphanumeric { index += 1 }
        guard index > nameStart, index < limit, s[index] == ";",
            let text = namedEntities[String(markdownScalars: s[nameStart..<index])] else { return nil }
        return (text, index + 1)
    }
}

/// The spans of one block joined with spaces, with code spans and brackets paired up front so that
/// rendering never scans ahead more than once.
private struct InlineText {
    struct CodeSpan {
        var content: Range<Int>
        var end: Int
    }

    var scalars: [Unicode.Scalar] = []
    private var spanStarts: [Int] = []
    private var spanPositions: [TextPosition] = []
    /// Opening backtick run → its code span.
    private(set) var codeSpans: [Int: CodeSpan] = [:]
    /// `[` → its matching `]`.
    private(set) var closingBracket: [Int: Int] = [:]

    init(_ spans: [MarkdownSpan]) {
        for span in spans {
            if !scalars.isEmpty { scalars.append(" ") }
            spanStarts.append(scalars.count)
            spanPositions.append(span.position)
            var content = span.scalars
            // A backslash at the end of a line is a hard line break.
            var backslashes = 0
            while backslashes < content.count, content[content.endIndex - 1 - backslashes] == "\\" { backslashes += 1 }
            if backslashes % 2 == 1 { content = content.dropLast() }
            scalars.append(contentsOf: content)
        }
        pairCodeSpans()
        pairBrackets()
    }

    func position(of offset: Int) -> TextPosition {
        var low = 0
        var high = spanStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if spanStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = spanPositions[low]
        return TextPosition(line: start.line, column: start.column + offset - spanStarts[low])
    }

    private mutating func pairCodeSpans() {
        var runs: [(start: Int, length: Int, escaped: Bool)] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "`" else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end] == "`" { end += 1 }
            var backslashes = 0
            while index - backslashes > 0, scalars[index - backslashes - 1] == "\\" { backslashes += 1 }
            runs.append((index, end - index, backslashes % 2 == 1))
            index = end
        }
        guard runs.count > 1 else { return }
        var nextOfSameLength = [Int?](repeating: nil, count: runs.count)
        var lastSeen: [Int: Int] = [:]
        for run in runs.indices.reversed() {
            nextOfSameLength[run] = lastSeen[runs[run].length]
            lastSeen[runs[run].length] = run
        }
        var run = 0
        while run < runs.count {
            if !runs[run].escaped, let closer = nextOfSameLength[run] {
                let opening = runs[run]
                codeSpans[opening.start] = CodeSpan(
                    content: (opening.start + opening.length)..<runs[closer].start,
                    end: runs[closer].start + opening.length)
                run = closer + 1
            } else {
                run += 1
            }
        }
    }

    private mutating func pairBrackets() {
        var open: [Int] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "`", let span = codeSpans[index] {
                index = span.end
                continue
            }
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1].isMarkdownEscapable {
                index += 2
                continue
            }
            if scalar == "[" {
                open.append(index)
            } else if scalar == "]", let opener = open.popLast() {
                closingBracket[opener] = index
            }
            index += 1
        }
    }
}

// MARK: - Characters

extension Unicode.Scalar {
    fileprivate var isMarkdownSpace: Bool { self == " " || self == "\t" }

    fileprivate var markdownDigitValue: Int? {
        ("0"..."9").contains(self) ? Int(value - 48) : nil
    }

    fileprivate var isMarkdownASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }

    fileprivate var isMarkdownASCIIAlphanumeric: Bool { isMarkdownASCIILetter || markdownDigitValue != nil }

    fileprivate var isMarkdownEscapable: Bool {
        isASCII && properties.generalCategory != .control && !isMarkdownASCIIAlphanumeric && self != " "
    }

    fileprivate var isMarkdownPunctuation: Bool {
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// Built one scalar at a time: `UnicodeScalarView.append(contentsOf:)` copies the whole string per call.
    fileprivate init(markdownScalars scalars: some Sequence<Unicode.Scalar>) {
        self.init()
        for scalar in scalars { unicodeScalars.append(scalar) }
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    fileprivate func trimmingMarkdownSpaces() -> ArraySlice<Unicode.Scalar> {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isMarkdownSpace { start += 1 }
        while end > start, self[end - 1].isMarkdownSpace { end -= 1 }
        return self[start..<end]
    }
}
