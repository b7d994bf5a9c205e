// The PostgreSQL the tests run against (.ci/with-postgres starts it), a fresh database per test,
// and `replylint serve` as a real process talking HTTP.

import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Logging
import NIOPosix
import PostgresNIO
import ReplyLint
import Testing

enum TestPostgres {
    static let environment = ProcessInfo.processInfo.environment
    /// A superuser URL for the test server; each test makes a database of its own with it.
    static let adminURL = environment["REPLYLINT_TEST_POSTGRES_URL"]
    /// A script taking pg_ctl's `stop`, `start`, `restart`, for the tests that take the server away.
    static let control = environment["REPLYLINT_TEST_POSTGRES_CTL"]
    /// Set by .ci/run: a missing server is then a failure, not a skip.
    static let required = environment["REPLYLINT_REQUIRE_POSTGRES"] == "1"

    static var enabled: Bool { adminURL != nil || required }
    static var controllable: Bool { (adminURL != nil && control != nil) || required }
    static let skipped: Comment = "PostgreSQL tests skipped: REPLYLINT_TEST_POSTGRES_URL is not set; run `.ci/with-postgres swift test` (as .ci/run does) to run them"
    static let uncontrolled: Comment = "PostgreSQL restart tests skipped: REPLYLINT_TEST_POSTGRES_CTL is not set; run `.ci/with-postgres swift test` to run them"

    static func admin() throws -> PostgresURL {
        let text = try #require(adminURL, "REPLYLINT_REQUIRE_POSTGRES=1 but REPLYLINT_TEST_POSTGRES_URL is not set: start PostgreSQL with .ci/with-postgres")
        return try PostgresURL(parsing: text)
    }

    /// pg_ctl `action` (stop, start) on the test server, waiting until it is done. A server started here
    /// outlives the test, so it must hold none of this process's files: a pipe another test reads to its
    /// end never gets there while the server holds it open (CI hung on that until its 90-minute limit).
    /// The script (.ci/with-postgres) closes everything but standard input, output and error before
    /// pg_ctl runs, Foundation's own notice of the script's exit among them, which is how this wait
    /// ends; `aServerStartedByTheTestsHoldsNoneOfTheirFiles` holds both.
    static func pgctl(_ action: String) throws {
        let script = try #require(control, "REPLYLINT_REQUIRE_POSTGRES=1 but REPLYLINT_TEST_POSTGRES_CTL is not set")
        let run = try run(script, action == "stop" ? ["stop", "-m", "fast"] : [action], within: 60)
        try #require(run.finished, "pg_ctl \(action) did not finish within 60 s, or the script kept Foundation's notice of its exit open: \(run.output)")
        try #require(run.status == 0, "pg_ctl \(action) failed (\(run.status)): \(run.output)")
    }

    /// Runs `executable` with its output in a file rather than a pipe (nothing but the process itself can keep
    /// that from ending), for at most `limit` seconds: one that hangs is killed, and the test fails with what it
    /// printed instead of holding up the whole run.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, within limit: TimeInterval) throws -> (finished: Bool, status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        (process.standardInput, process.standardOutput, process.standardError) = (FileHandle.nullDevice, handle, handle)
        try process.run()
        let deadline = Date(timeIntervalSinceNow: limit)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let finished = !process.isRunning
        if !finished { kill(process.processIdentifier, SIGKILL) }
        let output = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return (finished, finished ? process.terminationStatus : -1, output)
    }

    static let logger = Logger(label: "tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs `body` on a connection to `url`.
    static func with<T: Sendable>(_ url: PostgresURL, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: .disable)
        let connection = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// A database of its own for one test, dropped when the test is done with it.
struct TestDatabase {
    let url: PostgresURL

    static func make() async throws -> TestDatabase {
        let admin = try TestPostgres.admin()
        let name = "replylint_test_" + UUID().uuidString.prefix(8).lowercased()
        _ = try await TestPostgres.with(admin) { connection in
            try await connection.query("CREATE DATABASE \(unescaped: name)", logger: TestPostgres.logger)
        }
        var url = admin
        url.database = name
        url.sslMode = .disable
        return TestDatabase(url: url)
    }

    /// The URL as a user writes it, password included.
    var urlText: String {
        "postgres://\(url.user):\(url.password ?? "")@\(url.host):\(url.port)/\(url.database)?sslmode=disable"
    }

    /// Rows in `render`, and distinct render ids among them.
    func count() async throws -> (rows: Int, distinct: Int) {
        try await TestPostgres.with(url) { connection in
            let rows = try await connection.query("SELECT count(*), count(DISTINCT uid) FROM render", logger: TestPostgres.logger)
            for try await (rows, distinct) in rows.decode((Int, Int).self) { return (rows, distinct) }
            return (0, 0)
        }
    }

    /// The agent ids of the rows, in the order the renders were made.
    func agents() async throws -> [String] {
        try await TestPostgres.with(url) { connection in
            var agents: [String] = []
            let rows = try await connection.query("SELECT coalesce(agent, '') FROM render ORDER BY at, id", logger: TestPostgres.logger)
            for try await agent in rows.decode(String.self) { agents.append(agent) }
            return agents
        }
    }

    func drop() async {
        guard let admin = try? TestPostgres.admin() else { return }
        _ = try? await TestPostgres.with(admin) { connection in
            try await connection.query("DROP DATABASE IF EXISTS \(unescaped: url.database) WITH (FORCE)", logger: TestPostgres.logger)
        }
    }
}

enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the sample library in a temporary folder, with `config` added to its replylint.yml.
    static func library(config: String = "") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["replies", "policies", "replylint.yml"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        if !config.isEmpty {
            let file = folder.appendingPathComponent("replylint.yml")
            try (String(contentsOf: file, encoding: .utf8) + "\n" + config + "\n").write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("replylint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/replylint")
    }

    /// Runs `replylint ARGUMENTS` in `folder` with `environment` added; returns status, stdout, stderr.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        (process.standardOutput, process.standardError, process.standardInput) = (out, err, FileHandle.nullDevice)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

/// `replylint serve --port 0` running in a library folder, its standard error kept in a file.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let errorFile: URL
    private(set) var address = ""

    init(in folder: URL, environment: [String: String] = [:], name: String = "serve") throws {
        errorFile = folder.appendingPathComponent("\(name)-stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = Fixtures.executable
        process.arguments = ["serve", "--port", "0", "--reload-interval", "0", "--log-format", "text", "--log-level", "warning"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for the "serving … on http://…" line.
    func started() async throws -> ServeProcess {
        for _ in 0..<600 {
            if let range = standardError.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                address = String(standardError[range])
                return self
            }
            try #require(process.isRunning, "serve exited: \(standardError)")
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("serve did not start within 30 s: \(standardError)")
        throw CancellationError()
    }

    var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// POSTs a render of the sample reply with `agent` as X-Agent-Id; returns the status.
    func render(agent: String) async throws -> Int {
        var request = URLRequest(url: URL(string: address + "/v1/replies/waste/missed-collection-public/render")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(agent, forHTTPHeaderField: "X-Agent-Id")
        request.httpBody = Data(#"{"channel": "x-reply", "vars": {"customer.first_name": "Ana", "agent.full_name": "Jordan Reyes"}}"#.utf8)
        request.timeoutInterval = 10
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// `/healthz` as text and as its `usageLog` object.
    func health() async throws -> (text: String, usageLog: [String: Any]) {
        let (data, _) = try await URLSession.shared.data(from: URL(string: address + "/healthz")!)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (String(decoding: data, as: UTF8.self), object?["usageLog"] as? [String: Any] ?? [:])
    }

    /// Waits until `/healthz` says `condition` of the usage log (for up to 60 s: in a full parallel test run on
    /// two cores, one CI run saw the writer still "ok" with 10 renders buffered 20 s after PostgreSQL stopped).
    func waitForUsageLog(_ condition: ([String: Any]) -> Bool) async throws {
        for _ in 0..<1200 {
            if condition(try await health().usageLog) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the usage log never got there: \(try await health().text)")
    }

    /// SIGTERM, then the exit status (fails after 30 s).
    func terminate() async throws -> Int32 {
        process.terminate()
        for _ in 0..<600 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        try #require(!process.isRunning, "serve still running 30 s after SIGTERM")
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
