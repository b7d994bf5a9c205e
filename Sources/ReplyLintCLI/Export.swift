// `replylint export`: the library's replies in a helpdesk's import shape (Zendesk macros, Help Scout saved replies, …).

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    package struct Export: ParsableCommand {
        package init() {}

        package static let configuration = CommandConfiguration(
            commandName: "export",
            _superCommandName: "replylint",
            abstract: "Write the library's replies for Zendesk, Help Scout, GitHub, or as JSON, CSV or Markdown.",
            discussion: """
                Placeholders are written in the tool's own dialect, fallbacks included. What the tool cannot \
                hold (channels in Help Scout, template comments, …) is listed on standard error. `replylint \
                import FORMAT` of the file gives the same replies back. See docs/import.md.
                """)

        @Argument(help: ArgumentHelp("zendesk, helpscout, github, json, csv or markdown.", valueName: "FORMAT"))
        var format: InterchangeFormat

        @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        @Argument(help: ArgumentHelp("Reply files or folders to export (default: every reply).", valueName: "PATH"))
        var paths: [String] = []

        @OptionGroup var library: LibraryOptions

        package func run() throws {
            guard InterchangeFormat.exportable.contains(format) else {
                throw LoadError("export writes \(InterchangeFormat.exportable.map(\.rawValue).joined(separator: ", ")); \(format.rawValue) is import only (its API has no import for saved replies that this project could check against)")
            }
            let loader = try library.loader()
            try library.refuseOverwriting(output, as: "--output", loader: loader)
            let loaded = try loader.load(extraPaths: paths)
            let files = paths.isEmpty ? nil : try loader.displayPaths(of: paths)
            let (replies, skipped) = Interchange.replies(of: loaded, files: files)
            guard let result = Interchange.encode(replies, as: format, partials: loaded.partials.mapValues(\.text)) else { return }
            if let output {
                let path = output.hasPrefix("/") ? output : (library.workingDirectory as NSString).appendingPathComponent(output)
                do {
                    try Data(result.text.utf8).write(to: URL(fileURLWithPath: path))
                } catch {
                    throw LoadError("\(output): cannot write this file (\(error.localizedDescription))")
                }
            } else {
                StandardOutput.write(result.text)
            }
            let notes = skipped + result.notes
            var report = "exported \(replies.count) \(replies.count == 1 ? "reply" : "replies") as \(format.displayName)" + (output.map { " to \($0)" } ?? "")
            if !notes.isEmpty {
                report += "\nnot expressible in \(format.displayName) (\(notes.count)):\n" + notes.map { "  \($0)" }.joined(separator: "\n")
            }
            standardError(report)
        }
    }
}
