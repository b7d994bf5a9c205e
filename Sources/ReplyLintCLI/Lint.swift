// `replylint lint`: check the library (or some of its files) and report the findings.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    package struct Lint: ParsableCommand {
        package init() {}

        package static let configuration = CommandConfiguration(
            commandName: "lint",
            _superCommandName: "replylint",
            abstract: "Check saved replies and policy documents.",
            discussion: """
                With no PATH, lints the library's replies/ and policies/ (or the folders named in replylint.yml). \
                Given files, as a pre-commit hook passes them, it reports only those files but still loads the \
                whole library for the rules that look across files.
                Exit status: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 the run could not be done.
                """)

        /// `--format`: the names of the registered report formats.
        struct Format: ExpressibleByArgument {
            var format: ReportFormat

            init?(argument: String) {
                guard let format = ReportFormat.named(argument) else { return nil }
                self.format = format
            }

            static var allValueStrings: [String] { ReportFormat.all.map(\.name) }
            var defaultValueDescription: String { format.name }
        }

        @Argument(help: ArgumentHelp("Files or folders to report on.", valueName: "PATH"))
        var paths: [String] = []

        @Option(help: ArgumentHelp("Report format: \(ReportFormat.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")).", valueName: "FORMAT"))
        var format = Format(argument: "text")!

        @Option(help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        @OptionGroup var library: LibraryOptions

        @Option(help: ArgumentHelp("Exit 1 when there are more than N warnings.", valueName: "N"))
        var maxWarnings: Int?

        @Flag(help: "Report errors only.")
        var quiet = false

        @Flag(help: "Also show, for each moderation policy, where it covers each topic (respond, leave-alone, remove, personal-information, hours, urgent, public-records), or what to add (text and json formats).")
        var explain = false

        @Option(help: ArgumentHelp("Leave out the findings this baseline file accepts.", valueName: "FILE"))
        var baseline: String?

        @Option(help: ArgumentHelp("Write every current finding to FILE as the baseline, and exit 0.", valueName: "FILE"))
        var writeBaseline: String?

        @Flag(help: "Apply the safe rewrites some findings carry (\"!!\" → \"!\", \"kindly\" → \"please\"), then report what is left.")
        var fix = false

        @Flag(help: "With --fix: print the changes as a diff instead of writing them.")
        var dryRun = false

        package func validate() throws {
            if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings takes a number of 0 or more") }
            if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
            if baseline != nil && writeBaseline != nil { throw ValidationError("use --baseline or --write-baseline, not both") }
        }

        package func run() throws {
            var loader = try library.loader()
            // With paths, only those files are reported (see LintScope).
            loader.checksOnlyNamedFiles = true
            try library.refuseOverwriting(output, as: "--output", loader: loader)
            try library.refuseOverwriting(writeBaseline, as: "--write-baseline", loader: loader)
            var run = LintRun(
                format: format.format,
                reportOptions: .init(color: output == nil && standardOutputWantsColor(), toolVersion: ReplyLintCommand.version))
            run.endsProcess = true
            run.onlyFiles = paths.isEmpty ? nil : try library.displayPaths(of: paths, loader: loader)
            run.fix = !fix ? .none : dryRun ? .preview : .apply
            run.quiet = quiet
            run.explain = explain
            run.maxWarnings = maxWarnings
            run.writeBaseline = writeBaseline
            if let baseline {
                guard let text = library.readText(baseline) else {
                    throw LoadError("\(baseline): baseline file not found; write one with --write-baseline \(baseline)")
                }
                run.baseline = try Baseline.parse(text, file: baseline)
            }

            let outcome = try run.run(
                load: {
                    let loaded = try library.load(loader, extraPaths: paths)
                    if loaded.fileCount == 0 {
                        // A hook or CI job run in the wrong folder must not pass silently.
                        let folders = (loader.configuration.replyPaths + loader.configuration.policyPaths).joined(separator: ", ")
                        throw LoadError("no replies or policies found (looked in \(folders) under \(loader.root)); run replylint from the library's folder or pass --config")
                    }
                    return loaded
                },
                write: library.write)
            for notice in outcome.notices { standardError("replylint: \(notice)") }
            if let report = outcome.report {
                if let output, run.fix != .preview {
                    try library.write(output, report)
                } else {
                    StandardOutput.write(report)
                }
            }
            if outcome.status == .failed { throw ExitCode(1) }
        }
    }
}
