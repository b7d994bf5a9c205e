// Real policy pages: the site around an HTML policy is not policy text; .txt and .docx policies are read,
// a PDF is reported; `lint --explain` shows where each topic is covered; readability skips legal text.

import Foundation
import ReplyLint
import Testing

@Suite("Policy pages")
struct PolicyPagesTests {
    private func texts(_ content: ParsedPolicyContent) -> [String] {
        content.sections.flatMap { [$0.heading] + $0.paragraphs.map(\.text) + $0.listItems.map(\.text) }.filter { !$0.isEmpty }
    }

    /// A page saved from a council's website: skip link, cookie banner, header with menu, breadcrumbs,
    /// the policy in <main>, a sidebar and a footer.
    static let savedPage = """
        <!DOCTYPE html>
        <html><head><title>Comment policy | Riverton Council</title></head>
        <body>
        <a class="skip-link" href="#content">Skip to main content</a>
        <div id="cookie-banner"><p>We use cookies. In an emergency we still use cookies.</p><button>Accept</button></div>
        <header class="site-header"><a href="/">Riverton Council</a>
          <nav><ul><li><a href="/emergencies">Emergencies: call 999</a></li><li><a href="/records">Public records</a></li></ul></nav>
        </header>
        <div class="breadcrumbs"><a href="/">Home</a> › Comment policy</div>
        <main id="content">
          <h1 id="top">Comment policy</h1>
          <p>We remove comments that are abusive or spam.</p>
          <aside><h2>Related</h2><p>Report an emergency: call 999.</p></aside>
          <p>See <a href="#top">the top</a> or <a href="#site-footer">the footer</a>.</p>
        </main>
        <footer id="site-footer"><p>Our phone lines are open Monday to Friday, 9am to 5pm.</p></footer>
        </body></html>
        """

    @Test func onlyTheMainContentIsPolicyText() {
        let content = HTMLPolicyParser.parse(Self.savedPage)
        #expect(texts(content) == ["Comment policy", "We remove comments that are abusive or spam.", "See the top or the footer."])
        #expect(content.title == "Comment policy | Riverton Council")
        // Ids anywhere on the page are still anchors, so links to them are not broken.
        #expect(content.anchors.isSuperset(of: ["top", "site-footer", "cookie-banner", "content"]))
        #expect(content.links.map(\.target) == ["#top", "#site-footer"])
    }

    @Test func withoutMainTheChromeAroundThePolicyIsDropped() {
        let page = """
            <html><body>
            <header><h1>Riverton Council</h1><p>Call 999 in an emergency.</p></header>
            <div class="consent-popup">Accept all cookies</div>
            <div class="content"><h1>Comment policy</h1><p>We remove spam.</p>
            <section><header><h2>Hours</h2></header><p>We check comments on weekdays.</p><footer><p>Updated May 2026.</p></footer></section>
            </div>
            <div role="navigation"><a href="/a">A</a></div>
            <footer><p>© Riverton</p></footer>
            </body></html>
            """
        #expect(texts(HTMLPolicyParser.parse(page)) == ["Comment policy", "We remove spam.", "Hours", "We check comments on weekdays.", "Updated May 2026."])
    }

    @Test func theOneArticleIsTheContentWhenThereIsNoMain() {
        let page = "<body><div>Site menu: emergencies</div><article><h1>Policy</h1><p>We remove spam.</p></article><div>Footer</div></body>"
        #expect(texts(HTMLPolicyParser.parse(page)) == ["Policy", "We remove spam."])
    }

    @Test func aPageWithNoHeadingsAtAllIsOneLongList() {
        let page = """
            <meta name="replylint-kind" content="moderation">
            <ul>
            <li>We answer questions about council services.
            <li>We won't respond to political debates.
            <li>We delete comments that are abusive or spam.
            <li>Never post your phone number or address.
            <li>This page is monitored Monday to Friday, 9am to 5pm.
            <li>In an emergency, call 999.
            </ul>
            """
        let example = Example(policy: page, fileName: "comments.html")
        #expect(ExampleHarness.findings(of: "policy-section-missing", for: example).isEmpty)
    }

    @Test func legalClassOnAnElementAroundAHeadingMarksItsSection() throws {
        let page = #"<h1>Policy</h1><section class="legal"><h2>Terms</h2><p>Text.</p></section><h2 class="note legal">Notice</h2><h2>Rules</h2>"#
        let content = HTMLPolicyParser.parse(page)
        #expect(content.sections.filter(\.isLegal).map(\.heading) == ["Terms", "Notice"])
    }

    // MARK: Readability on real policies

    private static let hard = "Determinations regarding the appropriateness of contributions are administered exclusively by designated departmental representatives in consultation with communications administrators. Notifications concerning determinations are communicated electronically."

    @Test func readabilityPointsAtTheHardestParagraphOfTheSection() throws {
        let policy = """
            # Comment policy

            ## What we remove
            We hide comments that are abusive, and we remove spam and ads from the page.

            \(Self.hard) \(Self.hard)

            Tell us if we got it wrong and we will look again at what we removed.
            """
        let findings = ExampleHarness.findings(of: "policy-readability", for: Example(policy: policy, fileName: "moderation.md"))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.range?.start == TextPosition(line: 6, column: 1))
        #expect(finding.message.contains("section \"What we remove\" reads at grade"))
        #expect(finding.message.contains("its hardest paragraph, at grade"))
        #expect(finding.message.contains("starts \"Determinations regarding the appropriateness of contributions are administered…\""))
    }

    @Test(arguments: [
        "## Terms of participation {.legal}\n\(hard) \(hard)\n",
        "---\nlegal: [terms-of-participation]\n---\n## Terms of participation\n\(hard) \(hard)\n",
        "## Disclaimer\n\(hard) \(hard)\n",
        "## Legal notices\n### Terms\n\(hard) \(hard)\n",
        "## Rules\nWe remove spam. The municipality does not endorse, and is not responsible for, \(hard) \(hard)\n",
    ])
    func readabilityLeavesOutLegalText(_ policy: String) {
        let findings = ExampleHarness.findings(of: "policy-readability", for: Example(policy: policy, fileName: "moderation.md"))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func theSameTextNotMarkedLegalIsGraded() {
        let findings = ExampleHarness.findings(of: "policy-readability", for: Example(policy: "## Terms of participation\n\(Self.hard) \(Self.hard)\n", fileName: "moderation.md"))
        #expect(findings.count == 1)
    }

    /// A line of `lint --explain` text output: the topic id padded to the longest id.
    private func topicLine(_ mark: String, _ topic: String, _ rest: String) -> String {
        "  \(mark) " + topic + String(repeating: " ", count: "personal-information".count - topic.count) + "  " + rest
    }

    // MARK: The library and the CLI

    @Test func txtAndDocxPoliciesAreLintedAndAPDFIsReported() throws {
        let library = try ScratchLibrary()
        defer { try? FileManager.default.removeItem(at: library.root) }
        // A library of policies only says so: without it, a missing replies/ folder stops the run (issue 14).
        try library.write("replylint.yml", "paths: {replies: []}\n")
        try library.write("policies/moderation.txt", """
            Comment policy
            We reply to questions about council services.
            We delete posts that are abusive or spam.
            """)
        let body = [
            Docx.paragraph("Comment policy", style: "Heading1"),
            Docx.paragraph("We reply to questions about council services."),
            Docx.paragraph("Our pages are monitored Monday to Friday, 9am to 5pm."),
        ].joined()
        try Docx.file(body: body).write(to: library.url("policies/comment-policy.docx"))
        try Data("%PDF-1.7".utf8).write(to: library.url("policies/old-policy.pdf"))
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: library.url("policies/logo.png"))

        let result = try CLI.run(["lint", "--explain"], in: library.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("policies/old-policy.pdf  warning  ReplyLint does not read PDF files, so this policy is not checked (policies are .md, .markdown, .html, .htm, .txt, .docx files); save it as .docx, .html or .txt beside it, or move it out of the policies folder  file-ignored"), "\(result.stdout)")
        #expect(!result.stdout.contains("logo.png"))
        #expect(result.stdout.contains("policies/moderation.txt: topics of the moderation policy"))
        #expect(result.stdout.contains(topicLine("✓", "remove", "policies/moderation.txt:3:1  \"We delete posts that are abusive or spam.\"")), "\(result.stdout)")
        // In a .docx, line N is the Nth paragraph, and the report quotes it.
        #expect(result.stdout.contains(topicLine("✓", "hours", "policies/comment-policy.docx:3:1  \"Our pages are monitored Monday to Friday, 9am to 5pm.\"")), "\(result.stdout)")
        #expect(result.stdout.contains("policies/comment-policy.docx:1:1  error  the policy does not say how personal information is handled"))
        #expect(result.stdout.contains("  1 | Comment policy"))
        #expect(result.stdout.contains(topicLine("✗", "leave-alone", "missing: readers need")))
    }

    @Test func explainAddsEachPolicysTopicsToTheJSONReport() throws {
        let root = try sampleLibraryCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = try CLI.run(["lint", "--format", "json"], in: root)
        #expect(!plain.stdout.contains("\"policies\": ["), "without --explain the report is unchanged")

        let result = try CLI.run(["lint", "--format", "json", "--explain"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let policies = try #require(json["policies"] as? [[String: Any]])
        #expect(policies.map { $0["file"] as? String } == ["policies/comment-policy.md", "policies/moderation.html", "policies/politica-de-comentarios.md"])
        let topics = try #require(policies.first?["topics"] as? [[String: Any]])
        #expect(topics.map { $0["id"] as? String } == ["respond", "leave-alone", "remove", "personal-information", "hours", "urgent", "public-records"])
        #expect(topics.allSatisfy { $0["status"] as? String == "found" && $0["required"] as? Bool == true })
        let hours = try #require(topics.first { $0["id"] as? String == "hours" })
        #expect(hours["via"] as? String == "heading")
        #expect(hours["line"] as? Int == 52)
        #expect(hours["column"] as? Int == 1)
        #expect(hours["text"] as? String == "When we're online")
        #expect(hours["what"] as? String == "when the accounts are monitored")
    }
}
