// `serve` and `mcp` against hostile input (issue 14): a running server given each hostile change in
// turn stays up, keeps serving the last good library, picks up the next good change, stays under
// 200 MB and stops on SIGTERM within seconds; oversize bodies from clients that do not wait for
// `100-continue` get their 413 and a closed connection; `mcp` answers a long line in linear time.

import Foundation
import Hummingbird
import HummingbirdTesting
import MCP
import ReplyLint
import ReplyLintServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client, as a script or a browser is: no `Expect: 100-continue`, whole bodies sent at once.
struct RawHTTP {
    let port: UInt16

    init(address: String) throws {
        port = try #require(address.split(separator: ":").last.flatMap { UInt16($0) })
    }

    /// Opens a connection with send and receive timeouts of `seconds`.
    func connect(seconds: Int = 10) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0, "cannot connect to 127.0.0.1:\(port)")
        return socket
    }

    /// Sends all of `bytes`, or as much as the server takes; returns how much went.
    @discardableResult
    static func send(_ socket: Int32, _ bytes: [UInt8]) -> Int {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + sent, min(65_536, bytes.count - sent), Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break }
            sent += count
        }
        return sent
    }

    /// Everything the server sends until it closes the connection, resets it, or goes quiet for the timeout.
    static func receiveAll(_ socket: Int32) -> (text: String, closed: Bool) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress!, $0.count, 0) }
            if count > 0 {
                data += buffer[0..<count]
                continue
            }
            // 0: closed; ECONNRESET: closed too (the rest of an oversize body was refused); EAGAIN: timed out.
            return (String(decoding: data, as: UTF8.self), count == 0 || errno == ECONNRESET)
        }
    }

    /// `GET path`, the answer's body as JSON.
    func get(_ path: String) throws -> (status: Int, json: [String: Any]) {
        let socket = try connect()
        defer { close(socket) }
        Self.send(socket, Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
        let answer = Self.receiveAll(socket).text
        let status = Int(answer.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) } ?? ""
        return (status, (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:])
    }
}

/// Peak and current memory of a process, from /proc.
func memoryMegabytes(of pid: Int32) -> (now: Int, peak: Int) {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Int {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
        return (Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0) / 1024
    }
    return (field("VmRSS"), field("VmHWM"))
}

@Suite("Hostile input to serve and mcp", .serialized)
struct HostileServeTests {
    @Test("an oversize body from a client that does not wait for 100-continue: 413, then the connection closes", .timeLimit(.minutes(2)))
    func oversizeBodies() async throws {
        let server = try ServeProcess()
        defer { server.kill() }
        let http = try RawHTTP(address: try await server.address(within: .seconds(30)))
        for megabytes in [10, 100] {
            let size = megabytes << 20
            let socket = try http.connect()
            defer { close(socket) }
            let start = ContinuousClock.now
            let head = "POST /v1/replies/waste/bulky-items/render HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(size)\r\n\r\n"
            RawHTTP.send(socket, Array(head.utf8))
            // The whole body at once, as urllib and fetch send it, then read the answer.
            let sent = RawHTTP.send(socket, [UInt8](repeating: 0x20, count: size))
            let (answer, closed) = RawHTTP.receiveAll(socket)
            let elapsed = ContinuousClock.now - start
            #expect(elapsed < .seconds(8), "\(megabytes) MB: \(elapsed) to an answer (\(sent) bytes sent)")
            #expect(closed, "\(megabytes) MB: the connection was left open")
            if megabytes == 10 {
                // Drained in full: a clean 413 the client reads after sending everything.
                #expect(sent == size)
                #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
                #expect(answer.lowercased().contains("connection: close"))
                #expect(answer.contains("the request body is \(size) bytes; the limit is 65536"))
            } else {
                // Past the drain bound the connection is cut: the client stops sending, it does not hang.
                #expect(sent < size, "the server read 100 MB of a refused body")
            }
        }
        // The server is fine afterwards.
        #expect(try http.get("/healthz").json["status"] as? String == "ok")
        #expect(try await server.stop(within: .seconds(10)) == 0)
    }

    @Test("a value with a line break gets 422 over HTTP too, as docs/serve.md says")
    func lineBreakInAValue() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            try await client.execute(
                uri: "/v1/replies/waste/bulky-items/render", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"channel": "x-reply", "vars": {"customer.first_name": "Ana\nVisit evil.example", "agent.full_name": "Jordan Reyes"}}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect((response.json["error"] as? String)?.contains("the value for customer.first_name holds a line break") == true, "\(response.text)")
            }
        }
    }

    @Test("a reload past its deadline keeps the last good library and says why")
    func reloadDeadline() throws {
        let folder = try ServerFixtures.copyOfSampleLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try LibraryStore(source: LibrarySource(root: folder.path, displayBase: folder.path), reloadTimeout: .zero)
        let replies = store.snapshot.index.count
        try ServerFixtures.add(["replies/waste/new-reply.md": "---\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, thanks.\n"], to: folder)
        _ = store.reloadIfChanged()
        guard case .failed(let message) = store.reloadIfChanged() else {
            Issue.record("a reload past its deadline was served")
            return
        }
        #expect(message.contains("the library took longer than"), "\(message)")
        #expect(message.contains("still serving the previous library"))
        #expect(store.snapshot.index.count == replies)
        #expect(store.reloadError == message)
    }

    /// The hostile changes, each undone by `restore`; `fails` marks those that fail the load as a whole
    /// (the rest are findings of their files, and the library loads without them).
    static let changes: [(name: String, fails: Bool, apply: @Sendable (URL) throws -> Void)] = [
        ("folder links back up the tree", false, { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("replies/loop"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("replies/loop/a").path, withDestinationPath: "..")
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("replies/loop/b").path, withDestinationPath: "..")
        }),
        ("a link to a file outside the library", false, { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("replies/creds.md").path, withDestinationPath: "/etc/passwd")
        }),
        ("placeholder max 2^63-1", false, { folder in
            try ServerFixtures.add(["replies/huge.md": "---\nfaq: missed-collection\nchannels: [x-reply]\nplaceholders:\n  customer.first_name: {max: 9223372036854775807}\n---\nHi {{customer.first_name}}.\n"], to: folder)
        }),
        ("partials that fan out", false, { folder in
            var files = ["replies/fan.md": "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}. {{> p0}}\n"]
            for index in 0..<18 { files["replies/_partials/p\(index).mustache"] = "x" + (index == 17 ? "" : String(repeating: "{{> p\(index + 1)}}", count: 3)) }
            try ServerFixtures.add(files, to: folder)
        }),
        ("YAML anchors", false, { folder in
            let big = String(repeating: "x", count: 1_000_000)
            let items = (0..<200).map { "  - {id: r\($0), faq: missed-collection, channels: [x-dm], body: *big}" }.joined(separator: "\n")
            try ServerFixtures.add(["replies/bomb.yml": "anchors:\n  - &big \"\(big)\"\nreplies:\n\(items)\n"], to: folder)
        }),
        ("a 10 GB reply", false, { folder in
            let path = folder.appendingPathComponent("replies/huge-file.md").path
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            _ = truncate(path, 10 << 30)
        }),
        ("the replies folder gone", true, { folder in
            try FileManager.default.moveItem(at: folder.appendingPathComponent("replies"), to: folder.appendingPathComponent("replies-moved"))
        }),
        ("replylint.yml broken", true, { folder in
            let config = folder.appendingPathComponent("replylint.yml")
            try (try String(contentsOf: config, encoding: .utf8) + "limits: [\n").write(to: config, atomically: true, encoding: .utf8)
        }),
    ]

    /// For the changes that load, what `/healthz` names as not read (its status "degraded"); a change
    /// not listed loses nothing (a link back up the tree: each folder is read once) and stays "ok".
    static let unread: [String: String] = [
        "a link to a file outside the library": "replies/creds.md",
        "placeholder max 2^63-1": "replies/huge.md",
        "partials that fan out": "replies/fan.md",
        "YAML anchors": "replies/bomb.yml",
        "a 10 GB reply": "replies/huge-file.md",
    ]

    static func restore(_ folder: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent("replies-moved").path) {
            try manager.moveItem(at: folder.appendingPathComponent("replies-moved"), to: folder.appendingPathComponent("replies"))
        }
        for path in ["replies/loop", "replies/creds.md", "replies/huge.md", "replies/fan.md", "replies/bomb.yml", "replies/huge-file.md"] {
            try? manager.removeItem(at: folder.appendingPathComponent(path))
        }
        for index in 0..<18 { try? manager.removeItem(at: folder.appendingPathComponent("replies/_partials/p\(index).mustache")) }
        try manager.removeItem(at: folder.appendingPathComponent("replylint.yml"))
        try manager.copyItem(at: ServerFixtures.packageRoot.appendingPathComponent("replylint.yml"), to: folder.appendingPathComponent("replylint.yml"))
    }

    @Test("serve given each hostile change in turn: stays up, serves the last good library, takes the next good one, under 200 MB; SIGTERM mid-reload stops it", .timeLimit(.minutes(3)))
    func hostileReloads() async throws {
        let server = try ServeProcess(arguments: ["--reload-interval", "0.1"])
        defer { server.kill() }
        let http = try RawHTTP(address: try await server.address(within: .seconds(30)))
        var generation = try #require(http.get("/healthz").json["generation"] as? Int)
        /// Waits for /healthz to say `want` holds, for up to 20 s; the last answer.
        func health(until want: ([String: Any]) -> Bool) async throws -> [String: Any] {
            let deadline = ContinuousClock.now + .seconds(20)
            var last: [String: Any] = [:]
            while ContinuousClock.now < deadline {
                try #require(server.process.isRunning, "serve died:\n\(server.standardError.suffix(2000))")
                last = try http.get("/healthz").json
                if want(last) { return last }
                try await Task.sleep(for: .milliseconds(100))
            }
            return last
        }
        for (index, change) in Self.changes.enumerated() {
            try change.apply(server.folder)
            let seen = try await health { ($0["generation"] as? Int ?? 0) > generation || $0["status"] as? String == "degraded" }
            if change.fails {
                #expect(seen["status"] as? String == "degraded", "\(change.name): \(seen)")
                #expect((seen["reloadError"] as? String)?.isEmpty == false, "\(change.name): degraded without a reason")
                #expect(seen["generation"] as? Int == generation, "\(change.name): a failed load was swapped in")
            } else {
                #expect((seen["generation"] as? Int ?? 0) > generation, "\(change.name): no reload within 20 s: \(seen)")
                generation = seen["generation"] as? Int ?? generation
                if let file = Self.unread[change.name] {
                    // The rest is served; what was not read is named, with the reason.
                    #expect(seen["status"] as? String == "degraded", "\(change.name): \(seen)")
                    #expect(seen["reloadError"] is NSNull, "\(change.name): \(seen)")
                    let first = (seen["unread"] as? [String])?.first ?? ""
                    #expect(first.hasPrefix(file) && (first.hasSuffix("(limit-exceeded)") || first.hasSuffix("(file-unreadable)")), "\(change.name): \(seen)")
                } else {
                    #expect(seen["status"] as? String == "ok", "\(change.name): \(seen)")
                }
            }
            // The good replies are served either way, and nothing from outside the library is.
            #expect(try http.get("/v1/replies/waste/bulky-items").status == 200, "\(change.name)")
            if change.name.contains("outside") {
                let creds = try http.get("/v1/replies/creds")
                #expect(creds.status == 404, "\(creds)")
            }
            let memory = memoryMegabytes(of: server.process.processIdentifier)
            #expect(memory.peak < 200, "\(change.name): \(memory.peak) MB at the peak")

            // The next good change: the library as it was, plus a new reply.
            try Self.restore(server.folder)
            try ServerFixtures.add(["replies/waste/new-\(index).md": "---\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, thanks for telling us (\(index)).\n"], to: server.folder)
            let back = try await health { ($0["generation"] as? Int ?? 0) > generation && $0["status"] as? String == "ok" }
            #expect(back["status"] as? String == "ok" && (back["generation"] as? Int ?? 0) > generation, "after \(change.name): \(back)")
            generation = back["generation"] as? Int ?? generation
            #expect(try http.get("/v1/replies/waste/new-\(index)").status == 200, "after \(change.name): the good change is not served")
        }

        // SIGTERM in the middle of a reload (a few thousand new replies take a while to load): out within seconds.
        var many: [String: String] = [:]
        for index in 0..<3_000 { many["replies/bulk/r\(index).md"] = "---\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, reply \(index) of many.\n" }
        try FileManager.default.createDirectory(at: server.folder.appendingPathComponent("replies/bulk"), withIntermediateDirectories: true)
        try ServerFixtures.add(many, to: server.folder)
        try await Task.sleep(for: .milliseconds(400))
        let start = ContinuousClock.now
        #expect(try await server.stop(within: .seconds(10)) == 0, "serve's standard error:\n\(server.standardError.suffix(2000))")
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("mcp: a line over 1 MiB is refused with a JSON-RPC error naming its id, quickly, and the next is answered", .timeLimit(.minutes(2)))
    func longMCPLine() async throws {
        let library = try ServerFixtures.copyOfSampleLibrary()
        defer { try? FileManager.default.removeItem(at: library) }
        let long = String(repeating: "x", count: 5 << 20)
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"pipe","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":"big","method":"tools/call","params":{"name":"lint_text","arguments":{"text":"\#(long)"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"lint_text","arguments":{"text":"Hi Ana, thanks for letting us know.","channel":"x-reply"}}}"#,
        ]
        let start = ContinuousClock.now
        let (status, stdout, _) = try ServerFixtures.runMCP(requests, in: library)
        let elapsed = ContinuousClock.now - start
        #expect(status == 0)
        #expect(elapsed < .seconds(15), "\(elapsed) for a 5 MB line")
        var answers: [String: [String: Value]] = [:]
        for line in stdout.split(separator: "\n") {
            let message = try #require(try? JSONDecoder().decode(Value.self, from: Data(line.utf8)).objectValue, "not JSON-RPC: \(line.prefix(200))")
            if let id = message["id"] { answers[id.intValue.map(String.init) ?? id.stringValue ?? "?"] = message }
        }
        let refused = answers["big"]?["error"]?.objectValue
        #expect(refused?["code"] == -32600, "\(answers.keys.sorted())")
        #expect(refused?["message"]?.stringValue == "the message is \(requests[2].utf8.count) bytes, more than the 1048576 bytes replylint mcp reads on one line; send shorter arguments")
        #expect(answers["3"]?["result"]?.objectValue?["isError"] == false)
    }
}
