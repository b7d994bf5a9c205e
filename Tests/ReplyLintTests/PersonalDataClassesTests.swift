// personal-data-public on the classes of misses and false reports of issue 16, both ways, from
// Fixtures/personal-data-classes.yml.

import Foundation
import ReplyLint
import Testing
import Yams

struct PersonalDataClassCase: CustomTestStringConvertible, Sendable {
    var className: String
    var text: String
    var reported: Bool

    var testDescription: String { "\(reported ? "reports" : "accepts") \(text.prefix(60).debugDescription)" }

    private struct Group: Decodable {
        struct Case: Decodable {
            var `public`: Bool
            var text: String
        }
        var `class`: String
        var cases: [Case]
    }

    static var all: [PersonalDataClassCase] {
        let url = CLI.fixtures.appendingPathComponent("personal-data-classes.yml")
        guard let text = try? String(contentsOf: url, encoding: .utf8), let groups = try? YAMLDecoder().decode([Group].self, from: text) else { return [] }
        return groups.flatMap { group in group.cases.map { PersonalDataClassCase(className: group.class, text: $0.text, reported: $0.public) } }
    }

    /// Whether personal-data-public reports the text as a public X reply.
    func isReported() -> Bool {
        let file = "---\nfaq: missed-collection\nchannels: [x-reply]\n---\n\(text)"
        let reply = ReplyParser.parse(file, file: "replies/case.md", defaultID: "case", knownRules: RuleRegistry.ids, mediaExists: { _ in true })
        let library = Library(configuration: Configuration(), replies: [reply], policies: [ExampleHarness.faq])
        let rules = RuleRegistry.all.filter { type(of: $0).description.id == "personal-data-public" }
        return !Linter(rules: rules).lint(library).findings.isEmpty
    }
}

@Test func classFixtureCoversEveryClassBothWays() {
    let cases = PersonalDataClassCase.all
    #expect(cases.count >= 80)
    #expect(Set(cases.map(\.className)).count >= 10)
    #expect(cases.filter(\.reported).count >= 30 && cases.filter { !$0.reported }.count >= 30)
}

@Test(arguments: PersonalDataClassCase.all)
func personalDataClass(_ testCase: PersonalDataClassCase) {
    #expect(testCase.isReported() == testCase.reported, "\(testCase.className)")
}
