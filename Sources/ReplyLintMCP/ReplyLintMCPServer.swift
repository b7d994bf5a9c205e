// The MCP server behind `replylint mcp`: search, render and lint as tools an AI assistant calls,
// answered from the library store, with each render recorded in the usage log.

import Foundation
import Logging
import MCP
import ReplyLint
import Synchronization

public final class ReplyLintMCPServer: Sendable {
    public static let name = "replylint"
    public static let version = "0.1.0"
    static let instructions = """
        Saved replies are the customer-service team's approved answers. To answer a customer: \
        search_replies for their question on your channel, render_reply the best match with the \
        customer's and your own details, and send its text as returned. Check anything you write \
        yourself with lint_text first.
        """

    public let store: LibraryStore
    public let recorder: UsageRecorder?
    /// The connected client's name from `initialize`, for the usage log's agent column.
    private let clientName = Mutex<String?>(nil)

    public init(store: LibraryStore, recorder: UsageRecorder? = nil) {
        self.store = store
        self.recorder = recorder
    }

    /// Starts an MCP server with the tools on `transport` and returns it, serving.
    public func start(on transport: any Transport) async throws -> Server {
        let server = Server(
            name: Self.name, version: Self.version, instructions: Self.instructions,
            capabilities: Server.Capabilities(tools: Server.Capabilities.Tools(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { [self] _ in
            ListTools.Result(tools: tools())
        }
        await server.withMethodHandler(CallTool.self) { [self] parameters in
            try call(parameters)
        }
        try await server.start(transport: transport) { [self] client, _ in
            clientName.withLock { $0 = client.name }
        }
        return server
    }

    /// Serves on `transport` until its input ends, answering what was already asked before returning.
    /// Reloads the library every `reloadInterval` when its files change, telling `logger`.
    public func run(on transport: any Transport, logger: Logger, reloadInterval: Duration? = .seconds(2)) async throws {
        let draining = DrainingTransport(transport, logger: logger)
        let server = try await start(on: draining)
        let watcher = Task { [store] in
            guard let reloadInterval else { return }
            await store.watch(every: reloadInterval) { outcome in
                switch outcome {
                case .unchanged:
                    break
                case .reloaded(let snapshot):
                    logger.info("library reloaded: \(snapshot.index.count) replies")
                case .failed(let message):
                    logger.warning("library changed but does not load; still serving the previous version: \(message)")
                }
            }
        }
        await server.waitUntilCompleted()
        await draining.drain(timeout: .seconds(10))
        watcher.cancel()
        await watcher.value
        await server.stop()
    }

    /// Serves on standard input and output (`replylint mcp`); nothing else may write to standard output.
    /// Messages are read a line at a time, at most `LineTransport.defaultMaximumLineBytes` each.
    public func runOnStandardIO(logger: Logger, reloadInterval: Duration? = .seconds(2)) async throws {
        try await run(on: LineTransport(logger: logger), logger: logger, reloadInterval: reloadInterval)
    }

    func tools() -> [Tool] {
        let channels = store.snapshot.library.configuration.channels.keys.sorted()
        return ReplyTool.allCases.map { $0.tool(channels: channels) }
    }

    /// Answers one `tools/call`. Mistakes in the call are tool errors the assistant can read and fix;
    /// only an unknown tool name is a protocol error, as the MCP specification asks.
    public func call(_ parameters: CallTool.Parameters) throws -> CallTool.Result {
        guard let tool = ReplyTool(rawValue: parameters.name) else {
            let names = ReplyTool.allCases.map(\.rawValue)
            throw MCPError.invalidParams(
                "Unknown tool: '\(parameters.name)'\(Suggestion.hint(for: parameters.name, in: names)); the tools are \(names.joined(separator: ", "))")
        }
        let snapshot = store.snapshot
        do throws(ToolFailure) {
            let declared = tool.parameters(channels: [])
            let arguments = try ToolArguments(parameters.arguments, parameters: declared, tool: tool.rawValue)
            let result: JSONValue
            switch tool {
            case .searchReplies: result = try search(arguments, parameters: declared, in: snapshot)
            case .renderReply: result = try render(arguments, in: snapshot)
            case .lintText: result = try lint(arguments, in: snapshot)
            }
            return CallTool.Result(
                content: [.text(text: result.serialized(), annotations: nil, _meta: nil)],
                structuredContent: Optional(mcpValue(result)), isError: false)
        } catch {
            return CallTool.Result(content: [.text(text: error.message, annotations: nil, _meta: nil)], isError: true)
        }
    }

    private func search(_ arguments: ToolArguments, parameters: [ToolParameter], in snapshot: LibrarySnapshot) throws(ToolFailure) -> JSONValue {
        let channel = arguments.string("channel")
        let channels = snapshot.library.configuration.channels.keys
        if let channel, !channels.contains(channel) {
            // A misspelt channel would otherwise look like "no reply for this".
            throw ToolFailure("unknown channel '\(channel)'\(Channel.hint(for: channel, in: channels))")
        }
        let matches = snapshot.index.search(query: arguments.string("query"), channel: channel, tag: arguments.string("tag"))
        let shown = matches.prefix(arguments.integer("limit", in: parameters))
        return .object([
            ("replies", .array(shown.map { reply in
                // What the agent fills: built-ins from config and declared defaults are filled for them.
                let placeholders = snapshot.renderer.placeholders(of: reply, channel: channel).filter { !$0.provided }
                return .object([
                    ("id", .string(reply.id)),
                    ("title", reply.title.map(JSONValue.string) ?? .null),
                    ("faq", reply.faq.map { .string($0.value) } ?? .null),
                    ("channels", .array(reply.channelIDs.map(JSONValue.string))),
                    ("tags", .array(reply.tags.map(JSONValue.string))),
                    ("placeholders", .array(placeholders.map { placeholder in
                        .object([
                            ("name", .string(placeholder.name)),
                            ("required", .bool(placeholder.required)),
                            ("example", placeholder.example.map(JSONValue.string) ?? .null),
                            ("max", placeholder.max.map(JSONValue.int) ?? .null),
                        ])
                    })),
                ])
            })),
            ("count", .int(shown.count)),
            ("total", .int(matches.count)),
        ])
    }

    private func render(_ arguments: ToolArguments, in snapshot: LibrarySnapshot) throws(ToolFailure) -> JSONValue {
        let id = arguments.text("id")
        let channel = arguments.string("channel")
        let rendered: RenderedReply
        do {
            rendered = try snapshot.renderer.render(id: id, channel: channel, values: templateValues(arguments.object("vars")))
        } catch {
            throw ToolFailure(Self.message(for: error))
        }
        let agent = clientName.withLock { $0 }.map { "mcp:" + $0 } ?? "mcp"
        recorder?.record(UsageEvent(reply: rendered.id, channel: rendered.channel.id, agent: agent))
        return RenderReporter.json(rendered)
    }

    /// The renderer's refusal, worded for a tool call (arguments, not command-line flags).
    static func message(for error: ReplyRenderError) -> String {
        switch error {
        case .replyNotFound(_, let suggestion):
            return error.description + (suggestion == nil ? "; search_replies lists the ids" : "")
        case .channelRequired(let reply, let channels):
            return "reply '\(reply)' is written for \(channels.joined(separator: ", ")); choose one with the channel argument"
        case .channelNotDeclared(_, let channel, let declared):
            return error.description + Channel.hint(for: channel, in: declared)
        case .missingValues:
            return error.description + "; pass each in vars, e.g. {\"customer.first_name\": \"Ana\"}"
        case .replyBroken, .unsafeOutput, .ambiguousID:
            return error.description
        }
    }

    private func lint(_ arguments: ToolArguments, in snapshot: LibrarySnapshot) throws(ToolFailure) -> JSONValue {
        let result: TextCheckResult
        do {
            result = try snapshot.checker.check(text: arguments.text("text"), channel: arguments.string("channel"))
        } catch {
            throw ToolFailure(error.description)
        }
        return TextCheckReporter.json(result)
    }
}
