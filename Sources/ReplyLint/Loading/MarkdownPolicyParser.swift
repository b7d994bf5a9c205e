// The Markdown policy parser: cmark-gfm (the reference CommonMark parser) read into the policy model.

import CCMark
import Synchronization

/// Reads a policy written in Markdown into sections, paragraphs, list items and links.
///
/// cmark-gfm parses the document as CommonMark plus GitHub's tables, autolinks, strikethrough and
/// task lists — what authors see when they preview a policy on GitHub. One walk over its tree then
/// feeds a `PolicyContentBuilder`, as the HTML parser's walk does: a heading starts a section, a
/// paragraph or table cell is a paragraph, a list item's text is everything in it but its nested
/// lists, code is skipped, and an HTML block is read by the HTML policy parser. Only what CommonMark
/// does not do is done here: Pandoc `{#id .class}` heading attributes, and positions — cmark counts
/// columns in bytes, and inside a paragraph it loses count (see `InlineLocator`).
public enum MarkdownPolicyParser {
    /// - Parameters:
    ///   - body: the document after its front matter.
    ///   - firstLine: the 1-based line of the file on which `body` starts.
    public static func parse(_ body: Substring, firstLine: Int) -> ParsedPolicyContent {
        let source = MarkdownSource(body, firstLine: firstLine)
        guard !source.bytes.isEmpty, let document = CMark.parse(source.bytes) else { return ParsedPolicyContent() }
        defer { cmark_node_free(document) }
        var walker = MarkdownTreeWalker(source: source)
        walker.walk(document)
        return walker.finish()
    }
}

// MARK: - cmark-gfm

private typealias CMarkNode = OpaquePointer

private enum CMark {
    /// cmark-gfm's global set-up (GitHub's extensions go into a list kept without a lock) must happen once
    /// and before any parse. A static `let` is initialised exactly once (`swift_once`), however many of
    /// `LibraryLoader`'s parallel chunks reach it together; after it, parsers only read the list.
    private static let extensionNames: [String] = {
        replylint_cmark_initialize()
        return ["table", "strikethrough", "autolink", "tasklist"]
    }()

    /// cmark-gfm keeps the inline parser's table of special characters in a global array: a parser
    /// adds its extensions' characters when it starts and takes them out when it finishes, so a parse
    /// that ends while another runs removes the other's `w` and `:` — and bare `www.` links went
    /// missing in parallel loads (2 of 200 files, seen in ParallelPolicyLoadingTests). One parse at a
    /// time; the walk over the finished tree, the larger part of the work, still runs in parallel.
    private static let lock = Mutex(())

    static func parse(_ bytes: [UInt8]) -> CMarkNode? {
        lock.withLock { _ in unsafeParse(bytes) }
    }

    private static func unsafeParse(_ bytes: [UInt8]) -> CMarkNode? {
        let names = extensionNames
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in names {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        return cmark_parser_finish(parser)
    }

    static func literal(_ node: CMarkNode) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }
}

// MARK: - Walking the tree

/// One pass over cmark's tree in document order (its iterator, so deep nesting costs no stack).
///
/// Text goes to the collector on top of a stack: a paragraph, heading, list item or link. A list item
/// takes in the paragraphs, headings and tables inside it; a nested list's items stack on top of it.
private struct MarkdownTreeWalker {
    private enum CollectorKind {
        case paragraph
        case heading(level: Int, isATX: Bool)
        case listItem(PolicyContentBuilder.ListItemSlot)
        case link(index: Int)
    }

    private struct Collector {
        var kind: CollectorKind
        var position: TextPosition
        var text = ""
        /// A heading's text since its last code span, link or tag: where `{#id .class}` may be.
        var plainTail = ""
    }

    private var source: MarkdownSource
    private var builder = PolicyContentBuilder()
    private var collectors: [Collector] = []
    /// The paragraph, heading or table cell being read, for finding its links.
    private var leaf: InlineLocator?
    private var quoteDepth = 0

    init(source: MarkdownSource) {
        self.source = source
    }

    mutating func finish() -> ParsedPolicyContent {
        builder.build(title: builder.firstLevel1Heading, declaredKind: nil)
    }

    mutating func walk(_ document: CMarkNode) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER { enter(node) } else { exit(node) }
        }
    }

    private var absorbsBlocks: Bool {
        if case .listItem = collectors.last?.kind { return true }
        return false
    }

    // Leaf nodes (text, code, breaks, HTML, code blocks, thematic breaks) are only entered.
    private mutating func enter(_ node: CMarkNode) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth += 1
        case CMARK_NODE_ITEM:
            let position = blockPosition(node)
            collectors.append(Collector(kind: .listItem(builder.reserveListItem(at: position)), position: position))
        case CMARK_NODE_HEADING:
            enterHeading(node)
        case CMARK_NODE_PARAGRAPH:
            enterTextBlock(InlineLocator(paragraph: node, in: source, quoteDepth: quoteDepth))
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            if absorbsBlocks { append(" ") }
        case CMARK_NODE_HTML_BLOCK:
            readHTMLBlock(node)
        case CMARK_NODE_TEXT:
            append(CMark.literal(node) ?? "", plain: true)
        case CMARK_NODE_CODE:
            append(CMark.literal(node) ?? "")
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            append(" ", plain: true)
        case CMARK_NODE_HTML_INLINE:
            let tag = InlineHTML.read(CMark.literal(node) ?? "")
            builder.anchors.formUnion(tag.anchors)
            append(tag.text)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            enterLink(node, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE)
        case CMARK_NODE_DOCUMENT, CMARK_NODE_LIST, CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            break
        default:
            if Self.isTableCell(node) { enterTextBlock(InlineLocator(tableCell: node, in: source)) }
        }
    }

    private mutating func exit(_ node: CMarkNode) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth -= 1
        case CMARK_NODE_ITEM:
            guard let collector = collectors.popLast(), case .listItem(let slot) = collector.kind else { return }
            builder.fill(slot, with: collector.text.collapsingWhitespace)
        case CMARK_NODE_HEADING:
            exitHeading()
        case CMARK_NODE_PARAGRAPH:
            exitParagraph()
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            guard let collector = collectors.popLast(), case .link(let index) = collector.kind else { return }
            builder.links[index].text = collector.text.collapsingWhitespace
            append(collector.text)
        case CMARK_NODE_DOCUMENT, CMARK_NODE_LIST, CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            break
        default:
            if Self.isTableCell(node) { exitParagraph() }
        }
    }

    private static func isTableCell(_ node: CMarkNode) -> Bool {
        // Extension node types are numbered at registration, so the table's are known by name.
        cmark_node_get_type_string(node).map { String(cString: $0) } == "table_cell"
    }

    // MARK: Blocks

    /// A paragraph or a table cell.
    private mutating func enterTextBlock(_ locator: InlineLocator) {
        leaf = locator
        if absorbsBlocks {
            append(" ")
        } else {
            collectors.append(Collector(kind: .paragraph, position: source.position(ofByte: locator.start)))
        }
    }

    private mutating func exitParagraph() {
        leaf = nil
        guard case .paragraph = collectors.last?.kind, let collector = collectors.popLast() else {
            append(" ")
            return
        }
        builder.addParagraph(collector.text.collapsingWhitespace, at: collector.position)
    }

    private mutating func enterHeading(_ node: CMarkNode) {
        // `## Title`, not `Title` over `===` (whose text may begin `#hashtag`).
        let start = source.offset(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        var marker = start
        while marker < source.bytes.count, source.bytes[marker] == UInt8(ascii: "#") { marker += 1 }
        let isATX = marker > start && (marker == source.bytes.count || source.bytes[marker].isMarkdownSpaceOrLineEnd)
        leaf = InlineLocator(heading: node, isATX: isATX, in: source, quoteDepth: quoteDepth)
        if absorbsBlocks {
            append(" ")
        } else {
            collectors.append(Collector(
                kind: .heading(level: Int(cmark_node_get_heading_level(node)), isATX: isATX),
                position: blockPosition(node)))
        }
    }

    private mutating func exitHeading() {
        leaf = nil
        guard case .heading(let level, let isATX) = collectors.last?.kind, let collector = collectors.popLast() else {
            append(" ")
            return
        }
        var text = collector.text
        let attributes = HeadingAttributes.split(collector.plainTail)
        if let attributes {
            text = String(text.unicodeScalars.dropLast(collector.plainTail.unicodeScalars.count)) + attributes.text
            // `## Billing ## {#billing}`: the closing hashes cmark would have taken off were not last.
            if isATX { text = HeadingAttributes.droppingClosingHashes(text) }
        }
        let heading = text.collapsingWhitespace
        builder.addHeading(
            heading, level: level, id: attributes?.id ?? heading.slug, hasExplicitID: attributes?.id != nil,
            classes: attributes?.classes ?? [], at: collector.position)
    }

    /// An HTML block is raw HTML (a `<div>` up to the next blank line, a `<details>`, a comment): what a
    /// browser would show of it is read by the HTML policy parser, which also finds its ids and links.
    private mutating func readHTMLBlock(_ node: CMarkNode) {
        guard let literal = CMark.literal(node) else { return }
        let content = HTMLPolicyParser.parse(literal)
        let firstLine = Int(cmark_node_get_start_line(node))
        let literalLines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        // Each line of the block is the end of a source line, after the `>` markers and indentation
        // cmark took off; libxml2's positions are in the block's own text.
        func position(_ inBlock: TextPosition) -> TextPosition {
            let line = firstLine + inBlock.line - 1
            guard inBlock.line >= 1, inBlock.line <= literalLines.count, let start = source.lineStart(line) else {
                return blockPosition(node)
            }
            let written = literalLines[inBlock.line - 1]
            let writtenBytes = written.utf8.count - (written.hasSuffix("\r") ? 1 : 0)
            let prefix = max(0, source.lineEnd(line) - start - writtenBytes)
            let lineStart = source.position(ofByte: start + prefix)
            return TextPosition(line: lineStart.line, column: lineStart.column + inBlock.column - 1)
        }
        builder.anchors.formUnion(content.anchors)
        for var link in content.links {
            link.position = position(link.position)
            builder.links.append(link)
        }
        if absorbsBlocks {
            let texts = content.sections.flatMap { [$0.heading] + ($0.paragraphs + $0.listItems).map(\.text) }
            append(" " + texts.joined(separator: " ") + " ")
            return
        }
        for section in content.sections {
            if section.level > 0 {
                builder.addHeading(
                    section.heading, level: section.level, id: section.id, hasExplicitID: section.hasExplicitID,
                    classes: section.classes, at: position(section.position))
            }
            for paragraph in section.paragraphs {
                builder.addParagraph(paragraph.text, at: position(paragraph.position))
            }
            for item in section.listItems {
                builder.fill(builder.reserveListItem(at: position(item.position)), with: item.text)
            }
        }
    }

    // MARK: Inlines

    private mutating func append(_ text: String, plain: Bool = false) {
        guard !collectors.isEmpty else { return }
        let top = collectors.count - 1
        collectors[top].text += text
        if case .heading = collectors[top].kind {
            if plain { collectors[top].plainTail += text } else { collectors[top].plainTail = "" }
        }
    }

    private mutating func enterLink(_ node: CMarkNode, isImage: Bool) {
        let target = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        var offset: Int?
        if var locator = leaf {
            offset = locator.locateLink(node, isImage: isImage, target: target, in: source)
            leaf = locator
        }
        let position = offset.map { source.position(ofByte: $0) } ?? collectors.last?.position ?? blockPosition(node)
        builder.links.append(PolicyLink(target: target, text: "", position: position))
        collectors.append(Collector(kind: .link(index: builder.links.count - 1), position: position))
    }

    private mutating func blockPosition(_ node: CMarkNode) -> TextPosition {
        source.position(ofByte: source.offset(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))))
    }
}

// MARK: - Positions

/// The body as cmark reads it, and the way from cmark's lines and byte columns to the file's lines
/// and Unicode scalar columns.
private struct MarkdownSource {
    /// UTF-8 without a leading byte-order mark (cmark skips one; columns count from after it, as in
    /// HTML policies), and with NUL as U+FFFD — cmark's own replacement, made here so that its byte
    /// columns are columns of these bytes.
    let bytes: [UInt8]
    /// Where each line starts, as cmark counts lines: `\n`, `\r\n` and a lone `\r` end one.
    private let lineStarts: [Int]
    /// For each of those lines, its line in the file, where only `\n` ends a line (as everywhere in
    /// ReplyLint), and the scalars before it on that line (not 0 only after a lone `\r`).
    private let fileLines: [Int]
    private let columnBases: [Int]
    /// The last position found, to count on from: links come in order, and a line may be a megabyte.
    private var last: (offset: Int, line: Int, column: Int)?

    init(_ body: Substring, firstLine: Int) {
        var utf8 = body.utf8[...]
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8 = utf8.dropFirst(3) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for byte in utf8 {
            if byte == 0 { bytes += [0xEF, 0xBF, 0xBD] } else { bytes.append(byte) }
        }
        var starts = [0]
        var lines = [firstLine]
        var bases = [0]
        var fileLine = firstLine
        var scalarsOnLine = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let crlf = byte == UInt8(ascii: "\r") && index < bytes.count && bytes[index] == UInt8(ascii: "\n")
            if byte == UInt8(ascii: "\n") || crlf {
                if crlf { index += 1 }
                fileLine += 1
                scalarsOnLine = 0
            } else {
                if byte & 0xC0 != 0x80 { scalarsOnLine += 1 }
                guard byte == UInt8(ascii: "\r") else { continue }
            }
            starts.append(index)
            lines.append(fileLine)
            bases.append(scalarsOnLine)
        }
        self.bytes = bytes
        lineStarts = starts
        fileLines = lines
        columnBases = bases
    }

    /// Where cmark's 1-based `line` starts, if there is such a line.
    func lineStart(_ line: Int) -> Int? {
        line >= 1 && line <= lineStarts.count ? lineStarts[line - 1] : nil
    }

    /// Where cmark's `line` ends, before its line ending.
    func lineEnd(_ line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > lineStarts[line - 1], bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > lineStarts[line - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The byte at cmark's 1-based `line` and byte `column`, kept within the text.
    func offset(line: Int, column: Int) -> Int {
        guard let start = lineStart(line) else { return line < 1 ? 0 : bytes.count }
        return min(max(start, start + column - 1), bytes.count)
    }

    /// Where a paragraph line's text starts once the `>` markers of `quoteDepth` block quotes (a lazy
    /// line has fewer) and the indentation are skipped — what cmark keeps of the line. A list item's
    /// marker is only on its first line, whose start cmark gives.
    func contentStart(ofLine line: Int, quoteDepth: Int) -> Int {
        guard let start = lineStart(line) else { return bytes.count }
        let end = lineEnd(line)
        var index = start
        for _ in 0..<quoteDepth {
            var probe = index
            while probe < end, probe - index < 3, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
            guard probe < end, bytes[probe] == UInt8(ascii: ">") else { break }
            index = probe + 1
            if index < end, bytes[index].isMarkdownSpace { index += 1 }
        }
        while index < end, bytes[index].isMarkdownSpace { index += 1 }
        return index
    }

    /// The file position of the byte at `offset`.
    mutating func position(ofByte offset: Int) -> TextPosition {
        let offset = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var from = lineStarts[low]
        var column = columnBases[low] + 1
        if let last, last.line == low, last.offset <= offset {
            from = last.offset
            column = last.column
        }
        for byte in bytes[from..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        last = (offset, low, column)
        return TextPosition(line: fileLines[low], column: column)
    }
}

/// Finds the links of one paragraph, heading or table cell in the source.
///
/// cmark-gfm 0.29 gives inline nodes positions, but not ones to use as they are. In
/// `See <https://city.gov/help>` on the second line of a paragraph indented by two, it reports the
/// autolink at column 124 of that line, and its text at column 29 (it is at 31): each line's columns
/// count from where cmark's copy of the line starts, after the indentation and `>` markers it took off,
/// plus the offset of the block's first line; an autolink's own column is not worked out at all, and
/// GitHub's bare autolinks (`www.city.gov`) get line 0. A paragraph that begins with link reference
/// definitions is counted from the first definition's line, and newlines inside a link's destination
/// or title are not counted. So each reported position is corrected for the first and the definitions,
/// then checked against the source — a link must start there with `[`, `![`, `<` or its own text —
/// and when the check fails the link is searched for after the one before it.
private struct InlineLocator {
    /// Where the block's text starts (after any reference definitions).
    private(set) var start: Int
    /// The line cmark counts the block's inline positions from, and the lines it left out there.
    private let reportedLine: Int
    private let lineShift: Int
    /// The byte column, less one, that cmark adds to every inline column.
    private let blockOffset: Int
    /// Where the first line's text starts, if cmark's first line is the text's first line.
    private let firstLineStart: Int?
    private let quoteDepth: Int
    private let end: Int
    /// Links are in document order: the next one starts after this.
    private var cursor: Int

    private init(
        reportedLine: Int, lineShift: Int, blockOffset: Int, firstLineStart: Int?, start: Int, endLine: Int,
        quoteDepth: Int, in source: MarkdownSource
    ) {
        self.reportedLine = reportedLine
        self.lineShift = lineShift
        self.blockOffset = blockOffset
        self.firstLineStart = firstLineStart
        self.quoteDepth = quoteDepth
        self.start = start
        self.end = source.lineEnd(endLine)
        cursor = start
    }

    init(paragraph node: CMarkNode, in source: MarkdownSource, quoteDepth: Int) {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let first = source.offset(line: line, column: column)
        // Reference definitions taken off the top: the last inline line falls short of the paragraph's last line.
        var shift = 0
        if Self.startsLikeADefinition(source.bytes[first..<source.lineEnd(line)]) {
            let lastReported = Self.lastReportedLine(under: node)
            if lastReported > 0 { shift = max(0, endLine - lastReported) }
        }
        let start = shift == 0 ? first : source.contentStart(ofLine: line + shift, quoteDepth: quoteDepth)
        self.init(
            reportedLine: line, lineShift: shift, blockOffset: column - 1, firstLineStart: shift == 0 ? first : nil,
            start: start, endLine: endLine, quoteDepth: quoteDepth, in: source)
    }

    init(heading node: CMarkNode, isATX: Bool, in source: MarkdownSource, quoteDepth: Int) {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        var start = source.offset(line: line, column: column)
        if isATX {
            let end = source.lineEnd(line)
            while start < end, source.bytes[start] == UInt8(ascii: "#") { start += 1 }
            while start < end, source.bytes[start].isMarkdownSpace { start += 1 }
        }
        self.init(
            reportedLine: line, lineShift: 0, blockOffset: start - (source.lineStart(line) ?? 0), firstLineStart: start,
            start: start, endLine: Int(cmark_node_get_end_line(node)), quoteDepth: quoteDepth, in: source)
    }

    /// A cell's columns are reported from the start of its line.
    init(tableCell node: CMarkNode, in source: MarkdownSource) {
        let line = Int(cmark_node_get_start_line(node))
        var start = source.offset(line: line, column: Int(cmark_node_get_start_column(node)))
        let end = source.lineEnd(line)
        while start < end, source.bytes[start].isMarkdownSpace { start += 1 }
        self.init(
            reportedLine: line, lineShift: 0, blockOffset: 0, firstLineStart: source.lineStart(line), start: start,
            endLine: line, quoteDepth: 0, in: source)
    }

    /// `[label]:` — not `[a link](…)`, whose title may also hide lines.
    private static func startsLikeADefinition(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: "[") else { return false }
        var index = line.startIndex + 1
        while index < line.endIndex, line[index] != UInt8(ascii: "]") {
            if line[index] == UInt8(ascii: "[") { return false }
            index += line[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return index + 1 < line.endIndex && line[index + 1] == UInt8(ascii: ":")
    }

    private static func lastReportedLine(under node: CMarkNode) -> Int {
        guard let iterator = cmark_iter_new(node) else { return 0 }
        defer { cmark_iter_free(iterator) }
        var last = 0
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if let inline = cmark_iter_get_node(iterator), inline != node {
                last = max(last, Int(cmark_node_get_end_line(inline)))
            }
        }
        return last
    }

    /// The byte an inline node's reported position points at, once corrected.
    private func offset(of node: CMarkNode, in source: MarkdownSource) -> Int? {
        let reported = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        guard reported >= 1, column >= 1, column - 1 >= blockOffset else { return nil }
        let line = reported + lineShift
        let lineStart: Int
        if line == reportedLine, let firstLineStart {
            lineStart = firstLineStart
        } else {
            lineStart = source.contentStart(ofLine: line, quoteDepth: quoteDepth)
        }
        let offset = lineStart + column - 1 - blockOffset
        return offset < source.lineEnd(line) ? offset : nil
    }

    /// Where a link or image starts, or nil when it cannot be found in the source.
    mutating func locateLink(_ node: CMarkNode, isImage: Bool, target: String, in source: MarkdownSource) -> Int? {
        let bytes = source.bytes
        func isAt(_ offset: Int, _ pattern: some Collection<UInt8>) -> Bool {
            offset >= cursor && offset + pattern.count <= end && bytes[offset..<(offset + pattern.count)].elementsEqual(pattern)
        }
        func search(_ pattern: [UInt8]) -> Int? {
            guard !pattern.isEmpty, end - pattern.count >= cursor else { return nil }
            for offset in cursor...(end - pattern.count) where bytes[offset] == pattern[0] && isAt(offset, pattern) {
                if pattern == [UInt8(ascii: "[")] && offset > 0 && bytes[offset - 1] == UInt8(ascii: "\\") { continue }
                return offset
            }
            return nil
        }
        let opener: [UInt8] = isImage ? Array("![".utf8) : Array("[".utf8)
        // An autolink's text is its target as written.
        var written: [UInt8]?
        if !isImage, let child = cmark_node_first_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT,
            let text = CMark.literal(child), !text.isEmpty,
            target == text || target == "mailto:" + text || target == "http://" + text {
            written = Array(text.utf8)
        }

        var found: Int?
        if let offset = offset(of: node, in: source), isAt(offset, opener) {
            found = offset
        } else if let written, let child = cmark_node_first_child(node), let text = offset(of: child, in: source),
            isAt(text, [UInt8(ascii: "<")] + written) || isAt(text, written) {
            found = isAt(text - 1, [UInt8(ascii: "<")] + written) ? text - 1 : text
        } else if let written, let text = search(written) {
            found = isAt(text - 1, [UInt8(ascii: "<")] + written) ? text - 1 : text
        } else {
            found = search(opener)
        }
        if let found { cursor = found + 1 }
        return found
    }
}

// MARK: - What CommonMark leaves out

/// Pandoc's `{#id .class key=value}` at the end of a heading.
struct HeadingAttributes {
    /// The heading's text without them.
    var text: String
    var id: String?
    var classes: [String] = []

    static func split(_ text: String) -> HeadingAttributes? {
        let trimmed = text[...].trimmingTrailingSpaces
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
        let tokens = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty else { return nil }
        var attributes = HeadingAttributes(text: String(trimmed[..<open]))
        for token in tokens {
            if token.hasPrefix("#") && token.count > 1 {
                attributes.id = String(token.dropFirst())
            } else if token.hasPrefix(".") && token.count > 1 {
                attributes.classes.append(String(token.dropFirst()))
            } else if token != "-" && !token.contains("=") {
                return nil  // `{like this}` is text
            }
        }
        return attributes
    }

    /// `Title ##` → `Title`; a `#` that is part of a word (`C#`) stays.
    static func droppingClosingHashes(_ text: String) -> String {
        let trimmed = text[...].trimmingTrailingSpaces
        let withoutHashes = trimmed.reversed().drop { $0 == "#" }
        guard withoutHashes.count < trimmed.count, withoutHashes.first.map({ $0 == " " || $0 == "\t" }) ?? true else {
            return text
        }
        return String(withoutHashes.reversed())
    }
}

/// Inline HTML as text. The tags of HTML elements are dropped (a line break or block element leaves a
/// space) and comments vanish, but anything else is kept as written: CommonMark reads a fill-in marker
/// like `<insert name here>` as a tag, which a browser would hide — the checks must still see it.
private enum InlineHTML {
    private static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
        "wbr",
    ]
    private static let breakingElements: Set<String> = [
        "br", "p", "div", "section", "details", "summary", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table",
        "tr", "td", "th", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "center", "figure", "figcaption",
    ]

    /// The text a tag leaves, and the anchors (`id`, and `name` on `<a>`) it sets.
    static func read(_ literal: String) -> (text: String, anchors: [String]) {
        let s = Array(literal.unicodeScalars)
        guard s.count > 2, s[0] == "<" else { return (literal, []) }
        if s[1] == "!" || s[1] == "?" { return ("", []) }  // a comment, declaration or processing instruction
        var index = s[1] == "/" ? 2 : 1
        func scan(while condition: (Unicode.Scalar) -> Bool) -> String {
            var text = ""
            while index < s.count, condition(s[index]) {
                text.unicodeScalars.append(s[index])
                index += 1
            }
            return text
        }
        let name = scan { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }.lowercased()
        let breaks = breakingElements.contains(name)
        guard breaks || inlineElements.contains(name) else { return (literal, []) }
        var anchors: [String] = []
        // CommonMark has checked the tag's syntax: attributes are `name`, `name=value` or quoted values.
        while index < s.count {
            _ = scan { $0.properties.isWhitespace }
            let attribute = scan { !$0.properties.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }.lowercased()
            _ = scan { $0.properties.isWhitespace }
            guard !attribute.isEmpty else {
                index += 1
                continue
            }
            guard index < s.count, s[index] == "=" else { continue }
            index += 1
            _ = scan { $0.properties.isWhitespace }
            let value: String
            if index < s.count, s[index] == "\"" || s[index] == "'" {
                let quote = s[index]
                index += 1
                value = scan { $0 != quote }
                index += 1
            } else {
                value = scan { !$0.properties.isWhitespace && $0 != ">" }
            }
            if !value.isEmpty, attribute == "id" || (attribute == "name" && name == "a") { anchors.append(value) }
        }
        return (breaks ? " " : "", anchors)
    }
}

extension UInt8 {
    fileprivate var isMarkdownSpace: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
    fileprivate var isMarkdownSpaceOrLineEnd: Bool { isMarkdownSpace || self == UInt8(ascii: "\n") || self == UInt8(ascii: "\r") }
}
