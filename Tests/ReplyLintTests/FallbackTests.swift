// Placeholder fallbacks: what render prints when a value is missing or blank, and the usage CSV's quoting.

import Foundation
import ReplyLint
import Testing

@Suite struct FallbackTests {
    func renderer(_ placeholders: String, config: String? = nil) throws -> ReplyRenderer {
        let text = "---\nfaq: missed-collection\nchannels: [x-dm]\n\(placeholders)---\nHi {{customer.first_name}}, thanks for waiting."
        let reply = ReplyParser.parse(text, file: "replies/r.md", defaultID: "r", knownRules: RuleRegistry.ids, mediaExists: { _ in true })
        #expect(reply.problems.isEmpty)
        let configuration = try config.map { try Configuration.parse($0, file: "replylint.yml", rules: RuleRegistry.descriptions) } ?? Configuration()
        return ReplyRenderer(library: Library(configuration: configuration, replies: [reply], policies: [ExampleHarness.faq]))
    }

    func values(_ pairs: [String: String]) -> TemplateValue {
        var value = TemplateValue.object([:])
        for (name, text) in pairs { value.set(.string(text), at: name) }
        return value
    }

    @Test func aFallbackStandsInForAMissingEmptyOrBlankValue() throws {
        let renderer = try renderer("placeholders:\n  customer.first_name: {fallback: there}\n")
        for given in [[:], ["customer.first_name": ""], ["customer.first_name": "  "]] {
            #expect(try renderer.render(id: "r", channel: nil, values: values(given)).text == "Hi there, thanks for waiting.")
        }
        #expect(try renderer.render(id: "r", channel: nil, values: values(["customer.first_name": "Ana"])).text == "Hi Ana, thanks for waiting.")
    }

    @Test func aFallbackInConfigServesEveryReply() throws {
        let renderer = try renderer("", config: "placeholders:\n  customer.first_name: {fallback: neighbour}\n")
        #expect(try renderer.render(id: "r", channel: nil, values: values([:])).text == "Hi neighbour, thanks for waiting.")
    }

    @Test func anEmptyFallbackNeverPrintsAnEmptyGreeting() throws {
        let renderer = try renderer("placeholders:\n  customer.first_name: {fallback: \"\"}\n")
        #expect(throws: ReplyRenderError.missingValues(reply: "r", names: ["customer.first_name"])) {
            try renderer.render(id: "r", channel: nil, values: values([:]))
        }
    }

    @Test func anEmptyFallbackInConfigIsReportedAtItsLine() throws {
        let configuration = try Configuration.parse("placeholders:\n  customer.first_name: {fallback: \" \"}\n", file: "replylint.yml", rules: RuleRegistry.descriptions)
        let findings = Linter(rules: RuleRegistry.all).lint(Library(configuration: configuration, policies: [ExampleHarness.faq])).findings
        let finding = try #require(findings.first { $0.ruleID == "placeholder-fallback-empty" })
        #expect(finding.file == "replylint.yml")
        #expect(finding.range?.start.line == 2)
    }

    @Test func aUsageCSVWithALineBreakInAQuotedFieldCountsEveryRow() throws {
        // A helpdesk export: the title column holds a line break, which the old line-splitting reader
        // turned into two broken rows and a wrong count.
        let csv = "reply,title,count\nwaste/missed-bin,\"Missed bin,\nsecond line\",12\nparking/ticket,\"Say \"\"hi\"\"\",3\n"
        let usage = try UsageData.parseCSV(csv, source: "usage.csv")
        #expect(usage.counts == ["waste/missed-bin": 12, "parking/ticket": 3])
        #expect {
            try UsageData.parseCSV("reply,count\nx,\"4\n", source: "usage.csv")
        } throws: { error in
            (error as? ConfigurationError)?.description == "usage.csv:2:3: the usage CSV is not valid CSV: a quoted field is never closed"
        }
        #expect {
            try UsageData.parseCSV("reply,count\na,1\n\"b\nc\",x\n", source: "usage.csv")
        } throws: { error in
            // The bad count is on the row that starts on line 3.
            (error as? ConfigurationError)?.position?.line == 3
        }
    }
}
