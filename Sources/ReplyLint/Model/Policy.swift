// Policy documents (FAQ, moderation policy) in one model, whether written in Markdown or HTML.

public enum PolicyKind: String, Sendable, Codable, CaseIterable {
    case faq
    case moderation
    /// A document in `policies/` that is neither; it is still checked for links and readability.
    case other
}

public enum PolicyFormat: String, Sendable, Codable {
    case markdown
    case html
    /// Plain text (`.txt`): paragraphs by blank lines, list items by bullets or numbers.
    case text
    /// A Word document (`.docx`): its lines are the document's paragraphs, one per line.
    case docx
}

/// A run of text from the document — a paragraph or a list item — with where it starts.
public struct TextBlock: Sendable, Hashable {
    public var text: String
    public var position: TextPosition

    public init(text: String, position: TextPosition) {
        self.text = text
        self.position = position
    }
}

public struct PolicyLink: Sendable, Hashable {
    /// The link target exactly as written (`href` or Markdown destination).
    public var target: String
    public var text: String
    public var position: TextPosition
    /// For a relative link to a file, whether the file was found when the library was loaded;
    /// nil for links to other sites, in-page anchors, or when nothing was checked.
    public var fileExists: Bool?

    public init(target: String, text: String, position: TextPosition, fileExists: Bool? = nil) {
        self.target = target
        self.text = text
        self.position = position
        self.fileExists = fileExists
    }

    /// The file part of a relative link ("faq.md" of "faq.md#hours"), or nil for other sites,
    /// `mailto:` and the like, and in-page anchors.
    public var relativePath: String? {
        let trimmed = target.trimmingWhitespace
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") || trimmed.hasPrefix("/") { return nil }
        if let colon = trimmed.firstIndex(of: ":"), !trimmed[..<colon].contains("/") { return nil }  // a scheme
        let path = trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return path.isEmpty ? nil : String(path).removingPercentEncodingIfPossible
    }

    /// The anchor part ("hours" of "faq.md#hours" or "#hours"), if any.
    public var anchor: String? {
        guard let hash = target.firstIndex(of: "#") else { return nil }
        let anchor = target[target.index(after: hash)...]
        return anchor.isEmpty ? nil : String(anchor)
    }
}

extension String {
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}

/// One heading and everything up to the next heading of any level.
public struct PolicySection: Sendable, Hashable {
    public var heading: String
    /// 1–6 for a heading; 0 for text before the first heading.
    public var level: Int
    /// The explicit id (`{#id}` in Markdown, `id=` in HTML) or else the heading's slug.
    public var id: String
    public var hasExplicitID: Bool
    /// Classes written on the heading (`{.sensitive}` in Markdown, `class=` in HTML, or that of an HTML
    /// element around it); `legal` is also given to the sections a `legal:` front-matter list names.
    public var classes: [String]
    public var position: TextPosition
    public var paragraphs: [TextBlock]
    public var listItems: [TextBlock]

    public init(
        heading: String, level: Int, id: String, hasExplicitID: Bool = false, classes: [String] = [],
        position: TextPosition, paragraphs: [TextBlock] = [], listItems: [TextBlock] = []
    ) {
        self.heading = heading
        self.level = level
        self.id = id
        self.hasExplicitID = hasExplicitID
        self.classes = classes
        self.position = position
        self.paragraphs = paragraphs
        self.listItems = listItems
    }

    /// Marked as legal text the author must keep as written (`{.legal}`, `class="legal"`, or listed
    /// under `legal:` in front matter): not graded for readability.
    public var isLegal: Bool { classes.contains { $0.lowercased() == "legal" } }
}

public struct PolicyDocument: Sendable {
    /// Path as the user sees it.
    public var file: String
    public var format: PolicyFormat
    public var kind: PolicyKind
    /// The document title: `title:` front matter, `<title>`, or the first level-1 heading.
    public var title: String?
    /// Sections in document order; a level-0 section holds any text before the first heading.
    public var sections: [PolicySection]
    public var links: [PolicyLink]
    /// Every id an in-page link may point at (section ids plus any other element ids in HTML).
    public var anchors: Set<String>

    public init(
        file: String, format: PolicyFormat, kind: PolicyKind, title: String? = nil,
        sections: [PolicySection] = [], links: [PolicyLink] = [], anchors: Set<String> = []
    ) {
        self.file = file
        self.format = format
        self.kind = kind
        self.title = title
        self.sections = sections
        self.links = links
        self.anchors = anchors
    }
}
