// Shared by the server tests: the sample library, a temporary copy of it, and JSON helpers.

import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ReplyLint
import ReplyLintServer
import Synchronization

enum ServerFixtures {
    /// The repository root, where the sample library lives.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh copy of the sample library in a temporary folder (tests change files in it).
    static func copyOfSampleLibrary() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["replies", "policies", "replylint.yml"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    static func add(_ files: [String: String], to folder: URL) throws {
        for (path, contents) in files {
            try contents.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
    }

    /// A public reply that asks for an account number in public: one `personal-data-public` error.
    static let replyWithAnError = ["replies/accounts/ask-in-public.md": """
        ---
        title: Checking a bill (asks in public)
        faq: pay-bill
        channels: [x-reply]
        tags: [accounts]
        locale: en-US
        ---
        Hi {{customer.first_name}}, what's your account number? We'll look into the bill for you.

        """]

    /// Runs `replylint mcp` in `folder` with `requests` on its input, one a line, then closes the input; the
    /// input is written from a thread of its own, so a request larger than the pipe cannot block the reading.
    static func runMCP(_ requests: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["mcp"]
        process.currentDirectoryURL = folder
        let input = Pipe(), output = Pipe(), errors = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data((requests.joined(separator: "\n") + "\n").utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    /// The built `replylint` executable, next to the test bundle.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("replylint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/replylint")
    }
}

/// Everything a router test needs: a library copy, its store, a usage log, and captured logs.
struct TestServer {
    let folder: URL
    let store: LibraryStore
    let recorder: UsageRecorder
    let logs: LogCapture
    let settings: ServerSettings

    /// `files` (path below the library root → contents) are added to the copy before it loads.
    init(token: String? = nil, maxBodyBytes: Int = 64 * 1024, files: [String: String] = [:]) throws {
        folder = try ServerFixtures.copyOfSampleLibrary()
        try ServerFixtures.add(files, to: folder)
        store = try LibraryStore(source: LibrarySource(root: folder.path, displayBase: folder.path))
        recorder = UsageRecorder(log: SQLiteUsageStore(path: folder.appendingPathComponent(".replylint/usage.sqlite").path))
        logs = LogCapture()
        var settings = ServerSettings()
        settings.token = token
        settings.maxBodyBytes = maxBodyBytes
        self.settings = settings
    }

    var application: some ApplicationProtocol {
        var logger = Logger(label: "test") { [logs] _ in CapturingLogHandler(capture: logs) }
        logger.logLevel = .info
        return Application(router: buildRouter(ServerState(store: store, recorder: recorder, settings: settings)), logger: logger)
    }
}

extension UsageRecorder {
    /// Writes what is queued and stops (the router tests run no recorder service).
    func writeQueued() async {
        finish()
        await run()
    }
}

/// Every log line a test's application wrote, message and metadata together.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        capture.append("\(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
    }
}

extension TestResponse {
    /// The body parsed as a JSON object.
    var json: [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else { return [:] }
        return object
    }

    var text: String { String(buffer: body) }
}

extension ByteBuffer {
    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}
