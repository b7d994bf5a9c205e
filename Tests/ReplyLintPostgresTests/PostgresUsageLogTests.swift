// The usage log in a real PostgreSQL: the table, TLS, two `serve` replicas and an MCP server writing
// one table, `usage` and `faq-unused` reading it, PostgreSQL stopped and started under a render loop,
// a full buffer, SIGTERM, and a password that never shows. One test at a time: some stop the server.

import Foundation
import PostgresNIO
import ReplyLint
import ReplyLintPostgres
import Synchronization
import Testing

@Suite(.serialized, .enabled(if: TestPostgres.enabled, TestPostgres.skipped))
struct PostgresUsageLogTests {
    static let day: TimeInterval = 86_400

    @Test func theTableIsMadeOnFirstWriteAndABatchSentTwiceIsStoredOnce() async throws {
        let database = try await TestDatabase.make()
        let log = PostgresUsageLog(url: database.url)
        // Reading never creates the log: no table yet is no log yet.
        #expect(try log.read() == nil)

        let now = Date()
        let batch = [
            UsageEvent(reply: "a", channel: "x-reply", at: now),
            UsageEvent(reply: "a", channel: "x-dm", at: now, agent: "jordan"),
            UsageEvent(reply: "b", channel: "sms", at: now.addingTimeInterval(-40 * Self.day)),
        ]
        try await log.write(batch)
        // The same batch again, as after a commit whose answer was lost: nothing doubles.
        try await log.write(batch)
        #expect(try await database.count() == (3, 3))

        let all = try #require(try log.read())
        #expect(all.counts == ["a": 2, "b": 1])
        #expect(all.entries.first?.reply == "a")
        #expect(all.firstRecorded == UsageLog.timestamp(now.addingTimeInterval(-40 * Self.day)))
        #expect(try log.read(since: now.addingTimeInterval(-30 * Self.day))?.counts == ["a": 2])
        #expect(try log.read(since: nil, replies: ["b"])?.counts == ["b": 1])

        // Replicas starting together migrate one at a time, and a second start changes nothing.
        let others = (0..<3).map { _ in PostgresUsageLog(url: database.url) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for other in others { group.addTask { try await other.write([UsageEvent(reply: "c", channel: "sms")]) } }
            try await group.waitForAll()
        }
        #expect(try await database.count() == (6, 6))
        for other in others { await other.close() }
        await log.close()
        await database.drop()
    }

    /// The migration lock must not wait on a replica's own process. Replicas are simulated in a child copy
    /// of this test binary whose task threads are kept busy in turns (a loaded machine, a paused
    /// container), so every step of a write there resumes seconds late. A lock held across those steps
    /// made the others' lock wait run past their statement timeout: "no answer within 4 s".
    @Test func replicasMigratingWhileTheirProcessStallsDoNotTimeOut() async throws {
        let database = try await TestDatabase.make()
        // The child has a deadline: a hang there fails this test with what it said, instead of holding up the run.
        let environment = ProcessInfo.processInfo.environment.merging(["REPLYLINT_STALLED_REPLICAS_URL": database.urlText]) { $1 }
        let child = try TestPostgres.run(CommandLine.arguments[0], ["--filter", "StalledReplicas", "--testing-library", "swift-testing"],
                                         environment: environment, within: 120)
        #expect(child.finished, "the child did not finish within 120 s: \(child.output)")
        #expect(child.status == 0, "\(child.output)")
        #expect(child.output.contains("threeReplicasWriteWhileThePoolStalls() passed"), "the child ran the test: \(child.output)")
        #expect(try await database.count() == (3, 3))
        await database.drop()
    }

    /// A server the tests start outlives each test, so it must hold none of their files: a pipe open in
    /// this process while the server restarts reaches its end once this process closes it. CI once hung
    /// until its limit on a pipe the restarted server kept open.
    @Test(.enabled(if: TestPostgres.controllable, TestPostgres.uncontrolled))
    func aServerStartedByTheTestsHoldsNoneOfTheirFiles() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        do {
            try TestPostgres.pgctl("stop")
            try TestPostgres.pgctl("start")
        } catch {
            close(ends[1])
            try? TestPostgres.pgctl("start")
            throw error
        }
        close(ends[1])
        var reader = pollfd(fd: ends[0], events: Int16(POLLIN), revents: 0)
        let ended = poll(&reader, 1, 5_000) == 1
        #expect(ended, "no end of file within 5 s: the restarted server holds the pipe open")
        var byte: UInt8 = 0
        // Read only once poll says it will not block.
        if ended { #expect(read(ends[0], &byte, 1) == 0) }
    }

    /// docs/usage.md's statements, run by an administrator, leave a user with only SELECT and INSERT
    /// able to write and read; before them, that user is told why not.
    @Test func aUserWithOnlySelectAndInsertUsesTablesAnAdministratorMade() async throws {
        let database = try await TestDatabase.make()
        let user = "replylint_agent_" + UUID().uuidString.prefix(8).lowercased()
        let password = UUID().uuidString
        _ = try await TestPostgres.with(database.url) { connection in
            try await connection.query("CREATE ROLE \(unescaped: user) LOGIN PASSWORD '\(unescaped: password)'", logger: TestPostgres.logger)
        }
        var restricted = database.url
        restricted.user = user
        restricted.password = password
        let log = PostgresUsageLog(url: restricted)
        do {
            try await log.write([UsageEvent(reply: "a", channel: "sms")])
            Issue.record("a user who may not create tables wrote before they were made")
        } catch {
            #expect(error.message.hasSuffix("cannot write to the usage log (permission denied for schema public [42501])"), "\(error.message)")
        }

        let usage = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/usage.md"), encoding: .utf8)
        let blocks = usage.components(separatedBy: "```sql\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        let sql = try #require(blocks.first { $0.contains("GENERATED ALWAYS AS IDENTITY") }, "docs/usage.md shows the PostgreSQL statements")
        #expect(sql.contains("GRANT SELECT, INSERT ON render, replylint_migrations TO replylint;"))
        _ = try await TestPostgres.with(database.url) { connection in
            for statement in sql.replacingOccurrences(of: "TO replylint;", with: "TO \(user);").components(separatedBy: ";\n")
            where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: TestPostgres.logger)
            }
        }
        try await log.write([UsageEvent(reply: "a", channel: "sms"), UsageEvent(reply: "b", channel: "x-dm")])
        #expect(try log.read()?.counts == ["a": 1, "b": 1])
        await log.close()
        await database.drop()
        _ = try await TestPostgres.with(try TestPostgres.admin()) { connection in
            try await connection.query("DROP ROLE \(unescaped: user)", logger: TestPostgres.logger)
        }
    }

    @Test func tlsWhenTheURLAsksForIt() async throws {
        let database = try await TestDatabase.make()
        for (mode, encrypted) in [(PostgresURL.SSLMode.require, true), (.disable, false), (.prefer, true)] {
            var url = database.url
            url.sslMode = mode
            let log = PostgresUsageLog(url: url)
            try await log.write([UsageEvent(reply: "a", channel: "sms")])
            // The log keeps its connection open: the server says whether it is encrypted.
            let ssl = try await TestPostgres.with(database.url) { connection in
                let rows = try await connection.query(
                    "SELECT bool_or(ssl) FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) WHERE application_name = 'replylint' AND datname = \(database.url.database)",
                    logger: TestPostgres.logger)
                for try await ssl in rows.decode(Bool?.self) { return ssl }
                return nil
            }
            #expect(ssl == encrypted, "sslmode=\(mode.rawValue)")
            await log.close()
        }
        await database.drop()
    }

    @Test func twoServersAndAnMCPServerWriteOneTableThatUsageAndLintRead() async throws {
        let database = try await TestDatabase.make()
        let environment = ["REPLYLINT_USAGE_LOG": database.urlText]
        let library = try Fixtures.library()
        defer { try? FileManager.default.removeItem(at: library) }
        let first = try ServeProcess(in: library, environment: environment, name: "first")
        let second = try ServeProcess(in: library, environment: environment, name: "second")
        defer { first.kill(); second.kill() }
        _ = try await first.started()
        _ = try await second.started()

        // 60 renders, half to each replica, eight at a time.
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            var statuses: [Int] = []
            for index in 0..<60 {
                if index >= 8, let status = try await group.next() { statuses.append(status) }
                let server = index.isMultiple(of: 2) ? first : second
                group.addTask { try await server.render(agent: "agent-\(index)") }
            }
            for try await status in group { statuses.append(status) }
            return statuses
        }
        #expect(statuses.filter { $0 == 200 }.count == 60)

        // An MCP server on the same log.
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"pipe","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        ] + (2..<7).map { id in
            #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"render_reply","arguments":{"id":"thanks-compliment","channel":"x-reply","vars":{"customer.first_name":"Ana","agent.full_name":"Jordan Reyes"}}}}"#
        }
        let mcp = try Self.mcp(requests, in: library, environment: environment)
        #expect(mcp.status == 0, "\(mcp.stderr)")

        #expect(try await first.terminate() == 0)
        #expect(try await second.terminate() == 0)
        // Every render once: none lost, none doubled.
        #expect(try await database.count() == (65, 65))
        #expect(Set(try await database.agents().filter { $0.hasPrefix("agent-") }).count == 60)

        // `replylint usage` reads the same table, naming it without its password.
        let usage = try Fixtures.run(["usage", "--format", "json"], in: library, environment: environment)
        #expect(usage.status == 0, "\(usage.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(usage.stdout.utf8)) as? [String: Any]
        #expect(report?["total"] as? Int == 65)
        let counts = Dictionary(uniqueKeysWithValues: (report?["replies"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0["count"] as? Int ?? -1) })
        #expect(counts["waste/missed-collection-public"] == 60)
        #expect(counts["thanks-compliment"] == 5)
        #expect(report?["log"] as? String == database.url.description)
        #expect(!usage.stdout.contains(database.url.password!))
        await database.drop()
    }

    @Test func faqUnusedAndUsageReadTheLogNamedInReplylintYml() async throws {
        let database = try await TestDatabase.make()
        let log = PostgresUsageLog(url: database.url)
        var events = [UsageEvent(reply: "thanks-compliment", channel: "x-reply", at: Date().addingTimeInterval(-30 * Self.day))]
        events += (0..<5).map { _ in UsageEvent(reply: "waste/missed-collection-public", channel: "x-reply") }
        try await log.write(events)
        await log.close()
        // This time from the config file, not the environment.
        let library = try Fixtures.library(config: "usage:\n  log: \"\(database.urlText)\"")
        defer { try? FileManager.default.removeItem(at: library) }

        let lint = try Fixtures.run(["lint", "--format", "json"], in: library, environment: [:])
        #expect(lint.status == 0, "\(lint.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any]
        let unused = (report?["diagnostics"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "faq-unused" }
        #expect(unused.count == 50, "51 replies, one rendered 5 times")
        #expect(unused.contains { ($0["message"] as? String)?.hasPrefix("rendered once in the last 90 days (usage log \(database.url.description))") == true })
        #expect(!lint.stdout.contains(database.url.password!))

        let usage = try Fixtures.run(["usage", "--top", "2"], in: library, environment: [:])
        #expect(usage.status == 0, "\(usage.stderr)")
        #expect(usage.stdout.hasPrefix("6 renders of 2 of 51 replies in the last 90 days, from \(database.url.description)"))
        await database.drop()
    }

    @Test(.enabled(if: TestPostgres.controllable, TestPostgres.uncontrolled))
    func aRestartOfPostgreSQLDuringARenderLoopLosesNoRender() async throws {
        let database = try await TestDatabase.make()
        let library = try Fixtures.library()
        defer { try? FileManager.default.removeItem(at: library) }
        let server = try await ServeProcess(in: library, environment: ["REPLYLINT_USAGE_LOG": database.urlText]).started()
        defer { server.kill() }
        var statuses: [Int] = []
        do {
            for index in 0..<40 {
                if index == 10 { try TestPostgres.pgctl("stop") }
                if index == 20 {
                    try await server.waitForUsageLog { $0["state"] as? String == "buffering" }
                    #expect((try await server.health().usageLog["buffered"] as? Int ?? 0) > 0)
                }
                if index == 30 { try TestPostgres.pgctl("start") }
                statuses.append(try await server.render(agent: "agent-\(index)"))
            }
        } catch {
            try? TestPostgres.pgctl("start")
            throw error
        }
        #expect(statuses == Array(repeating: 200, count: 40), "no render fails while the database is away")
        try await server.waitForUsageLog { $0["state"] as? String == "ok" && $0["buffered"] as? Int == 0 }
        #expect(try await server.terminate() == 0)
        #expect(try await database.count() == (40, 40))
        #expect(try await database.agents() == (0..<40).map { "agent-\($0)" })
        // One warning when buffering starts, one when it has caught up.
        let log = server.standardError
        #expect(log.components(separatedBy: "cannot be written").count - 1 == 1, "\(log)")
        #expect(log.components(separatedBy: "is back:").count - 1 == 1, "\(log)")
        await database.drop()
    }

    @Test(.enabled(if: TestPostgres.controllable, TestPostgres.uncontrolled))
    func aFullBufferDropsTheOldestRendersAndSaysHowMany() async throws {
        let database = try await TestDatabase.make()
        let library = try Fixtures.library(config: "usage:\n  buffer: 5")
        defer { try? FileManager.default.removeItem(at: library) }
        let server = try await ServeProcess(in: library, environment: ["REPLYLINT_USAGE_LOG": database.urlText]).started()
        defer { server.kill() }
        try await server.waitForUsageLog { $0["state"] as? String == "ok" }
        try TestPostgres.pgctl("stop")
        do {
            for index in 0..<8 { #expect(try await server.render(agent: "agent-\(index)") == 200) }
            // Once the writer has tried again: five kept, three dropped.
            try await server.waitForUsageLog { $0["state"] as? String == "buffering" && $0["buffered"] as? Int == 5 }
            #expect(try await server.health().usageLog["dropped"] as? Int == 3)
        } catch {
            try? TestPostgres.pgctl("start")
            throw error
        }
        try TestPostgres.pgctl("start")
        try await server.waitForUsageLog { $0["state"] as? String == "ok" && $0["buffered"] as? Int == 0 }
        #expect(try await server.terminate() == 0)
        // The five newest renders are in the table; the three oldest were dropped, and the log says so.
        #expect(try await database.agents() == (3..<8).map { "agent-\($0)" })
        #expect(server.standardError.contains("the buffer is full (5 renders); dropping the oldest"))
        #expect(server.standardError.contains("3 oldest render(s) were dropped"))
        await database.drop()
    }

    @Test(.enabled(if: TestPostgres.controllable, TestPostgres.uncontrolled))
    func sigtermWritesWhatIsBufferedBeforeExit() async throws {
        let database = try await TestDatabase.make()
        let library = try Fixtures.library()
        defer { try? FileManager.default.removeItem(at: library) }
        let server = try await ServeProcess(in: library, environment: ["REPLYLINT_USAGE_LOG": database.urlText]).started()
        defer { server.kill() }
        try await server.waitForUsageLog { $0["state"] as? String == "ok" }
        try TestPostgres.pgctl("stop")
        do {
            for index in 0..<10 { #expect(try await server.render(agent: "agent-\(index)") == 200) }
            try await server.waitForUsageLog { $0["state"] as? String == "buffering" }
        } catch {
            try? TestPostgres.pgctl("start")
            throw error
        }
        // Stopped while the database is away; it comes back within the flush deadline.
        server.process.terminate()
        try await Task.sleep(for: .milliseconds(500))
        #expect(server.process.isRunning, "still trying to write the buffer")
        try TestPostgres.pgctl("start")
        #expect(try await server.terminate() == 0)
        #expect(try await database.count() == (10, 10))
        await database.drop()
    }

    @Test func thePasswordNeverShows() async throws {
        let database = try await TestDatabase.make()
        var wrong = database.url
        wrong.password = "Wr0ng-Pa55word"
        let url = "postgres://\(wrong.user):\(wrong.password!)@\(wrong.host):\(wrong.port)/\(wrong.database)?sslmode=disable"
        let library = try Fixtures.library()
        defer { try? FileManager.default.removeItem(at: library) }

        // lint and usage stop with exit 2, naming the log without its password.
        for arguments in [["usage"], ["lint"]] {
            let result = try Fixtures.run(arguments, in: library, environment: ["REPLYLINT_USAGE_LOG": url])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("postgres://\(wrong.user):***@"), "\(result.stderr)")
            #expect(result.stderr.contains("password authentication failed"), "\(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains("Wr0ng"), "\(result.stderr)")
        }
        // A bad URL in a config file.
        try "usage:\n  log: \(url)&sslmode=sometimes\n".write(to: library.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
        let config = try Fixtures.run(["lint", "--config", "bad.yml"], in: library, environment: [:])
        #expect(config.status == 2)
        #expect(config.stderr.contains("bad.yml:2:"), "\(config.stderr)")
        #expect(config.stderr.contains("sslmode=sometimes"), "\(config.stderr)")
        #expect(!config.stderr.contains("Wr0ng"), "\(config.stderr)")

        // serve keeps serving and says why the log cannot be written, in its log and in /healthz.
        let server = try ServeProcess(in: library, environment: ["REPLYLINT_USAGE_LOG": url])
        defer { server.kill() }
        let process = try await server.started()
        #expect(try await process.render(agent: "jordan") == 200)
        try await process.waitForUsageLog { $0["state"] as? String == "buffering" }
        let health = try await process.health()
        #expect((health.usageLog["error"] as? String)?.contains("password authentication failed") == true, "\(health.text)")
        #expect(health.usageLog["backend"] as? String == "postgresql")
        #expect(!health.text.contains("Wr0ng"))
        server.kill()
        #expect(server.standardError.contains("password authentication failed"), "\(server.standardError)")
        #expect(!server.standardError.contains("Wr0ng"), "\(server.standardError)")
        await database.drop()
    }

    /// Runs `replylint mcp` with `requests` on its input, then closes it.
    static func mcp(_ requests: [String], in folder: URL, environment: [String: String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Fixtures.executable
        process.arguments = ["mcp"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
        try process.run()
        input.fileHandleForWriting.write(Data((requests.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }
}

/// Run only as the child of `replicasMigratingWhileTheirProcessStallsDoNotTimeOut`: it stalls this
/// whole process's task threads.
@Suite(.enabled(if: TestPostgres.stalledReplicasURL != nil))
struct StalledReplicas {

    final class Stop: Sendable { let flag = Atomic<Bool>(false) }

    @Test func threeReplicasWriteWhileThePoolStalls() async throws {
        let url = try PostgresURL(parsing: try #require(TestPostgres.stalledReplicasURL))
        // One busy task per thread of the pool: each blocks its thread for 3 s, lets the queue run, again.
        // They give up after a minute whatever happens, so the child always ends.
        let stop = Stop()
        let giveUp = ContinuousClock.now + .seconds(60)
        let hogs = (0..<ProcessInfo.processInfo.activeProcessorCount).map { _ in
            Task.detached {
                while !stop.flag.load(ordering: .relaxed) && ContinuousClock.now < giveUp {
                    usleep(3_000_000)
                    await Task.yield()
                }
            }
        }
        let replicas = (0..<3).map { _ in PostgresUsageLog(url: url, timeout: .seconds(4)) }
        let failures = await withTaskGroup(of: String?.self) { group in
            for replica in replicas {
                group.addTask {
                    do throws(UsageLogError) {
                        try await replica.write([UsageEvent(reply: "c", channel: "sms")])
                        return nil
                    } catch {
                        return error.message
                    }
                }
            }
            return await group.reduce(into: [String]()) { if let failure = $1 { $0.append(failure) } }
        }
        stop.flag.store(true, ordering: .relaxed)
        for hog in hogs { await hog.value }
        for replica in replicas { await replica.close() }
        #expect(failures.isEmpty)
    }
}

extension TestPostgres {
    /// Set by `replicasMigratingWhileTheirProcessStallsDoNotTimeOut` for its child.
    static let stalledReplicasURL = environment["REPLYLINT_STALLED_REPLICAS_URL"]
}
