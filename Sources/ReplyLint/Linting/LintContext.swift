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

    public var configuration: Configuration { library.configuration }

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
