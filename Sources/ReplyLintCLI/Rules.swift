// `replylint rules`: every rule with its severity, rationale, options and examples.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    package struct Rules: ParsableCommand {
        package init() {}

        package static let configuration = CommandConfiguration(
            commandName: "rules",
            _superCommandName: "replylint",
            abstract: "List the rules with their descriptions, options and examples.",
            discussion: "RULE may be a rule id, the start of one (tone, personal-data) or a category (privacy, length, tone, faq, template, media, policy, library).")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, markdown
        }

        @Option(help: "Output format: text, json, or markdown (the docs/rules.md page).")
        var format: Format = .text

        @Argument(help: ArgumentHelp("Only these rules: ids, prefixes of ids, or categories.", valueName: "RULE"))
        var ids: [String] = []

        package func run() throws {
            let all = RuleRegistry.descriptions
            var rules = all
            if !ids.isEmpty {
                rules = []
                for query in ids {
                    let matches = all.filter { $0.id == query || $0.id.hasPrefix(query) || $0.category.rawValue == query }
                    if matches.isEmpty {
                        let names = all.map(\.id) + RuleCategory.allCases.map(\.rawValue)
                        throw LoadError("no rule or category '\(query)'\(Suggestion.hint(for: query, in: names)); `replylint rules` lists them")
                    }
                    rules += matches.filter { match in !rules.contains { $0.id == match.id } }
                }
            }
            let text = switch format {
            case .text: RulesReporter.table(rules) + "\n" + RulesReporter.text(rules)
            case .json: RulesReporter.json(rules)
            case .markdown: RulesReporter.markdown(rules)
            }
            StandardOutput.write(text)
        }
    }
}
