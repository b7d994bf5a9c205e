// `replylint mcp`: search, render and lint as MCP tools over standard input and output.

import ArgumentParser
import ReplyLint

extension ReplyLintCommand {
    struct MCP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mcp",
            abstract: "Serve the library to AI assistants as an MCP server over stdio.")

        @OptionGroup var library: LibraryOptions

        func run() async throws {
            throw LoadError("mcp is not built yet")
        }
    }
}
