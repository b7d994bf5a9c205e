// `--format json`: the report shape PRODUCT.md documents (version 1).

public enum JSONReporter {
    public static func report(_ result: LintResult) -> String {
        let summary: JSONValue = .object([
            ("files", .int(result.fileCount)),
            ("replies", .int(result.replyCount)),
            ("policies", .int(result.policyCount)),
            ("errors", .int(result.errorCount)),
            ("warnings", .int(result.warningCount)),
            ("infos", .int(result.infoCount)),
        ])
        var pairs: [(String, JSONValue)] = [
            ("version", .int(1)),
            ("summary", summary),
            ("diagnostics", .null),
        ]
        // `--explain` adds this key; without it the report is exactly as before.
        if let reports = result.policyTopics { pairs.append(("policies", .array(reports.map(policyTopics)))) }
        // The diagnostics are written one by one as they are made, into a string sized for them up front (pages
        // never written cost no memory): at 100,000 findings, values for all of them, the string's growth and a
        // copy to add the last line feed were the largest allocations of the run.
        let findings = result.findings
        return JSONValue.serializedObject(
            pairs, streaming: "diagnostics", as: JSONValue.Streamed(count: findings.count) { diagnostic(findings[$0]) },
            pretty: true, suffix: "\n", expectedLength: 4_096 + findings.count * 1_024)
    }

    /// A length on a channel: `{"value", "limit", "unit"}`, as render, count, ad-hoc checks and the API write it.
    public static func length(_ length: Length) -> JSONValue {
        .object([
            ("value", .int(length.value)),
            ("limit", length.limit.map(JSONValue.int) ?? .null),
            ("unit", .string(length.unit.rawValue)),
        ])
    }

    /// A rewrite: the span it replaces (end exclusive) and the text it puts there.
    static func rewrite(_ fix: Fix) -> JSONValue {
        .object([
            ("line", .int(fix.range.start.line)), ("column", .int(fix.range.start.column)),
            ("endLine", .int(fix.range.end.line)), ("endColumn", .int(fix.range.end.column)),
            ("text", .string(fix.replacement)),
        ])
    }

    /// One moderation policy's topics: `{"file", "kind", "topics": [{"id", "status", …}]}` (docs/policies.md).
    public static func policyTopics(_ report: PolicyTopicsReport) -> JSONValue {
        .object([
            ("file", .string(report.file)),
            ("kind", .string(PolicyKind.moderation.rawValue)),
            ("topics", .array(report.topics.map { topic in
                var pairs: [(String, JSONValue)] = [
                    ("id", .string(topic.topic)),
                    ("what", .string(topic.what)),
                    ("required", .bool(topic.required)),
                    ("status", .string(topic.status.rawValue)),
                ]
                if topic.status == .found {
                    if let source = topic.source { pairs.append(("via", .string(source.rawValue))) }
                    if let position = topic.position {
                        pairs += [("line", .int(position.line)), ("column", .int(position.column))]
                    }
                    if let text = topic.text { pairs.append(("text", .string(text))) }
                } else {
                    pairs += [("needs", .string(topic.needs)), ("example", .string(topic.example))]
                }
                return .object(pairs)
            })),
        ])
    }

    /// One finding as a diagnostic object; also used by `render --format json` and the HTTP API.
    public static func diagnostic(_ finding: Finding) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(finding.ruleID)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("file", .string(finding.file)),
        ]
        if let range = finding.range {
            pairs += [
                ("line", .int(range.start.line)), ("column", .int(range.start.column)),
                ("endLine", .int(range.end.line)), ("endColumn", .int(range.end.column)),
            ]
        }
        if let reply = finding.replyID { pairs.append(("reply", .string(reply))) }
        if let channel = finding.channel { pairs.append(("channel", .string(channel))) }
        // As ESLint writes them: the rewrite --fix applies, and rewrites offered to a person.
        if let fix = finding.fix { pairs.append(("fix", rewrite(fix))) }
        if let suggestion = finding.suggestion {
            pairs.append(("suggestions", .array([.object([("desc", .string(finding.message)), ("fix", rewrite(suggestion))])])))
        }
        return .object(pairs)
    }
}
