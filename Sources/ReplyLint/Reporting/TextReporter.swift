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
        var scalarCache: [String: [Int: [Unicode.Scalar]]] = [:]
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
                    let scalars = scalarCache[finding.file]?[range.start.line] ?? Array(lines[range.start.line - 1].unicodeScalars)
                    scalarCache[finding.file, default: [:]][range.start.line] = scalars
                    output += excerpt(scalars: scalars, range: range, options: options)
                }
            }
        }
        if !result.findings.isEmpty { output += "\n" }
        if let topics = result.policyTopics { output += policyTopics(topics, options: options) }
        output += summary(result, options: options) + "\n"
        return output
    }

    /// How much of a long line an excerpt shows: replies are often one long line, and a finding at
    /// column 343 is read in a window around it, not in the whole line.
    static let excerptWidth = 100

    /// The offending line, indented, with `^~~~` under the span (tabs kept so the caret lines up);
    /// a long line is cut to a window around the span, with "…" where it was cut.
    static func excerpt(line rawLine: Substring, range: TextRange, options: Options) -> String {
        excerpt(scalars: Array(rawLine.unicodeScalars), range: range, options: options)
    }

    /// The excerpt of a line already split into scalars: `report` splits each line once, however many
    /// findings it has (copying a 4 MB line for each of its findings made such a file quadratic).
    static func excerpt(scalars: [Unicode.Scalar], range: TextRange, options: Options) -> String {
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let startColumn = max(1, min(range.start.column, scalars.count + 1))
        var endColumn = range.end.line == range.start.line ? range.end.column : scalars.count + 1
        endColumn = max(startColumn + 1, min(endColumn, scalars.count + 1))
        // The window: the span with context either side, cut at word boundaries where it can be.
        var from = 0, to = scalars.count
        if scalars.count > excerptWidth {
            let span = min(endColumn - startColumn, excerptWidth - 20)
            from = max(0, min(startColumn - 1 - (excerptWidth - span) / 2, scalars.count - excerptWidth))
            to = min(scalars.count, from + excerptWidth)
            let spanStart = startColumn - 1, spanEnd = min(endColumn - 1, to)
            if from > 0, from < spanStart, let space = scalars[from..<min(from + 12, spanStart)].firstIndex(of: " ") { from = space + 1 }
            if to < scalars.count, max(spanEnd, to - 12) < to, let space = scalars[max(spanEnd, to - 12)..<to].lastIndex(of: " ") { to = space }
        }
        let shown = FastText.string(scalars[from..<to])
        let before = from > 0 ? "…" : ""
        let after = to < scalars.count ? "…" : ""
        var padding = before.isEmpty ? "" : " "
        for scalar in scalars[from..<(startColumn - 1)] { padding += scalar == "\t" ? "\t" : " " }
        let visibleEnd = min(endColumn, to + 1)
        let marker = "^" + String(repeating: "~", count: max(0, visibleEnd - startColumn - 1))
        return "  \(number) | \(before)\(shown)\(after)\n  \(gutter) | \(padding)\(paint(marker, "33", options))\n"
    }

    public static func summary(_ result: LintResult, options: Options = Options()) -> String {
        var scope = "\(plural(result.fileCount, "file")) (\(plural(result.replyCount, "reply", "replies")), \(plural(result.policyCount, "policy", "policies")))"
        if result.baselined > 0 { scope += "; \(plural(result.baselined, "finding")) accepted by the baseline" }
        if result.findings.isEmpty {
            // --quiet left warnings out: "No problems" would not be true.
            if result.quieted > 0 { return "No errors in \(scope); \(plural(result.quieted, "warning or info", "warnings and infos")) not shown (--quiet)." }
            return "No problems found in \(scope)."
        }
        let counts = "\(plural(result.errorCount, "error")), \(plural(result.warningCount, "warning")), \(plural(result.infoCount, "info", "infos"))"
        let problems = plural(result.findings.count, "problem")
        let mark = result.errorCount > 0 ? paint("✖", "31", options) : paint("⚠", "33", options)
        var summary = "\(mark) \(problems) (\(counts)) in \(scope)."
        if result.quieted > 0 { summary += " \(plural(result.quieted, "warning or info", "warnings and infos")) not shown (--quiet)." }
        let fixable = result.fixableCount
        if fixable > 0 { summary += "\n  \(fixable) fixable with --fix (see them first with --fix --dry-run)." }
        return summary
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
