// What import and export share: the formats, a reply as it moves between a tool and the library, and
// what an import could not convert.

/// The tools and file shapes `replylint import` reads and `replylint export` writes.
public enum InterchangeFormat: String, CaseIterable, Sendable {
    case zendesk, helpscout, freshdesk, front, intercom, chatwoot, github, json, csv, markdown

    /// Formats `export` writes; the others have no way back into their tool that this project could check.
    public static let exportable: [InterchangeFormat] = [.zendesk, .helpscout, .github, .json, .csv, .markdown]

    public var displayName: String {
        switch self {
        case .zendesk: "Zendesk macros"
        case .helpscout: "Help Scout saved replies"
        case .freshdesk: "Freshdesk canned responses"
        case .front: "Front message templates"
        case .intercom: "Intercom macros"
        case .chatwoot: "Chatwoot canned responses"
        case .github: "GitHub saved replies (.github/replies.yml)"
        case .json: "JSON replies"
        case .csv: "CSV replies"
        case .markdown: "Markdown replies"
        }
    }

    /// What a file of this format looks like, for the one-line error when it is not one.
    public var expectedShape: String {
        switch self {
        case .zendesk: #"{"macros": [{"title", "actions": [{"field": "comment_value", "value"}]}]} or a list of macros"#
        case .helpscout: #"a list of saved replies [{"name", "text", "chatText"}] or {"_embedded": {"saved-replies": [...]}}"#
        case .freshdesk: #"a list of canned responses [{"title", "content_html", "folder_id"}] or of folders with "canned_responses""#
        case .front: #"{"_results": [{"name", "subject", "body"}]} or a list of message templates"#
        case .intercom: #"{"type": "list", "data": [{"type": "macro", "name", "body_text"}]} or a list of macros"#
        case .chatwoot: #"a list of canned responses [{"short_code", "content"}] or {"payload": [...]}"#
        case .github: "YAML with replies: [{name, body}]"
        case .json: #"an object {"title": "body", …} or a list of objects with a title (or name) and a body (or content, text)"#
        case .csv: "a CSV whose header names a title column (title, name) and a body column (body, content, text)"
        case .markdown: "Markdown with one reply per heading, its body in the text or fenced block below it"
        }
    }
}

/// A placeholder a reply uses, with the value agents' tools print when it is missing.
public struct InterchangePlaceholder: Sendable, Hashable, Comparable {
    public var name: String
    public var fallback: String?

    public init(name: String, fallback: String? = nil) {
        self.name = name
        self.fallback = fallback
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.name, lhs.fallback ?? "") < (rhs.name, rhs.fallback ?? "")
    }
}

/// A reply between a tool and the library: what both sides can say about it.
public struct InterchangeReply: Sendable, Hashable {
    /// As the tool shows it (a Zendesk title keeps its `::` folders).
    public var title: String
    /// Mustache, with ReplyLint's placeholder names.
    public var body: String
    /// Folder names, outermost first (Zendesk `A::B::Title`, a Freshdesk folder).
    public var folders: [String]
    public var channels: [String]
    public var tags: [String]
    /// Every placeholder the body uses, in the order it first appears.
    public var placeholders: [InterchangePlaceholder]
    public var faq: String?
    /// Uses over the period the source counts (Zendesk `usage_30d`, …).
    public var usage: Int?
    /// The record's id in its tool, or the reply's id in the library.
    public var id: String?

    public init(
        title: String, body: String, folders: [String] = [], channels: [String] = [], tags: [String] = [],
        placeholders: [InterchangePlaceholder] = [], faq: String? = nil, usage: Int? = nil, id: String? = nil
    ) {
        self.title = title
        self.body = body
        self.folders = folders
        self.channels = channels
        self.tags = tags
        self.placeholders = placeholders
        self.faq = faq
        self.usage = usage
        self.id = id
    }
}

/// What a source record says about the channels its reply is for.
public enum ChannelEvidence: Sendable, Hashable {
    /// ReplyLint channel ids, named by the record (an earlier export, a `channels` column).
    case stated([String])
    /// Only whether the reply goes out publicly or privately.
    case visibility(Visibility)
    /// Nothing: `--channels` decides, and the import counts it as a guess.
    case unknown
}

/// One record read from a source file, converted as far as it could be.
public struct ImportedRecord: Sendable, Hashable {
    public var reply: InterchangeReply
    public var channelEvidence: ChannelEvidence
    /// How the record is named in messages: "macro 360001234 'Refund :: Late'".
    public var label: String
    /// What could not be converted faithfully, each to be reviewed.
    public var notes: [String]

    public init(reply: InterchangeReply, channelEvidence: ChannelEvidence, label: String, notes: [String] = []) {
        self.reply = reply
        self.channelEvidence = channelEvidence
        self.label = label
        self.notes = notes
    }
}

/// A record that could not be imported; the others still are.
public struct SkippedRecord: Error, Sendable, Hashable {
    public var label: String
    public var reason: String

    public init(label: String, reason: String) {
        self.label = label
        self.reason = reason
    }
}

/// Everything read from one source file.
public struct ImportBatch: Sendable, Hashable {
    public var records: [ImportedRecord] = []
    public var skipped: [SkippedRecord] = []

    public init(records: [ImportedRecord] = [], skipped: [SkippedRecord] = []) {
        self.records = records
        self.skipped = skipped
    }
}

/// A file that is not the format it was named as: the whole import stops (exit 2).
public struct InterchangeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// "LINE:COLUMN: message", or the message alone when there is no position; the caller adds the file.
    public var description: String {
        guard let line else { return message }
        return "\(line):\(column ?? 1): \(message)"
    }
}

/// What an export file holds, and what the tool could not be told.
public struct ExportOutput: Sendable, Hashable {
    public var text: String
    /// "reply 'waste/missed-bin': Help Scout saved replies have no channels; x-reply, facebook-comment left out".
    public var notes: [String]
}
