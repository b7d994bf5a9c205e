// tone-exclamation: more than one exclamation in a reply, or doubled marks ("!!", "¡¡").

public struct ToneExclamationRule: Rule {
    public static let description = RuleDescription(
        id: "tone-exclamation", severity: .warning, category: .tone,
        summary: "More than one exclamation in a reply, or two marks in a row (\"!!\", \"¡¡\"); Spanish \"¡Gracias!\" is one exclamation.",
        rationale: "One \"!\" can sound warm; several sound forced or alarmed, and in a complaint thread they read as not taking the problem seriously. `--fix` turns \"!!\" into \"!\" (and \"¡¡…!!\" into \"¡…!\"); other extra marks need a person to choose which to keep.",
        blindSpots: [
            "Exclamation marks inside a link or a quoted product name count too.",
            "An opening \"¡\" and the \"!\" after it are one exclamation, in any language; a \"¡\" never closed counts as one of its own.",
        ],
        triggering: [
            Example("Thanks for waiting!↓! We're on it."),
            Example("Great news! Your bin is back↓!"),
            Example("Hola {{customer.first_name}}, ¡listo! Tu cita quedó para el lunes. ↓¡Te esperamos!", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, ¡↓¡gracias por avisarnos!!", locale: "es-MX"),
        ],
        nonTriggering: [
            Example("Thanks for waiting! We're on it."),
            Example("¡Hola, {{customer.first_name}}! Tu pedido ya va en camino.", locale: "es-ES"),
        ])

    public init() {}

    static func isOpening(_ scalar: Unicode.Scalar) -> Bool { scalar == "¡" }
    static func isClosing(_ scalar: Unicode.Scalar) -> Bool { scalar == "!" || scalar == "\u{FF01}" }

    /// The exclamations of `scalars`, each as the offset of its first mark: "¡…!" is one, from its "¡";
    /// a "!" not closing an open "¡" is one; a "¡" left open is one.
    static func exclamations(in scalars: [Unicode.Scalar]) -> [Int] {
        var result: [Int] = []
        var open: Int?
        for (offset, scalar) in scalars.enumerated() {
            if isOpening(scalar) {
                // "¡¡": the second mark doubles the first, it opens nothing new.
                if offset > 0, isOpening(scalars[offset - 1]) { continue }
                if let start = open { result.append(start) }
                open = offset
            } else if isClosing(scalar) {
                // "!!": the second mark doubles the first.
                if offset > 0, isClosing(scalars[offset - 1]) { continue }
                result.append(open ?? offset)
                open = nil
            }
        }
        if let start = open { result.append(start) }
        return result.sorted()
    }

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let scalars = Array(ToneText.prose(reply, context).unicodeScalars)
        guard scalars.contains(where: { Self.isOpening($0) || Self.isClosing($0) }) else { return [] }
        if let rewrite = Self.doubled(in: scalars) {
            return ToneText.findings(Self.self, [rewrite], in: reply)
        }
        let starts = Self.exclamations(in: scalars)
        guard starts.count > 1 else { return [] }
        return ToneText.findings(Self.self, [("\(starts.count) exclamations in one reply; keep one at most", starts[1]..<(starts[1] + 1))], in: reply)
    }

    /// The first doubled marks ("!!", "!!!", "¡¡"), with the rewrite that keeps one: "¡¡Gracias!!" becomes
    /// "¡Gracias!" in one rewrite when the doubled closing marks follow on the same line.
    static func doubled(in scalars: [Unicode.Scalar]) -> ToneText.Rewrite? {
        func run(from start: Int, _ test: (Unicode.Scalar) -> Bool) -> Int {
            var end = start
            while end < scalars.count && test(scalars[end]) { end += 1 }
            return end
        }
        var index = 0
        while index + 1 < scalars.count {
            let scalar = scalars[index]
            let opens = isOpening(scalar)
            let test: (Unicode.Scalar) -> Bool = { opens ? isOpening($0) : isClosing($0) }
            guard opens || isClosing(scalar), test(scalars[index + 1]) else { index += 1; continue }
            let end = run(from: index, test)
            var rewriteEnd = end
            var replacement = ""
            if isOpening(scalar) {
                // "¡¡Gracias!!": take in the doubled closing marks of the same exclamation on this line.
                var close = end
                while close < scalars.count && !isClosing(scalars[close]) && !isOpening(scalars[close]) && scalars[close] != "\n" { close += 1 }
                if close + 1 < scalars.count, isClosing(scalars[close]), isClosing(scalars[close + 1]) {
                    rewriteEnd = run(from: close) { isClosing($0) }
                    replacement = String(String.UnicodeScalarView(scalars[end..<close])) + String(scalars[close])
                }
            }
            let marks = String(String.UnicodeScalarView(scalars[index..<min(index + 2, end)]))
            return ToneText.Rewrite(
                message: "\"\(marks)\" reads as shouting; one exclamation mark at most", range: (index + 1)..<rewriteEnd,
                replacement: replacement, safe: true)
        }
        return nil
    }
}
