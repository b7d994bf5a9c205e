// `--format html`: one self-contained page (inline CSS and JS, nothing fetched) with totals, charts, filters and quoted findings.

public enum HTMLReporter {
    public struct Options: Sendable {
        /// Shown as the page title and main heading.
        public var title: String
        public init(title: String = "ReplyLint report") { self.title = title }
    }

    /// The page. It holds no clock or path of its own, so the same result always gives the same bytes.
    public static func report(_ result: LintResult, options: Options = Options()) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="ReplyLint">
            <title>\(escape(options.title))</title>
            <style>
            \(css)</style>
            </head>
            <body>

            """
        html += header(result, title: options.title)
        html += "<main id=\"main\">\n"
        if result.findings.isEmpty {
            html += "<p class=\"all-clear\">No problems found. Every reply and policy passed.</p>\n"
        } else {
            let groups = fileGroups(result.findings)
            html += summary(result, affectedFiles: groups.count)
            html += findingsSection(result, groups: groups)
        }
        html += "</main>\n"
        html += "<footer class=\"page-foot\"><p>Made by ReplyLint. Line and column numbers count Unicode characters, starting at 1.</p></footer>\n"
        if !result.findings.isEmpty { html += "<script>\n\(script)</script>\n" }
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: - Sections

    private static func header(_ result: LintResult, title: String) -> String {
        let scope = "Checked \(plural(result.fileCount, "file")): \(plural(result.replyCount, "reply", "replies")) and \(plural(result.policyCount, "policy", "policies"))."
        return """
            <header class="page-head">
            <h1>\(escape(title))</h1>
            <p class="scope">\(scope)</p>
            </header>

            """
    }

    private static func summary(_ result: LintResult, affectedFiles: Int) -> String {
        var html = "<section class=\"summary\" aria-labelledby=\"summary-heading\">\n"
        html += "<h2 id=\"summary-heading\">\(plural(result.findings.count, "problem")) in \(plural(affectedFiles, "file"))</h2>\n"
        html += "<ul class=\"tiles\">\n"
        for severity in severities {
            let count = result.count(severity)
            html += "<li class=\"tile sev-\(severity.rawValue)\(count == 0 ? " zero" : "")\">"
            html += "<span class=\"tile-count\" id=\"total-\(severity.rawValue)\">\(count)</span> "
            html += "<span class=\"tile-label\">\(severityLabel(severity, count: count))</span> "
            html += "<span class=\"tile-hint\">\(severityHint(severity))</span></li>\n"
        }
        html += "</ul>\n"
        html += legend
        html += "<div class=\"charts\">\n"
        var byRule: [String: [Severity: Int]] = [:]
        var byChannel: [String: [Severity: Int]] = [:]
        for finding in result.findings {
            byRule[finding.ruleID, default: [:]][finding.severity, default: 0] += 1
            byChannel[finding.channel ?? "", default: [:]][finding.severity, default: 0] += 1
        }
        html += chart(id: "rule", heading: "By rule", column: "Rule", noun: ("rule", "rules"), rows: ranked(byRule))
        // Findings about a reply as a whole would dwarf every channel's bar, so they get a sentence instead.
        let anyChannel = byChannel.removeValue(forKey: "").map { total($0) } ?? 0
        var note = ""
        if anyChannel > 0 {
            let subject = byChannel.isEmpty ? "All \(plural(anyChannel, "finding"))" : "\(anyChannel) more \(anyChannel == 1 ? "finding" : "findings")"
            note = "<p class=\"chart-note\">\(subject) \(anyChannel == 1 ? "applies" : "apply") to every channel a reply is used on.</p>\n"
        }
        html += chart(id: "channel", heading: "By channel", column: "Channel", noun: ("channel", "channels"), rows: ranked(byChannel), note: note)
        html += "</div>\n</section>\n"
        return html
    }

    /// Rows shown before the rest fold away, so a long tail of one-off rules doesn't push the findings off screen.
    private static let chartRows = 8

    /// A table, so the numbers stay readable without CSS or to a screen reader; the bars are decoration on top.
    private static func chart(
        id: String, heading: String, column: String, noun: (one: String, many: String),
        rows: [(key: String, counts: [Severity: Int])], note: String = ""
    ) -> String {
        let widest = rows.map { total($0.counts) }.max() ?? 1
        var html = "<section class=\"chart\" aria-labelledby=\"chart-\(id)\">\n<h3 id=\"chart-\(id)\">\(heading)</h3>\n"
        if rows.isEmpty { return html + note + "</section>\n" }
        // Open in the markup so a reader without JS sees every row; the script folds it.
        let shown = rows.count > chartRows + 2 ? chartRows : rows.count
        html += chartTable(id: id, column: column, rows: rows[..<shown], widest: widest, head: true)
        if shown < rows.count {
            html += "<details class=\"more-rows\" open><summary>Show \(rows.count - shown) more \(rows.count - shown == 1 ? noun.one : noun.many)</summary>\n"
            html += chartTable(id: id, column: column, rows: rows[shown...], widest: widest, head: false)
            html += "</details>\n"
        }
        return html + note + "</section>\n"
    }

    private static func chartTable(
        id: String, column: String, rows: ArraySlice<(key: String, counts: [Severity: Int])>, widest: Int, head: Bool
    ) -> String {
        var html = "<table>\n<colgroup><col class=\"c-label\"><col class=\"c-bar\"><col class=\"c-num\"></colgroup>\n"
        let header = "<tr><th scope=\"col\">\(column)</th><th scope=\"col\" class=\"bar-cell\"><span class=\"visually-hidden\">Share</span></th><th scope=\"col\" class=\"num\">Findings</th></tr>"
        // The folded table repeats the header for screen readers only, so the columns still have names.
        html += head ? "<thead>\(header)</thead>\n" : "<thead class=\"visually-hidden\">\(header)</thead>\n"
        html += "<tbody>\n"
        for row in rows {
            let count = total(row.counts)
            html += "<tr data-\(id)=\"\(escape(row.key))\"><th scope=\"row\"><code>\(escape(row.key))</code></th>"
            html += "<td class=\"bar-cell\" aria-hidden=\"true\"><span class=\"bar\">"
            for severity in severities {
                guard let part = row.counts[severity], part > 0 else { continue }
                html += "<span class=\"seg sev-\(severity.rawValue)\" style=\"width:\(percent(part, of: widest))\"></span>"
            }
            html += "</span></td><td class=\"num\">\(count)"
            // The stacked colours carry the severity mix for sighted readers only.
            if row.counts.count > 1 { html += "<span class=\"visually-hidden\"> (\(breakdown(row.counts)))</span>" }
            html += "</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private static func findingsSection(_ result: LintResult, groups: [(file: String, findings: [Finding])]) -> String {
        let total = result.findings.count
        var html = "<section class=\"findings\" aria-labelledby=\"findings-heading\">\n<h2 id=\"findings-heading\">Findings by file</h2>\n"
        html += filters(result)
        // Written out in full so the page reads the same before (or without) the script.
        html += "<p id=\"status\" class=\"status\" role=\"status\">Showing all \(plural(total, "finding")).</p>\n"
        var lineCache: [String: [Substring]] = [:]
        for (index, group) in groups.enumerated() {
            if lineCache[group.file] == nil, let source = result.sources[group.file] {
                lineCache[group.file] = source.split(separator: "\n", omittingEmptySubsequences: false)
            }
            html += fileSection(group.file, findings: group.findings, number: index + 1, lines: lineCache[group.file])
        }
        html += "<p id=\"no-match\" class=\"no-match\" hidden>No findings match these filters. <button type=\"button\" id=\"clear-filters\">Show all findings</button></p>\n"
        html += "</section>\n"
        return html
    }

    /// Hidden until the script runs: controls that do nothing would only confuse a reader without JS.
    private static func filters(_ result: LintResult) -> String {
        var rules: [String: Int] = [:]
        var channels: [String: Int] = [:]
        for finding in result.findings {
            rules[finding.ruleID, default: 0] += 1
            channels[finding.channel ?? "", default: 0] += 1
        }
        var html = "<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filter findings\" hidden>\n"
        html += "<fieldset class=\"severity-filter\"><legend>Severity</legend><div class=\"checks\">\n"
        for severity in severities {
            let count = result.count(severity)
            html += "<label class=\"check sev-\(severity.rawValue)\"><input type=\"checkbox\" name=\"severity\" value=\"\(severity.rawValue)\" checked\(count == 0 ? " disabled" : "")> \(severityLabel(severity, count: 2)) (\(count))</label>\n"
        }
        html += "</div></fieldset>\n"
        html += "<div class=\"field\"><label for=\"filter-rule\">Rule</label>\n<select id=\"filter-rule\" name=\"rule\">\n<option value=\"\">All rules</option>\n"
        for rule in rules.keys.sorted() {
            html += "<option value=\"\(escape(rule))\">\(escape(rule)) (\(rules[rule]!))</option>\n"
        }
        html += "</select></div>\n"
        html += "<div class=\"field\"><label for=\"filter-channel\">Channel</label>\n<select id=\"filter-channel\" name=\"channel\">\n<option value=\"\">All channels</option>\n"
        for channel in channels.keys.sorted() where !channel.isEmpty {
            html += "<option value=\"\(escape(channel))\">\(escape(channel)) (\(channels[channel]!))</option>\n"
        }
        // Options go by position in the script, so this empty value cannot be mistaken for "All channels".
        if let any = channels[""] { html += "<option value=\"\">Not tied to one channel (\(any))</option>\n" }
        html += "</select></div>\n"
        html += "<div class=\"field search\"><label for=\"filter-text\">Search</label>\n<input type=\"search\" id=\"filter-text\" name=\"q\" placeholder=\"Words, file or reply\" autocomplete=\"off\" aria-describedby=\"search-hint\"><span id=\"search-hint\" class=\"visually-hidden\">Press slash to jump here.</span></div>\n"
        html += "<div class=\"field reset\"><button type=\"reset\">Reset</button></div>\n"
        html += "</form>\n"
        return html
    }

    private static func fileSection(_ file: String, findings: [Finding], number: Int, lines: [Substring]?) -> String {
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        var replies: [String] = []
        for finding in findings { if let id = finding.replyID, !replies.contains(id) { replies.append(id) } }
        let worst = findings.map(\.severity).max() ?? .info
        var html = "<section class=\"file worst-\(worst.rawValue)\" id=\"file-\(number)\" aria-labelledby=\"file-\(number)-name\">\n"
        html += "<div class=\"file-head\"><h3 id=\"file-\(number)-name\" class=\"file-name\">\(escape(file))</h3>\n<p class=\"file-meta\">"
        if !replies.isEmpty {
            html += "<span class=\"reply\">\(replies.count == 1 ? "Reply" : "Replies") \(replies.map { "<code>\(escape($0))</code>" }.joined(separator: ", "))</span> "
        }
        for severity in severities {
            guard let count = counts[severity] else { continue }
            html += "<span class=\"pill sev-\(severity.rawValue)\">\(count) \(severityLabel(severity, count: count).lowercased())</span> "
        }
        html += "</p></div>\n<ol class=\"finding-list\">\n"
        // Each quoted line is split into scalars once, however many findings it has: a 90,000-character
        // line with 15,000 findings was copied 15,000 times.
        var scalars: [Int: [Unicode.Scalar]] = [:]
        for finding in findings { html += item(finding, lines: lines, scalars: &scalars) }
        html += "</ol>\n</section>\n"
        return html
    }

    private static func item(_ finding: Finding, lines: [Substring]?, scalars: inout [Int: [Unicode.Scalar]]) -> String {
        let severity = finding.severity.rawValue
        var html = "<li class=\"finding sev-\(severity)\" data-severity=\"\(severity)\" data-rule=\"\(escape(finding.ruleID))\" data-channel=\"\(escape(finding.channel ?? ""))\">\n"
        html += "<p class=\"message\"><span class=\"badge sev-\(severity)\">\(severityLabel(finding.severity, count: 1))</span> \(escape(finding.message))</p>\n"
        html += "<p class=\"meta\"><span class=\"where\">\(location(finding.range))</span>"
        html += " <span class=\"tag rule\"><span class=\"tag-label\">Rule</span> <code>\(escape(finding.ruleID))</code></span>"
        if let channel = finding.channel {
            html += " <span class=\"tag channel\"><span class=\"tag-label\">Channel</span> \(escape(channel))</span>"
        }
        html += "</p>\n"
        if let range = finding.range, let lines { html += excerpt(range, lines: lines, severity: finding.severity, scalars: &scalars) }
        html += "</li>\n"
        return html
    }

    // MARK: - Quoting the source

    /// Lines of a multi-line finding shown before the rest is summarised.
    private static let maxExcerptLines = 4
    /// Longer lines are cut to a window around the span, so one pasted essay cannot swamp the page.
    private static let maxLineScalars = 480
    private static let contextScalars = 160

    /// The lines `range` covers, numbered, with exactly the range's code points inside `<mark>`.
    static func excerpt(_ range: TextRange, lines: [Substring], severity: Severity) -> String {
        var scalars: [Int: [Unicode.Scalar]] = [:]
        return excerpt(range, lines: lines, severity: severity, scalars: &scalars)
    }

    /// `scalars` caches each line's scalars by line number, for the findings of one file.
    static func excerpt(_ range: TextRange, lines: [Substring], severity: Severity, scalars cache: inout [Int: [Unicode.Scalar]]) -> String {
        let first = range.start.line
        guard first >= 1, first <= lines.count else { return "" }
        let end = min(lastLine(range), lines.count)
        let last = min(end, first + maxExcerptLines - 1)
        var html = "<div class=\"source\">"
        for number in first...last {
            let scalars: [Unicode.Scalar]
            if let known = cache[number] {
                scalars = known
            } else {
                var line = lines[number - 1]
                if line.hasSuffix("\r") { line = line.dropLast() }
                scalars = Array(line.unicodeScalars)
                cache[number] = scalars
            }
            var from = number == first ? range.start.column - 1 : 0
            var to = number == range.end.line ? range.end.column - 1 : scalars.count
            from = max(0, min(from, scalars.count))
            to = max(from, min(to, scalars.count))
            html += "<div class=\"line\"><span class=\"ln\" aria-hidden=\"true\">\(number)</span><code>"
            html += highlighted(scalars, from: from, to: to, severity: severity, point: range.start == range.end)
            html += "</code></div>"
        }
        if end > last {
            html += "<div class=\"line more\"><span class=\"ln\" aria-hidden=\"true\"></span><span>… continues to line \(end)</span></div>"
        }
        html += "</div>\n"
        return html
    }

    private static func highlighted(_ scalars: [Unicode.Scalar], from: Int, to: Int, severity: Severity, point: Bool) -> String {
        var lower = 0
        var upper = scalars.count
        if scalars.count > maxLineScalars {
            lower = max(0, from - contextScalars)
            upper = min(scalars.count, lower + maxLineScalars)
            // Open and close the window on a word boundary when one is near, so the quote reads as words.
            if lower > 0, let space = scalars[lower..<min(from, lower + 30)].firstIndex(of: " ") { lower = space + 1 }
            let tail = min(max(to, upper - 30), upper)
            if upper < scalars.count, let space = scalars[tail..<upper].lastIndex(of: " ") { upper = space }
        }
        func text(_ a: Int, _ b: Int) -> String {
            guard a < b else { return "" }
            var string = ""
            string.unicodeScalars.append(contentsOf: scalars[a..<b])
            return escape(string)
        }
        let markEnd = min(to, upper)
        var html = lower > 0 ? "<span class=\"cut\">…</span>" : ""
        html += text(lower, from)
        if from < to {
            html += "<mark class=\"sev-\(severity.rawValue)\">\(text(from, markEnd))</mark>"
        } else if point {
            // A finding at a point ("no greeting here") still needs something visible to point at.
            html += "<mark class=\"sev-\(severity.rawValue) point\"></mark>"
        }
        html += text(markEnd, upper)
        if upper < scalars.count { html += "<span class=\"cut\">…</span>" }
        return html
    }

    /// A range that ends at column 1 stops at the end of the line before, so that line is its last.
    private static func lastLine(_ range: TextRange) -> Int {
        range.end.line > range.start.line && range.end.column <= 1 ? range.end.line - 1 : range.end.line
    }

    private static func location(_ range: TextRange?) -> String {
        guard let range else { return "Whole file" }
        if lastLine(range) > range.start.line { return "Lines \(range.start.line)–\(lastLine(range))" }
        return "Line \(range.start.line), column \(range.start.column)"
    }

    // MARK: - Helpers

    private static let severities: [Severity] = [.error, .warning, .info]

    /// Groups in the order the findings arrive (the linter's file order), keeping each file's findings in order.
    private static func fileGroups(_ findings: [Finding]) -> [(file: String, findings: [Finding])] {
        var order: [String] = []
        var byFile: [String: [Finding]] = [:]
        for finding in findings {
            if byFile[finding.file] == nil { order.append(finding.file) }
            byFile[finding.file, default: []].append(finding)
        }
        return order.map { ($0, byFile[$0]!) }
    }

    /// Most findings first, ties by name, so the page is stable whatever order the dictionary keeps.
    private static func ranked(_ tallies: [String: [Severity: Int]]) -> [(key: String, counts: [Severity: Int])] {
        tallies.map { (key: $0.key, counts: $0.value) }.sorted { a, b in
            let (ta, tb) = (total(a.counts), total(b.counts))
            return ta != tb ? ta > tb : a.key < b.key
        }
    }

    private static func total(_ counts: [Severity: Int]) -> Int { counts.values.reduce(0, +) }

    private static func breakdown(_ counts: [Severity: Int]) -> String {
        severities.compactMap { severity in
            counts[severity].map { "\($0) \(severityLabel(severity, count: $0).lowercased())" }
        }.joined(separator: ", ")
    }

    /// Integer arithmetic, so the CSS width never depends on how a platform formats a Double.
    private static func percent(_ part: Int, of whole: Int) -> String {
        let hundredths = part * 10_000 / max(whole, 1)
        let fraction = hundredths % 100
        if fraction == 0 { return "\(hundredths / 100)%" }
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    private static func severityLabel(_ severity: Severity, count: Int) -> String {
        switch severity {
        case .error: count == 1 ? "Error" : "Errors"
        case .warning: count == 1 ? "Warning" : "Warnings"
        case .info: "Info"
        }
    }

    private static func severityHint(_ severity: Severity) -> String {
        switch severity {
        case .error: "Fix before these replies are used"
        case .warning: "Worth a second look"
        case .info: "Suggestions"
        }
    }

    private static func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        "\(count) \(count == 1 ? one : (many ?? one + "s"))"
    }

    /// Escapes text for both element content and quoted attributes. Control characters other than tab
    /// and newline are invalid in HTML, so they are shown as their visible Unicode "control pictures".
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}": output.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case "\u{7F}": output += "\u{2421}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static let legend = """
        <p class="legend" aria-hidden="true"><span class="key sev-error"></span>Error <span class="key sev-warning"></span>Warning <span class="key sev-info"></span>Info</p>

        """

    // MARK: - Inline assets

    /// Resources/report.css, embedded by SwiftPM and inlined, so the report stays one file.
    private static let css = String(decoding: PackageResources.report_css, as: UTF8.self)

    /// Resources/report.js: plain ES5-level DOM code, so it runs in any browser a comms team might open the file in.
    private static let script = String(decoding: PackageResources.report_js, as: UTF8.self)
}
