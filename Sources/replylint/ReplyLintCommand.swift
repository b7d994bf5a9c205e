// The `replylint` executable: parses arguments, runs one subcommand, maps the outcome to an exit code.

import ArgumentParser
import Foundation
import ReplyLint
import ReplyLintServer

@main
struct ReplyLintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replylint",
        abstract: "Lint and render saved replies and moderation policies for social customer care.",
        version: "0.1.0",
        subcommands: [Lint.self, Init.self, List.self, Render.self, Count.self, Rules.self, Usage.self, Serve.self, MCP.self, Import.self, Export.self],
        defaultSubcommand: Lint.self)

    /// Exit codes: 0 clean, 1 findings over the bar, 2 the run could not be done.
    static func main() async {
        // Still on the main thread, before any task: the server's requests then stay on NIO's threads.
        if CommandLine.arguments.dropFirst().first == "serve" { runTasksOnEventLoops() }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error as LoadError {
            // `replylint lintt` or a command this version does not have: it was taken for a path to lint.
            if let path = error.missingPath, !path.contains("/"), !path.contains(".") {
                let commands = configuration.subcommands.map { $0._commandName }
                fail("\(path): no such file, folder or command\(Suggestion.hint(for: path, in: commands)); the commands are \(commands.joined(separator: ", ")) (`replylint --help`)")
            }
            fail(error.message)
        } catch let error as ConfigurationError {
            fail(error.description)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Argument mistakes: one clear line (plus ArgumentParser's usage hint), exit 2.
            standardError(fullMessage(for: error))
            Foundation.exit(2)
        }
    }

    static func fail(_ message: String) -> Never {
        standardError("replylint: \(message)")
        Foundation.exit(2)
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Whether standard output is a colour terminal (and the user has not asked for no colour).
func standardOutputWantsColor() -> Bool {
    let environment = ProcessInfo.processInfo.environment
    if environment["NO_COLOR"] != nil || environment["TERM"] == "dumb" { return false }
    return isatty(STDOUT_FILENO) != 0
}
