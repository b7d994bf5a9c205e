// The HTML policy parser: libxml2's forgiving HTML parser, then one walk that reads sections, text and links.

import CLibXML2

/// Reads a policy page written in HTML — usually tag soup — into sections, paragraphs, list items and links.
///
/// libxml2's HTML parser does the recovering (`<li>a<li>b` is two items, an unclosed `<p>` ends at the
/// next block). The walk then turns headings into sections, `<p>`, `<dt>`, `<dd>` and friends into
/// paragraphs, `<li>` into list items, and any other text outside them into paragraphs, so no text is
/// dropped. libxml2 2.9 reports lines only (and none past 65,535), so positions are found again in the
/// source text.
public enum HTMLPolicyParser {
    /// libxml2 2.9 sets up its global tables on first use, which is not safe when that first use is
    /// several threads at once (`LibraryLoader` parses policies in parallel); `xmlInitParser` must run
    /// once before. A static `let` is initialised exactly once (`swift_once`), whichever thread gets here first.
    private static let libraryInitialized: Void = xmlInitParser()

    public static func parse(_ text: String) -> ParsedPolicyContent {
        _ = libraryInitialized
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return ParsedPolicyContent() }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                htmlReadMemory(characters.baseAddress, Int32(characters.count), nil, "UTF-8", options)
            }
        }
        guard let document = parsed else { return ParsedPolicyContent() }
        defer { xmlFreeDoc(document) }

        var walker = HTMLPolicyWalker(locator: HTMLSourceLocator(bytes: bytes))
        walker.walkPage(document)
        return walker.finish()
    }
}

// MARK: - Walking the tree

/// One pass over libxml2's tree in document order, feeding a `PolicyContentBuilder`.
///
/// Text is gathered by a stack of collectors. A paragraph, list item or heading collects the text inside
/// it; a "loose" collector gathers text that sits directly in a container (body, div, td, …) and becomes
/// a paragraph of its own. Inside a list item or heading, block elements are read as part of its text.
private struct HTMLPolicyWalker {
    private struct HeadingInfo {
        var level: Int
        var id: String?
        var classes: [String]
        var position: TextPosition
    }

    private enum CollectorKind {
        case loose
        case paragraph
        case listItem(PolicyContentBuilder.ListItemSlot)
        case heading(HeadingInfo)
    }

    private struct Collector {
        var kind: CollectorKind
        var text = ""
        var position: TextPosition?

        /// List items and headings take everything inside them as their own text.
        var absorbsBlocks: Bool {
            switch kind {
            case .listItem, .heading: return true
            case .loose, .paragraph: return false
            }
        }
    }

    static let skippedElements: Set<String> = [
        "script", "style", "template", "noscript", "svg", "math", "object", "embed", "link", "base",
    ]
    private static let paragraphElements: Set<String> = [
        "p", "dt", "dd", "caption", "figcaption", "summary", "legend", "pre", "address",
    ]
    private static let containerElements: Set<String> = [
        "html", "body", "div", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote",
        "form", "fieldset", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "dl", "figure", "details",
        "center", "hgroup", "ul", "ol", "menu", "dir", "frameset", "noframes", "search", "dialog",
    ]
    private static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    /// Elements that end a line of text: their text never runs into the text around them.
    static func isBlockElement(_ name: String) -> Bool {
        name == "li" || name == "hr" || headingLevels[name] != nil || paragraphElements.contains(name)
            || containerElements.contains(name)
    }

    private var locator: HTMLSourceLocator
    private var builder = PolicyContentBuilder()
    private var collectors: [Collector] = [Collector(kind: .loose)]
    private var title: String?
    private var declaredKind: String?

    init(locator: HTMLSourceLocator) {
        self.locator = locator
    }

    /// Where the policy text is, when the page says: its `<main>` (or `role="main"`), else its only `<article>`.
    private var contentRoot: xmlNodePtr?
    /// Inside an element marked `class="legal"`: headings there are legal text.
    private var legalDepth = 0

    /// Reads the head (title, kind), every id on the page, and the main content.
    mutating func walkPage(_ document: htmlDocPtr) {
        let top = document.pointee.children
        collectAnchors(top)
        contentRoot = Self.mainContent(in: top)
        guard let root = contentRoot else {
            walkChildren(of: top)
            return
        }
        // The head still gives the title and the declared kind.
        var node = top
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, current.elementName == "html" {
                var child = current.pointee.children
                while let inner = child {
                    // Only its title and meta: libxml2 puts content that comes before <body> in the head too.
                    if inner.pointee.type == XML_ELEMENT_NODE, inner.elementName == "head" {
                        var item = inner.pointee.children
                        while let element = item {
                            if element.pointee.type == XML_ELEMENT_NODE, ["title", "meta"].contains(element.elementName) {
                                visitElement(element)
                            }
                            item = element.pointee.next
                        }
                    }
                    child = inner.pointee.next
                }
            }
            node = current.pointee.next
        }
        visitElement(root)
    }

    /// Every `id=` and `<a name=>` on the page, chrome included: a link may point at any of them.
    private mutating func collectAnchors(_ first: xmlNodePtr?) {
        var stack: [xmlNodePtr] = []
        var node = first
        while true {
            if let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    if let id = current.attribute("id"), !id.isEmpty { builder.anchors.insert(id) }
                    if current.elementName == "a", let anchor = current.attribute("name"), !anchor.isEmpty {
                        builder.anchors.insert(anchor)
                    }
                    if let child = current.pointee.children { stack.append(current); node = child; continue }
                }
                node = current.pointee.next
            } else if let parent = stack.popLast() {
                node = parent.pointee.next
            } else {
                break
            }
        }
    }

    /// The page's `<main>` or `role="main"` element, else its one outermost `<article>`, else nil.
    private static func mainContent(in first: xmlNodePtr?) -> xmlNodePtr? {
        var articles: [xmlNodePtr] = []
        var stack: [xmlNodePtr] = []
        var node = first
        var insideArticle = 0
        var articleStack: [Bool] = []
        while true {
            if let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    let name = current.elementName
                    if name == "main" || current.attribute("role")?.lowercased() == "main" { return current }
                    let isArticle = name == "article"
                    if isArticle && insideArticle == 0 { articles.append(current) }
                    if !skippedElements.contains(name), let child = current.pointee.children {
                        stack.append(current)
                        articleStack.append(isArticle)
                        if isArticle { insideArticle += 1 }
                        node = child
                        continue
                    }
                }
                node = current.pointee.next
            } else if let parent = stack.popLast() {
                if articleStack.popLast() == true { insideArticle -= 1 }
                node = parent.pointee.next
            } else {
                break
            }
        }
        return articles.count == 1 ? articles[0] : nil
    }

    /// Class and id words that mark site chrome rather than policy text.
    private static let chromeWords = ["cookie", "consent", "gdpr", "onetrust", "cookiebot", "breadcrumb", "skip-link", "skiplink", "skip-to", "skipnav"]
    private static let chromeNames: Set<String> = [
        "nav", "navigation", "navbar", "menu", "sidebar", "site-header", "site-footer", "footer", "masthead",
        "social-share", "share-buttons", "sharing",
    ]
    private static let chromeRoles: Set<String> = ["navigation", "search", "banner", "contentinfo"]

    /// Whether an element is the site's furniture around the policy, and is left out.
    private func isChrome(_ node: xmlNodePtr, name: String) -> Bool {
        if name == "nav" || name == "aside" || name == "dialog" { return true }
        if (name == "header" || name == "footer") && contentRoot == nil && !Self.isInside(node, ["article", "section"]) { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let role = node.attribute("role")?.lowercased(), Self.chromeRoles.contains(role), node != contentRoot { return true }
        let words = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        if Self.chromeWords.contains(where: words.contains) { return true }
        if words.split(separator: " ").contains(where: { Self.chromeNames.contains(String($0)) }) { return true }
        if name == "form" {
            let form = words + " " + (node.attribute("action") ?? "").lowercased() + " " + (node.attribute("name") ?? "").lowercased()
            if ["search", "login", "log-in", "signin", "sign-in", "subscribe", "newsletter", "signup"].contains(where: form.contains) { return true }
        }
        return false
    }

    private static func isInside(_ node: xmlNodePtr, _ ancestors: Set<String>) -> Bool {
        var parent = node.pointee.parent
        while let current = parent {
            if current.pointee.type == XML_ELEMENT_NODE, ancestors.contains(current.elementName) { return true }
            parent = current.pointee.parent
        }
        return false
    }

    mutating func finish() -> ParsedPolicyContent {
        while let collector = collectors.popLast() { emit(collector) }
        return builder.build(title: title ?? builder.firstLevel1Heading, declaredKind: declaredKind)
    }

    mutating func walkChildren(of first: xmlNodePtr?) {
        var child = first
        while let node = child {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                appendText(of: node)
            case XML_ELEMENT_NODE:
                visitElement(node)
            default:
                break
            }
            child = node.pointee.next
        }
    }

    private mutating func visitElement(_ node: xmlNodePtr) {
        let name = node.elementName
        guard !Self.skippedElements.contains(name), !isChrome(node, name: name) else { return }
        let legal = node.hasClass("legal")
        if legal { legalDepth += 1 }
        defer { if legal { legalDepth -= 1 } }

        switch name {
        case "head":
            walkChildren(of: node.pointee.children)
        case "title":
            if title == nil {
                let text = node.textContent.collapsingWhitespace
                if !text.isEmpty { title = text }
            }
        case "meta":
            if declaredKind == nil, node.attribute("name")?.lowercased() == "replylint-kind",
                let content = node.attribute("content")?.collapsingWhitespace, !content.isEmpty {
                declaredKind = content
            }
        case "br", "wbr":
            append(" ")
        case "hr":
            if collectors[collectors.count - 1].absorbsBlocks { append(" ") } else { endBlock() }
        case "img":
            let position = locator.locateTag(name, reportedLine: node.line)
            let alt = node.attribute("alt")?.collapsingWhitespace ?? ""
            if let source = node.attribute("src") {
                builder.links.append(PolicyLink(target: source, text: alt, position: position))
            }
            append(alt, at: position)
        case "a":
            let position = locator.locateTag(name, reportedLine: node.line)
            if let target = node.attribute("href") {
                builder.links.append(PolicyLink(
                    target: target, text: node.textContent.collapsingWhitespace, position: position))
            }
            walkChildren(of: node.pointee.children)
        case "li":
            visitListItem(node)
        default:
            if let level = Self.headingLevels[name] {
                visitHeading(node, level: level)
            } else if Self.paragraphElements.contains(name) {
                visitBlock(node, as: .paragraph)
            } else if Self.containerElements.contains(name) {
                visitBlock(node, as: .loose)
            } else {
                walkChildren(of: node.pointee.children)
            }
        }
    }

    private mutating func visitBlock(_ node: xmlNodePtr, as kind: CollectorKind) {
        if collectors[collectors.count - 1].absorbsBlocks {
            append(" ")
            walkChildren(of: node.pointee.children)
            append(" ")
            return
        }
        endBlock()
        var collector = Collector(kind: kind)
        if case .paragraph = kind { collector.position = locator.locateTag(node.elementName, reportedLine: node.line) }
        collectors.append(collector)
        walkChildren(of: node.pointee.children)
        emit(collectors.removeLast())
    }

    private mutating func visitListItem(_ node: xmlNodePtr) {
        let top = collectors[collectors.count - 1]
        if case .heading = top.kind {
            append(" ")
            walkChildren(of: node.pointee.children)
            append(" ")
            return
        }
        let position = locator.locateTag("li", reportedLine: node.line)
        // An item inside an item is nested: the outer one stays open around it.
        if case .listItem = top.kind {} else { endBlock() }
        let slot = builder.reserveListItem(at: position)
        collectors.append(Collector(kind: .listItem(slot), position: position))
        walkChildren(of: node.pointee.children)
        emit(collectors.removeLast())
    }

    private mutating func visitHeading(_ node: xmlNodePtr, level: Int) {
        if case .heading = collectors[collectors.count - 1].kind {
            walkChildren(of: node.pointee.children)
            return
        }
        let position = locator.locateTag(node.elementName, reportedLine: node.line)
        // A heading inside a list item (an unclosed list swallowing the page) still starts a section.
        endBlock()
        var classes = (node.attribute("class") ?? "")
            .split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.isPolicyWhitespace) }).map(String.init)
        if legalDepth > 0 && !classes.contains("legal") { classes.append("legal") }
        var id = node.attribute("id").flatMap { $0.isEmpty ? nil : $0 }
        if id == nil { id = Self.anchorName(for: node) }
        let info = HeadingInfo(level: level, id: id, classes: classes, position: position)
        collectors.append(Collector(kind: .heading(info), position: position))
        walkChildren(of: node.pointee.children)
        emit(collectors.removeLast())
    }

    /// `<a name="x"></a><h2>…` or `<h2><a id="x">…` — old-style anchors naming a heading.
    private static func anchorName(for heading: xmlNodePtr) -> String? {
        func name(of node: xmlNodePtr?) -> String? {
            guard let node, node.pointee.type == XML_ELEMENT_NODE, node.elementName == "a" else { return nil }
            return [node.attribute("id"), node.attribute("name")].compactMap { $0 }.first { !$0.isEmpty }
        }
        func isBlank(_ node: xmlNodePtr) -> Bool {
            switch node.pointee.type {
            case XML_TEXT_NODE: return node.textContent.collapsingWhitespace.isEmpty
            case XML_COMMENT_NODE: return true
            default: return false
            }
        }
        var inside = heading.pointee.children
        while let node = inside, isBlank(node) { inside = node.pointee.next }
        if let anchor = name(of: inside) { return anchor }
        var before = heading.pointee.prev
        while let node = before, isBlank(node) { before = node.pointee.prev }
        if let node = before, let anchor = name(of: node), node.textContent.collapsingWhitespace.isEmpty {
            return anchor
        }
        return nil
    }

    // MARK: Collecting text

    private mutating func appendText(of node: xmlNodePtr) {
        guard let content = node.pointee.content else { return }
        let text = String(cString: content)
        let top = collectors.count - 1
        if collectors[top].position == nil, text.unicodeScalars.contains(where: { !$0.isPolicyWhitespace }) {
            collectors[top].position = locator.locateText(text, reportedLine: node.line)
        }
        collectors[top].text += text
    }

    private mutating func append(_ text: String, at position: TextPosition? = nil) {
        let top = collectors.count - 1
        if collectors[top].position == nil, !text.isEmpty, let position { collectors[top].position = position }
        collectors[top].text += text
    }

    /// Ends whatever text is being collected at the top; what follows is collected as loose text.
    private mutating func endBlock() {
        emit(collectors.removeLast())
        collectors.append(Collector(kind: .loose))
    }

    private mutating func emit(_ collector: Collector) {
        let text = collector.text.collapsingWhitespace
        switch collector.kind {
        case .loose, .paragraph:
            if let position = collector.position { builder.addParagraph(text, at: position) }
        case .listItem(let slot):
            builder.fill(slot, with: text)
        case .heading(let info):
            builder.addHeading(
                text, level: info.level, id: info.id ?? text.slug, hasExplicitID: info.id != nil,
                classes: info.classes, at: info.position)
        }
    }
}

// MARK: - Positions

/// Finds elements and text again in the source, to give columns (libxml2 2.9 has none) and lines past
/// 65,535 (where libxml2's lines stop).
///
/// A cursor moves forward through the source as elements are found in document order, so the second
/// `<li>` on a line is found after the first, and the whole search is linear. libxml2's line for an
/// element is the line where its start tag ends, so the search looks a few lines back from it.
private struct HTMLSourceLocator {
    private let bytes: [UInt8]
    /// Byte offset of the start of each line; line 1 starts at 0, or after a byte-order mark.
    private let lineStarts: [Int]
    /// Sorted, disjoint byte ranges never searched: comments, scripts, styles and the like.
    private let hiddenRanges: [Range<Int>]
    private var cursor = 0
    /// The cursor sits just after a tag name, inside that tag.
    private var cursorInTag = false
    private var lastPosition: (offset: Int, line: Int, column: Int)?
    /// Per tag name, a byte range already searched in vain (elements libxml2 implied have no tag), so
    /// no stretch of the source is searched twice for the same name.
    private var searchedInVain: [String: Range<Int>] = [:]

    /// libxml2 2.9 stores lines in 16 bits: this value means "this line or later".
    private static let saturatedLine = 65535
    /// How far before the reported line a start tag may begin.
    private static let tagLinesBack = 8
    /// How far to look for a text's first word; text sits close to the element before it.
    private static let textWindow = 4096
    /// How far to look when libxml2 gives no usable line.
    private static let unboundedWindow = 65536

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A byte-order mark is invisible in an editor, so line 1 is counted from after it.
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
        hiddenRanges = Self.hiddenRanges(in: bytes)
    }

    /// Comments and the elements the walker skips, whose source may hold `<p>` or `<li>` in strings.
    private static func hiddenRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0
        // Where a search for an element's closing tag found none: later searches would find none either.
        var unclosedFrom: [[UInt8]: Int] = [:]
        while let open = find(UInt8(ascii: "<"), in: bytes, from: offset) {
            if bytes.hasPrefix([UInt8(ascii: "!"), UInt8(ascii: "-"), UInt8(ascii: "-")], at: open + 1) {
                let end = find(Array("-->".utf8), in: bytes, from: open + 4).map { $0 + 3 } ?? bytes.count
                ranges.append(open..<end)
                offset = end
                continue
            }
            guard let name = hiddenElementNames.first(where: { bytes.hasTagName($0, at: open + 1) }) else {
                offset = open + 1
                continue
            }
            var closing: Int?
            if unclosedFrom[name].map({ open < $0 }) ?? true {
                closing = find(Array("</".utf8) + name, in: bytes, from: open + 1, ignoringCase: true)
                if closing == nil { unclosedFrom[name] = open }
            }
            // Scripts and styles are raw text to the end of the file when unclosed; other elements are not.
            let isRawText = name == Array("script".utf8) || name == Array("style".utf8)
            let end = closing ?? (isRawText ? bytes.count : open + 1)
            ranges.append(open..<end)
            offset = max(end, open + 1)
        }
        return ranges
    }

    private static let hiddenElementNames: [[UInt8]] = HTMLPolicyWalker.skippedElements
        .filter { !["link", "base", "embed"].contains($0) }.sorted().map { Array($0.utf8) }

    private static func find(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: byte)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, ignoringCase: Bool = false) -> Int? {
        var offset = start
        while offset + needle.count <= bytes.count, let candidate = find(needle[0], in: bytes, from: offset) {
            guard candidate + needle.count <= bytes.count else { return nil }
            if ignoringCase ? bytes.hasTagName(Array(needle.dropFirst()), at: candidate + 1, requireBoundary: false)
                : bytes.hasPrefix(needle, at: candidate) {
                return candidate
            }
            offset = candidate + 1
        }
        return nil
    }

    /// The first hidden range that ends after `offset`.
    private func firstHiddenRange(endingAfter offset: Int) -> Int {
        var low = 0
        var high = hiddenRanges.count
        while low < high {
            let middle = (low + high) / 2
            if hiddenRanges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The position of the `<name` that opens an element libxml2 reports on `reportedLine`.
    mutating func locateTag(_ tagName: String, reportedLine: Int) -> TextPosition {
        let name = Array(tagName.utf8)
        let window = searchWindow(firstLine: reportedLine - Self.tagLinesBack, lastLine: reportedLine)
        let searched = searchedInVain[tagName]
        var offset = window.lowerBound
        var hidden = firstHiddenRange(endingAfter: offset)
        while offset < window.upperBound {
            if let searched, searched.contains(offset) {
                offset = searched.upperBound
                continue
            }
            if hidden < hiddenRanges.count, hiddenRanges[hidden].contains(offset) {
                offset = hiddenRanges[hidden].upperBound
                hidden += 1
                continue
            }
            if bytes[offset] == UInt8(ascii: "<"), bytes.hasTagName(name, at: offset + 1) {
                cursor = offset + 1 + name.count
                cursorInTag = true
                return position(of: offset)
            }
            offset += 1
        }
        if let searched, searched.lowerBound <= window.upperBound, window.lowerBound <= searched.upperBound {
            searchedInVain[tagName] = min(searched.lowerBound, window.lowerBound)..<max(searched.upperBound, offset)
        } else {
            searchedInVain[tagName] = window.lowerBound..<max(window.lowerBound, offset)
        }
        return fallback(reportedLine: reportedLine)
    }

    /// The position of a text node's first word. libxml2 gives a text node the line where its first
    /// chunk of characters ended, so the word is looked for in the lines around it, outside tags.
    mutating func locateText(_ text: String, reportedLine: Int) -> TextPosition {
        let scalars = Array(text.unicodeScalars)
        guard let firstVisible = scalars.firstIndex(where: { !$0.isPolicyWhitespace }) else {
            return fallback(reportedLine: reportedLine)
        }
        let newlines = scalars.lazy.filter { $0 == "\n" }.count
        let newlinesBefore = scalars[..<firstVisible].lazy.filter { $0 == "\n" }.count
        let estimatedLine = reportedLine - (newlines - newlinesBefore)

        // Entities may spell punctuation differently in the source, so look for a run of letters and digits.
        guard let wordStart = scalars[firstVisible...].firstIndex(where: \.isWordCharacter) else {
            return fallback(reportedLine: estimatedLine)
        }
        var wordEnd = wordStart
        while wordEnd < scalars.count, wordEnd - wordStart < 16, scalars[wordEnd].isWordCharacter { wordEnd += 1 }
        let word = Array(String(String.UnicodeScalarView(scalars[wordStart..<wordEnd])).utf8)
        let lines = searchWindow(firstLine: reportedLine - newlines, lastLine: reportedLine + newlines)
        let window = lines.lowerBound..<min(lines.upperBound, lines.lowerBound + Self.textWindow)

        var inTag = window.lowerBound == cursor && cursorInTag
        var offset = window.lowerBound
        var hidden = firstHiddenRange(endingAfter: offset)
        while offset < window.upperBound {
            if hidden < hiddenRanges.count, hiddenRanges[hidden].contains(offset) {
                offset = hiddenRanges[hidden].upperBound
                hidden += 1
                inTag = false
                continue
            }
            let byte = bytes[offset]
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == word[0], offset + word.count <= bytes.count,
                bytes[offset..<(offset + word.count)].elementsEqual(word),
                offset == 0 || !bytes[offset - 1].isWordByte {
                cursor = offset + word.count
                cursorInTag = false
                var found = position(of: offset)
                found.column = max(1, found.column - (wordStart - firstVisible))
                return found
            }
            offset += 1
        }
        return fallback(reportedLine: estimatedLine)
    }

    /// Byte offsets to search: from the cursor (or the first line, if later) to the end of the last line.
    private func searchWindow(firstLine: Int, lastLine: Int) -> Range<Int> {
        let reliable = lastLine >= 1 && lastLine < Self.saturatedLine
        if reliable {
            let start = max(cursor, lineStart(max(1, firstLine)))
            let end = lineStart(lastLine + 1)
            return start < end ? start..<end : start..<start
        }
        let start = max(cursor, lastLine >= Self.saturatedLine ? lineStart(Self.saturatedLine) : cursor)
        return start..<min(bytes.count, start + Self.unboundedWindow)
    }

    private func fallback(reportedLine: Int) -> TextPosition {
        if reportedLine >= 1 && reportedLine < Self.saturatedLine {
            return TextPosition(line: reportedLine, column: 1)
        }
        let cursorLine = line(of: min(cursor, bytes.count))
        return TextPosition(line: max(cursorLine, reportedLine >= Self.saturatedLine ? Self.saturatedLine : 1), column: 1)
    }

    private func lineStart(_ line: Int) -> Int {
        line - 1 < lineStarts.count ? lineStarts[max(0, line - 1)] : bytes.count
    }

    /// Line and column (in code points) of a byte offset.
    private mutating func position(of offset: Int) -> TextPosition {
        let line = line(of: offset)
        // Counting on from the last position keeps a page written on one long line linear.
        var (start, column) = (lineStarts[line - 1], 1)
        if let last = lastPosition, last.line == line, last.offset <= offset { (start, column) = (last.offset, last.column) }
        for byte in bytes[start..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        lastPosition = (offset, line, column)
        return TextPosition(line: line, column: column)
    }

    private func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }
}

// MARK: - libxml2 nodes

extension UnsafeMutablePointer where Pointee == xmlNode {
    fileprivate var elementName: String {
        pointee.name.map { String(cString: $0) } ?? ""
    }

    fileprivate var line: Int { xmlGetLineNo(self) }

    fileprivate func hasClass(_ name: String) -> Bool {
        guard let classes = attribute("class") else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0.lowercased() == name }
    }

    /// An attribute's value, entities decoded; libxml2 lower-cases HTML attribute names.
    fileprivate func attribute(_ name: String) -> String? {
        var property = pointee.properties
        while let attribute = property {
            if let attributeName = attribute.pointee.name, String(cString: attributeName) == name {
                var value = ""
                var child = attribute.pointee.children
                while let node = child {
                    if let content = node.pointee.content { value += String(cString: content) }
                    child = node.pointee.next
                }
                return value
            }
            property = attribute.pointee.next
        }
        return nil
    }

    /// The text a reader sees inside a node: image alt text included, scripts and styles left out.
    fileprivate var textContent: String {
        var text = ""
        func gather(_ node: xmlNodePtr) {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { text += String(cString: content) }
            case XML_ELEMENT_NODE:
                let name = node.elementName
                guard !HTMLPolicyWalker.skippedElements.contains(name) else { return }
                if name == "img", let alt = node.attribute("alt") { text += alt }
                let isBlock = name == "br" || HTMLPolicyWalker.isBlockElement(name)
                if isBlock { text += " " }
                var child = node.pointee.children
                while let next = child {
                    gather(next)
                    child = next.pointee.next
                }
                if isBlock { text += " " }
            default:
                break
            }
        }
        gather(self)
        return text
    }
}

extension Unicode.Scalar {
    fileprivate var isWordCharacter: Bool {
        properties.isAlphabetic || properties.numericType != nil
    }
}

extension Array where Element == UInt8 {
    fileprivate func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        offset + prefix.count <= count && self[offset..<(offset + prefix.count)].elementsEqual(prefix)
    }

    /// Whether a tag name (lower-case ASCII) starts at `offset`, in any case, followed by the end of the name.
    fileprivate func hasTagName(_ name: [UInt8], at offset: Int, requireBoundary: Bool = true) -> Bool {
        guard offset + name.count <= count else { return false }
        for (index, expected) in name.enumerated() {
            var byte = self[offset + index]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != expected { return false }
        }
        let end = offset + name.count
        guard requireBoundary, end < count else { return true }
        switch self[end] {
        case UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"),
            UInt8(ascii: "\r"), 0x0C:
            return true
        default:
            return false
        }
    }
}

extension UInt8 {
    /// A byte that may be part of a word: ASCII letter or digit, or any byte of a multi-byte character.
    fileprivate var isWordByte: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")) || self >= 0x80
    }
}
