// tone-exclamation: more than one "!" in a reply, or "!!".

public struct ToneExclamationRule: Rule {
    public static let description = RuleDescription(
        id: "tone-exclamation", severity: .warning, category: .tone,
        summary: "More than one exclamation mark in a reply, or two in a row.",
        rationale: "One \"!\" can sound warm; several sound forced or alarmed, and in a complaint thread they read as not taking the problem seriously. `--fix` turns \"!!\" into \"!\"; other extra marks need a person to choose which to keep.",
        blindSpots: ["Exclamation marks inside a link or a quoted product name count too."],
        triggering: [
            Example("Thanks for waiting!↓! We're on it."),
            Example("Great news! Your bin is back↓!"),
        ],
        nonTriggering: [Example("Thanks for waiting! We're on it.")])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let text = ToneText.prose(reply, context)
        let marks = text.unicodeScalars.enumerated().filter { $0.element == "!" || $0.element == "\u{FF01}" }.map(\.offset)
        guard marks.count > 1 else { return [] }
        let doubled = zip(marks, marks.dropFirst()).first { $1 == $0 + 1 }
        if let doubled {
            // "!!!" → "!": the fix removes the run after the first mark.
            var end = doubled.1
            while marks.contains(end + 1) { end += 1 }
            return ToneText.findings(Self.self, [ToneText.Rewrite(
                message: "\"!!\" reads as shouting; one exclamation mark at most", range: doubled.1..<(end + 1), replacement: "", safe: true)], in: reply)
        }
        return ToneText.findings(Self.self, [("\(marks.count) exclamation marks in one reply; keep one at most", marks[1]..<(marks[1] + 1))], in: reply)
    }
}
