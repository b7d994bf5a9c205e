// Every rule ReplyLint knows, in the order `replylint rules` lists them.

public enum RuleRegistry {
    public static let all: [any Rule] = [
        FrontMatterRule(),
        FileUnreadableRule(),
        FileIgnoredRule(),
        LimitExceededRule(),
        ReplyIDDuplicateRule(),
        ChannelUnknownRule(),
        LocaleMismatchRule(),
        FAQMissingRule(),
        FAQUnknownRule(),
        FAQSensitivePublicRule(),
        ReplyDuplicateRule(),
        FAQUnusedRule(),
        MediaMissingRule(),
        MediaAltTextRule(),
        PlaceholderSyntaxRule(),
        PlaceholderUnknownRule(),
        PlaceholderFallbackEmptyRule(),
        PartialMissingRule(),
        FillInMarkerRule(),
        PersonalDataPublicRule(),
        PersonalDataNeverRule(),
        PersonalDataPlaceholderPublicRule(),
        PersonalDataLiteralRule(),
        DMLinkMissingRule(),
        LengthLimitRule(),
        LengthNearLimitRule(),
        ToneShoutingRule(),
        ToneExclamationRule(),
        ToneBlameRule(),
        ToneClicheRule(),
        ToneImpersonalRule(),
        ToneSignoffRule(),
        ToneReadabilityRule(),
        PolicySectionMissingRule(),
        PolicyReadabilityRule(),
        PolicyLinkBrokenRule(),
    ]

    public static var descriptions: [RuleDescription] { all.map { type(of: $0).description } }

    public static var ids: Set<String> { Set(descriptions.map(\.id)) }
}
