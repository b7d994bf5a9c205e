// `replylint`: every command but `serve` and `mcp`, which it hands over to `replylint-server` (see
// ReplyLintCLI/ReplyLintCommand.swift for why there are two executables).

import ArgumentParser
import ReplyLintCLI

/// `replylint serve` and `replylint mcp` as `replylint --help` lists them; the arguments never reach
/// these, as the run is handed over before parsing.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: ReplyLintCommand.serveAbstract)
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []
    func run() throws { throw HandOver(reason: "replylint serve") }
}

struct MCP: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mcp", abstract: ReplyLintCommand.mcpAbstract)
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []
    func run() throws { throw HandOver(reason: "replylint mcp") }
}

struct Root: ParsableCommand {
    static let configuration = ReplyLintCommand.configuration(serve: Serve.self, mcp: MCP.self)
}

if let command = CommandLine.arguments.dropFirst().first, ReplyLintCommand.serverCommands.contains(command) {
    ReplyLintCommand.handOverToServer("replylint \(command)")
}
ReplyLintCommand.main(Root.self)
