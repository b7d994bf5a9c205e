// What a rule is, as data: its id, severity, category, options and examples — what config checks
// against, `replylint rules` prints and the docs are generated from. The checks live in Rules/.

/// Where a rule's findings come from, used to group rules in `replylint rules` and the docs.
public enum RuleCategory: String, Sendable, CaseIterable {
    case privacy, length, tone, faq, template, media, policy, library
}

/// A value a rule option may take in `replylint.yml`.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case strings([String])

    public var description: String {
        switch self {
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): value
        case .strings(let values): "[" + values.joined(separator: ", ") + "]"
        }
    }

    var typeName: String {
        switch self {
        case .bool: "true or false"
        case .int: "a whole number"
        case .number: "a number"
        case .string: "a text value"
        case .strings: "a list of text values"
        }
    }
}

public struct RuleOption: Sendable, Hashable {
    public var name: String
    public var defaultValue: OptionValue
    public var summary: String

    public init(_ name: String, default defaultValue: OptionValue, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// A sample a rule must (triggering) or must not (non-triggering) report, run by the test suite and
/// printed by `replylint rules`.
///
/// A reply example is either a whole reply file (starting with `---`) or just a body, which is given
/// the front matter `faq: missed-collection`, the example's channels and its `locale` if it has one
/// (a Spanish example says `locale: es-MX`). A policy example is a Markdown document. `↓` marks where
/// a finding must start (the first character after it).
public struct Example: Sendable, Hashable {
    public enum Subject: Sendable, Hashable {
        case reply(channels: [String])
        case policy(fileName: String)
        /// Several replies, for rules that compare replies; `usage` gives usage counts by reply id
        /// (the replies are `example-1`, `example-2`, …).
        case replies([String], usage: [String: Int]?)
        /// A reply rendered for its first channel with `values` (dotted names), checked as sent.
        case rendered(channels: [String], values: [String: String])
    }

    public var text: String
    public var subject: Subject
    /// The reply's `locale` in front matter; nil leaves it out (the configured locale, English).
    public var locale: String?
    public var file: String
    public var line: UInt

    public init(_ text: String, channels: [String] = ["x-reply"], locale: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.subject = .reply(channels: channels)
        self.locale = locale
        self.file = "\(file)"
        self.line = line
    }

    /// Several whole reply files or bodies (with `channels` as front matter); `↓` marks in any of them.
    public init(replies: [String], channels: [String] = ["x-reply"], usage: [String: Int]? = nil, locale: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.text = replies.map { Example.wrap($0, channels: channels, locale: locale) }.joined(separator: "\n\n")
        self.subject = .replies(replies.map { Example.wrap($0, channels: channels, locale: locale) }, usage: usage)
        self.locale = locale
        self.file = "\(file)"
        self.line = line
    }

    static func wrap(_ text: String, channels: [String], locale: String? = nil) -> String {
        if text.hasPrefix("---") || text.hasPrefix("↓---") { return text }
        let localeLine = locale.map { "locale: \($0)\n" } ?? ""
        return "---\nfaq: missed-collection\nchannels: [\(channels.joined(separator: ", "))]\n\(localeLine)---\n" + text
    }

    /// A reply body (or whole file) rendered for its first channel with `values`, then checked as
    /// sent: for rules that check rendered text too.
    public init(rendered text: String, values: [String: String], channels: [String] = ["x-reply"], locale: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.subject = .rendered(channels: channels, values: values)
        self.locale = locale
        self.file = "\(file)"
        self.line = line
    }

    public init(policy text: String, fileName: String, file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.subject = .policy(fileName: fileName)
        self.file = "\(file)"
        self.line = line
    }

    /// The whole file the example stands for, markers kept: a bare body gets the front matter
    /// `faq: missed-collection` and the example's channels.
    public var fileText: String {
        switch subject {
        case .reply(let channels), .rendered(let channels, _): Example.wrap(text, channels: channels, locale: locale)
        default: text
        }
    }

    /// For a rendered example, how it is filled in: "rendered for x-reply with customer.first_name = Ana".
    public var renderingNote: String? {
        guard case .rendered(let channels, let values) = subject else { return nil }
        let filled = values.keys.sorted().map { name in
            let value = values[name]!
            return "\(name) = " + (value.count > 40 ? "\"\(value.prefix(20))…\" (\(value.count) characters)" : "\"\(value)\"")
        }
        return "rendered for \(channels[0]) with " + filled.joined(separator: ", ")
    }

    /// The file without its `↓` markers.
    public var plainText: String { fileText.replacingOccurrences(of: "↓", with: "") }
}

public struct RuleDescription: Sendable {
    public var id: String
    public var severity: Severity
    public var category: RuleCategory
    /// One sentence: what the rule reports.
    public var summary: String
    /// Why it matters to the person who wrote the reply.
    public var rationale: String
    public var options: [RuleOption]
    /// What the rule does not catch, said plainly.
    public var blindSpots: [String]
    public var triggering: [Example]
    public var nonTriggering: [Example]
    /// Reference material for the docs beyond the rationale (the phrases or headings it knows), in Markdown.
    /// Written only when asked for: it lists every language's words, which a lint run never needs.
    public var notes: String? { notesText() }
    private let notesText: @Sendable () -> String?
    /// The rule checks a reply's rendered text too (`render`, the API, MCP), not only its template;
    /// its examples then include rendered ones both ways.
    public var checksRenderedText: Bool

    public init(
        id: String, severity: Severity, category: RuleCategory, checksRenderedText: Bool = false,
        summary: String, rationale: String, options: [RuleOption] = [], blindSpots: [String] = [], notes: @autoclosure @escaping @Sendable () -> String? = nil,
        triggering: [Example], nonTriggering: [Example]
    ) {
        self.id = id
        self.severity = severity
        self.category = category
        self.summary = summary
        self.rationale = rationale
        self.options = options
        self.blindSpots = blindSpots
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.notesText = notes
        self.checksRenderedText = checksRenderedText
    }
}
