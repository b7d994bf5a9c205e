// Which of the topics readers need a moderation policy covers, and where: what `lint --explain` shows.

/// One topic of a moderation policy (respond, leave-alone, remove, …), found or missing.
public struct PolicyTopicCoverage: Sendable, Hashable {
    public enum Status: String, Sendable {
        case found
        case missing
    }

    /// How the topic was found.
    public enum Source: String, Sendable {
        /// A heading with the topic's id (`{#hours}`, `id="hours"`).
        case id
        /// A heading in the topic's words, with text under it that is about the topic.
        case heading
        /// A sentence of a paragraph, list item or heading in the topic's words.
        case text
    }

    /// The topic's id, as an explicit heading id would name it: `respond`, `hours`, …
    public var topic: String
    /// What the topic is, for messages: "when the accounts are monitored".
    public var what: String
    /// Whether the policy must cover it (public records only when the config asks).
    public var required: Bool
    public var status: Status
    public var source: Source?
    /// Where the covering heading or sentence starts.
    public var position: TextPosition?
    /// The heading or sentence that covers the topic, as written in the document.
    public var text: String?
    /// What readers need from the topic, and a sentence to add when it is missing.
    public var needs: String
    public var example: String

    public init(
        topic: String, what: String, required: Bool, status: Status, source: Source? = nil,
        position: TextPosition? = nil, text: String? = nil, needs: String, example: String
    ) {
        self.topic = topic
        self.what = what
        self.required = required
        self.status = status
        self.source = source
        self.position = position
        self.text = text
        self.needs = needs
        self.example = example
    }
}

/// The topics of one moderation policy, in the order the rule checks them.
public struct PolicyTopicsReport: Sendable, Hashable {
    public var file: String
    public var topics: [PolicyTopicCoverage]

    public init(file: String, topics: [PolicyTopicCoverage]) {
        self.file = file
        self.topics = topics
    }
}
