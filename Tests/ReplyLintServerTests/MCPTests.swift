// `replylint mcp` as an assistant's MCP client meets it: the built executable over its standard
// input and output, a real SDK client session, and the usage log it leaves behind.

import Foundation
import MCP
import ReplyLint
import ReplyLintMCP
import Testing

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

@Suite struct MCPTests {
    @Test(.timeLimit(.minutes(3)))
    func clientSessionAgainstTheBuiltExecutable() async throws {
        let library = try ServerFixtures.copyOfSampleLibrary()
        defer { try? FileManager.default.removeItem(at: library) }
        let server = try ServerProcess(in: library)
        defer { server.stop() }

        let client = Client(name: "replylint-tests", version: "1.0.0")
        let initialized = try await client.connect(transport: server.transport)
        #expect(initialized.serverInfo.name == "replylint")
        #expect(initialized.serverInfo.version == "0.1.0")
        #expect(initialized.capabilities.tools != nil)

        let tools = try await client.listTools().tools
        #expect(Set(tools.map(\.name)) == ["search_replies", "render_reply", "lint_text"])
        let expected: [String: (properties: Set<String>, required: [String])] = [
            "search_replies": (["query", "channel", "tag", "limit"], []),
            "render_reply": (["id", "channel", "vars"], ["id"]),
            "lint_text": (["text", "channel"], ["text"]),
        ]
        for tool in tools {
            let schema = try #require(tool.inputSchema.objectValue, "\(tool.name)")
            #expect(schema["type"] == "object", "\(tool.name)")
            #expect(schema["additionalProperties"] == false, "\(tool.name)")
            let properties = try #require(schema["properties"]?.objectValue, "\(tool.name)")
            #expect(Set(properties.keys) == expected[tool.name]?.properties, "\(tool.name)")
            for (name, property) in properties {
                #expect(property.objectValue?["type"]?.stringValue != nil, "\(tool.name).\(name) has no type")
                #expect(property.objectValue?["description"]?.stringValue?.isEmpty == false, "\(tool.name).\(name) has no description")
            }
            #expect((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue) == expected[tool.name]?.required, "\(tool.name)")
            #expect((tool.description ?? "").count > 200, "\(tool.name) needs a description an assistant can act on")
        }

        // search_replies: the public reply for a missed bin, with what an agent must fill in.
        let search = try await client.callTool(name: "search_replies", arguments: ["query": "missed bin"])
        #expect(search.isError != true)
        let found = try Self.json(search).objectValue?["replies"]?.arrayValue ?? []
        let missedBin = try #require(found.first { $0.objectValue?["id"] == "waste/missed-collection-public" })
        #expect(missedBin.objectValue?["channels"] == ["x-reply", "facebook-comment"])
        let placeholders = missedBin.objectValue?["placeholders"]?.arrayValue ?? []
        #expect(placeholders.contains(["name": "customer.first_name", "required": true, "example": "Ana", "max": 30]))
        #expect(!placeholders.contains { $0.objectValue?["name"] == "dm_link" }, "dm_link is filled from config, not by the agent")

        // render_reply: flat dotted names, then the same values nested.
        let rendered = try await client.callTool(name: "render_reply", arguments: [
            "id": "waste/missed-collection-public", "channel": "x-reply",
            "vars": ["customer.first_name": "Ana", "agent.full_name": "Jordan Reyes"],
        ])
        #expect(rendered.isError != true, "\(Self.text(rendered))")
        let reply = try #require(try Self.json(rendered).objectValue)
        #expect(reply["id"] == "waste/missed-collection-public")
        #expect(reply["channel"] == "x-reply")
        #expect(reply["text"]?.stringValue?.hasPrefix("Hi Ana") == true)
        #expect(reply["text"]?.stringValue?.hasSuffix("— Jordan Reyes") == true)
        #expect(reply["length"]?.objectValue?["limit"] == 280)
        #expect(reply["length"]?.objectValue?["unit"] == "weighted")
        #expect(reply["diagnostics"] == [])

        let nested = try await client.callTool(name: "render_reply", arguments: [
            "id": "waste/missed-collection-public", "channel": "facebook-comment",
            "vars": ["customer": ["first_name": "Ana"], "agent": ["full_name": "Jordan Reyes"]],
        ])
        #expect(nested.isError != true, "\(Self.text(nested))")
        #expect(try Self.json(nested).objectValue?["text"]?.stringValue?.hasPrefix("Hi Ana,") == true)

        // render_reply refusals are tool errors naming what to fix.
        let missing = try await client.callTool(name: "render_reply", arguments: [
            "id": "waste/missed-collection-public", "channel": "x-reply", "vars": ["agent.full_name": "Jordan Reyes"],
        ])
        #expect(missing.isError == true)
        #expect(Self.text(missing).contains("customer.first_name"))
        #expect(!Self.text(missing).contains("agent.full_name"))

        let unknown = try await client.callTool(name: "render_reply", arguments: ["id": "waste/missed-colection-public"])
        #expect(unknown.isError == true)
        #expect(Self.text(unknown).contains("did you mean 'waste/missed-collection-public'"))

        // lint_text: asking for an account number in a public reply.
        let linted = try await client.callTool(name: "lint_text", arguments: ["text": "Please post your account number here", "channel": "x-reply"])
        #expect(linted.isError != true, "\(Self.text(linted))")
        let diagnostics = try Self.json(linted).objectValue?["diagnostics"]?.arrayValue ?? []
        let privacy = try #require(diagnostics.first { $0.objectValue?["rule"] == "personal-data-public" })
        #expect(privacy.objectValue?["severity"] == "error")
        #expect(privacy.objectValue?["file"] == nil, "the text is not a file")

        let typo = try await client.callTool(name: "lint_text", arguments: ["text": "Thanks!", "chanel": "x-reply"])
        #expect(typo.isError == true)
        #expect(Self.text(typo).contains("'chanel'") && Self.text(typo).contains("did you mean 'channel'"))

        // Closing standard input ends the session: a clean exit, with both renders in the usage log.
        try server.closeInput()
        let status = try await server.waitForExit(within: .seconds(5))
        await client.disconnect()
        #expect(status == 0, "stderr: \(server.standardError)")
        let usage = try UsageLog.read(path: library.appendingPathComponent(".replylint/usage.sqlite").path)
        #expect(usage?.counts == ["waste/missed-collection-public": 2])
    }

    /// A client that writes its requests and closes its end at once still gets every answer (the
    /// last of a burst is still being handled when input ends), standard output carries nothing but
    /// protocol messages, and every render is in the usage log.
    @Test(.timeLimit(.minutes(3)))
    func answersWhatWasAskedBeforeInputClosed() async throws {
        let library = try ServerFixtures.copyOfSampleLibrary()
        defer { try? FileManager.default.removeItem(at: library) }
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"pipe","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_replies","arguments":{"tag":"waste","limit":2}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"render_reply","arguments":{"id":"waste/missed-collection-public","channel":"x-dm"}}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}"#,
        ] + (10..<60).map { id in
            #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"render_reply","arguments":{"id":"waste/missed-collection-public","channel":"x-reply","vars":{"customer.first_name":"Ana","agent.full_name":"Jordan Reyes"}}}}"#
        }
        let (status, stdout, stderr) = try ServerFixtures.runMCP(requests, in: library)
        #expect(status == 0, "stderr: \(stderr)")

        var answers: [Int: [String: Value]] = [:]
        for line in stdout.split(separator: "\n") {
            let message = try #require(try? JSONDecoder().decode(Value.self, from: Data(line.utf8)).objectValue, "not a JSON-RPC message on stdout: \(line)")
            #expect(message["jsonrpc"] == "2.0")
            if let id = message["id"]?.intValue { answers[id] = message }
        }
        #expect(answers.keys.sorted() == [1, 2, 3, 4] + Array(10..<60))
        #expect(answers[59]?["result"]?.objectValue?["isError"] == false)
        let listed = answers[2]?["result"]?.objectValue?["structuredContent"]?.objectValue
        #expect(listed?["replies"]?.arrayValue?.count == 2)
        #expect(listed?["count"] == 2)
        #expect((listed?["total"]?.intValue ?? 0) > 2, "the limit cuts a longer list, and says so")
        // A reply written for public channels is refused for a DM, as a tool error.
        let refused = answers[3]?["result"]?.objectValue
        #expect(refused?["isError"] == true)
        #expect(refused?["content"]?.arrayValue?.first?.objectValue?["text"]?.stringValue?.contains("is not written for channel 'x-dm'") == true)
        // An unknown tool is the one protocol error (JSON-RPC invalid params), as the MCP specification asks.
        #expect(answers[4]?["error"]?.objectValue?["code"] == -32602)
        let usage = try UsageLog.read(path: library.appendingPathComponent(".replylint/usage.sqlite").path)
        #expect(usage?.counts == ["waste/missed-collection-public": 50])
    }

    /// Argument checks, in process: types, ranges and the channel question.
    @Test func argumentMistakesAreToolErrors() async throws {
        let root = ServerFixtures.packageRoot.path
        let store = try LibraryStore(source: LibrarySource(root: root, displayBase: root))
        let server = ReplyLintMCPServer(store: store)
        func call(_ tool: String, _ arguments: [String: Value]) throws -> (error: Bool, text: String) {
            let result = try server.call(CallTool.Parameters(name: tool, arguments: arguments))
            guard case .text(let text, _, _)? = result.content.first else { return (result.isError == true, "") }
            return (result.isError == true, text)
        }

        #expect(try call("search_replies", ["limit": "5"]) == (true, "'limit' must be an integer, not a string"))
        #expect(try call("search_replies", ["limit": 500]) == (true, "'limit' must be between 1 and 100, not 500"))
        #expect(try call("search_replies", ["limit": 1]).error == false)
        #expect(try call("search_replies", ["query": "bin", "channel": "x-dmm"]) == (true, "unknown channel 'x-dmm' (did you mean 'x-dm'?)"))
        #expect(try call("render_reply", [:]) == (true, "render_reply needs the argument 'id' (a string)"))
        #expect(try call("render_reply", ["id": 7]) == (true, "'id' must be a string, not a number"))
        #expect(try call("render_reply", ["id": "waste/missed-collection-public", "vars": "Ana"]) == (true, "'vars' must be an object, not a string"))
        let unchosen = try call("render_reply", ["id": "waste/missed-collection-public", "vars": ["customer.first_name": "Ana", "agent.full_name": "Jordan Reyes"]])
        #expect(unchosen == (true, "reply 'waste/missed-collection-public' is written for x-reply, facebook-comment; choose one with the channel argument"))
        let misspelt = try call("render_reply", ["id": "waste/missed-collection-public", "channel": "x-replyy"])
        #expect(misspelt.error && misspelt.text.contains("did you mean 'x-reply'"))
        #expect(try call("lint_text", ["text": "Hi Ana", "channel": "x-reeply"]) == (true, "unknown channel 'x-reeply' (did you mean 'x-reply'?)"))
        #expect(try call("lint_text", ["text": ""]) == (true, "'text' must not be empty"))
        // Null for an optional argument is "left out", as some clients send it.
        #expect(try call("lint_text", ["text": "Hi Ana, thanks for letting us know.", "channel": .null]).error == false)
        #expect(throws: MCPError.self) { try server.call(CallTool.Parameters(name: "render", arguments: [:])) }
    }

    static func text(_ result: (content: [Tool.Content], isError: Bool?)) -> String {
        result.content.compactMap { content in
            if case .text(let text, _, _) = content { return text }
            return nil
        }.joined(separator: "\n")
    }

    static func json(_ result: (content: [Tool.Content], isError: Bool?)) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(text(result).utf8))
    }
}

/// `replylint mcp` running in `folder`, with an MCP transport over its standard input and output.
final class ServerProcess {
    let process: Process
    let transport: StdioTransport
    private let input: Pipe
    private let output: Pipe
    private let errorFile: URL

    init(in folder: URL) throws {
        process = Process()
        process.executableURL = ServerFixtures.executable
        process.arguments = ["mcp"]
        process.currentDirectoryURL = folder
        input = Pipe()
        output = Pipe()
        errorFile = folder.appendingPathComponent("mcp-stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        transport = StdioTransport(
            input: FileDescriptor(rawValue: output.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: input.fileHandleForWriting.fileDescriptor))
    }

    var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    func closeInput() throws { try input.fileHandleForWriting.close() }

    /// The exit status, once the process has ended; fails when it is still running after `limit`.
    func waitForExit(within limit: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + limit
        while process.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        try #require(!process.isRunning, "replylint mcp still running \(limit) after its input closed")
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning { process.terminate() }
    }
}
