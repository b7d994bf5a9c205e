// media-missing: an attachment listed under `media:` that does not exist.

public struct MediaMissingRule: Rule {
    public static let description = RuleDescription(
        id: "media-missing", severity: .error, category: .media,
        summary: "An attachment listed under `media:` does not exist.",
        rationale: "An agent who pastes the reply will look for the attachment at the moment the customer is waiting.",
        blindSpots: ["Only local paths are checked; a URL is taken as it is."],
        triggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nmedia:\n  - ↓{path: media/missing-calendar.png, alt: Bin days for the north district}\n---\nHi {{customer.first_name}}, here are the bin days."),
        ],
        nonTriggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nmedia:\n  - {path: media/calendar.png, alt: Bin days for the north district}\n---\nHi {{customer.first_name}}, here are the bin days."),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        reply.media.compactMap { media in
            if media.exists || media.path.contains("://") { return nil }
            return Self.finding(
                "attachment '\(media.path)' does not exist; the path is relative to the reply's folder",
                in: reply, at: media.position)
        }
    }
}
