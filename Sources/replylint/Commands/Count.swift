// `replylint count`: how long a text is on a channel, counted the way the platform counts.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure text on a channel (X weighted length, characters, bytes or SMS segments).",
            discussion: "Reads FILE, or standard input when FILE is - or left out. The text is measured as it is — no template is rendered — except for its final line break, which editors and echo add.")

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

        func run() throws {
            let configuration = try library.loadConfiguration()
            guard let channel = configuration.channels[channel] else {
                throw LoadError("unknown channel '\(self.channel)'\(Suggestion.hint(for: self.channel, in: configuration.channels.keys)); channels: \(configuration.channels.keys.sorted().joined(separator: ", "))")
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
            let length = LengthCounter.measure(text, on: channel)
            if format == .json {
                let value = JSONValue.object([
                    ("channel", .string(channel.id)),
                    ("length", JSONReporter.length(length)),
                ])
                print(value.serialized(pretty: true))
            } else {
                let limit = length.limit.map { " / \($0)" } ?? ""
                var line = "\(length.value)\(limit) \(length.unitName) on \(channel.id)"
                if channel.unit == .segments {
                    let (encoding, units) = SMSSegments.units(text)
                    line += " (\(encoding.rawValue), \(units) \(encoding == .gsm7 ? "septets" : "UTF-16 units"))"
                }
                print(line)
            }
            if let limit = length.limit, length.value > limit { throw ExitCode(1) }
        }
    }
}
