// Every rule's own examples: triggering ones must be reported where `↓` points, the others not at all.

import Foundation
import ReplyLint
import Testing

struct RuleExampleCase: CustomTestStringConvertible, Sendable {
    var ruleID: String
    var example: Example
    var triggers: Bool

    var testDescription: String { "\(ruleID) \(triggers ? "reports" : "accepts") \(example.text.prefix(50).debugDescription)" }

    static var all: [RuleExampleCase] {
        RuleRegistry.descriptions.flatMap { rule in
            rule.triggering.map { RuleExampleCase(ruleID: rule.id, example: $0, triggers: true) }
                + rule.nonTriggering.map { RuleExampleCase(ruleID: rule.id, example: $0, triggers: false) }
        }
    }
}

@Test(arguments: RuleExampleCase.all)
func ruleExample(_ testCase: RuleExampleCase) {
    let example = testCase.example
    let location = SourceLocation(fileID: "ReplyLint/\(example.file.split(separator: "/").last ?? "")", filePath: example.file, line: Int(example.line), column: 1)
    let findings = ExampleHarness.findings(of: testCase.ruleID, for: example)
    if testCase.triggers {
        #expect(!findings.isEmpty, "expected \(testCase.ruleID) to report this example", sourceLocation: location)
        let markers: [TextPosition]
        if case .replies(let texts, _) = example.subject {
            markers = texts.flatMap(ExampleHarness.markers(in:))
        } else {
            markers = ExampleHarness.markers(in: ExampleHarness.fileText(of: example))
        }
        if !markers.isEmpty {
            let starts = findings.compactMap { $0.range?.start }
            #expect(Set(starts) == Set(markers), "findings at \(starts), markers at \(markers): \(findings.map(\.message))", sourceLocation: location)
        }
    } else {
        #expect(findings.isEmpty, "expected no \(testCase.ruleID) finding, got \(findings.map(\.message))", sourceLocation: location)
    }
}

@Suite struct RuleRegistryTests {
    @Test func idsAreUniqueKebabCase() {
        let ids = RuleRegistry.descriptions.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }, "\(id) is not kebab-case")
        }
    }

    @Test func everyRuleHasExamplesBothWaysAndARationale() {
        for rule in RuleRegistry.descriptions {
            // file-unreadable and file-ignored cannot be shown as text: a file that is not text, or not a
            // reply, is their only trigger (LintCommandTests and FirstWeekTests show them).
            if !["file-unreadable", "file-ignored"].contains(rule.id) {
                #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
            }
            #expect(!rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
            #expect(!rule.rationale.isEmpty && !rule.summary.isEmpty, "\(rule.id) has no rationale")
        }
    }

    @Test func rulesThatCheckRenderedTextHaveRenderedExamplesBothWays() {
        for rule in RuleRegistry.descriptions {
            func isRendered(_ example: Example) -> Bool {
                if case .rendered = example.subject { return true }
                return false
            }
            let rendered = (rule.triggering.filter(isRendered).count, rule.nonTriggering.filter(isRendered).count)
            if rule.checksRenderedText {
                #expect(rendered.0 > 0 && rendered.1 > 0, "\(rule.id) checks rendered text but has no rendered example both ways")
            } else {
                #expect(rendered == (0, 0), "\(rule.id) has rendered examples but does not say it checks rendered text")
            }
        }
    }

    /// A rule written but not registered never runs: every `…Rule` type in Sources/ReplyLint/Rules is in the registry.
    @Test func everyRuleTypeIsRegistered() throws {
        let rulesFolder = CLI.packageRoot.appendingPathComponent("Sources/ReplyLint/Rules")
        var declared = Set<String>()
        let files = FileManager.default.enumerator(atPath: rulesFolder.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: rulesFolder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("public struct ") && line.contains(": Rule") {
                declared.insert(String(line.dropFirst("public struct ".count).prefix { $0 != ":" }))
            }
        }
        let registered = Set(RuleRegistry.all.map { String(describing: type(of: $0)) })
        #expect(declared.count >= 31)
        #expect(declared == registered, "declared but not registered: \(declared.subtracting(registered).sorted())")
    }

    @Test func everyProductRuleIDIsRegisteredOrPlanned() {
        // The rules of the foundation issue; later issues add theirs.
        let foundation: Set = [
            "front-matter", "channel-unknown", "faq-missing", "faq-unknown", "policy-section-missing",
            "media-missing", "media-alt-text",
        ]
        #expect(foundation.isSubset(of: RuleRegistry.ids))
    }
}
