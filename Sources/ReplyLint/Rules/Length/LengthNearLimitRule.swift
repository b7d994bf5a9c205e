// length-near-limit: within the limit, but over 90 % of it (configurable).

public struct LengthNearLimitRule: Rule {
    public static let description = RuleDescription(
        id: "length-near-limit", severity: .warning, category: .length, checksRenderedText: true,
        summary: "The reply's worst case or rendered text uses more than 90 % of the channel's limit.",
        rationale: """
            A reply that only just fits leaves no room for an agent's personal touch, a longer name, or a \
            platform that counts a little differently than documented.
            """,
        options: [RuleOption("threshold", default: .number(0.9), "share of the limit above which a reply is near it (0–1)")],
        blindSpots: ["The same assumptions as `length-limit` about placeholder values."],
        triggering: [
            Example("Hi {{customer.first_name}}, " + String(repeating: "we are sorry. ", count: 16), channels: ["↓x-reply"]),
            Example(rendered: "Hi {{customer.first_name}}, thanks for telling us about the bin.", values: ["customer.first_name": String(repeating: "Ana ", count: 55)]),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, sorry we missed your bin. Please send us a Direct Message with your street address: {{dm_link}}"),
            Example("Hi {{customer.first_name}}, " + String(repeating: "we are sorry about this. ", count: 10), channels: ["x-reply"]),
            Example(rendered: "Hi {{customer.first_name}}, thanks for telling us about the bin.", values: ["customer.first_name": "Ana"]),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let threshold = self.threshold(in: context)
        return LengthMeasurement.worstCases(of: reply, in: context).compactMap { entry, measurement in
            message(for: measurement, threshold: threshold).map { Self.lengthFinding($0, reply: reply, entry: entry) }
        }
    }

    public func check(rendered: RenderedText, in context: LintContext) -> [Finding] {
        let measurement = LengthMeasurement.rendered(rendered, in: context)
        return message(for: measurement, threshold: threshold(in: context)).map {
            [Self.finding($0, in: rendered.reply, at: nil, channel: rendered.channel.id)]
        } ?? []
    }

    func threshold(in context: LintContext) -> Double {
        if case .number(let value)? = context.option("threshold", of: Self.description) { return value }
        return 0.9
    }

    func message(for measurement: LengthMeasurement, threshold: Double) -> String? {
        guard let limit = measurement.length.limit, measurement.length.value <= limit,
              Double(measurement.length.value) > Double(limit) * threshold else { return nil }
        return "\(measurement.description) is \(measurement.length.value * 100 / limit) % of the limit of \(limit); leave room for a longer name or a personal line"
    }
}
