// Switching rules off for one reply: front matter `disable:`, and comments in the body.

import ReplyLint
import Testing

@Suite struct SuppressionTests {
    func findings(_ text: String) -> [String] {
        let reply = ReplyParser.parse(text, file: "replies/a.md", defaultID: "a", knownRules: RuleRegistry.ids, mediaExists: { _ in false })
        let library = Library(replies: [reply], policies: [ExampleHarness.faq])
        return Linter().lint(library).findings.map(\.ruleID)
    }

    @Test func frontMatterDisable() {
        #expect(findings("---\nfaq: missed-collection\nchannels: [x-reply]\nmedia: [{path: a.png, alt: A map of the bins}]\n---\nHi {{customer.first_name}}.") == ["media-missing"])
        #expect(findings("---\nfaq: missed-collection\nchannels: [x-reply]\nmedia: [{path: a.png, alt: A map of the bins}]\ndisable: [media-missing]\n---\nHi {{customer.first_name}}.").isEmpty)
    }

    @Test func commentAtTheTopCoversTheWholeReply() {
        let text = "---\nfaq: missed-collection\nchannels: [x-replly]\n---\n{{! replylint-disable channel-unknown }}\nHi {{customer.first_name}}."
        #expect(findings(text).isEmpty)
        // A comment further down does not reach back into the front matter.
        let later = "---\nfaq: missed-collection\nchannels: [x-replly]\n---\nHi {{customer.first_name}}.\n{{! replylint-disable channel-unknown }}"
        #expect(findings(later) == ["channel-unknown"])
        // Naming another rule switches nothing off.
        #expect(findings("---\nfaq: missed-collection\nchannels: [x-replly]\n---\n{{! replylint-disable faq-unknown }}\nHi {{customer.first_name}}.") == ["channel-unknown"])
    }

    /// Findings of the checks across the library (a reply that repeats another) honour the reply's own switches too.
    @Test func libraryWideFindingsHonourTheReplysSwitches() {
        let body = "Hi {{customer.first_name}}, sorry the bin was missed. We have booked a return visit for tomorrow morning."
        func lint(_ fronts: [String], _ comments: [String] = ["", ""]) -> [String] {
            let replies = zip(["a", "b"], zip(fronts, comments)).map { name, parts in
                ReplyParser.parse("---\nfaq: missed-collection\nchannels: [x-reply]\n\(parts.0)---\n\(parts.1)\(body)", file: "replies/\(name).md",
                                  defaultID: name, knownRules: RuleRegistry.ids, mediaExists: { _ in false })
            }
            return Linter().lint(Library(replies: replies, policies: [ExampleHarness.faq])).findings
                .filter { $0.ruleID == "reply-duplicate" }.map(\.file)
        }
        // The later of the two is the one reported.
        let both = lint(["", ""])
        #expect(!both.isEmpty && both.allSatisfy { $0 == "replies/b.md" })
        #expect(lint(["", "disable: [reply-duplicate]\n"]).isEmpty)
        #expect(lint(["", ""], ["", "{{! replylint-disable reply-duplicate }}\n"]).isEmpty)
        // The other reply's switch leaves the findings, and so does a switch for another rule.
        #expect(lint(["disable: [reply-duplicate]\n", ""]) == both)
        #expect(lint(["", "disable: [tone-cliche]\n"]) == both)
    }
}
