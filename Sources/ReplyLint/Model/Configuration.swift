// `replylint.yml` as the rest of ReplyLint sees it: library paths, locale, rule levels and options,
// channels, accounts, usage and serving settings. Loading/ConfigurationParser.swift reads it.

public struct Configuration: Sendable {
    /// Folders holding saved replies, relative to the library root.
    public var replyPaths: [String] = ["replies"]
    /// Folders holding policy documents, relative to the library root.
    public var policyPaths: [String] = ["policies"]
    /// The locale of replies that do not declare one.
    public var locale: String = "en"
    public var teamName: String?
    /// Account ids per platform (`x`, `facebook`, `instagram`, `whatsapp`), for `{{dm_link}}`.
    public var accounts: [String: String] = [:]
    /// Levels set in config; rules not named here keep their default severity.
    public var ruleLevels: [String: RuleLevel] = [:]
    public var ruleOptions: [String: [String: OptionValue]] = [:]
    /// Every channel: the built-in ones with config's overrides applied, plus custom ones.
    public var channels: [String: Channel] = Dictionary(uniqueKeysWithValues: Channel.builtIn.map { ($0.id, $0) })
    /// Placeholder declarations shared by every reply.
    public var placeholders: [String: PlaceholderDeclaration] = [:]
    /// A CSV of reply usage counts, relative to the library root (`usage: {csv: …}`).
    public var usageCSV: String?
    /// The usage log `serve` and `mcp` write and `faq-unused` reads (`usage: {log: …}`): an SQLite file
    /// relative to the library root, or a `postgres://` URL; nil when config switches it off with
    /// `log: off`. `REPLYLINT_USAGE_LOG` in the environment takes precedence (`UsageLogLocation`).
    public var usageLog: String? = Configuration.defaultUsageLog
    public static let defaultUsageLog = ".replylint/usage.sqlite"
    /// The most renders `serve` and `mcp` keep while the usage log cannot be written (`usage: {buffer: …}`).
    public var usageBuffer = Configuration.defaultUsageBuffer
    public static let defaultUsageBuffer = 100_000
    /// How large files, walks and template expansions may be (`limits:`).
    public var limits = Limits()
    /// The bearer token `serve` requires (`serve: {token: …}`); `REPLYLINT_TOKEN` takes precedence.
    public var serveToken: String?
    /// The config file this came from; nil for the built-in defaults.
    public var file: String?

    public init() {}

    public func level(of rule: RuleDescription) -> RuleLevel {
        ruleLevels[rule.id] ?? .on(rule.severity)
    }

    /// The option's configured value, else its default.
    public func option(_ name: String, of rule: RuleDescription) -> OptionValue? {
        ruleOptions[rule.id]?[name] ?? rule.options.first { $0.name == name }?.defaultValue
    }
}

/// A config file that cannot be used; the run stops (exit 2) with this one line.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var position: TextPosition?
    public var message: String

    public var description: String {
        if let position { return "\(file):\(position.line):\(position.column): \(message)" }
        return "\(file): \(message)"
    }
}
