// Rendering's one door to the rules: the checks that run again on a reply's real text once its
// placeholders are filled (length, personal data), with config's levels and the reply's own
// `disable:` applied.

public struct RenderedTextCheck: Sendable {
    public var findings: [Finding]
    /// The text's length on its channel.
    public var length: Length
    /// Why the text must not be sent at all (it asks for a password or a PIN), if it must not.
    public var refusal: String?
}

public struct RenderedTextChecks: Sendable {
    private let rules: [any Rule]
    private let configuration: Configuration
    /// Built once: the FAQ index and the personal-data vocabulary the checks use.
    private let context: LintContext

    public init(library: Library, rules: [any Rule] = RuleRegistry.all) {
        configuration = library.configuration
        self.rules = rules.filter { rule in
            let description = type(of: rule).description
            return description.checksRenderedText && library.configuration.level(of: description) != .off
        }
        context = LintContext(library: library)
    }

    public func check(_ rendered: RenderedText) -> RenderedTextCheck {
        // A scratch area of its own: the server renders on many threads at once.
        let worker = context.forWorker()
        var findings: [Finding] = []
        for rule in rules where !rendered.reply.disabledRules.contains(type(of: rule).description.id) {
            findings += rule.check(rendered: rendered, in: worker)
        }
        let refusal = findings.first { $0.ruleID == PersonalDataNeverRule.description.id }?.message
        for index in findings.indices {
            if case .on(let severity)? = configuration.ruleLevels[findings[index].ruleID] { findings[index].severity = severity }
        }
        return RenderedTextCheck(findings: findings, length: LengthMeasurement.rendered(rendered, in: worker).length, refusal: refusal)
    }
}
