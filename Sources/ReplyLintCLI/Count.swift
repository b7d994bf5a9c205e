// `replylint count`: how long a text is on a channel, counted the way the platform counts.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    package struct Count: ParsableCommand {
        package init() {}

        package static let configuration = CommandConfiguration(
            commandName: "count",
            _superCommandName: "replylint",
            abstract: "Measure text on a channel (X weighted length, characters, bytes or SMS segments).",
            discussion: """
                Reads FILE, or standard input when FILE is - or left out. Text is measured as it is — no \
                template is rendered — except for its final line break, which editors and echo add. A reply \
                file (front matter between --- lines) is measured as lint measures it: the reply's worst case, \
                each placeholder at its declared max and each optional section present; the front matter is not \
                part of what is sent.
                """)

        @Option(help: "The channel to count for, e.g. x-reply or sms.")
        var channel: String

        @Argument(help: ArgumentHelp("The text file, or - for standard input.", valueName: "FILE"))
        var file: String = "-"

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(help: "Output format: text, or json ({\"channel\", \"length\": {\"value\", \"limit\", \"unit\"}}).")
        var format: Format = .text

        @OptionGroup var library: LibraryOptions

        package func run() throws {
            let configuration = try library.loadConfiguration()
            guard let channel = configuration.channels[channel] else {
                throw LoadError("unknown channel '\(self.channel)'\(Channel.hint(for: self.channel, in: configuration.channels.keys)); channels: \(configuration.channels.keys.sorted().joined(separator: ", "))")
            }
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else { throw LoadError("\(file): cannot read this file") }
                data = contents
            }
            guard var text = String(data: data, encoding: .utf8) else { throw LoadError("\(file == "-" ? "standard input" : file): not UTF-8 text") }
            // The line ending `echo` and editors add is not part of the message.
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            var worstCase: WorstCaseText?
            if Lines.split(text).first?.trimmingCharacters(in: .whitespaces) == "---" {
                worstCase = try Self.worstCase(ofReply: text, file: file == "-" ? "standard input" : file, on: channel, library: library)
                text = worstCase!.text
            }
            let length = LengthCounter.measure(text, on: channel)
            if format == .json {
                let value = JSONValue.object([
                    ("channel", .string(channel.id)),
                    ("length", JSONReporter.length(length)),
                    ("measured", .string(worstCase == nil ? "text" : "worst-case")),
                ])
                print(value.serialized(pretty: true))
            } else {
                let limit = length.limit.map { " / \($0)" } ?? ""
                var line = "\(length.value)\(limit) \(length.unitName) on \(channel.id)"
                if channel.unit == .segments {
                    let (encoding, units) = SMSSegments.units(text)
                    line += " (\(encoding.rawValue), \(units) \(encoding == .gsm7 ? "septets" : "UTF-16 units"))"
                }
                if let worstCase {
                    let drivers = worstCase.placeholders.filter { $0.name != "dm_link" && $0.name != "team.name" }.prefix(3)
                    line += " — the reply's worst case" + (drivers.isEmpty ? "" : " (" + drivers.map { "\($0.name) at \($0.max)" }.joined(separator: ", ") + ")")
                }
                print(line)
            }
            if let limit = length.limit, length.value > limit { throw ExitCode(1) }
        }

        /// A reply file's worst case on `channel`, as lint measures it, with the library's partials and config.
        static func worstCase(ofReply text: String, file: String, on channel: Channel, library options: LibraryOptions) throws -> WorstCaseText {
            let loader = try options.loader()
            let reply = ReplyParser.parse(Lines.normalizingEndings(text), file: file, defaultID: "reply", knownRules: RuleRegistry.ids, mediaExists: { _ in true })
            if let problem = reply.problems.first(where: { $0.kind == .syntax }) {
                throw LoadError("\(file):\(problem.position.line):\(problem.position.column): \(problem.message)")
            }
            if let problem = reply.template.problems.first {
                let at = reply.filePosition(ofBody: problem.start)
                throw LoadError("\(file):\(at.line):\(at.column): \(problem.message)")
            }
            return WorstCase.text(of: reply, channel: channel, library: loader.loadPartials())
        }
    }
}
