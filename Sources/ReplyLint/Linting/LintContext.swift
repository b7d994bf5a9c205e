// What a rule may look at besides the reply in hand: the library, its config and the FAQ index.

public struct LintContext: Sendable {
    public let library: Library
    public let faq: FAQIndex

    public init(library: Library) {
        self.library = library
        self.faq = FAQIndex(policies: library.policies)
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
