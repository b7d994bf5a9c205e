// What the Markdown and HTML policy parsers read from one document, and the builder both use to assemble it.

/// The format-independent content of one policy document, before the loader adds its file, format and kind.
public struct ParsedPolicyContent: Sendable, Hashable {
    /// HTML `<title>`, else the first `h1`; Markdown: the first level-1 heading.
    public var title: String?
    /// Sections in document order. A level-0 section (heading "", id "") holds the text before the
    /// first heading, and exists only when there is such text.
    public var sections: [PolicySection]
    /// Links and images in document order.
    public var links: [PolicyLink]
    /// Every section id, plus in HTML every `id=` and `<a name=>`.
    public var anchors: Set<String>
    /// HTML only: `<meta name="replylint-kind" content="…">`; always nil for Markdown, whose kind is in front matter.
    public var declaredKind: String?
    /// HTML only: the page's `<html lang="…">`; Markdown and text say `locale:` in front matter.
    public var declaredLocale: String?

    public init(
        title: String? = nil, sections: [PolicySection] = [], links: [PolicyLink] = [],
        anchors: Set<String> = [], declaredKind: String? = nil, declaredLocale: String? = nil
    ) {
        self.title = title
        self.sections = sections
        self.links = links
        self.anchors = anchors
        self.declaredKind = declaredKind
        self.declaredLocale = declaredLocale
    }
}

/// Collects headings, paragraphs and list items in reading order and groups them into sections.
///
/// A list item's place is reserved when the item opens, because its text is complete only when the
/// item closes — after any nested items, which must still come after it.
struct PolicyContentBuilder {
    struct ListItemSlot {
        fileprivate var section: Int
        fileprivate var item: Int
    }

    private(set) var sections: [PolicySection] = []
    private(set) var firstLevel1Heading: String?
    var links: [PolicyLink] = []
    var anchors: Set<String> = []

    mutating func addHeading(
        _ text: String, level: Int, id: String, hasExplicitID: Bool, classes: [String], at position: TextPosition
    ) {
        if level == 1 && firstLevel1Heading == nil && !text.isEmpty { firstLevel1Heading = text }
        sections.append(PolicySection(
            heading: text, level: level, id: id, hasExplicitID: hasExplicitID, classes: classes, position: position))
    }

    mutating func addParagraph(_ text: String, at position: TextPosition) {
        guard !text.isEmpty else { return }
        openSectionIfNeeded(at: position)
        sections[sections.count - 1].paragraphs.append(TextBlock(text: text, position: position))
    }

    /// Keeps a list item's place; `fill` gives it its text, and an item never filled (or filled
    /// with nothing) is left out.
    mutating func reserveListItem(at position: TextPosition) -> ListItemSlot {
        openSectionIfNeeded(at: position)
        let section = sections.count - 1
        sections[section].listItems.append(TextBlock(text: "", position: position))
        return ListItemSlot(section: section, item: sections[section].listItems.count - 1)
    }

    mutating func fill(_ slot: ListItemSlot, with text: String) {
        sections[slot.section].listItems[slot.item].text = text
    }

    func build(title: String?, declaredKind: String?) -> ParsedPolicyContent {
        var finished: [PolicySection] = []
        finished.reserveCapacity(sections.count)
        var anchors = self.anchors
        for var section in sections {
            section.listItems.removeAll { $0.text.isEmpty }
            if section.level == 0 && section.paragraphs.isEmpty && section.listItems.isEmpty { continue }
            if !section.id.isEmpty { anchors.insert(section.id) }
            finished.append(section)
        }
        return ParsedPolicyContent(
            title: title, sections: finished, links: links, anchors: anchors, declaredKind: declaredKind)
    }

    /// Text before the first heading goes into a level-0 section.
    private mutating func openSectionIfNeeded(at position: TextPosition) {
        if sections.isEmpty {
            sections.append(PolicySection(heading: "", level: 0, id: "", position: position))
        }
    }
}

extension Unicode.Scalar {
    /// Whitespace as a reader sees it, including no-break spaces.
    var isPolicyWhitespace: Bool { isWhitespaceLike }
}

extension StringProtocol {
    /// Runs of whitespace (including no-break spaces and line breaks) become one space; ends are trimmed.
    var collapsingWhitespace: String {
        var result = ""
        result.unicodeScalars.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isPolicyWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
