// One thing a rule found: what, how bad, and where — the unit every reporter prints.

public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// Path as the user sees it (relative to the working directory where possible).
    public var file: String
    public var range: TextRange?
    /// The reply's id, when the finding is about one reply.
    public var replyID: String?
    /// The channel id, when the finding is about one channel of a reply.
    public var channel: String?
    /// A safe rewrite `--fix` may apply.
    public var fix: Fix? {
        get { fixStorage?.value }
        set { fixStorage = newValue.map(Boxed.init) }
    }
    /// A rewrite offered to a person (in JSON and SARIF, and by editors), never applied by `--fix`:
    /// it may need the sentence around it mended.
    public var suggestion: Fix? {
        get { suggestionStorage?.value }
        set { suggestionStorage = newValue.map(Boxed.init) }
    }
    /// The rewrites out of line: few findings have one, and inline they made every finding 80 bytes larger
    /// (a 100,000-reply lint holds its findings twice while merging them).
    private var fixStorage: Boxed<Fix>?
    private var suggestionStorage: Boxed<Fix>?

    public init(
        ruleID: String, severity: Severity, message: String, file: String,
        range: TextRange? = nil, replyID: String? = nil, channel: String? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.replyID = replyID
        self.channel = channel
    }
}

/// Replace the text in `range` (file positions, end exclusive) with `replacement`.
public struct Fix: Sendable, Hashable {
    public var range: TextRange
    public var replacement: String

    public init(range: TextRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

extension Finding: Comparable {
    /// Report order: by file, then position, then rule id.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let l = lhs.range?.start ?? TextPosition(line: 0, column: 0)
        let r = rhs.range?.start ?? TextPosition(line: 0, column: 0)
        if l != r { return l < r }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return (lhs.channel ?? "") < (rhs.channel ?? "")
    }
}

/// A value kept out of line, compared and hashed by value.
final class Boxed<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (lhs: Boxed, rhs: Boxed) -> Bool { lhs.value == rhs.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
