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
        for finding in findings { html += item(finding, lines: lines) }
        html += "</ol>\n</section>\n"
        return html
    }

    private static func item(_ finding: Finding, lines: [Substring]?) -> String {
        let severity = finding.severity.rawValue
        var html = "<li class=\"finding sev-\(severity)\" data-severity=\"\(severity)\" data-rule=\"\(escape(finding.ruleID))\" data-channel=\"\(escape(finding.channel ?? ""))\">\n"
        html += "<p class=\"message\"><span class=\"badge sev-\(severity)\">\(severityLabel(finding.severity, count: 1))</span> \(escape(finding.message))</p>\n"
        html += "<p class=\"meta\"><span class=\"where\">\(location(finding.range))</span>"
        html += " <span class=\"tag rule\"><span class=\"tag-label\">Rule</span> <code>\(escape(finding.ruleID))</code></span>"
        if let channel = finding.channel {
            html += " <span class=\"tag channel\"><span class=\"tag-label\">Channel</span> \(escape(channel))</span>"
        }
        html += "</p>\n"
        if let range = finding.range, let lines { html += excerpt(range, lines: lines, severity: finding.severity) }
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
        let first = range.start.line
        guard first >= 1, first <= lines.count else { return "" }
        let end = min(lastLine(range), lines.count)
        let last = min(end, first + maxExcerptLines - 1)
        var html = "<div class=\"source\">"
        for number in first...last {
            var line = lines[number - 1]
            if line.hasSuffix("\r") { line = line.dropLast() }
            let scalars = Array(line.unicodeScalars)
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

    private static let css = #"""
        :root {
          color-scheme: light;
          --text: #1f2328; --muted: #57606a; --page: #f6f7f9; --card: #ffffff; --line: #d0d7de; --code-bg: #f6f8fa;
          --focus: #0b5cad;
          --error: #b3261e; --error-bar: #d13b30; --error-tint: #fde7e6; --error-mark: #ffd6d3;
          --warning: #8a4f00; --warning-bar: #b26f00; --warning-tint: #fff1d6; --warning-mark: #ffe3a3;
          --info: #0b5cad; --info-bar: #3a7bd5; --info-tint: #e3effc; --info-mark: #cfe3fa;
          --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
        }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--page); color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        code { font-family: var(--mono); font-size: 0.9em; }
        .page-head, main, .page-foot { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
        .page-head { padding-top: 1.75rem; }
        h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.25rem; }
        h2 { font-size: 1.3rem; margin: 0 0 0.75rem; }
        h3 { font-size: 1rem; margin: 0; }
        .scope { margin: 0 0 1.25rem; color: var(--muted); }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .summary, .file, .all-clear { background: var(--card); border: 1px solid var(--line); border-radius: 10px; }
        .summary { padding: 1.25rem; margin-bottom: 1.5rem; }
        .tiles { list-style: none; margin: 0 0 0.75rem; padding: 0; display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.75rem; }
        .tile { border-radius: 8px; padding: 0.75rem 1rem; border-left: 6px solid; display: grid; grid-template-columns: auto 1fr; column-gap: 0.6rem; align-items: baseline; }
        .tile-count { font-size: 2.25rem; font-weight: 700; line-height: 1.1; grid-row: span 2; font-variant-numeric: tabular-nums; }
        .tile-label { font-weight: 600; }
        .tile-hint { font-size: 0.85rem; color: var(--muted); }
        .tile.sev-error { background: var(--error-tint); border-color: var(--error-bar); }
        .tile.sev-warning { background: var(--warning-tint); border-color: var(--warning-bar); }
        .tile.sev-info { background: var(--info-tint); border-color: var(--info-bar); }
        .tile.sev-error .tile-count, .tile.sev-error .tile-label { color: var(--error); }
        .tile.sev-warning .tile-count, .tile.sev-warning .tile-label { color: var(--warning); }
        .tile.sev-info .tile-count, .tile.sev-info .tile-label { color: var(--info); }
        .tile.zero { background: var(--code-bg); border-color: var(--line); }
        .tile.zero .tile-count, .tile.zero .tile-label { color: var(--muted); }
        .legend { margin: 0 0 0.5rem; font-size: 0.85rem; color: var(--muted); }
        .key { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin: 0 0.3em 0 0.9em; vertical-align: -0.05em; }
        .key:first-child { margin-left: 0; }
        .key.sev-error, .seg.sev-error { background: var(--error-bar); }
        .key.sev-warning, .seg.sev-warning { background: var(--warning-bar); }
        .key.sev-info, .seg.sev-info { background: var(--info-bar); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1.5rem; }
        .chart h3 { margin-bottom: 0.35rem; }
        .chart table { width: 100%; border-collapse: collapse; font-size: 0.9rem; table-layout: fixed; }
        .chart .c-label { width: 42%; }
        .chart .c-num { width: 4.5rem; }
        .chart thead th { font-size: 0.8rem; font-weight: 600; color: var(--muted); text-align: left; border-bottom: 1px solid var(--line); padding: 0.2rem 0.4rem 0.2rem 0; }
        .chart tbody th { font-weight: 400; text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; overflow-wrap: anywhere; }
        .chart td { padding: 0.25rem 0; }
        .chart .num { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; padding-left: 0.5rem; }
        .chart thead .num { font-weight: 600; }
        .bar { display: flex; height: 0.9rem; border-radius: 3px; overflow: hidden; }
        .seg { display: block; height: 100%; }
        .seg + .seg { border-left: 1px solid var(--card); }
        .more-rows summary { cursor: pointer; color: var(--info); font-size: 0.9rem; padding: 0.35rem 0; width: fit-content; }
        .chart-note { margin: 0.5rem 0 0; font-size: 0.85rem; color: var(--muted); }
        .pick { font: inherit; color: var(--info); background: none; border: 0; border-radius: 3px; padding: 0; min-height: 0; text-align: left; text-decoration: underline; text-decoration-color: rgba(11, 92, 173, 0.4); text-underline-offset: 0.2em; cursor: pointer; }
        .pick:hover { background: none; text-decoration-color: currentColor; }
        .findings > h2 { margin-top: 0.5rem; }
        .filters { display: flex; flex-wrap: wrap; align-items: end; gap: 0.75rem 1.25rem; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 0.75rem 1rem; margin-bottom: 0.5rem; }
        .filters fieldset { border: 0; margin: 0; padding: 0; min-inline-size: 0; }
        .checks { display: flex; flex-wrap: wrap; gap: 0 0.9rem; }
        .filters legend, .field label { display: block; font-size: 0.8rem; font-weight: 600; color: var(--muted); padding: 0; margin-bottom: 0.2rem; }
        .check { display: inline-flex; align-items: center; gap: 0.3rem; min-height: 2.25rem; cursor: pointer; }
        .check input { width: 1.1rem; height: 1.1rem; margin: 0; accent-color: var(--focus); }
        .field { display: flex; flex-direction: column; min-width: 0; }
        .field input { width: 100%; min-width: 0; }
        .field.search { flex: 1 1 9rem; }
        select, input[type="search"], button { font: inherit; font-size: 0.95rem; color: var(--text); background: var(--card); border: 1px solid #8c959f; border-radius: 6px; min-height: 2.25rem; padding: 0.25rem 0.5rem; }
        select { max-width: 12rem; }
        button { cursor: pointer; background: var(--code-bg); }
        button:hover { background: #eaeef2; }
        .status { color: var(--muted); margin: 0.25rem 0 1rem; }
        .file { margin-bottom: 1rem; overflow: hidden; scroll-margin-top: 1rem; border-left: 6px solid var(--line); }
        .file.worst-error { border-left-color: var(--error-bar); }
        .file.worst-warning { border-left-color: var(--warning-bar); }
        .file.worst-info { border-left-color: var(--info-bar); }
        .file-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; padding: 0.7rem 1rem; border-bottom: 1px solid var(--line); background: var(--code-bg); }
        .file-name { font-family: var(--mono); font-size: 0.95rem; overflow-wrap: anywhere; }
        .file-meta { margin: 0; font-size: 0.85rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: baseline; }
        .pill { border-radius: 999px; padding: 0 0.55rem; font-weight: 600; font-size: 0.8rem; }
        .pill.sev-error, .badge.sev-error { background: var(--error-tint); color: var(--error); }
        .pill.sev-warning, .badge.sev-warning { background: var(--warning-tint); color: var(--warning); }
        .pill.sev-info, .badge.sev-info { background: var(--info-tint); color: var(--info); }
        .finding-list { list-style: none; margin: 0; padding: 0; }
        .finding { padding: 0.8rem 1rem; }
        .finding + .finding { border-top: 1px solid var(--line); }
        .message { margin: 0 0 0.3rem; font-weight: 500; overflow-wrap: anywhere; }
        .badge { display: inline-block; font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; padding: 0.05rem 0.45rem; border-radius: 4px; margin-right: 0.35rem; vertical-align: 0.1em; border: 1px solid currentColor; }
        .meta { margin: 0 0 0.5rem; font-size: 0.85rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: 0.3rem 0.6rem; align-items: center; }
        .tag { border: 1px solid var(--line); border-radius: 4px; padding: 0 0.4rem; background: var(--card); color: var(--text); }
        .tag-label { color: var(--muted); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.03em; }
        .source { font-family: var(--mono); font-size: 0.85rem; line-height: 1.55; background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0; tab-size: 4; }
        .line { display: grid; grid-template-columns: 3.25rem minmax(0, 1fr); }
        .ln { text-align: right; padding-right: 0.75rem; color: var(--muted); user-select: none; -webkit-user-select: none; border-right: 1px solid var(--line); margin-right: 0.75rem; }
        .line code { font-size: 1em; white-space: pre-wrap; overflow-wrap: anywhere; padding-right: 0.75rem; min-height: 1.55em; }
        .line.more span:last-child { color: var(--muted); font-style: italic; }
        .cut { color: var(--muted); }
        mark { color: var(--text); border-radius: 2px; padding: 0.05em 0; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
        mark.sev-error { background: var(--error-mark); box-shadow: inset 0 -2px 0 var(--error); }
        mark.sev-warning { background: var(--warning-mark); box-shadow: inset 0 -2px 0 var(--warning); }
        mark.sev-info { background: var(--info-mark); box-shadow: inset 0 -2px 0 var(--info); }
        mark.point { display: inline-block; width: 3px; height: 1.3em; vertical-align: text-bottom; margin-right: 1px; padding: 0; box-shadow: none; }
        mark.point.sev-error { background: var(--error); }
        mark.point.sev-warning { background: var(--warning); }
        mark.point.sev-info { background: var(--info); }
        .no-match, .all-clear { padding: 1rem 1.25rem; }
        .no-match { background: var(--card); border: 1px dashed var(--line); border-radius: 10px; }
        .all-clear { font-size: 1.15rem; font-weight: 600; color: #1a7f37; border-left: 6px solid #1a7f37; }
        .page-foot { color: var(--muted); font-size: 0.85rem; padding-bottom: 2rem; }
        @media (min-width: 48rem) {
          .filters { position: sticky; top: 0; z-index: 2; box-shadow: 0 2px 6px rgba(31, 35, 40, 0.08); }
          .file { scroll-margin-top: 7rem; }
        }
        @media (max-width: 40rem) {
          .page-head, main, .page-foot { padding: 0 0.75rem; }
          .page-head { padding-top: 1.25rem; }
          h1 { font-size: 1.45rem; }
          .summary { padding: 1rem; }
          .tiles { gap: 0.4rem; }
          .tile { display: block; padding: 0.4rem 0.6rem; border-left-width: 4px; }
          .tile-count { display: block; font-size: 1.75rem; }
          .tile-label { font-size: 0.9rem; }
          .tile-hint { display: none; }
          .charts { grid-template-columns: minmax(0, 1fr); }
          .chart .c-label { width: 50%; }
          .filters > .field:not(.search):not(.reset) { flex: 1 1 8rem; }
          select { max-width: none; width: 100%; }
          .finding, .file-head { padding-left: 0.75rem; padding-right: 0.75rem; }
          .line { grid-template-columns: 2.5rem minmax(0, 1fr); }
          .ln { padding-right: 0.5rem; margin-right: 0.5rem; }
        }
        @media print {
          body { background: #fff; font-size: 10pt; }
          .filters, #no-match, .more-rows summary { display: none !important; }
          @page { margin: 1.5cm; }
          .page-head, main, .page-foot { max-width: none; padding: 0; }
          .summary, .file { border-color: #999; }
          .charts { grid-template-columns: 1fr 1fr; }
          .chart .c-label { width: 50%; }
          .pick { color: inherit; text-decoration: none; }
          .finding, .tile, tr, .chart-note { break-inside: avoid; }
          .file-head, .chart h3 { break-after: avoid; }
          .source, .bar, .seg, .key, .tile, .pill, .badge, mark, .file { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """#

    /// Plain ES5-level DOM code, so it runs in any browser a comms team might open the file in.
    private static let script = #"""
        (function () {
          "use strict";
          var form = document.getElementById("filters");
          if (!form) { return; }
          var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
          var files = Array.prototype.slice.call(document.querySelectorAll(".file"));
          var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=severity]"));
          var rule = form.elements.rule, channel = form.elements.channel, text = form.elements.q;
          var status = document.getElementById("status");
          var noMatch = document.getElementById("no-match");
          var haystacks = findings.map(function (el) {
            var file = el.closest(".file");
            var head = file ? file.querySelector(".file-head").textContent : "";
            return (head + " " + el.textContent).toLowerCase();
          });
          function plural(n) { return n + (n === 1 ? " finding" : " findings"); }
          function apply() {
            var wanted = {};
            boxes.forEach(function (box) { wanted[box.value] = box.checked; });
            var ruleValue = rule.selectedIndex > 0 ? rule.value : null;
            var channelValue = channel.selectedIndex > 0 ? channel.value : null;
            var query = text.value.trim().toLowerCase();
            var shown = 0;
            findings.forEach(function (el, i) {
              var ok = wanted[el.getAttribute("data-severity")] &&
                (ruleValue === null || el.getAttribute("data-rule") === ruleValue) &&
                (channelValue === null || el.getAttribute("data-channel") === channelValue) &&
                (query === "" || haystacks[i].indexOf(query) !== -1);
              el.hidden = !ok;
              if (ok) { shown += 1; }
            });
            files.forEach(function (file) { file.hidden = !file.querySelector(".finding:not([hidden])"); });
            status.textContent = shown === findings.length
              ? "Showing all " + plural(shown) + "."
              : "Showing " + shown + " of " + plural(findings.length) + ".";
            noMatch.hidden = shown !== 0;
          }
          form.addEventListener("input", apply);
          form.addEventListener("change", apply);
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
          document.getElementById("clear-filters").addEventListener("click", function () { form.reset(); text.focus(); });
          document.addEventListener("keydown", function (event) {
            var target = event.target;
            var typing = target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA" || target.isContentEditable);
            if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
              event.preventDefault();
              text.focus();
            }
          });
          // A name in a chart becomes a shortcut to just those findings.
          var heading = document.getElementById("findings-heading");
          [["rule", rule], ["channel", channel]].forEach(function (pair) {
            var rows = document.querySelectorAll("tr[data-" + pair[0] + "]");
            Array.prototype.forEach.call(rows, function (row) {
              var value = row.getAttribute("data-" + pair[0]);
              var cell = row.querySelector("th");
              var button = document.createElement("button");
              button.type = "button";
              button.className = "pick";
              button.title = "Show only " + value;
              while (cell.firstChild) { button.appendChild(cell.firstChild); }
              cell.appendChild(button);
              button.addEventListener("click", function () {
                for (var i = 1; i < pair[1].options.length; i += 1) {
                  if (pair[1].options[i].value === value) { pair[1].selectedIndex = i; }
                }
                apply();
                heading.scrollIntoView();
                pair[1].focus();
              });
            });
          });
          Array.prototype.forEach.call(document.querySelectorAll("details.more-rows"), function (d) { d.open = false; });
          // Folded chart rows belong on paper too.
          window.addEventListener("beforeprint", function () {
            Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
          });
          form.hidden = false;
          apply();
        })();

        """#
}
