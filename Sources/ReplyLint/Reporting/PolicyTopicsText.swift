// `lint --explain` in the text format: each moderation policy's topics, where each is covered or what to add.

extension TextReporter {
    /// One block per policy: a line per topic, found with its line and sentence, or missing with what to add.
    public static func policyTopics(_ reports: [PolicyTopicsReport], options: Options = Options()) -> String {
        var output = ""
        for report in reports {
            output += "\(report.file): topics of the moderation policy\n"
            let width = report.topics.map(\.topic.count).max() ?? 0
            for topic in report.topics {
                let name = topic.topic + String(repeating: " ", count: max(0, width - topic.topic.count))
                if topic.status == .found {
                    let place = topic.position.map { "\(report.file):\($0.line):\($0.column)" } ?? report.file
                    let how: String
                    switch topic.source {
                    case .id?: how = "heading with the id"
                    case .heading?: how = "heading"
                    default: how = ""
                    }
                    var text = topic.text ?? ""
                    if text.unicodeScalars.count > 100 { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(99))) + "…" }
                    output += "  \(paint("✓", "32", options)) \(name)  \(place)  \(how.isEmpty ? "" : how + " ")\"\(text)\"\n"
                } else {
                    let optional = topic.required ? "" : " (not required)"
                    output += "  \(paint("✗", topic.required ? "31" : "2", options)) \(name)  missing\(optional): readers need \(topic.needs); e.g. \"\(topic.example)\"\n"
                }
            }
            output += "\n"
        }
        return output
    }
}
