// Finding the topics of a moderation policy where people write them: headings, paragraphs, list items.
// The words are data, one file per language (Resources/policy-topics-LANG.yml); this is the reader.

import Foundation
import Synchronization
import Yams

/// The phrasings of the policy topics in one language, read from `policy-topics-LANG.yml`.
///
/// Each topic has regular expressions (ICU syntax, matched against text lower-cased, with curly quotes and
/// dashes made plain and whitespace collapsed):
/// - `text`: a sentence of a paragraph, list item or heading that covers the topic. An entry may be a list
///   of expressions that must all match the same sentence.
/// - `not`: spans blanked out of a sentence before `text` is tried — the traps, such as "not the way to make
///   a public records request" or "respond to such remarks with a warning".
/// - `headings`: a heading that names the topic; it counts only when the text under it (down to the next
///   heading of its level) matches one of `support`, so a "Privacy" heading over one unrelated sentence
///   does not.
/// `fragments` are named expressions written into others as `{name}`.
public struct PolicyTopicVocabulary: Sendable {
    public struct Topic: Sendable {
        public var id: String
        public var what: String
        public var needs: String
        public var example: String
        /// The phrasings, as written in the file (for the docs).
        public var documentedPhrases: [String]
        /// Sentences that do not cover the topic, as written in the file (for the docs).
        public var counterExamples: [String]
        var headings: [PolicyPattern]
        var support: [PolicyPattern]
        /// Alternatives; each is a list of expressions that must all match.
        var text: [[PolicyPattern]]
        /// As `text`, tried on the sentence before `not` blanks anything out.
        var unmasked: [[PolicyPattern]]
        var not: [PolicyPattern]
        /// The first expression of every alternative in one: a sentence it does not match cannot cover the
        /// topic, so most sentences cost one match per topic instead of a match per expression and mask.
        var anyText: PolicyPattern?
    }

    public var language: String
    public var topics: [Topic]
    /// Spans blanked out for every topic (page chrome, boilerplate).
    var not: [PolicyPattern]
    /// Headings of legal sections (Disclaimer, Liability, …) and sentences of legal boilerplate
    /// ("does not endorse", "indemnify"), which `policy-readability` leaves out: the author must keep them.
    var legalHeadings: [PolicyPattern] = []
    var legalText: [PolicyPattern] = []
    /// As written in the file, for the docs.
    public var documentedLegalHeadings: [String] = []

    /// Whether a heading names a legal section.
    func isLegalHeading(_ heading: String) -> Bool {
        let text = Self.normalize(heading)
        return legalHeadings.contains { $0.matches(text) }
    }

    /// Whether a paragraph is legal boilerplate.
    func isLegalText(_ paragraph: String) -> Bool {
        let text = Self.normalize(paragraph)
        return legalText.contains { $0.matches(text) }
    }

    /// The vocabularies shipped with ReplyLint, by language. A new language is one more file and one line in `shipped`.
    public static var builtIn: [String: PolicyTopicVocabulary] { shipped.compactMapValues(\.vocabulary) }

    /// Each file is read the first time its language is asked for: reading and compiling every language's
    /// expressions was 1.5 % of the CPU of a 10,000-reply lint whose one policy is in English.
    private static let shipped: [String: ShippedVocabulary] = [
        "en": ShippedVocabulary(PackageResources.policy_topics_en_yml),
        "es": ShippedVocabulary(PackageResources.policy_topics_es_yml),
    ]

    private final class ShippedVocabulary: Sendable {
        private let data: [UInt8]
        private let parsed = Mutex<PolicyTopicVocabulary??>(nil)

        init(_ data: [UInt8]) { self.data = data }

        var vocabulary: PolicyTopicVocabulary? {
            parsed.withLock { parsed in
                if let parsed { return parsed }
                // The files ship inside the binary and a test reads each one: a mistake fails the build's tests.
                let vocabulary = try? PolicyTopicVocabulary.parse(String(decoding: data, as: UTF8.self))
                parsed = .some(vocabulary)
                return vocabulary
            }
        }
    }

    /// The vocabulary for a locale ("en-US" → English, "es-MX" → Spanish); English when there is none for it yet.
    public static func forLocale(_ locale: String) -> PolicyTopicVocabulary {
        shipped[LanguageGuess.code(ofLocale: locale)]?.vocabulary ?? shipped["en"]!.vocabulary!
    }

    public struct FileError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads a vocabulary file; throws naming the topic and expression that is wrong.
    public static func parse(_ yaml: String) throws -> PolicyTopicVocabulary {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any] else { throw FileError(description: "not a mapping") }
        guard let language = root["language"] as? String else { throw FileError(description: "no language:") }
        let fragments = (root["fragments"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
        func patterns(_ value: Any?, _ place: String) throws -> [PolicyPattern] {
            guard let value else { return [] }
            guard let list = value as? [Any] else { throw FileError(description: "\(place): expected a list") }
            return try list.map { item in
                guard let text = item as? String else { throw FileError(description: "\(place): expected text, found \(item)") }
                return try PolicyPattern(text, fragments: fragments, place: place)
            }
        }
        var topics: [Topic] = []
        for (index, item) in (root["topics"] as? [Any] ?? []).enumerated() {
            guard let entry = item as? [String: Any], let id = entry["id"] as? String else {
                throw FileError(description: "topic \(index + 1): expected a mapping with an id")
            }
            func alternatives(_ key: String) throws -> [[PolicyPattern]] {
                try (entry[key] as? [Any] ?? []).map { alternative in
                    if let single = alternative as? String {
                        return [try PolicyPattern(single, fragments: fragments, place: "\(id).\(key)")]
                    } else if let all = alternative as? [Any] {
                        return try patterns(all, "\(id).\(key)")
                    }
                    throw FileError(description: "\(id).\(key): expected text or a list of text")
                }
            }
            let documented = (entry["phrases"] as? [Any] ?? []).compactMap { $0 as? String }
            topics.append(Topic(
                id: id, what: entry["what"] as? String ?? id, needs: entry["needs"] as? String ?? "",
                example: entry["example"] as? String ?? "", documentedPhrases: documented,
                counterExamples: (entry["counter-examples"] as? [Any] ?? []).compactMap { $0 as? String },
                headings: try patterns(entry["headings"], "\(id).headings"), support: try patterns(entry["support"], "\(id).support"),
                text: try alternatives("text"), unmasked: try alternatives("unmasked"), not: try patterns(entry["not"], "\(id).not")))
            let firsts = (topics[topics.count - 1].text + topics[topics.count - 1].unmasked).compactMap(\.first)
            if !firsts.isEmpty {
                topics[topics.count - 1].anyText = try PolicyPattern(expanded: firsts.map { "(?:" + $0.expanded + ")" }.joined(separator: "|"), place: "\(id).text")
            }
        }
        var vocabulary = PolicyTopicVocabulary(language: language, topics: topics, not: try patterns(root["not"], "not"))
        if let legal = root["legal"] as? [String: Any] {
            vocabulary.legalHeadings = try patterns(legal["headings"], "legal.headings")
            vocabulary.legalText = try patterns(legal["text"], "legal.text")
            vocabulary.documentedLegalHeadings = (legal["phrases"] as? [Any] ?? []).compactMap { $0 as? String }
        }
        return vocabulary
    }

    /// Text as the expressions see it: lower case, plain quotes and dashes, single spaces.
    static func normalize(_ text: some StringProtocol) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            var plain = scalar
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}", "`": plain = "'"
            case "\u{201C}", "\u{201D}", "\u{201F}", "\u{2033}": plain = "\""
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": plain = "-"
            case "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}": continue
            default: break
            }
            if plain.isWhitespaceLike {
                pendingSpace = true
                continue
            }
            if pendingSpace && !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(plain)
        }
        return String(result)
    }
}

/// One compiled expression. `NSRegularExpression` is immutable and safe to share between threads.
struct PolicyPattern: @unchecked Sendable {
    let source: String
    /// With its fragments written in.
    let expanded: String
    let regex: NSRegularExpression

    init(_ pattern: String, fragments: [String: String], place: String) throws {
        source = pattern
        expanded = try Self.expand(pattern, fragments: fragments, place: place, depth: 0)
        do {
            regex = try NSRegularExpression(pattern: expanded, options: [.caseInsensitive])
        } catch {
            throw PolicyTopicVocabulary.FileError(description: "\(place): '\(pattern)' is not a valid expression")
        }
    }

    init(expanded: String, place: String) throws {
        source = expanded
        self.expanded = expanded
        do {
            regex = try NSRegularExpression(pattern: expanded, options: [.caseInsensitive])
        } catch {
            throw PolicyTopicVocabulary.FileError(description: "\(place): the expressions do not combine")
        }
    }

    /// `{name}` → the fragment's expression, in a group; `\p{L}` and `{2,3}` are left alone.
    private static func expand(_ pattern: String, fragments: [String: String], place: String, depth: Int) throws -> String {
        guard depth < 5 else { throw PolicyTopicVocabulary.FileError(description: "\(place): fragments nest too deep") }
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            let before = rest[..<open]
            let isProperty = before.hasSuffix("\\p") || before.hasSuffix("\\P")
            guard !isProperty, let close = rest[open...].firstIndex(of: "}") else {
                result += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let first = name.first, first.isLetter, name.allSatisfy({ $0.isLetter || $0 == "-" }) else {
                result += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let fragment = fragments[name] else {
                throw PolicyTopicVocabulary.FileError(description: "\(place): no fragment named {\(name)}")
            }
            result += before + "(?:" + (try expand(fragment, fragments: fragments, place: place, depth: depth + 1)) + ")"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` with every match replaced by " ~ ", so nothing either side joins up.
    func blanking(_ text: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ~ ")
    }
}

/// Reads one policy with a vocabulary and says, for each topic, whether and where it is covered.
struct PolicyTopicFinder {
    let vocabulary: PolicyTopicVocabulary

    /// For each topic, the first place that covers it, in document order; `source` is the file's text,
    /// used to find the line a sentence is on inside a block that spans several lines.
    func find(in policy: PolicyDocument, source: String?) -> [String: (PolicyTopicCoverage.Source, TextPosition, String)] {
        var found: [String: (PolicyTopicCoverage.Source, TextPosition, String)] = [:]
        let sections = policy.sections
        let locator = source.map { SentenceLocator(source: $0, isHTML: policy.format == .html) }
        for (index, section) in sections.enumerated() {
            if found.count == vocabulary.topics.count { break }
            if section.level > 0 {
                let heading = PolicyTopicVocabulary.normalize(section.heading)
                // The document's title ("Social Media and Privacy Policy") names what the page is, not a section on it.
                let isTitle = index == sections.firstIndex { $0.level > 0 } && (section.level == 1 || section.heading == policy.title)
                for topic in vocabulary.topics where found[topic.id] == nil {
                    if section.hasExplicitID && section.id == topic.id {
                        found[topic.id] = (.id, section.position, section.heading)
                    } else if !isTitle, !topic.headings.isEmpty, topic.headings.contains(where: { $0.matches(heading) }),
                              supports(topic, scope: scopeText(of: index, in: sections)) {
                        found[topic.id] = (.heading, section.position, section.heading)
                    } else if covers(topic, heading) {
                        found[topic.id] = (.text, section.position, section.heading)
                    }
                }
            }
            // Paragraphs and list items in the order they appear.
            let blocks = (section.paragraphs + section.listItems).sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
            for block in blocks {
                if found.count == vocabulary.topics.count { break }
                let sentences = Sentences.split(block.text)
                for (sentenceIndex, sentence) in sentences.enumerated() {
                    let normalized = PolicyTopicVocabulary.normalize(sentence)
                    for topic in vocabulary.topics where found[topic.id] == nil && covers(topic, normalized) {
                        var position = block.position
                        if sentenceIndex > 0, let locator { position = locator.position(of: sentence, after: block.position) ?? block.position }
                        found[topic.id] = (.text, position, String(sentence))
                    }
                }
            }
        }
        return found
    }

    func covers(_ topic: PolicyTopicVocabulary.Topic, _ normalized: String) -> Bool {
        if let any = topic.anyText, !any.matches(normalized) { return false }
        if topic.unmasked.contains(where: { all in all.allSatisfy { $0.matches(normalized) } }) { return true }
        var text = normalized
        for pattern in vocabulary.not { text = pattern.blanking(text) }
        for pattern in topic.not { text = pattern.blanking(text) }
        return topic.text.contains { all in all.allSatisfy { $0.matches(text) } }
    }

    private func supports(_ topic: PolicyTopicVocabulary.Topic, scope: String) -> Bool {
        topic.support.isEmpty || topic.support.contains { $0.matches(scope) }
    }

    /// The text under a heading, down to the next heading of the same or a higher level.
    private func scopeText(of index: Int, in sections: [PolicySection]) -> String {
        let level = sections[index].level
        var parts: [String] = []
        var current = index
        repeat {
            let section = sections[current]
            if current > index { parts.append(section.heading) }
            parts += (section.paragraphs + section.listItems).map(\.text)
            current += 1
        } while current < sections.count && sections[current].level > level
        return PolicyTopicVocabulary.normalize(parts.joined(separator: " "))
    }
}

/// Finds the line a sentence starts on, in the file as written: a paragraph may span lines, and in
/// HTML its words may be split by tags and entities.
struct SentenceLocator {
    private let source: String
    private let isHTML: Bool
    private let lineStarts: [String.Index]

    init(source: String, isHTML: Bool) {
        self.source = source
        self.isHTML = isHTML
        var starts = [source.startIndex]
        let bytes = source.utf8
        var index = bytes.startIndex
        while let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
            index = bytes.index(after: newline)
            starts.append(index)
        }
        lineStarts = starts
    }

    func position(of sentence: Substring, after start: TextPosition) -> TextPosition? {
        guard start.line >= 1, start.line <= lineStarts.count else { return nil }
        let words = sentence.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(4)
        guard !words.isEmpty else { return nil }
        let separator = isHTML ? "(?:[^\\p{L}\\p{N}&<]|&#?\\w+;|<[^>]*>)+" : "[^\\p{L}\\p{N}]+"
        let pattern = "(?<![\\p{L}\\p{N}])" + words.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: separator)
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        let from = lineStarts[start.line - 1]
        let window = source.index(from, offsetBy: 40_000, limitedBy: source.endIndex) ?? source.endIndex
        guard let match = regex.firstMatch(in: source, range: NSRange(from..<window, in: source)),
              let range = Range(match.range, in: source) else { return nil }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= range.lowerBound { low = middle } else { high = middle - 1 }
        }
        let column = source.unicodeScalars[lineStarts[low]..<range.lowerBound].count + 1
        return TextPosition(line: low + 1, column: column)
    }
}
