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
            case text, json
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

        func validate() throws {
            if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings takes a number of 0 or more") }
        }

        func run() throws {
            let loader = try library.loader()
            let onlyFiles = paths.isEmpty ? nil : try loader.displayPaths(of: paths)
            let loaded = try loader.load(extraPaths: paths)
            var result = Linter().lint(loaded, onlyFiles: onlyFiles)
            let warnings = result.warningCount
            if quiet { result.findings.removeAll { $0.severity != .error } }

            let report: String
            switch format {
            case .text:
                report = TextReporter.report(result, options: .init(color: output == nil && standardOutputWantsColor()))
            case .json:
                report = JSONReporter.report(result)
            }
            if let output {
                do {
                    try Data(report.utf8).write(to: URL(fileURLWithPath: output))
                } catch {
                    throw LoadError("\(output): cannot write the report (\(error.localizedDescription)); check the folder exists and is writable")
                }
            } else {
                FileHandle.standardOutput.write(Data(report.utf8))
            }

            if result.errorCount > 0 { throw ExitCode(1) }
            if let maxWarnings, warnings > maxWarnings {
                standardError("replylint: \(warnings) warnings, more than --max-warnings \(maxWarnings)")
                throw ExitCode(1)
            }
        }
    }
}
