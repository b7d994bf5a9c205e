// `--format text` (the default): one line per finding, the source line with a caret, and a summary.

public enum TextReporter {
    public struct Options: Sendable {
        /// ANSI colours, for a terminal only.
        public var color: Bool
        public init(color: Bool = false) { self.color = color }
    }

    public static func report(_ result: LintResult, options: Options = Options()) -> String {
        var output = ""
        var lineCache: [String: [Substring]] = [:]
        for finding in result.findings {
            let location: String
            if let start = finding.range?.start {
                location = "\(finding.file):\(start.line):\(start.column)"
            } else {
                location = finding.file
            }
            let severity = paint(finding.severity.rawValue, color(for: finding.severity), options)
            let channel = finding.channel.map { " [\($0)]" } ?? ""
            output += "\(location)  \(severity)  \(finding.message)\(channel)  \(paint(finding.ruleID, "2", options))\n"
            if let range = finding.range, let source = result.sources[finding.file] {
                let lines = lineCache[finding.file] ?? Lines.split(source)
                lineCache[finding.file] = lines
                if range.start.line >= 1, range.start.line <= lines.count {
                    output += excerpt(line: lines[range.start.line - 1], range: range, options: options)
                }
            }
        }
        if !result.findings.isEmpty { output += "\n" }
        output += summary(result, options: options) + "\n"
        return output
    }

    /// The offending line, indented, with `^~~~` under the span (tabs kept so the caret lines up).
    static func excerpt(line rawLine: Substring, range: TextRange, options: Options) -> String {
        let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
        // A long line gets no excerpt; the count stops at the bound, so a finding on a 4 MB line costs
        // nothing here (copying the line for each of its findings made such a file quadratic).
        guard line.unicodeScalars.prefix(401).count <= 400 else { return "" }
        let scalars = Array(line.unicodeScalars)
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let startColumn = max(1, min(range.start.column, scalars.count + 1))
        var endColumn = range.end.line == range.start.line ? range.end.column : scalars.count + 1
        endColumn = max(startColumn + 1, min(endColumn, scalars.count + 1))
        var padding = ""
        for scalar in scalars.prefix(startColumn - 1) { padding += scalar == "\t" ? "\t" : " " }
        let marker = "^" + String(repeating: "~", count: max(0, endColumn - startColumn - 1))
        return "  \(number) | \(line)\n  \(gutter) | \(padding)\(paint(marker, "33", options))\n"
    }

    public static func summary(_ result: LintResult, options: Options = Options()) -> String {
        var scope = "\(plural(result.fileCount, "file")) (\(plural(result.replyCount, "reply", "replies")), \(plural(result.policyCount, "policy", "policies")))"
        if result.baselined > 0 { scope += "; \(plural(result.baselined, "finding")) accepted by the baseline" }
        if result.findings.isEmpty { return "No problems found in \(scope)." }
        let counts = "\(plural(result.errorCount, "error")), \(plural(result.warningCount, "warning")), \(plural(result.infoCount, "info", "infos"))"
        let problems = plural(result.findings.count, "problem")
        let mark = result.errorCount > 0 ? paint("✖", "31", options) : paint("⚠", "33", options)
        return "\(mark) \(problems) (\(counts)) in \(scope)."
    }

    static func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        "\(count) \(count == 1 ? one : (many ?? one + "s"))"
    }

    static func color(for severity: Severity) -> String {
        switch severity {
        case .error: "31"
        case .warning: "33"
        case .info: "36"
        }
    }

    static func paint(_ text: String, _ code: String, _ options: Options) -> String {
        options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
