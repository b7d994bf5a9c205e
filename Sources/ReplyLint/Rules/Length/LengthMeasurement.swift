// What the two length rules share: a reply's worst case per channel, or a rendered text, measured.

struct LengthMeasurement {
    var channel: Channel
    var length: Length
    /// The placeholders that drove a worst case, longest first (empty for real text).
    var drivers: [(name: String, max: Int)]
    var isWorstCase: Bool
    /// For email, which has no overall limit: the longest line in UTF-8 bytes.
    var longestLineBytes: Int?

    /// One measurement per declared channel that has a limit (and email, for its line length).
    static func worstCases(of reply: Reply, in context: LintContext) -> [(Located<String>, LengthMeasurement)] {
        // Both length rules need these: computed once per reply.
        context.shared("length.worst-cases", for: reply) { computeWorstCases(of: reply, in: context) }
    }

    private static func computeWorstCases(of reply: Reply, in context: LintContext) -> [(Located<String>, LengthMeasurement)] {
        // A worst case stopped at a limit is unfinished: limit-exceeded reports it, nothing measures it.
        context.worstCases(of: reply).compactMap { entry, channel, worst in
            guard worst.breach == nil else { return nil }
            return (entry, measure(worst.text, on: channel, drivers: worst.placeholders, isWorstCase: true))
        }
    }

    static func measure(_ text: String, on channel: Channel, drivers: [(name: String, max: Int)] = [], isWorstCase: Bool) -> LengthMeasurement {
        var longest: Int?
        if channel.limit == nil {
            longest = Lines.split(text).map { $0.utf8.count }.max()
        }
        return LengthMeasurement(
            channel: channel, length: LengthCounter.measure(text, on: channel), drivers: drivers,
            isWorstCase: isWorstCase, longestLineBytes: longest)
    }

    /// The length of a rendered text, measured once for every rule (and the renderer) that asks.
    /// The renderer gives each render a context of its own, so the reply is key enough.
    static func rendered(_ rendered: RenderedText, in context: LintContext) -> LengthMeasurement {
        context.shared("length.rendered", for: rendered.reply) { measure(rendered.text, on: rendered.channel, isWorstCase: false) }
    }

    /// "worst case 312 weighted characters on x-reply (customer.first_name at 30, agent.full_name at 40)".
    var description: String {
        let what = isWorstCase ? "worst case" : "rendered"
        var text = "\(what) \(length.value) \(length.unitName) on \(channel.id)"
        let named = drivers.filter { $0.name != "dm_link" && $0.name != "team.name" }.prefix(3)
        if !named.isEmpty {
            text += " (" + named.map { "\($0.name) at \($0.max)" }.joined(separator: ", ") + ")"
        }
        return text
    }
}

/// The length rules' reply positions: a worst case points at the channel in front matter.
extension Rule {
    static func lengthFinding(_ message: String, reply: Reply, entry: Located<String>) -> Finding {
        finding(message, in: reply, at: entry.position,
                end: TextPosition(line: entry.position.line, column: entry.position.column + entry.value.unicodeScalars.count),
                channel: entry.value)
    }
}
