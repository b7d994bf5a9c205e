// Checking text an agent wrote by hand (`POST /v1/lint`, the MCP tool `lint_text`) with the
// rules that read a reply's own words: privacy, length, tone and template rules.

public struct TextCheckResult: Sendable {
    public var channel: Channel?
    /// The text's length on the channel, when one was given.
    public var length: Length?
    public var findings: [Finding]
}

public enum TextCheckError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownChannel(String, suggestion: String?)
    case tooLong(characters: Int, limit: Int)

    public var description: String {
        switch self {
        case .unknownChannel(let id, let suggestion):
            "unknown channel '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .tooLong(let characters, let limit):
            "the text is \(characters) characters; checks take up to \(limit), the longest reply any channel allows"
        }
    }
}

public struct TextChecker: Sendable {
    /// The file name findings carry: the text is not a file.
    public static let fileName = "<text>"
    /// Rule families that look at the text itself; FAQ, media, policy and file rules need a reply file.
    static let categories: Set<RuleCategory> = [.privacy, .length, .tone, .template]

    private let context: LintContext
    private let rules: [any Rule]

    public init(library: Library, rules: [any Rule] = RuleRegistry.all) {
        context = LintContext(library: library)
        self.rules = rules.filter { rule in
            let description = type(of: rule).description
            return Self.categories.contains(description.category) && library.configuration.level(of: description) != .off
        }
    }

    /// Checks `text` as a reply body for `channelID` (all channel-free rules when nil). The text may
    /// be final wording or a template with placeholders; a template is measured on its worst case.
    /// The longest text checked: YouTube's and X DMs' limit. Longer text is refused, not checked slowly.
    public static let maximumLength = 10_000

    public func check(text: String, channel channelID: String?) throws(TextCheckError) -> TextCheckResult {
        let characters = text.unicodeScalars.count
        guard characters <= Self.maximumLength else { throw .tooLong(characters: characters, limit: Self.maximumLength) }
        let configuration = context.library.configuration
        var channel: Channel?
        if let channelID {
            guard let known = configuration.channels[channelID] else {
                throw .unknownChannel(channelID, suggestion: Channel.closest(to: channelID, in: configuration.channels.keys))
            }
            channel = known
        }
        let reply = Reply(
            id: "text", file: Self.fileName,
            channels: channel.map { [Located($0.id, at: TextPosition(line: 1, column: 1))] } ?? [],
            body: text)
        // A fresh scratch area per call: calls run concurrently.
        let worker = context.forWorker()
        var findings: [Finding] = []
        for rule in rules { findings += rule.check(reply: reply, in: worker) }
        // `{{! replylint-disable … }}` comments are for a library's authors; text checked here is
        // checked in full, so a comment cannot switch off the privacy rules for it.
        for index in findings.indices {
            findings[index].replyID = nil
            if case .on(let severity)? = configuration.ruleLevels[findings[index].ruleID] { findings[index].severity = severity }
        }
        findings.sort()
        return TextCheckResult(channel: channel, length: channel.map { LengthCounter.measure(text, on: $0) }, findings: findings)
    }
}
