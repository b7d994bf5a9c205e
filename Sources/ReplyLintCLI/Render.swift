// `replylint render`: one reply filled in for one customer and one channel, checked again as sent.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    package struct Render: ParsableCommand {
        package init() {}

        package static let configuration = CommandConfiguration(
            commandName: "render",
            _superCommandName: "replylint",
            abstract: "Render a saved reply for one customer and one channel.",
            discussion: """
                Prints the reply as it would be sent; in text format, its length and any findings go to \
                standard error so the text can be piped straight to the clipboard.
                Exit status: 0 rendered, 1 rendered but a check failed (e.g. too long), 2 not rendered \
                (unknown reply or channel, a missing value, a broken template).
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: ArgumentHelp("The reply's id (its path below replies/ without extension, or its `id:`).", valueName: "ID"))
        var id: String

        @Option(help: "The channel to render for; optional when the reply has exactly one.")
        var channel: String?

        @Option(name: .customLong("var"), help: ArgumentHelp("A placeholder value, e.g. --var customer.first_name=Ana (repeatable).", valueName: "NAME=VALUE"))
        var variables: [String] = []

        @Option(help: ArgumentHelp("A JSON object of values; nested objects and lists feed sections.", valueName: "FILE.json"))
        var vars: String?

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @OptionGroup var library: LibraryOptions

        package func validate() throws {
            for variable in variables where !variable.contains("=") || variable.hasPrefix("=") {
                throw ValidationError("--var takes NAME=VALUE, e.g. --var customer.first_name=Ana (got '\(variable)')")
            }
        }

        package func run() throws {
            var values = TemplateValue.object([:])
            if let vars {
                values = try Self.readValues(vars, base: library.workingDirectory)
            }
            for variable in variables {
                let name = String(variable.prefix { $0 != "=" })
                values.set(.string(String(variable.dropFirst(name.count + 1))), at: name)
            }
            let loaded = try library.loader().load(replyID: id)
            let rendered: RenderedReply
            do {
                rendered = try ReplyRenderer(library: loaded).render(id: id, channel: channel, values: values)
            } catch {
                var message = error.description
                if case .missingValues = error { message += "; pass each with --var NAME=VALUE or --vars FILE.json" }
                if case .channelRequired = error { message += " with --channel" }
                if format == .json {
                    // Agents asking for JSON get a JSON error too, as the HTTP API gives.
                    let body = JSONValue.object([("error", .string(message)), ("status", .int(error.httpStatus))])
                    StandardOutput.write(body.serialized(pretty: true) + "\n")
                }
                throw LoadError(message)
            }
            switch format {
            case .json:
                StandardOutput.write(RenderReporter.json(rendered).serialized(pretty: true) + "\n")
            case .text:
                StandardOutput.write(rendered.text + "\n")
                standardError(RenderReporter.summary(rendered))
            }
            if rendered.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        }

        static func readValues(_ path: String, base: String) throws -> TemplateValue {
            let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base, isDirectory: true))
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LoadError("\(path): cannot read the values file; check the --vars path")
            }
            let value: TemplateValue
            do {
                value = try TemplateValue.parseJSON(data)
            } catch {
                throw LoadError("\(path):\(error.line):\(error.column): not valid JSON: \(error.reason); --vars takes a JSON object such as {\"customer\": {\"first_name\": \"Ana\"}}")
            }
            guard case .object = value else {
                throw LoadError("\(path): --vars takes a JSON object such as {\"customer\": {\"first_name\": \"Ana\"}}")
            }
            return value
        }
    }
}
