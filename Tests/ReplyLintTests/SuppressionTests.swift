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
}
