// `--format html`: the page against a golden file, plus the properties a reader would notice if they broke.

import Foundation
import Testing
@testable import ReplyLint

/// The golden page lives beside the other fixtures. After an intended change to the page, regenerate it with
/// `REPLYLINT_UPDATE_GOLDEN=1 swift test --filter HTMLReporterTests`, open it in a browser, and review the diff.
private enum HTMLGolden {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/report.html")
    static var updating: Bool { ProcessInfo.processInfo.environment["REPLYLINT_UPDATE_GOLDEN"] == "1" }
}

/// Three files and seven findings: every severity, several rules and channels, a finding with no range,
/// one spanning two lines, an emoji before a span (columns count code points), and markup in a reply.
private enum Sample {
    static let pothole = "replies/streets/pothole-public.md"
    static let thanks = "replies/q&a/thanks.md"
    static let policy = "policies/comment-policy.md"

    static let sources: [String: String] = [
        pothole: """
            ---
            title: Pothole reported (public)
            channels: [x-reply, facebook-comment]
            ---
            Thanks for flagging this! We've logged it as case {{case.number}}.
            <script>alert(1)</script> & more text pasted from the CMS.

            """,
        thanks: """
            ---
            title: Thanks for the kind words
            channels: [x-reply, instagram-comment]
            ---
            Thank you 🙏 so much!!! This made our day.

            """,
        policy: """
            # Comment policy

            ## What we remove

            We remove spam and threats.
            See https://example.org/privacy-old for details.

            """,
    ]

    static let findings: [Finding] = [
        Finding(ruleID: "personal-data-placeholder-public", severity: .error,
                message: "{{case.number}} is personal and this reply can be posted publicly.", file: pothole,
                range: range(5, 51, 5, 66), replyID: "pothole-public", channel: "x-reply"),
        Finding(ruleID: "fill-in-marker", severity: .error,
                message: "Leftover pasted markup \"<script>\" — remove it before use.", file: pothole,
                range: range(6, 1, 6, 26), replyID: "pothole-public"),
        Finding(ruleID: "tone-exclamation", severity: .warning, message: "Use at most one exclamation mark.",
                file: thanks, range: range(5, 20, 5, 23), replyID: "thanks"),
        Finding(ruleID: "length-near-limit", severity: .info,
                message: "Uses 41 of 50 characters in the instagram-comment preview.", file: thanks,
                range: range(5, 1, 5, 42), replyID: "thanks", channel: "instagram-comment"),
        Finding(ruleID: "faq-sensitive-public", severity: .error,
                message: "This FAQ is marked sensitive but the reply is public.", file: thanks,
                range: range(2, 8, 3, 10), replyID: "thanks", channel: "x-reply"),
        Finding(ruleID: "policy-section-missing", severity: .error,
                message: "The policy doesn't say when the accounts are monitored.", file: policy),
        Finding(ruleID: "policy-link-broken", severity: .warning,
                message: "Link https://example.org/privacy-old returned 404.", file: policy,
                range: range(6, 5, 6, 36)),
        Finding(ruleID: "policy-readability", severity: .info,
                message: "Section \"What we remove\" is very short.", file: policy,
                range: range(5, 1, 5, 28), channel: "facebook-comment"),
    ].sorted()

    static let result = LintResult(findings: findings, fileCount: 4, replyCount: 3, policyCount: 1, sources: sources)

    static func range(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> TextRange {
        TextRange(start: TextPosition(line: line, column: column), end: TextPosition(line: endLine, column: endColumn))
    }
}

@Suite struct HTMLReporterTests {
    let html = HTMLReporter.report(Sample.result, options: .init(title: "Riverton <City> replies"))

    @Test func matchesGoldenFile() throws {
        if HTMLGolden.updating {
            try FileManager.default.createDirectory(at: HTMLGolden.url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try html.write(to: HTMLGolden.url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: HTMLGolden.url, encoding: .utf8)
        // A plain `==` would print two whole pages; the first differing line is what a reviewer needs.
        let (actualLines, goldenLines) = (html.components(separatedBy: "\n"), golden.components(separatedBy: "\n"))
        if let index = zip(actualLines, goldenLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("line \(index + 1) differs:\n  got:      \(actualLines[index])\n  expected: \(goldenLines[index])\nRegenerate with REPLYLINT_UPDATE_GOLDEN=1 if the change is intended.")
        }
        #expect(actualLines.count == goldenLines.count)
    }

    @Test func sameResultGivesSameBytes() {
        var shuffled = Sample.result
        shuffled.sources = Dictionary(uniqueKeysWithValues: Sample.sources.reversed())
        #expect(HTMLReporter.report(shuffled, options: .init(title: "Riverton <City> replies")) == html)
    }

    @Test func fetchesNothing() {
        for tag in ["<link", "<img", "<iframe", "<object", "<embed", "<video", "<audio", "<source", "<base"] {
            #expect(!html.lowercased().contains(tag), "unexpected \(tag)")
        }
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        #expect(!html.contains(" src="))
        #expect(!html.contains(" action="))
        #expect(!html.contains("fetch("))
        #expect(!html.contains("XMLHttpRequest"))
        // The only links are jumps within the page; the URL in a message stays text.
        for match in html.matches(of: /href="([^"]*)"/) {
            #expect(match.output.1.hasPrefix("#"), "remote link \(match.output.1)")
        }
        #expect(html.contains("Link https://example.org/privacy-old returned 404."))
    }

    @Test func escapesEverythingTheUserWrote() {
        // Exactly one script element: the reporter's own.
        #expect(html.components(separatedBy: "<script").count == 2)
        // The inlined report.js and report.css cannot end their own element early.
        #expect(html.components(separatedBy: "</script").count == 2)
        #expect(html.components(separatedBy: "</style").count == 2)
        #expect(!html.contains("alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;</mark> &amp; more text"))
        #expect(html.contains("Leftover pasted markup &quot;&lt;script&gt;&quot; — remove it before use."))
        #expect(html.contains("<title>Riverton &lt;City&gt; replies</title>"))
        #expect(html.contains("replies/q&amp;a/thanks.md"))
        #expect(!html.contains("q&a/"))
        #expect(HTMLReporter.escape("a\u{0}b\u{1B}'\"") == "a\u{2400}b\u{241B}&#39;&quot;")
    }

    @Test func countsMatchTheFindings() throws {
        let result = Sample.result
        for severity in Severity.allCases {
            #expect(html.contains("id=\"total-\(severity.rawValue)\">\(result.count(severity))</span>"))
        }
        #expect(html.contains("<h2 id=\"summary-heading\">8 problems in 3 files</h2>"))
        #expect(html.components(separatedBy: "<li class=\"finding ").count - 1 == result.findings.count)
        #expect(html.contains("Showing all 8 findings."))

        var byRule: [String: Int] = [:]
        var byChannel: [String: Int] = [:]
        for finding in result.findings {
            byRule[finding.ruleID, default: 0] += 1
            if let channel = finding.channel { byChannel[channel, default: 0] += 1 }
        }
        let ruleRows = html.matches(of: /<tr data-rule="([^"]*)">.*?<td class="num">(\d+)/)
        #expect(Dictionary(uniqueKeysWithValues: ruleRows.map { (String($0.output.1), Int($0.output.2)!) }) == byRule)
        let channelRows = html.matches(of: /<tr data-channel="([^"]*)">.*?<td class="num">(\d+)/)
        #expect(Dictionary(uniqueKeysWithValues: channelRows.map { (String($0.output.1), Int($0.output.2)!) }) == byChannel)
        #expect(html.contains("4 more findings apply to every channel a reply is used on."))
    }

    @Test func highlightIsExactlyTheRange() throws {
        // Findings appear grouped by file in the order given, which for sorted findings is the same order.
        let items = html.components(separatedBy: "<li class=\"finding ").dropFirst()
        #expect(items.count == Sample.findings.count)
        for (finding, item) in zip(Sample.findings, items) {
            let marks = item.matches(of: /<mark class="sev-[a-z]+">(.*?)<\/mark>/).map { String($0.output.1) }
            guard let range = finding.range else {
                #expect(marks.isEmpty, "\(finding.ruleID) has no range but shows a highlight")
                continue
            }
            let expected = HTMLReporter.escape(Self.text(in: Sample.sources[finding.file]!, range))
            #expect(marks.joined(separator: "\n") == expected, "\(finding.ruleID) at \(range.start)")
            #expect(item.contains("<mark class=\"sev-\(finding.severity.rawValue)\">"))
        }
        // Code points, not UTF-16 units: the span after the emoji is the exclamation marks themselves.
        #expect(html.contains("Thank you 🙏 so much<mark class=\"sev-warning\">!!!</mark> This made our day."))
    }

    @Test func cleanLibrarySaysSoWithoutControls() {
        let clean = HTMLReporter.report(LintResult(findings: [], fileCount: 2, replyCount: 2, policyCount: 0))
        #expect(clean.contains("No problems found."))
        #expect(clean.contains("<title>ReplyLint report</title>"))
        #expect(!clean.contains("<form"))
        #expect(!clean.contains("<script"))
    }

    @Test func longLinesAreCutAroundTheSpan() {
        let line = String(repeating: "a", count: 1_000) + "NEEDLE" + String(repeating: "b", count: 1_000)
        let finding = Finding(ruleID: "r", severity: .info, message: "m", file: "f.md", range: Sample.range(1, 1_001, 1, 1_007))
        let page = HTMLReporter.report(LintResult(findings: [finding], fileCount: 1, replyCount: 1, policyCount: 0, sources: ["f.md": line]))
        #expect(page.contains("<mark class=\"sev-info\">NEEDLE</mark>"))
        #expect(!page.contains(String(repeating: "a", count: 200)))
        #expect(page.components(separatedBy: "<span class=\"cut\">…</span>").count == 3)
    }

    /// The text a range covers, counted in code points, with line breaks kept between lines.
    static func text(in source: String, _ range: TextRange) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var parts: [String] = []
        for number in range.start.line...range.end.line {
            let scalars = lines[number - 1]
            let from = number == range.start.line ? range.start.column - 1 : 0
            let to = number == range.end.line ? range.end.column - 1 : scalars.count
            var part = ""
            part.unicodeScalars.append(contentsOf: scalars[from..<to])
            parts.append(part)
        }
        return parts.joined(separator: "\n")
    }
}
