// Each reporter against a golden file, plus what the formats' consumers require
// (SARIF's schema and GitHub's fields, JUnit's structure, workflow-command escaping).

import Foundation
import ReplyLint
import Testing

enum Golden {
    static let folder = CLI.fixtures.appendingPathComponent("golden")

    /// Compares `text` with the golden file; `REPLYLINT_UPDATE_GOLDEN=1 swift test` rewrites them.
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REPLYLINT_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "differs from \(name); rerun with REPLYLINT_UPDATE_GOLDEN=1 if the change is intended", sourceLocation: sourceLocation)
    }

    /// A small result with every severity, a multi-channel reply, a policy and text that needs escaping.
    static let result: LintResult = {
        let sources = [
            "replies/orders/late.md": "---\nfaq: late-order\nchannels: [x-reply, x-dm]\n---\nHi, what's your order number?? <b>&</b>\n",
            "replies/waste/missed.md": "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, kindly wait.\n",
            "policies/moderation.md": "# Comment policy\n\n## What we remove\nAbuse.\n",
            "replies/clean.md": "---\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}.\n",
        ]
        func at(_ line: Int, _ column: Int, _ endColumn: Int) -> TextRange {
            TextRange(start: TextPosition(line: line, column: column), end: TextPosition(line: line, column: endColumn))
        }
        var findings = [
            Finding(ruleID: "personal-data-public", severity: .error, message: "asks for an order number in a public reply; ask for it in a Direct Message ({{dm_link}}) instead",
                    file: "replies/orders/late.md", range: at(5, 18, 30), replyID: "orders/late", channel: "x-reply"),
            Finding(ruleID: "tone-exclamation", severity: .warning, message: "2 question marks, \"quoted\", 100% and a comma, here",
                    file: "replies/orders/late.md", range: at(5, 31, 32), replyID: "orders/late"),
            Finding(ruleID: "tone-impersonal", severity: .info, message: "no greeting with the customer's name; start with e.g. \"Hi {{customer.first_name}},\"",
                    file: "replies/orders/late.md", range: at(5, 1, 1), replyID: "orders/late"),
            Finding(ruleID: "tone-cliche", severity: .warning, message: "\"kindly\" is a stock phrase; try \"please\"",
                    file: "replies/waste/missed.md", range: at(5, 29, 35), replyID: "waste/missed"),
            Finding(ruleID: "policy-section-missing", severity: .error, message: "the moderation policy has no section on when the accounts are monitored",
                    file: "policies/moderation.md", range: at(1, 1, 1)),
        ]
        // A rewrite --fix applies, and one only offered to a person.
        findings[3].fix = Fix(range: at(5, 29, 35), replacement: "please")
        findings[1].suggestion = Fix(range: at(5, 31, 32), replacement: "")
        findings.sort()
        return LintResult(findings: findings, fileCount: 4, replyCount: 3, policyCount: 1, sources: sources)
    }()
}

@Suite struct ReporterTests {
    let rules = RuleRegistry.descriptions

    @Test func textReport() throws { try Golden.check(TextReporter.report(Golden.result), "report.txt") }
    @Test func jsonReport() throws { try Golden.check(JSONReporter.report(Golden.result), "report.json") }
    @Test func sarifReport() throws { try Golden.check(SARIFReporter.report(Golden.result, rules: rules, version: "0.1.0"), "report.sarif") }
    @Test func junitReport() throws { try Golden.check(JUnitReporter.report(Golden.result), "report.junit.xml") }
    @Test func githubReport() throws { try Golden.check(GitHubReporter.report(Golden.result), "report.github.txt") }

    /// A large report's findings are written in parallel batches: the text must be what writing the whole value gives,
    /// compact and indented, across a batch's edge and with text that needs escaping.
    @Test func aLargeStreamedReportIsTheWholeValueWritten() {
        for count in [0, 1, 511, 512, 4095, 4096, 4097, 9000] {
            let item: @Sendable (Int) -> JSONValue = { index in
                .object([("rule", .string("r\(index % 7)")), ("message", .string(index % 5 == 0 ? "say \"hi\"\n\u{2028}" : "plain")),
                         ("line", .int(index)), ("tags", .array(index % 3 == 0 ? [] : [.bool(true), .null]))])
            }
            let pairs: [(String, JSONValue)] = [("version", .int(1)), ("diagnostics", .null), ("after", .string("end"))]
            let whole: [(String, JSONValue)] = [("version", .int(1)), ("diagnostics", .array((0..<count).map(item))), ("after", .string("end"))]
            for pretty in [false, true] {
                let streamed = JSONValue.serializedObject(pairs, streaming: "diagnostics", as: JSONValue.Streamed(count: count, item: item),
                                                          pretty: pretty, suffix: "\n")
                // Byte for byte: String's == would take canonically equivalent text as equal.
                #expect(Array(streamed.utf8) == Array((JSONValue.object(whole).serialized(pretty: pretty) + "\n").utf8), "count \(count), pretty \(pretty)")
            }
        }
        // Indentation below the depths made once is still two spaces a level (both writers share it, so spelled out here).
        var nested: JSONValue = .int(1)
        for _ in 0..<18 { nested = .array([nested]) }
        let expected = (0..<18).map { "\n" + String(repeating: "  ", count: $0) }.joined(separator: "[") + "[" + "\n" + String(repeating: "  ", count: 18) + "1"
            + (0..<18).reversed().map { "\n" + String(repeating: "  ", count: $0) + "]" }.joined()
        #expect(nested.serialized(pretty: true) == String(expected.dropFirst()))
    }

    @Test func sarifHasWhatGitHubCodeScanningNeeds() throws {
        let data = Data(SARIFReporter.report(Golden.result, rules: rules, version: "0.1.0").utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let sarifRules = try #require(driver["rules"] as? [[String: Any]])
        // Every rule that can fire is described, with help text.
        #expect(Set(sarifRules.compactMap { $0["id"] as? String }) == RuleRegistry.ids)
        for rule in sarifRules {
            let help = try #require(rule["help"] as? [String: Any])
            #expect((help["text"] as? String)?.isEmpty == false)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] != nil)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == Golden.result.findings.count)
        for result in results {
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(!fingerprints.isEmpty)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Int])
            #expect(region["startLine"] != nil && region["endLine"] != nil && region["startColumn"] != nil && region["endColumn"] != nil)
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(sarifRules[ruleIndex]["id"] as? String == result["ruleId"] as? String)
        }
    }

    /// The schema check runs Python's jsonschema (which `.ci/run` installs when missing).
    @Test(.enabled(if: Python.hasJSONSchema)) func sarifValidatesAgainstTheSchema() throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-\(UUID().uuidString).sarif")
        defer { try? FileManager.default.removeItem(at: report) }
        try Data(SARIFReporter.report(Golden.result, rules: rules, version: "0.1.0").utf8).write(to: report)
        let schema = CLI.fixtures.appendingPathComponent("conformance/sarif/sarif-schema-2.1.0.json")
        let script = "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('valid')"
        let result = try Python.run(["-c", script, report.path, schema.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "valid\n")
    }

    @Test func junitHasOneTestCasePerFile() throws {
        let xml = JUnitReporter.report(Golden.result)
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 4)
        #expect(xml.contains("<testsuites name=\"replylint\" tests=\"4\" failures=\"3\" errors=\"0\">"))
        #expect(xml.contains("&lt;b&gt;") == false)  // source lines are not in the report, messages are escaped
        #expect(xml.contains("replies/orders/late.md:5:18 error [x-reply] asks for an order number"))
    }

    @Test func githubEscapesPropertiesAndData() {
        let output = GitHubReporter.report(Golden.result)
        #expect(output.contains("::error file=replies/orders/late.md,line=5,col=18,endLine=5,endColumn=30,title=personal-data-public::asks for an order number"))
        #expect(output.contains("::warning file=replies/orders/late.md,line=5,col=31,endLine=5,endColumn=32,title=tone-exclamation::2 question marks, \"quoted\", 100%25 and a comma, here"))
        #expect(output.contains("::notice file="))
    }
}

enum Python {
    static let hasJSONSchema: Bool = (try? run(["-c", "import jsonschema"]))?.status == 0

    static func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(executable: "/usr/bin/env", ["python3"] + arguments)
    }
}
