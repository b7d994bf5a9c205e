// `replylint-server`: every command, with `serve` (HTTP), `mcp` (stdio) and PostgreSQL usage logs.
// `replylint` hands these runs over to it; it can also be run directly.

import ArgumentParser
import ReplyLintCLI
import ReplyLintPostgres
import ReplyLintServer

struct Root: AsyncParsableCommand {
    static let configuration = ReplyLintCommand.configuration(serve: Serve.self, mcp: MCP.self)
}

// Still on the main thread, before any task: the server's requests then stay on NIO's threads.
if CommandLine.arguments.dropFirst().first == "serve" { _ = runTasksOnEventLoops() }
UsageLogBackend.open = { UsageLogFactory.store(at: $0) }
await ReplyLintCommand.asyncMain(Root.self)
