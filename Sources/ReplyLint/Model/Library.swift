// Everything loaded from a user's library: replies, partials, policies, and the files that did not load.

/// A file that could not become a reply or policy, or whose front matter has a problem outside any reply.
public struct FileProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Not text, not UTF-8, or unreadable: reported by `file-unreadable`.
        case unreadable
        /// Front matter or YAML trouble in a file that holds no reply (a policy, a broken collection).
        case frontMatter(FrontMatterProblem.Kind)
        /// A file in the library's folders that ReplyLint does not read (a `.txt` among the replies):
        /// reported by `file-ignored`, so nothing is skipped without anyone knowing.
        case ignored
        /// A file or folder over one of the library's limits (`limits:` in config), not read or not
        /// wholly read: reported by `limit-exceeded`.
        case limit
    }

    public var kind: Kind
    public var file: String
    public var message: String
    public var position: TextPosition?

    public init(kind: Kind, file: String, message: String, position: TextPosition? = nil) {
        self.kind = kind
        self.file = file
        self.message = message
        self.position = position
    }
}

public struct Library: Sendable {
    public var configuration: Configuration
    public var replies: [Reply]
    public var partials: [String: Partial]
    public var policies: [PolicyDocument]
    public var fileProblems: [FileProblem]
    /// Each file's text, by the path findings use, so reports can quote the offending line.
    public var sources: [String: String]
    /// How many files were read (replies, collections, partials, policies, and files that failed).
    public var fileCount: Int
    /// Reply usage counts, when config names a usage source.
    public var usage: UsageData?

    public init(
        configuration: Configuration = Configuration(), replies: [Reply] = [], partials: [String: Partial] = [:],
        policies: [PolicyDocument] = [], fileProblems: [FileProblem] = [], sources: [String: String] = [:],
        fileCount: Int? = nil
    ) {
        self.configuration = configuration
        self.replies = replies
        self.partials = partials
        self.policies = policies
        self.fileProblems = fileProblems
        self.sources = sources
        self.fileCount = fileCount ?? Set(replies.map(\.file) + policies.map(\.file) + partials.values.map(\.file)).count
    }
}
