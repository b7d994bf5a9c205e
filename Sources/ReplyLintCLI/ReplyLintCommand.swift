// The commands both executables share, and how a run maps to an exit code.
//
// `replylint` (lint, render, count, list, rules, usage, init, import, export) links neither the HTTP
// server, the MCP SDK, PostgreSQL's client nor networking, so it starts like a native tool (issue 20:
// `--version` went from about 23 ms to about 2 ms). `serve`, `mcp` and a PostgreSQL usage log are
// handed over to `replylint-server`, built beside it, which has every command.

import ArgumentParser
import Foundation
import ReplyLint

package enum ReplyLintCommand {
    package static let version = "0.1.0"

    /// The root command's configuration; `serve` and `mcp` are the executable's own. Every command
    /// names itself (`commandName:`): otherwise ArgumentParser derives each name with
    /// `String(describing:)`, whose protocol-conformance lookups scanned the whole statically linked
    /// binary and took about a third of `replylint --version`.
    package static func configuration(serve: any ParsableCommand.Type, mcp: any ParsableCommand.Type) -> CommandConfiguration {
        CommandConfiguration(
            commandName: "replylint",
            abstract: "Lint and render saved replies and moderation policies for social customer care.",
            version: version,
            subcommands: [Lint.self, Init.self, List.self, Render.self, Count.self, Rules.self, Usage.self, serve, mcp, Import.self, Export.self],
            defaultSubcommand: Lint.self)
    }

    package static let serveAbstract = "Serve the library over HTTP: the API for agents and a web page at /."
    package static let mcpAbstract = "Serve the library to AI assistants as an MCP server over stdio."

    /// The commands that read the built-in words (English's are built meanwhile, see `Language.prepareInBackground`).
    static let wordReadingCommands: Set<String> = ["lint", "render"]

    /// The commands `replylint` hands over to `replylint-server` before parsing anything.
    package static let serverCommands: Set<String> = ["serve", "mcp"]

    /// Runs `Root` on the process's arguments and exits: 0 clean, 1 findings over the bar, 2 the run
    /// could not be done. Synchronous, for `replylint`: no command there is async, and not starting
    /// the concurrency runtime saves start-up.
    package static func main<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        Memory.growInLargeSteps()
        if let command = CommandLine.arguments.dropFirst().first, wordReadingCommands.contains(command) {
            Language.prepareInBackground()
        }
        do {
            var command = try parse(Root.self)
            try command.run()
            Foundation.exit(0)
        } catch {
            exit(Root.self, after: error)
        }
    }

    /// The command the arguments name, parsed. A run that names its command first (`replylint render …`) is
    /// parsed by that command alone when it takes the rest: parsing from the root also builds the root's
    /// and the default command's (`lint`'s) arguments by reflection, which cost 0.6 ms of a 12 ms `render`.
    /// Whatever that command alone does not take (`--help`, `--version`, a mistake) is parsed again from the
    /// root, so help, errors and their messages are the root's, as before. Each command names `replylint` as
    /// its super-command (`_superCommandName`), so that, parsed alone, it does not first try the arguments as a
    /// request for a completion script (two more commands built by reflection, 9–13 % of a render's wall time);
    /// such a request is the root's, reached by the fallback. Parsed from the root, only the root's name is read.
    static func parse<Root: ParsableCommand>(_ root: Root.Type) throws -> any ParsableCommand {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let name = arguments.first, let command = Root.configuration.subcommands.first(where: { $0._commandName == name }),
           let parsed = try? command.parseAsRoot(Array(arguments.dropFirst())), type(of: parsed) == command {
            // (Help comes back as ArgumentParser's own help command, not this one: the root gives it.)
            return parsed
        }
        return try Root.parseAsRoot()
    }

    /// The same for `replylint-server`, whose `serve` and `mcp` are async. (A name of its own: as an
    /// overload of `main`, the synchronous one was picked and ran `mcp` as ArgumentParser's default
    /// `run()`, which prints help.)
    package static func asyncMain<Root: ParsableCommand>(_ root: Root.Type) async -> Never {
        do {
            var command = try Root.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch {
            exit(Root.self, after: error)
        }
    }

    static func exit<Root: ParsableCommand>(_ root: Root.Type, after error: any Error) -> Never {
        switch error {
        case let exit as ExitCode:
            Foundation.exit(exit.rawValue)
        case let handOver as HandOver:
            handOverToServer(handOver.reason)
        case let error as LoadError:
            // `replylint lintt` or a command this version does not have: it was taken for a path to lint.
            if let path = error.missingPath, !path.contains("/"), !path.contains(".") {
                let commands = Root.configuration.subcommands.map { $0._commandName }
                fail("\(path): no such file, folder or command\(Suggestion.hint(for: path, in: commands)); the commands are \(commands.joined(separator: ", ")) (`replylint --help`)")
            }
            fail(error.message)
        case let error as ConfigurationError:
            fail(error.description)
        default:
            if Root.exitCode(for: error) == .success {
                print(Root.fullMessage(for: error))
                Foundation.exit(0)
            }
            // Argument mistakes: one clear line (plus ArgumentParser's usage hint), exit 2.
            standardError(Root.fullMessage(for: error))
            Foundation.exit(2)
        }
    }

    package static func fail(_ message: String) -> Never {
        standardError("replylint: \(message)")
        Foundation.exit(2)
    }

    /// Replaces this process with `replylint-server` beside this executable, with the same arguments.
    package static func handOverToServer(_ reason: String) -> Never {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let server = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("replylint-server").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            fail("\(reason) needs replylint-server, which is not beside replylint (\(server)); `swift build` builds both: install them together")
        }
        let arguments = [server] + CommandLine.arguments.dropFirst()
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        execv(server, pointers)
        fail("cannot start \(server) for \(reason): \(String(cString: strerror(errno)))")
    }
}

/// Thrown where `replylint` meets what only `replylint-server` links; the run starts again there.
package struct HandOver: Error {
    package let reason: String
    package init(reason: String) { self.reason = reason }
}

/// How usage logs are opened: nil in `replylint` (SQLite itself, PostgreSQL handed over);
/// `replylint-server` sets it, once, before any command runs.
package enum UsageLogBackend {
    package nonisolated(unsafe) static var open: (@Sendable (UsageLogLocation) -> (any UsageStore)?)?
}

/// Standard output, written from the text's own bytes: a report of 100,000 findings is tens of megabytes,
/// and `Data(text.utf8)` copied it whole at the run's peak.
package enum StandardOutput {
    /// Writes `text`, or says on standard error why it could not and exits 2 (a full disk must not leave a
    /// cut-off report and a passing exit status; `FileHandle.write` trapped with a stack trace). A reader that
    /// went away (`| head`) ends the run quietly.
    package static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written >= 0 {
                    offset += written
                    continue
                }
                switch errno {
                case EINTR:
                    continue
                case EAGAIN:
                    // Standard output left non-blocking by the parent: wait until it takes more.
                    var wait = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&wait, 1, -1)
                case EPIPE:
                    Foundation.exit(141)
                default:
                    standardError("replylint: cannot write to standard output (\(String(cString: strerror(errno)))); check where the output goes (a full disk, a closed file)")
                    Foundation.exit(2)
                }
            }
        }
    }
}

package func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Whether standard output is a colour terminal (and the user has not asked for no colour).
package func standardOutputWantsColor() -> Bool {
    let environment = ProcessInfo.processInfo.environment
    if environment["NO_COLOR"] != nil || environment["TERM"] == "dumb" { return false }
    return isatty(STDOUT_FILENO) != 0
}
