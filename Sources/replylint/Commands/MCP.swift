// `replylint mcp`: search, render and lint as MCP tools over standard input and output.

import ArgumentParser
import Foundation
import Logging
import ReplyLint
import ReplyLintMCP

extension ReplyLintCommand {
    struct MCP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the library to AI assistants as an MCP server over stdio.",
            discussion: """
                Speaks the Model Context Protocol on standard input and output, for an MCP client such \
                as Claude Desktop to start; messages go to standard error. Tools: search_replies, \
                render_reply, lint_text. Reloads the library when its files change, records each render \
                in the usage log, and exits when standard input closes. See docs/mcp.md.
                """)

        @OptionGroup var library: LibraryOptions

        func run() async throws {
            // Standard output carries the protocol: everything else goes to standard error.
            let logger = Logger(label: "replylint", factory: { StreamLogHandler.standardError(label: $0) })

            var source = LibrarySource(root: library.root, configFile: library.config, displayBase: library.workingDirectory)
            let recorder: UsageRecorder?
            let store: LibraryStore
            do {
                recorder = try library.usageRecorder(configuration: try source.loadConfiguration(), logger: logger)
                source.usageLog = recorder?.log
                store = try LibraryStore(source: source)
            } catch let error as ConfigurationError {
                throw error
            } catch let error as LoadError {
                throw error
            } catch {
                throw LoadError("\(error)")
            }
            let writing = recorder.map { recorder in
                Task {
                    await recorder.run()
                    await recorder.log.close()
                }
            }

            if isatty(STDIN_FILENO) != 0 {
                standardError("replylint: mcp speaks the Model Context Protocol on standard input and output for an MCP client to start (see docs/mcp.md); Ctrl-D stops it")
            }
            // A client that stops the server with SIGTERM instead of closing its input: write the
            // renders still queued (for up to the usage log's flush deadline), then exit.
            signal(SIGTERM, SIG_IGN)
            let termination = DispatchSource.makeSignalSource(signal: SIGTERM)
            termination.setEventHandler { [recorder] in
                recorder?.finish()
                Task {
                    await writing?.value
                    Foundation.exit(0)
                }
            }
            termination.resume()
            let server = ReplyLintMCPServer(store: store, recorder: recorder)
            do {
                try await server.runOnStandardIO(logger: logger)
            } catch {
                recorder?.finish()
                await writing?.value
                throw LoadError("mcp: \(error)")
            }
            recorder?.finish()
            await writing?.value
        }
    }
}
