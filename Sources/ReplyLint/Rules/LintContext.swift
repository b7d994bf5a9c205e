// What a rule may look at besides the reply in hand: the library, its config and the FAQ index.
//
// A class, though nothing in it changes after it is made: rules pass it on and keep it in closures, and each copy of a
// struct of a dozen fields retained every one of them (about 3 % of a 10,000-reply lint's CPU); a copy of a class is
// one retain.

public final class LintContext: Sendable {
    public let library: Library
    public let faq: FAQIndex
    /// The personal-data vocabulary of the configured locale's language, with what the moderation
    /// policies in that language and the config add to it.
    public let personalData: PersonalDataVocabulary
    /// The same for every language the library's replies are written in, by language code.
    let vocabularies: [String: PersonalDataVocabulary]

    public convenience init(library: Library) {
        self.init(library: library, scope: nil)
    }

    init(library: Library, scope: (@Sendable (_ file: String, _ rule: String) -> Bool)?) {
        self.library = library
        self.scope = scope
        self.faq = FAQIndex(policies: library.policies)
        let configuration = library.configuration
        var codes = Set([Language.forLocale(configuration.locale).code])
        for reply in library.replies {
            if let locale = reply.locale, !locale.trimmingWhitespace.isEmpty { codes.insert(Language.forLocale(locale).code) }
        }
        var vocabularies: [String: PersonalDataVocabulary] = [:]
        for code in codes {
            let language = Language.embedded(code) ?? Language.unsupported
            // A policy's never-ask list counts for the replies in its own language.
            let policies = library.policies.filter { policy in
                Language.forLocale(policy.locale.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 } ?? configuration.locale).code == code
            }
            var vocabulary = language.personalData.addingSecrets(NeverAskList.items(in: policies, language: language.words))
            if case .strings(let extra)? = configuration.ruleOptions["personal-data-never"]?["extra-items"] { vocabulary = vocabulary.addingSecrets(extra) }
            if case .strings(let extra)? = configuration.ruleOptions["personal-data-public"]?["extra-items"] { vocabulary = vocabulary.addingPersonal(extra) }
            vocabularies[code] = vocabulary
        }
        self.vocabularies = vocabularies
        self.personalData = vocabularies[Language.forLocale(configuration.locale).code]!
        wordScores = LanguageGuess.WordScores()
    }

    /// The personal-data vocabulary a reply is read with: its language's (see `language(of:)`).
    public func personalData(of reply: Reply) -> PersonalDataVocabulary {
        vocabularies[language(of: reply).code] ?? personalData
    }

    /// Per-reply results several rules share (worst-case lengths), kept for the reply in hand only.
    /// Each worker thread gets its own (see Linter), so no lock is needed.
    let scratch = ReplyScratch()

    /// The language guess's scores of the words this worker has read (see LanguageGuess.WordScores).
    let wordScores: LanguageGuess.WordScores

    /// Whether a run reports findings of a rule (its id) on a file (a pre-commit hook's few files); nil
    /// reports everything. Library-wide rules ask (`reports(_:rule:)`) before building findings left out.
    let scope: (@Sendable (_ file: String, _ rule: String) -> Bool)?

    /// A copy of this context with a scratch area of its own, for one worker; with `wordScores`, the word scores a
    /// worker before it built (see Linter: the chunks of one lint pass them on).
    func forWorker(wordScores: LanguageGuess.WordScores = LanguageGuess.WordScores()) -> LintContext {
        LintContext(copying: self, wordScores: wordScores)
    }

    private init(copying other: LintContext, wordScores: LanguageGuess.WordScores) {
        self.wordScores = wordScores
        library = other.library
        faq = other.faq
        personalData = other.personalData
        vocabularies = other.vocabularies
        scope = other.scope
    }

    /// Whether a finding of `rule` on `file` would be reported in this run.
    func reports(_ file: String, rule: String) -> Bool {
        scope?(file, rule) ?? true
    }

    /// The value `compute` gives for `reply`, computed once however many rules ask.
    func shared<Value>(_ name: String, for reply: Reply, _ compute: () -> Value) -> Value {
        // File and position, not id: two replies may share an id (reply-id-duplicate reports it), and
        // two items of one YAML collection share a file.
        scratch.value(name, for: ReplyScratch.Key(file: reply.file, position: reply.position), compute)
    }

    public var configuration: Configuration { library.configuration }

    /// The locale a reply is read in: its own `locale`, else the configured one (`locale:` in
    /// replylint.yml, `en` by default).
    public func locale(of reply: Reply) -> String {
        if let locale = reply.locale, !locale.trimmingWhitespace.isEmpty { return locale }
        return configuration.locale
    }

    /// The language a reply is read in, from its locale: "es", "es-MX", "es-US" → Spanish.
    public func language(of reply: Reply) -> Language { Language.forLocale(locale(of: reply)) }

    /// The locale a policy is read in: its own (`locale:` in front matter, `<html lang>`), else the configured one.
    public func locale(of policy: PolicyDocument) -> String {
        if let locale = policy.locale, !locale.trimmingWhitespace.isEmpty { return locale }
        return configuration.locale
    }

    /// The reply's tags in document order (see ParsedTemplate.tags), listed once for the rules that read them.
    func tags(of reply: Reply) -> ParsedTemplate.Tags {
        shared("template.tags", for: reply) { reply.template.tags() }
    }

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
    /// Which reply the values belong to. Compared field by field: a string made per lookup cost
    /// an allocation for every rule that asked.
    struct Key: Equatable {
        var file: String
        var position: TextPosition
    }

    private var key: Key?
    private var values: [String: Any] = [:]

    func value<Value>(_ name: String, for key: Key, _ compute: () -> Value) -> Value {
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
