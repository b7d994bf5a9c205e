// How a rendered reply is shown: the JSON of `render --format json` and the HTTP API, and a one-line summary.

public enum RenderReporter {
    public static func json(_ rendered: RenderedReply) -> JSONValue {
        .object([
            ("id", .string(rendered.id)),
            ("channel", .string(rendered.channel.id)),
            ("text", .string(rendered.text)),
            ("length", JSONReporter.length(rendered.length)),
            ("diagnostics", .array(rendered.diagnostics.map(JSONReporter.diagnostic))),
        ])
    }

    /// "143 / 280 weighted characters on x-reply", then one line per finding.
    public static func summary(_ rendered: RenderedReply) -> String {
        let limit = rendered.length.limit.map { " / \($0)" } ?? ""
        var lines = ["\(rendered.length.value)\(limit) \(rendered.length.unitName) on \(rendered.channel.id)"]
        for finding in rendered.diagnostics {
            lines.append("\(finding.severity.rawValue)  \(finding.message)  \(finding.ruleID)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A short description of a JSON decoding error for one-line messages.
public enum JSONErrorDescription {
    public static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context): return context.underlyingError.map { "\($0)" }.flatMap(firstSentence) ?? context.debugDescription
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context): return context.debugDescription
        @unknown default: return "\(error)"
        }
    }

    private static func firstSentence(_ text: String) -> String? {
        let trimmed = text.split(separator: "\n").first.map(String.init)
        return trimmed?.isEmpty == false ? trimmed : nil
    }
}
