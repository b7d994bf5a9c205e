// tone-exclamation: more than one "!" in a reply, or "!!".

public struct ToneExclamationRule: Rule {
    public static let description = RuleDescription(
        id: "tone-exclamation", severity: .warning, category: .tone,
        summary: "More than one exclamation mark in a reply, or two in a row.",
        rationale: "One \"!\" can sound warm; several sound forced or alarmed, and in a complaint thread they read as not taking the problem seriously.",
        blindSpots: ["Exclamation marks inside a link or a quoted product name count too."],
        triggering: [
            Example("Thanks for waiting!↓! We're on it."),
            Example("Great news! Your bin is back↓!"),
        ],
        nonTriggering: [Example("Thanks for waiting! We're on it.")])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let text = ToneText.prose(reply)
        let marks = text.unicodeScalars.enumerated().filter { $0.element == "!" || $0.element == "\u{FF01}" }.map(\.offset)
        guard marks.count > 1 else { return [] }
        let doubled = zip(marks, marks.dropFirst()).first { $1 == $0 + 1 }
        let at = doubled?.1 ?? marks[1]
        let message = doubled != nil
            ? "\"!!\" reads as shouting; one exclamation mark at most"
            : "\(marks.count) exclamation marks in one reply; keep one at most"
        return ToneText.findings(Self.self, [(message, at..<(at + 1))], in: reply)
    }
}
