// The HTML report: a golden file, and what a reader relies on — escaped text, nothing fetched, the right counts.

import Foundation
import ReplyLint
import Testing

@Suite struct HTMLReporterTests {
    let html = HTMLReporter.report(Golden.result)

    @Test func matchesTheGoldenPage() throws { try Golden.check(html, "report.html") }

    @Test func fetchesNothingFromTheNetwork() {
        for pattern in ["src=\"http", "src='http", "href=\"http", "@import", "url(http", "<link "] {
            #expect(!html.contains(pattern), "the page must be self-contained: found \(pattern)")
        }
    }

    @Test func escapesEverythingUsersWrote() {
        // The golden result quotes a reply line holding "<b>&</b>".
        #expect(!html.contains("<b>&</b>"))
        #expect(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"))
    }

    @Test func showsTheCountsAndEveryFinding() {
        #expect(html.contains("5 problems"))
        for finding in Golden.result.findings {
            #expect(html.contains(finding.ruleID))
        }
    }
}
