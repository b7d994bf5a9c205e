// `replylint rules`: every rule with its severity, rationale, options and examples.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules with their descriptions, options and examples.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, markdown
        }

        @Option(help: "Output format: text, json, or markdown (the docs/rules.md page).")
        var format: Format = .text

        @Argument(help: ArgumentHelp("Only these rule ids.", valueName: "RULE"))
        var ids: [String] = []

        func run() throws {
            var rules = RuleRegistry.descriptions
            if !ids.isEmpty {
                let known = Set(rules.map(\.id))
                for id in ids where !known.contains(id) {
                    throw ValidationError("unknown rule '\(id)'\(Suggestion.hint(for: id, in: known))")
                }
                rules = rules.filter { ids.contains($0.id) }
            }
            let text = switch format {
            case .text: RulesReporter.text(rules)
            case .json: RulesReporter.json(rules)
            case .markdown: RulesReporter.markdown(rules)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
