// What a rule may look at besides the reply in hand: the library, its config and the FAQ index.

public struct LintContext: Sendable {
    public let library: Library
    public let faq: FAQIndex
    /// The personal-data vocabulary with what the moderation policy and config add to it.
    public let personalData: PersonalDataVocabulary

    public init(library: Library) {
        self.library = library
        self.faq = FAQIndex(policies: library.policies)
        let configuration = library.configuration
        let never = configuration.ruleOptions["personal-data-never"]?["extra-items"]
        let personal = configuration.ruleOptions["personal-data-public"]?["extra-items"]
        var vocabulary = PersonalDataVocabulary.standard.addingSecrets(NeverAskList.items(in: library.policies))
        if case .strings(let extra)? = never { vocabulary = vocabulary.addingSecrets(extra) }
        if case .strings(let extra)? = personal { vocabulary = vocabulary.addingPersonal(extra) }
        self.personalData = vocabulary
    }

    /// Per-reply results several rules share (worst-case lengths), kept for the reply in hand only.
    /// Each worker thread gets its own (see Linter), so no lock is needed.
    let scratch = ReplyScratch()

    /// A copy of this context with a scratch area of its own, for one worker.
    func forWorker() -> LintContext { LintContext(copying: self) }

    private init(copying other: LintContext) {
        library = other.library
        faq = other.faq
        personalData = other.personalData
    }

    /// The value `compute` gives for `reply`, computed once however many rules ask.
    func shared<Value>(_ name: String, for reply: Reply, _ compute: () -> Value) -> Value {
        // File and position, not id: two replies may share an id (reply-id-duplicate reports it), and
        // two items of one YAML collection share a file.
        scratch.value(name, for: "\(reply.file)\u{0}\(reply.position.line):\(reply.position.column)", compute)
    }

    public var configuration: Configuration { library.configuration }

    /// Each declared channel of `reply` that exists, with the reply's worst case on it: computed once per
    /// reply for the length rules and limit-exceeded.
    func worstCases(of reply: Reply) -> [(entry: Located<String>, channel: Channel, text: WorstCaseText)] {
        shared("worst-case.texts", for: reply) {
            guard reply.template.problems.isEmpty else { return [] }
            return reply.channels.compactMap { entry in
                guard let channel = channel(entry.value) else { return nil }
                return (entry, channel, WorstCase.text(of: reply, channel: channel, library: library))
            }
        }
    }

    public func channel(_ id: String) -> Channel? { configuration.channels[id] }

    /// The channels of `reply` that exist, in the order declared.
    public func channels(of reply: Reply) -> [Channel] { reply.channels.compactMap { channel($0.value) } }

    public func option(_ name: String, of rule: RuleDescription) -> OptionValue? { configuration.option(name, of: rule) }

    public func bool(_ name: String, of rule: RuleDescription) -> Bool {
        if case .bool(let value) = option(name, of: rule) { return value }
        return false
    }

    public func int(_ name: String, of rule: RuleDescription) -> Int? {
        if case .int(let value) = option(name, of: rule) { return value }
        return nil
    }

    public func strings(_ name: String, of rule: RuleDescription) -> [String] {
        if case .strings(let values) = option(name, of: rule) { return values }
        return []
    }
}

/// The results computed for the reply a worker is checking; cleared when the next reply comes.
final class ReplyScratch: @unchecked Sendable {
    private var key = ""
    private var values: [String: Any] = [:]

    func value<Value>(_ name: String, for key: String, _ compute: () -> Value) -> Value {
        if key != self.key {
            self.key = key
            values.removeAll(keepingCapacity: true)
        }
        if let cached = values[name] as? Value { return cached }
        let value = compute()
        values[name] = value
        return value
    }
}
