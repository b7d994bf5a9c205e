// The plain-text policy parser: a `.txt` export or a page copied out of a browser, read into the policy model.

/// Reads a policy written as plain text into sections, paragraphs and list items.
///
/// Plain text has no markup, so its shape is read the way a person reads it:
/// - a blank line ends a paragraph; inside a block of lines, a line that does not end a sentence and
///   runs on (hard wrapping) joins the line before it, and a block that is hard-wrapped is one paragraph;
///   otherwise each line is a paragraph of its own (text copied from a web page has one per line);
/// - a line starting with a bullet (`-`, `*`, `•`, `■`, …) or a number (`1.`, `2)`, `(a)`) is a list item,
///   and indented lines under it continue it;
/// - a heading is `# Title` (as in Markdown), a line underlined with `===` or `---`, or a short line of a
///   few words with no sentence punctuation at its end, followed by more text (`Our active hours`). A
///   heading may end with `{#id .class}`, as in Markdown.
public enum TextPolicyParser {
    /// - Parameters:
    ///   - body: the document after its front matter.
    ///   - firstLine: the 1-based line of the file on which `body` starts.
    public static func parse(_ body: Substring, firstLine: Int) -> ParsedPolicyContent {
        let lines = Lines.split(body)
        var builder = PolicyContentBuilder()
        var index = 0
        var sawContent = false
        // A title needs text after it.
        let lastTextLine = lines.lastIndex { !$0.allSatisfy { $0.unicodeScalars.allSatisfy(\.isPolicyWhitespace) } } ?? -1

        /// A paragraph being gathered from one or more lines.
        var paragraph: (text: String, position: TextPosition, lastLine: Int, wrapped: Bool)?
        /// The list item being gathered, and the column its text starts at (continuation lines are indented).
        var item: (slot: PolicyContentBuilder.ListItemSlot, text: String, indent: Int)?
        /// Paragraphs of the current block, held back until the block ends: a hard-wrapped block is one paragraph.
        var block: [(text: String, position: TextPosition)] = []
        var blockWrapped = false

        func flushParagraph() {
            guard let current = paragraph else { return }
            block.append((current.text, current.position))
            if current.wrapped { blockWrapped = true }
            paragraph = nil
        }
        func flushItem() {
            guard let current = item else { return }
            builder.fill(current.slot, with: current.text.collapsingWhitespace)
            item = nil
        }
        func flushBlock() {
            flushParagraph()
            flushItem()
            guard let first = block.first else { return }
            if blockWrapped {
                builder.addParagraph(block.map(\.text).joined(separator: " ").collapsingWhitespace, at: first.position)
            } else {
                for part in block { builder.addParagraph(part.text.collapsingWhitespace, at: part.position) }
            }
            block = []
            blockWrapped = false
        }

        while index < lines.count {
            let line = lines[index]
            let lineNumber = firstLine + index
            let content = line.trimmingWhitespaceScalars
            if content.text.isEmpty {
                flushBlock()
                index += 1
                continue
            }
            let position = TextPosition(line: lineNumber, column: content.column)
            let next = index + 1 < lines.count ? lines[index + 1].trimmingWhitespaceScalars.text : ""

            // `# Title`
            if let heading = atxHeading(content.text) {
                flushBlock()
                addHeading(heading.text, level: heading.level, at: position, into: &builder)
                sawContent = true
                index += 1
                continue
            }
            // Title over ===== or -----
            if paragraph == nil, item == nil, !next.isEmpty, next.count >= 3,
               next.unicodeScalars.allSatisfy({ $0 == "=" }) || next.unicodeScalars.allSatisfy({ $0 == "-" }),
               !startsWithBullet(content.text) {
                flushBlock()
                addHeading(content.text, level: next.hasPrefix("=") ? 1 : 2, at: position, into: &builder)
                sawContent = true
                index += 2
                continue
            }
            if let marker = listMarker(content.text) {
                flushParagraph()
                flushItem()
                let slot = builder.reserveListItem(at: position)
                item = (slot, String(content.text.unicodeScalars.dropFirst(marker)), content.column + marker)
                sawContent = true
                index += 1
                continue
            }
            // An indented line, or one that runs on, continues the list item above it.
            if let current = item {
                let runsOn = !endsSentence(current.text) && startsLowercase(content.text)
                if content.column > 1 || runsOn {
                    item?.text = current.text + " " + content.text
                    index += 1
                    continue
                }
                flushItem()
            }
            // A line runs on from one that stops mid-sentence: when it starts in lower case, or when both are
            // long lines of hard-wrapped prose ("…signed by the\nCity Council…").
            if let current = paragraph, !endsSentence(current.text),
               startsLowercase(content.text)
                || (current.lastLine >= 60 && content.text.unicodeScalars.count >= 40) {
                paragraph?.text = current.text + " " + content.text
                paragraph?.lastLine = content.text.unicodeScalars.count
                paragraph?.wrapped = true
                index += 1
                continue
            }
            // A title is not the first line of a sentence that runs on ("We welcome your comments and hope that our").
            if looksLikeHeading(content.text), index < lastTextLine, !startsLowercase(next), !endsInAFunctionWord(content.text) {
                flushBlock()
                addHeading(content.text, level: sawContent ? 2 : 1, at: position, into: &builder)
                sawContent = true
                index += 1
                continue
            }
            flushParagraph()
            paragraph = (content.text, position, content.text.unicodeScalars.count, false)
            sawContent = true
            index += 1
        }
        flushBlock()
        return builder.build(title: builder.firstLevel1Heading, declaredKind: nil)
    }

    private static func addHeading(_ raw: String, level: Int, at position: TextPosition, into builder: inout PolicyContentBuilder) {
        var text = raw
        var id: String?
        var classes: [String] = []
        if let attributes = HeadingAttributes.split(raw) {
            text = attributes.text
            id = attributes.id
            classes = attributes.classes
        }
        let heading = text.collapsingWhitespace
        builder.addHeading(heading, level: level, id: id ?? heading.slug, hasExplicitID: id != nil, classes: classes, at: position)
    }

    /// `## Title` → (2, "Title"); closing hashes are dropped.
    static func atxHeading(_ line: String) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard let first = rest.first, first == " " || first == "\t" else { return nil }
        var text = String(rest).trimmingWhitespace
        text = HeadingAttributes.droppingClosingHashes(text)
        return text.isEmpty ? nil : (hashes, text)
    }

    private static let bullets: Set<Unicode.Scalar> = [
        "-", "*", "+", "•", "◦", "▪", "▫", "■", "□", "●", "○", "·", "‣", "⁃", "–", "—", "►", "▶", "✓", "✔", "➢", "→",
    ]

    static func startsWithBullet(_ line: String) -> Bool { listMarker(line) != nil }

    /// The length in scalars of a list marker and the space after it (`- `, `1. `, `(a) `), if the line starts with one.
    static func listMarker(_ line: String) -> Int? {
        let scalars = Array(line.unicodeScalars.prefix(8))
        guard let first = scalars.first else { return nil }
        func spaceAfter(_ count: Int) -> Int? {
            guard count < scalars.count, scalars[count] == " " || scalars[count] == "\t" else { return nil }
            var end = count
            while end < scalars.count, scalars[end] == " " || scalars[end] == "\t" { end += 1 }
            return end
        }
        if bullets.contains(first) {
            // `--` or `**bold**` is not a bullet; a bullet is followed by a space.
            return spaceAfter(1)
        }
        var digits = 0
        while digits < scalars.count, digits < 3, ("0"..."9").contains(scalars[digits]) { digits += 1 }
        if digits > 0, digits < scalars.count, scalars[digits] == "." || scalars[digits] == ")" {
            return spaceAfter(digits + 1)
        }
        // (1) (a) a)
        if first == "(", scalars.count > 3, let close = scalars.firstIndex(of: ")"), close <= 4,
           scalars[1..<close].allSatisfy({ ("0"..."9").contains($0) || ("a"..."z").contains($0) }) {
            return spaceAfter(close + 1)
        }
        if scalars.count > 2, ("a"..."z").contains(first), scalars[1] == ")" { return spaceAfter(2) }
        return nil
    }

    /// A short line that reads as a title: a few words, starting with a capital or digit, with no
    /// sentence punctuation at its end (a colon only on a very short one: `Contact us:`).
    static func looksLikeHeading(_ line: String) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count <= 10, line.unicodeScalars.count <= 80,
              let first = line.unicodeScalars.first, first.properties.isUppercase || ("0"..."9").contains(first),
              line.unicodeScalars.contains(where: \.properties.isAlphabetic),
              let last = line.unicodeScalars.last else { return false }
        // "Overview of house rules:" is a title; "We may remove comments that:" leads into a list.
        if last == ":" {
            return words.count <= 5 && !words.contains { leadInWords.contains($0.lowercased()) }
        }
        if HeadingAttributes.split(line) != nil { return true }
        return !".,;!?)\"”’'…".unicodeScalars.contains(last)
    }

    /// Words that make a line ending in a colon a sentence leading into a list, not a title.
    private static let leadInWords: Set<String> = [
        "we", "you", "they", "it", "will", "may", "can", "must", "should", "are", "is", "be", "that", "which", "if",
        "when", "do", "don't", "please", "following", "these", "include", "includes",
    ]

    private static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "our", "your", "their", "its",
        "that", "which", "by", "from", "at", "as", "is", "are", "be", "we", "you", "this", "these", "any", "all",
    ]

    /// Whether a line stops on a word no title ends with.
    static func endsInAFunctionWord(_ line: String) -> Bool {
        guard let last = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).last else { return false }
        return functionWords.contains(last.lowercased())
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return true }
        return ".!?:;\"”’)…".unicodeScalars.contains(last)
    }

    static func startsLowercase(_ text: String) -> Bool {
        text.unicodeScalars.first.map { $0.properties.isLowercase || ("0"..."9").contains($0) } ?? false
    }
}

extension Substring {
    /// The line without leading and trailing whitespace, and the 1-based column (in scalars) where it starts.
    var trimmingWhitespaceScalars: (text: String, column: Int) {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var column = 1
        while start < scalars.endIndex, scalars[start].isPolicyWhitespace {
            start = scalars.index(after: start)
            column += 1
        }
        var end = scalars.endIndex
        while end > start, scalars[scalars.index(before: end)].isPolicyWhitespace { end = scalars.index(before: end) }
        return (String(String.UnicodeScalarView(scalars[start..<end])), column)
    }
}
