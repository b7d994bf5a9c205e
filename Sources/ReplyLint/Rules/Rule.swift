// What a rule is: its own spec (id, severity, why, options, examples) plus the checks it runs.

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
/// the front matter `faq: missed-collection` and the example's channels. A policy example is a
/// Markdown document. `↓` marks where a finding must start (the first character after it).
public struct Example: Sendable, Hashable {
    public enum Subject: Sendable, Hashable {
        case reply(channels: [String])
        case policy(fileName: String)
        /// Several replies, for rules that compare replies; `usage` gives usage counts by reply id
        /// (the replies are `example-1`, `example-2`, …).
        case replies([String], usage: [String: Int]?)
    }

    public var text: String
    public var subject: Subject
    public var file: String
    public var line: UInt

    public init(_ text: String, channels: [String] = ["x-reply"], file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.subject = .reply(channels: channels)
        self.file = "\(file)"
        self.line = line
    }

    /// Several whole reply files or bodies (with `channels` as front matter); `↓` marks in any of them.
    public init(replies: [String], channels: [String] = ["x-reply"], usage: [String: Int]? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.text = replies.map { Example.wrap($0, channels: channels) }.joined(separator: "\n\n")
        self.subject = .replies(replies.map { Example.wrap($0, channels: channels) }, usage: usage)
        self.file = "\(file)"
        self.line = line
    }

    static func wrap(_ text: String, channels: [String]) -> String {
        if text.hasPrefix("---") || text.hasPrefix("↓---") { return text }
        return "---\nfaq: missed-collection\nchannels: [\(channels.joined(separator: ", "))]\n---\n" + text
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
        guard case .reply(let channels) = subject else { return text }
        return Example.wrap(text, channels: channels)
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

    public init(
        id: String, severity: Severity, category: RuleCategory, summary: String, rationale: String,
        options: [RuleOption] = [], blindSpots: [String] = [], triggering: [Example], nonTriggering: [Example]
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
    }
}

public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings about one reply.
    func check(reply: Reply, in context: LintContext) -> [Finding]
    /// Findings about one policy document.
    func check(policy: PolicyDocument, in context: LintContext) -> [Finding]
    /// Findings that need the whole library at once (duplicates, files that did not load).
    func checkLibrary(in context: LintContext) -> [Finding]
    /// Findings about a reply rendered for one channel: the real text, after placeholders are filled.
    func check(rendered: RenderedText, in context: LintContext) -> [Finding]
}

extension Rule {
    public func check(reply: Reply, in context: LintContext) -> [Finding] { [] }
    public func check(policy: PolicyDocument, in context: LintContext) -> [Finding] { [] }
    public func checkLibrary(in context: LintContext) -> [Finding] { [] }
    public func check(rendered: RenderedText, in context: LintContext) -> [Finding] { [] }

    /// A finding of this rule at its default severity; the linter applies the configured one.
    public static func finding(
        _ message: String, file: String, at start: TextPosition?, end: TextPosition? = nil,
        reply: String? = nil, channel: String? = nil
    ) -> Finding {
        Finding(
            ruleID: description.id, severity: description.severity, message: message, file: file,
            range: start.map { TextRange(start: $0, end: end ?? $0) }, replyID: reply, channel: channel)
    }

    /// A finding about `reply` at a file position.
    public static func finding(
        _ message: String, in reply: Reply, at start: TextPosition?, end: TextPosition? = nil, channel: String? = nil
    ) -> Finding {
        finding(message, file: reply.file, at: start, end: end, reply: reply.id, channel: channel)
    }
}
