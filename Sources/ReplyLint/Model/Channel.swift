// Channel profiles: where a reply is posted, who can see it, and how the platform counts its length.

public enum Visibility: String, Sendable, Codable {
    case `public`
    case `private`
}

/// How a platform measures a message against its limit.
public enum LengthUnit: String, Sendable, Codable, CaseIterable {
    /// twitter-text v3 weighted length (URLs 23, CJK and emoji 2).
    case weighted
    /// Unicode code points after NFC normalisation.
    case characters
    /// UTF-8 bytes.
    case bytes
    /// SMS segments: GSM-7 (160 / 153 per part) or UCS-2 (70 / 67 per part).
    case segments
}

public struct Channel: Sendable, Hashable {
    public var id: String
    public var platform: String
    public var visibility: Visibility
    /// The limit in `unit`; nil when the platform has none (email).
    public var limit: Int?
    public var unit: LengthUnit
    /// Who may open a private conversation, in a few words (shown by `replylint rules` and the docs).
    public var businessMayStart: String
    /// A platform's private-message deep-link template, with `{account}` for the configured account id.
    public var dmLinkTemplate: String?
    /// The key under `accounts:` in config whose id fills `{account}` (`x`, `facebook`, …).
    public var accountKey: String?
    /// For a public channel, the private channel a reply moves the customer to (`x-reply` → `x-dm`);
    /// its deep link is this channel's `{{dm_link}}`.
    public var privateRoute: String?

    public init(
        id: String, platform: String, visibility: Visibility, limit: Int?, unit: LengthUnit,
        businessMayStart: String = "—", dmLinkTemplate: String? = nil, accountKey: String? = nil,
        privateRoute: String? = nil
    ) {
        self.id = id
        self.platform = platform
        self.visibility = visibility
        self.limit = limit
        self.unit = unit
        self.businessMayStart = businessMayStart
        self.dmLinkTemplate = dmLinkTemplate
        self.accountKey = accountKey
        self.privateRoute = privateRoute
    }

    public var isPublic: Bool { visibility == .public }
}

extension Channel {
    /// Words people type for a channel ("twitter", "fb", "dm"), and the channel they most likely mean.
    static let aliases: [String: String] = [
        "twitter": "x-reply", "x": "x-reply", "tweet": "x-reply", "twitter-reply": "x-reply", "twitter-post": "x-post",
        "twitter-dm": "x-dm", "dm": "x-dm", "direct-message": "x-dm",
        "facebook": "facebook-comment", "fb": "facebook-comment", "facebook-messenger": "messenger", "fb-messenger": "messenger",
        "instagram": "instagram-comment", "ig": "instagram-comment", "instagram-direct": "instagram-dm", "ig-dm": "instagram-dm",
        "linkedin": "linkedin-comment", "tumblr": "tumblr-answer", "youtube": "youtube-comment", "yt": "youtube-comment",
        "text": "sms", "text-message": "sms", "mail": "email", "e-mail": "email", "wa": "whatsapp",
    ]

    /// The channel among `known` that `name` most likely means: by what people call it ("twitter" →
    /// `x-reply`), else by spelling.
    public static func closest<S: Sequence>(to name: String, in known: S) -> String? where S.Element == String {
        let known = Array(known)
        if let alias = aliases[name.lowercased()], known.contains(alias) { return alias }
        return Suggestion.closest(to: name, in: known)
    }

    /// " (did you mean 'x-reply'?)" or "".
    public static func hint<S: Sequence>(for name: String, in known: S) -> String where S.Element == String {
        closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The channels of PRODUCT.md; `docs/channels.md` gives each figure's source and confidence.
    public static let builtIn: [Channel] = [
        Channel(id: "x-post", platform: "X (Twitter)", visibility: .public, limit: 280, unit: .weighted, privateRoute: "x-dm"),
        Channel(id: "x-reply", platform: "X (Twitter)", visibility: .public, limit: 280, unit: .weighted, privateRoute: "x-dm"),
        Channel(
            id: "x-dm", platform: "X Direct Message", visibility: .private, limit: 10_000, unit: .characters,
            businessMayStart: "only if the person allows DMs from anyone, or follows the account",
            dmLinkTemplate: "https://x.com/messages/compose?recipient_id={account}", accountKey: "x"),
        Channel(
            id: "facebook-comment", platform: "Facebook Page comment", visibility: .public, limit: 8_000, unit: .characters,
            privateRoute: "messenger"),
        Channel(
            id: "facebook-private-reply", platform: "Facebook private reply to a comment", visibility: .private,
            limit: 2_000, unit: .characters, businessMayStart: "once per comment, within 7 days of it",
            dmLinkTemplate: "https://m.me/{account}", accountKey: "facebook"),
        Channel(
            id: "messenger", platform: "Facebook Messenger", visibility: .private, limit: 2_000, unit: .characters,
            businessMayStart: "no: within 24 h of the person's last message (7 days for a human agent)",
            dmLinkTemplate: "https://m.me/{account}", accountKey: "facebook"),
        Channel(
            id: "instagram-comment", platform: "Instagram comment", visibility: .public, limit: 2_200, unit: .characters,
            privateRoute: "instagram-dm"),
        Channel(
            id: "instagram-dm", platform: "Instagram Direct", visibility: .private, limit: 1_000, unit: .bytes,
            businessMayStart: "no: within 24 h of the person's last message (7 days for a human agent)",
            dmLinkTemplate: "https://ig.me/m/{account}", accountKey: "instagram"),
        Channel(
            id: "linkedin-comment", platform: "LinkedIn comment", visibility: .public, limit: 1_250, unit: .characters,
            privateRoute: "linkedin-message"),
        Channel(
            id: "linkedin-message", platform: "LinkedIn message / InMail", visibility: .private, limit: 1_900,
            unit: .characters, businessMayStart: "InMail credits only"),
        Channel(
            id: "tumblr-answer", platform: "Tumblr Ask answered publicly", visibility: .public, limit: 4_096,
            unit: .characters, privateRoute: "tumblr-message"),
        Channel(
            id: "tumblr-message", platform: "Tumblr private message", visibility: .private, limit: 4_096,
            unit: .characters, businessMayStart: "only to people who follow the blog"),
        Channel(id: "youtube-comment", platform: "YouTube comment", visibility: .public, limit: 10_000, unit: .characters),
        Channel(
            id: "whatsapp", platform: "WhatsApp Business", visibility: .private, limit: 4_096, unit: .characters,
            businessMayStart: "only with an approved template outside the 24 h window",
            dmLinkTemplate: "https://wa.me/{account}", accountKey: "whatsapp"),
        Channel(id: "sms", platform: "SMS", visibility: .private, limit: 10, unit: .segments, businessMayStart: "yes, with consent"),
        Channel(id: "email", platform: "email", visibility: .private, limit: nil, unit: .characters, businessMayStart: "yes"),
    ]
}
