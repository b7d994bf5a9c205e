// The hand-labelled personal-data set: every reply, each rule's verdict compared with the label.

import Foundation
import ReplyLint
import Testing
import Yams

struct LabelledCase: Decodable, CustomTestStringConvertible, Sendable {
    var text: String
    var channel: String
    var expect: [String]
    var why: String?

    var testDescription: String { "[\(channel)] \(text.prefix(70))" }

    static let rules: Set = ["personal-data-public", "personal-data-never", "personal-data-literal", "dm-link-missing"]

    static var all: [LabelledCase] {
        let url = CLI.fixtures.appendingPathComponent("personal-data-labelled.yml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return (try? YAMLDecoder().decode([LabelledCase].self, from: text)) ?? []
    }

    /// The rules that fire on this reply, among the four the set labels.
    func actual() -> Set<String> {
        let file = "---\nfaq: missed-collection\nchannels: [\(channel)]\n---\n\(text)"
        let reply = ReplyParser.parse(file, file: "replies/case.md", defaultID: "case", knownRules: RuleRegistry.ids, mediaExists: { _ in true })
        var configuration = Configuration()
        configuration.accounts = ["x": "1", "facebook": "page", "instagram": "page"]
        let library = Library(configuration: configuration, replies: [reply], policies: [ExampleHarness.faq])
        let rules = RuleRegistry.all.filter { Self.rules.contains(type(of: $0).description.id) }
        return Set(Linter(rules: rules).lint(library).findings.map(\.ruleID))
    }
}

/// Cases the rules get wrong today, each with why; the test checks they still differ, so a fix
/// shows up as a failure that asks for the entry to be removed.
let knownLabelDisagreements: [String: String] = [:]

@Test func labelledSetIsLargeEnough() {
    let cases = LabelledCase.all
    #expect(cases.count >= 150)
    #expect(cases.filter { $0.expect.contains("personal-data-public") }.count >= 30)
    #expect(cases.filter { !$0.expect.contains("personal-data-public") && ["x-reply", "facebook-comment", "instagram-comment"].contains($0.channel) }.count >= 60)
}

@Test(arguments: LabelledCase.all)
func labelledPersonalData(_ labelled: LabelledCase) {
    let actual = labelled.actual()
    let expected = Set(labelled.expect)
    if let reason = knownLabelDisagreements[labelled.text] {
        #expect(actual != expected, "now agrees with the label; remove it from knownLabelDisagreements (\(reason))")
    } else {
        #expect(actual == expected, "\(labelled.why ?? "")")
    }
}
