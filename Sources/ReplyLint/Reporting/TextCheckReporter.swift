// How a check of hand-written text is shown: the JSON of `POST /v1/lint` and the MCP tool `lint_text`.

public enum TextCheckReporter {
    public static func json(_ result: TextCheckResult) -> JSONValue {
        .object([
            ("channel", result.channel.map { .string($0.id) } ?? .null),
            ("length", result.length.map(JSONReporter.length) ?? .null),
            // The text is not a file: positions are within the text, and there is no file name.
            ("diagnostics", .array(result.findings.map { finding in
                guard case .object(let pairs) = JSONReporter.diagnostic(finding) else { return .null }
                return .object(pairs.filter { $0.0 != "file" })
            })),
        ])
    }
}
