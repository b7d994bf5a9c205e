// media-alt-text: an attachment with no alt text, or alt text that says nothing.

import Foundation

public struct MediaAltTextRule: Rule {
    public static let description = RuleDescription(
        id: "media-alt-text", severity: .warning, category: .media,
        summary: "An attachment has no alt text, or alt text that does not describe it (\"image\", a file name).",
        rationale: """
            People who use screen readers get the reply without the picture. Every platform on the list lets \
            a team add alt text; a saved reply is the place to write it once, well.
            """,
        blindSpots: ["Whether the alt text describes the right picture is not something a linter can judge."],
        triggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nmedia:\n  - ↓{path: media/calendar.png}\n---\nHi {{customer.first_name}}, here are the bin days."),
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nmedia:\n  - ↓{path: media/calendar.png, alt: image}\n---\nHi {{customer.first_name}}, here are the bin days."),
        ],
        nonTriggering: [
            Example("---\nfaq: missed-collection\nchannels: [x-reply]\nmedia:\n  - {path: media/calendar.png, alt: Bin days for the north district}\n---\nHi {{customer.first_name}}, here are the bin days."),
        ])

    static let emptyWords: Set<String> = ["image", "picture", "photo", "img", "graphic", "screenshot", "alt", "todo", "tbd"]

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        reply.media.compactMap { media in
            let alt = media.alt?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if alt.isEmpty {
                return Self.finding(
                    "attachment '\(media.path)' has no alt text; add `alt:` describing what it shows for people using screen readers",
                    in: reply, at: media.position)
            }
            let fileName = media.path.split(separator: "/").last.map(String.init) ?? media.path
            if Self.emptyWords.contains(alt.lowercased()) || alt == fileName {
                return Self.finding(
                    "alt text '\(alt)' does not say what attachment '\(media.path)' shows; describe it in a short sentence",
                    in: reply, at: media.position)
            }
            return nil
        }
    }
}
