// `replylint lint`: check the library (or some of its files) and report the findings.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check saved replies and policy documents.",
            discussion: """
                With no PATH, lints the library's replies/ and policies/ (or the folders named in replylint.yml). \
                Given files, as a pre-commit hook passes them, it reports only those files but still loads the \
                whole library for the rules that look across files.
                Exit status: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 the run could not be done.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, sarif, junit, github, html
        }

        @Argument(help: ArgumentHelp("Files or folders to report on.", valueName: "PATH"))
        var paths: [String] = []

        @Option(help: "Report format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: Format = .text

        @Option(help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        @OptionGroup var library: LibraryOptions

        @Option(help: ArgumentHelp("Exit 1 when there are more than N warnings.", valueName: "N"))
        var maxWarnings: Int?

        @Flag(help: "Report errors only.")
        var quiet = false

        @Option(help: ArgumentHelp("Leave out the findings this baseline file accepts.", valueName: "FILE"))
        var baseline: String?

        @Option(help: ArgumentHelp("Write every current finding to FILE as the baseline, and exit 0.", valueName: "FILE"))
        var writeBaseline: String?

        @Flag(help: "Apply the safe rewrites some findings carry (\"!!\" → \"!\", \"kindly\" → \"please\"), then report what is left.")
        var fix = false

        @Flag(help: "With --fix: print the changes as a diff instead of writing them.")
        var dryRun = false

        func validate() throws {
            if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings takes a number of 0 or more") }
            if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
            if baseline != nil && writeBaseline != nil { throw ValidationError("use --baseline or --write-baseline, not both") }
        }

        func run() throws {
            let loader = try library.loader()
            let onlyFiles = paths.isEmpty ? nil : try loader.displayPaths(of: paths)
            var loaded = try loader.load(extraPaths: paths)
            if loaded.fileCount == 0 {
                // A hook or CI job run in the wrong folder must not pass silently.
                let folders = (loader.configuration.replyPaths + loader.configuration.policyPaths).joined(separator: ", ")
                throw LoadError("no replies or policies found (looked in \(folders) under \(loader.root)); run replylint from the library's folder or pass --config")
            }
            var result = Linter().lint(loaded, onlyFiles: onlyFiles)

            if fix {
                let changed = Fixer.apply(result.findings, sources: result.sources)
                if dryRun {
                    let diff = changed.keys.sorted().map { Fixer.diff(file: $0, old: result.sources[$0] ?? "", new: changed[$0]!) }.joined()
                    FileHandle.standardOutput.write(Data(diff.utf8))
                    let left = result.findings.filter { $0.fix == nil || changed[$0.file] == nil }
                    standardError("replylint: \(changed.isEmpty ? "nothing to fix" : "would fix \(changed.count) file\(changed.count == 1 ? "" : "s")"); \(left.filter { $0.severity == .error }.count) error(s) need a person")
                    if left.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
                    return
                }
                for (file, text) in changed {
                    do {
                        try Data(text.utf8).write(to: URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: library.workingDirectory, isDirectory: true)))
                    } catch {
                        throw LoadError("\(file): cannot write the fixed file (\(error.localizedDescription))")
                    }
                }
                if !changed.isEmpty {
                    standardError("replylint: fixed \(changed.count) file\(changed.count == 1 ? "" : "s")")
                    loaded = try loader.load(extraPaths: paths)
                    result = Linter().lint(loaded, onlyFiles: onlyFiles)
                }
            }

            if let writeBaseline {
                try write(Baseline.file(for: result), to: writeBaseline)
                standardError("replylint: wrote \(result.findings.count) finding\(result.findings.count == 1 ? "" : "s") to \(writeBaseline); lint with --baseline \(writeBaseline) to fail only on new ones")
                return
            }
            if let baseline {
                let path = URL(fileURLWithPath: baseline, relativeTo: URL(fileURLWithPath: library.workingDirectory, isDirectory: true)).path
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw LoadError("\(baseline): baseline file not found; write one with --write-baseline \(baseline)")
                }
                _ = try Baseline.parse(text, file: baseline).apply(to: &result)
            }

            let warnings = result.warningCount
            if quiet { result.findings.removeAll { $0.severity != .error } }

            let report: String
            switch format {
            case .text:
                report = TextReporter.report(result, options: .init(color: output == nil && standardOutputWantsColor()))
            case .json:
                report = JSONReporter.report(result)
            case .sarif:
                report = SARIFReporter.report(result, rules: RuleRegistry.descriptions, version: ReplyLintCommand.configuration.version)
            case .junit:
                report = JUnitReporter.report(result)
            case .github:
                report = GitHubReporter.report(result)
            case .html:
                report = HTMLReporter.report(result)
            }
            if let output {
                try write(report, to: output)
            } else {
                FileHandle.standardOutput.write(Data(report.utf8))
            }

            if result.errorCount > 0 { throw ExitCode(1) }
            if let maxWarnings, warnings > maxWarnings {
                let hidden = quiet ? " (not shown: --quiet)" : ""
                standardError("replylint: \(warnings) warning\(warnings == 1 ? "" : "s")\(hidden), more than --max-warnings \(maxWarnings)")
                throw ExitCode(1)
            }
        }

        func write(_ text: String, to path: String) throws {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: library.workingDirectory, isDirectory: true)))
            } catch {
                throw LoadError("\(path): cannot write (\(error.localizedDescription)); check the folder exists and is writable")
            }
        }
    }
}
