// Tests for the plain-text policy parser: `.txt` exports and pages copied out of a browser.

import ReplyLint
import Testing

@Suite("Plain-text policy parser")
struct TextPolicyParserTests {
    private func parse(_ text: String, firstLine: Int = 1) -> ParsedPolicyContent {
        TextPolicyParser.parse(Substring(text), firstLine: firstLine)
    }

    /// Headings, paragraphs (p) and list items (li) in document order, with their positions.
    private func blocks(_ content: ParsedPolicyContent) -> [String] {
        content.sections.flatMap { section in
            let inside = (section.paragraphs.map { ("p", $0) } + section.listItems.map { ("li", $0) })
                .sorted { ($0.1.position.line, $0.1.position.column) < ($1.1.position.line, $1.1.position.column) }
                .map { "\($0.0) \($0.1.text) @\($0.1.position.line):\($0.1.position.column)" }
            return (section.level > 0 ? ["\(section.level) \(section.heading) @\(section.position.line):\(section.position.column)"] : []) + inside
        }
    }

    @Test func blankLinesSeparateParagraphsAndHardWrappedLinesJoin() {
        let content = parse("""
            We welcome your comments and hope that our
            conversations will be polite. You are responsible
            for what you post.

            We do not discriminate against any views.
            """)
        #expect(blocks(content) == [
            "p We welcome your comments and hope that our conversations will be polite. You are responsible for what you post. @1:1",
            "p We do not discriminate against any views. @5:1",
        ])
    }

    @Test func aPageCopiedFromABrowserHasOneParagraphPerLine() {
        let content = parse("""
            Social Media Policy
            Posts containing the below may be removed:
            - Off-topic comments or spam
            ■ Threats of any kind
            The City reserves the right to delete posts. Repeat offenders may be banned.
            Social media posts are monitored from 8 a.m. to 4:30 p.m. Monday to Friday.
            """)
        #expect(blocks(content) == [
            "1 Social Media Policy @1:1",
            "p Posts containing the below may be removed: @2:1",
            "li Off-topic comments or spam @3:1",
            "li Threats of any kind @4:1",
            "p The City reserves the right to delete posts. Repeat offenders may be banned. @5:1",
            "p Social media posts are monitored from 8 a.m. to 4:30 p.m. Monday to Friday. @6:1",
        ])
        #expect(content.title == "Social Media Policy")
    }

    @Test func numberedAndLetteredItemsAndTheirIndentedContinuations() {
        let content = parse("""
            We may remove comments that:

            1. threaten or harass anyone, or
               share someone's phone number;
            2) are spam;
            (a) break the law.
              b) are off topic
            """)
        #expect(blocks(content) == [
            "p We may remove comments that: @1:1",
            "li threaten or harass anyone, or share someone's phone number; @3:1",
            "li are spam; @5:1",
            "li break the law. @6:1",
            "li are off topic @7:3",
        ])
    }

    @Test func headingsAreMarkdownStyleUnderlinedOrShortTitleLines() {
        let content = parse("""
            Comment policy
            ==============

            ## What we remove {#remove .rules}
            Abuse and spam.

            Our active hours
            Our pages are monitored between 9am and 5pm.

            Contact us:
            Send us a message.
            """)
        let headings = content.sections.filter { $0.level > 0 }.map { "\($0.level) \($0.heading) #\($0.id) \($0.classes) @\($0.position.line)" }
        #expect(headings == [
            "1 Comment policy #comment-policy [] @1",
            "2 What we remove #remove [\"rules\"] @4",
            "2 Our active hours #our-active-hours [] @7",
            "2 Contact us: #contact-us [] @10",
        ])
        #expect(content.sections.first { $0.id == "remove" }?.hasExplicitID == true)
    }

    @Test func sentencesAndLongLinesAreNotHeadings() {
        let content = parse("""
            We check comments daily.
            Comments that break these rules will be hidden or deleted without notice
            Thanks
            """)
        #expect(content.sections.allSatisfy { $0.level == 0 })
        #expect(content.sections.first?.paragraphs.count == 3)
    }

    @Test func positionsCountFromTheLineTheBodyStartsOnAndSkipIndentation() {
        let content = parse("Intro line for the policy.\n\n   Indented paragraph text here.\n", firstLine: 4)
        #expect(blocks(content) == [
            "p Intro line for the policy. @4:1",
            "p Indented paragraph text here. @6:4",
        ])
    }

    @Test func aTxtPolicyReadsItsFrontMatterAndIsAPolicyOfThatKind() {
        var problems: [FileProblem] = []
        let policy = PolicyLoader.parse("---\nkind: moderation\nlegal: [disclaimer]\n---\nRules\nBe kind.\n\nDisclaimer\nWe are not liable.\n", file: "policies/social.txt", problems: &problems)
        #expect(problems.isEmpty)
        #expect(policy.kind == .moderation)
        #expect(policy.format == .text)
        #expect(policy.sections.first { $0.id == "disclaimer" }?.isLegal == true)
        #expect(policy.sections.first { $0.id == "rules" }?.position == TextPosition(line: 5, column: 1))
    }

    @Test func aLegalListNamingNoSectionIsAFrontMatterProblem() {
        var problems: [FileProblem] = []
        _ = PolicyLoader.parse("---\nkind: moderation\nlegal: [disclaimr]\n---\n# Rules\n\n## Disclaimer\nWe are not liable.\n", file: "policies/moderation.md", problems: &problems)
        #expect(problems.map(\.message) == ["legal: names 'disclaimr', but no heading has that id (did you mean 'disclaimer'?); use a section's id (its slug, or {#id})"])
        #expect(problems.first?.position == TextPosition(line: 3, column: 9))
    }
}
