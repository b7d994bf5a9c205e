// What `replylint rules` prints: each rule's spec, in text for people or JSON for tools.

public enum RulesReporter {
    public static func text(_ rules: [RuleDescription]) -> String {
        var output = ""
        for rule in rules {
            output += "\(rule.id)  (\(rule.severity.rawValue), \(rule.category.rawValue))\n"
            output += "  \(rule.summary)\n"
            output += indent(rule.rationale, by: "  ") + "\n"
            if !rule.options.isEmpty {
                output += "  Options:\n"
                for option in rule.options {
                    output += "    \(option.name) (default \(option.defaultValue)): \(option.summary)\n"
                }
            }
            if !rule.blindSpots.isEmpty {
                output += "  Does not catch:\n"
                for blindSpot in rule.blindSpots { output += "    - \(blindSpot)\n" }
            }
            for example in rule.triggering { output += "  ✗ reported:\n" + indent(example.text, by: "      ") + "\n" }
            for example in rule.nonTriggering { output += "  ✓ fine:\n" + indent(example.plainText, by: "      ") + "\n" }
            output += "\n"
        }
        return output
    }

    public static func json(_ rules: [RuleDescription]) -> String {
        let values: [JSONValue] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("severity", .string(rule.severity.rawValue)),
                ("category", .string(rule.category.rawValue)),
                ("summary", .string(rule.summary)),
                ("rationale", .string(rule.rationale)),
                ("options", .array(rule.options.map { option in
                    .object([("name", .string(option.name)), ("default", .string(option.defaultValue.description)), ("summary", .string(option.summary))])
                })),
                ("blindSpots", .array(rule.blindSpots.map(JSONValue.string))),
                ("triggering", .array(rule.triggering.map { .string($0.text) })),
                ("nonTriggering", .array(rule.nonTriggering.map { .string($0.plainText) })),
            ])
        }
        return JSONValue.object([("version", .int(1)), ("rules", .array(values))]).serialized(pretty: true) + "\n"
    }

    static func indent(_ text: String, by prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }
}
