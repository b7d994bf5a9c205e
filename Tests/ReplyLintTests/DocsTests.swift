// The rule reference in docs/ is generated from the rules themselves; this keeps it current.

import Foundation
import ReplyLint
import Testing

@Test func rulesReferenceIsCurrent() throws {
    let path = CLI.packageRoot.appendingPathComponent("docs/rules.md")
    let written = try String(contentsOf: path, encoding: .utf8)
    #expect(written == RulesReporter.markdown(RuleRegistry.descriptions), "regenerate with: swift run replylint rules --format markdown > docs/rules.md")
}
