// The FAQ entries and sensitive topics gathered from every `faq` policy document.

public struct FAQEntry: Sendable, Hashable {
    public var id: String
    public var title: String
    public var file: String
    public var position: TextPosition
}

public struct FAQIndex: Sendable {
    public var entries: [String: FAQEntry] = [:]
    /// Topic slugs that get a personal answer in a private channel, never a canned public reply.
    public var sensitiveTopics: Set<String> = []
    public var documentCount = 0

    static let sensitiveSectionSlugs: Set<String> = ["sensitive-topics", "sensitive-subjects", "sensitive-matters", "sensitive"]

    public init(policies: [PolicyDocument]) {
        for document in policies where document.kind == .faq {
            documentCount += 1
            var inSensitiveSection = false
            var sensitiveLevel = 0
            for section in document.sections {
                if inSensitiveSection, section.level > sensitiveLevel {
                    // Sub-headings of "Sensitive topics" are topics themselves.
                    sensitiveTopics.insert(section.heading.slug)
                    sensitiveTopics.insert(section.id.slug)
                    sensitiveTopics.formUnion(section.listItems.map(\.text.slug))
                    continue
                }
                inSensitiveSection = false
                if Self.sensitiveSectionSlugs.contains(section.heading.slug) || Self.sensitiveSectionSlugs.contains(section.id) {
                    inSensitiveSection = true
                    sensitiveLevel = section.level
                    sensitiveTopics.formUnion(section.listItems.map { Self.topic(of: $0.text) })
                    continue
                }
                guard section.level == 2 else { continue }
                entries[section.id] = FAQEntry(id: section.id, title: section.heading, file: document.file, position: section.position)
                if section.classes.contains("sensitive") { sensitiveTopics.insert(section.id.slug) }
            }
        }
        sensitiveTopics.remove("")
    }

    /// A list item such as "Bereavement — a death in the family" names the topic before any dash or colon.
    static func topic(of item: String) -> String {
        let separators: Set<Character> = [":", "—", "–", "(", ","]
        let head = item.prefix { !separators.contains($0) }
        let slug = String(head.hasSuffix(" -") ? head.dropLast(2) : head).slug
        return slug.components(separatedBy: "-").count <= 4 ? slug : item.slug
    }

    public func isSensitive(_ topic: String) -> Bool { sensitiveTopics.contains(topic.slug) }
}
