// The usage log: what is written, what `faq-unused` and `replylint usage` make of it.

import Foundation
import GRDB
@testable import ReplyLint
import Testing

@Suite struct UsageLogTests {
    static let day: TimeInterval = 86_400

    /// A copy of the sample library with a usage log holding `events`.
    func library(with events: [UsageEvent]) throws -> URL {
        let folder = try sampleLibraryCopy()
        let log = try UsageLog(path: folder.appendingPathComponent(".replylint/usage.sqlite").path)
        try log.record(events)
        return folder
    }

    @Test func summaryCountsRendersPerReplyWithinTheWindow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("usage-\(UUID().uuidString)")
        let log = try UsageLog(path: folder.appendingPathComponent("nested/usage.sqlite").path)
        let now = Date()
        try log.record([
            UsageEvent(reply: "a", channel: "x-reply", at: now),
            UsageEvent(reply: "a", channel: "x-dm", at: now, agent: "jordan"),
            UsageEvent(reply: "b", channel: "x-reply", at: now.addingTimeInterval(-40 * Self.day)),
        ])
        let all = try log.summary()
        #expect(all.counts == ["a": 2, "b": 1])
        #expect(all.entries.first?.reply == "a")
        let recent = try log.summary(since: now.addingTimeInterval(-30 * Self.day))
        #expect(recent.counts == ["a": 2])
        #expect(recent.firstRecorded == UsageLog.timestamp(now.addingTimeInterval(-40 * Self.day)))
        // Only some replies (what `lint` given a few files reads); the log's start is still the log's.
        let some = try #require(try UsageLog.read(path: folder.appendingPathComponent("nested/usage.sqlite").path, replies: ["b"]))
        #expect(some.counts == ["b": 1])
        #expect(some.firstRecorded == all.firstRecorded)
        // Reading without creating: a missing file is no log, not an error.
        #expect(try UsageLog.read(path: folder.appendingPathComponent("none.sqlite").path) == nil)
    }

    @Test func recorderWritesQueuedEventsWhenFinished() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("usage-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("usage.sqlite").path
        let recorder = UsageRecorder(log: SQLiteUsageStore(path: path))
        let writer = Task { await recorder.run() }
        for index in 0..<500 { recorder.record(UsageEvent(reply: "r\(index % 5)", channel: "sms")) }
        recorder.finish()
        await writer.value
        #expect(try UsageLog.read(path: path)?.total == 500)
    }

    @Test func faqUnusedReportsRarelyRenderedRepliesFromAnOldEnoughLog() throws {
        let start = Date().addingTimeInterval(-30 * Self.day)
        var events = [UsageEvent(reply: "thanks-compliment", channel: "x-reply", at: start)]
        events += (0..<5).map { _ in UsageEvent(reply: "waste/missed-collection-public", channel: "x-reply") }
        let folder = try library(with: events)
        let result = try CLI.run(["lint", "--format", "json"], in: folder)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let unused = (report?["diagnostics"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "faq-unused" }
        // 46 replies, one rendered 5 times: the other 45 are reported, the busy one is not.
        #expect(unused.count == 45)
        #expect(!unused.contains { $0["reply"] as? String == "waste/missed-collection-public" })
        #expect(unused.contains { ($0["message"] as? String)?.hasPrefix("rendered once in the last 90 days (usage log .replylint/usage.sqlite)") == true })
        #expect(result.status == 0, "faq-unused is an info: it does not fail the run")
    }

    @Test func aYoungLogIsNotUsedYet() throws {
        let folder = try library(with: [UsageEvent(reply: "thanks-compliment", channel: "x-reply")])
        let result = try CLI.run(["lint", "--format", "json"], in: folder)
        #expect(!result.stdout.contains("faq-unused"))
    }

    @Test func usageCommandListsMostAndLeastUsedReplies() throws {
        let events = (0..<2).map { _ in UsageEvent(reply: "waste/missed-collection-public", channel: "x-reply") }
            + [UsageEvent(reply: "waste/missed-collection-public", channel: "x-reply", agent: "jordan", override: true)]
            + [UsageEvent(reply: "thanks-compliment", channel: "x-reply"), UsageEvent(reply: "retired/old-one", channel: "sms")]
        let folder = try library(with: events)
        let result = try CLI.run(["usage", "--top", "3"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("5 renders of 2 of 46 replies in the last 90 days, from .replylint/usage.sqlite") == true)
        let most = try #require(lines.firstIndex(of: "Most used"))
        #expect(lines[most + 1].contains("3  waste/missed-collection-public  last "))
        #expect(lines[most + 2].contains("1  thanks-compliment"))
        #expect(lines.contains { $0.contains("0  ") && $0.hasSuffix("never") })
        #expect(lines.contains("Rendered but no longer in the library"))

        let json = try CLI.run(["usage", "--format", "json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["replies"] as? [Any])?.count == 46)
        #expect(object?["total"] as? Int == 5)
        // The page's "Copy anyway": one of the three renders was used despite an error finding.
        let replies = object?["replies"] as? [[String: Any]] ?? []
        let overrides = Dictionary(uniqueKeysWithValues: replies.map { ($0["id"] as? String ?? "", $0["overrides"] as? Int) })
        #expect(overrides["waste/missed-collection-public"] == 1)
        #expect(overrides["thanks-compliment"] == 0)
        #expect(object?["overrides"] as? Int == 1)
    }

    @Test func aLogFromBeforeOverridesReadsAndGainsTheColumnWhenOpened() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("usage-\(UUID().uuidString).sqlite").path
        // The log as `serve` wrote it before the override column existed.
        let old = try DatabaseQueue(path: path)
        try UsageLog.migrator.migrate(old, upTo: "v2")
        try old.write { db in try db.execute(sql: "INSERT INTO render (reply, channel, at) VALUES ('a', 'sms', '2026-11-21T09:30:00Z')") }
        try old.close()

        // `replylint usage` and `lint` read it as it is, without writing to it.
        let before = try #require(try UsageLog.read(path: path))
        #expect(before.entries.map(\.count) == [1])
        #expect(before.entries.map(\.overrides) == [0])

        // `serve` opens it for writing: the migration adds the column, and the old row is no override.
        let log = try UsageLog(path: path)
        try log.record([UsageEvent(reply: "a", channel: "sms", override: true), UsageEvent(reply: "a", channel: "sms")])
        let after = try log.summary()
        #expect(after.entries.map(\.count) == [3])
        #expect(after.entries.map(\.overrides) == [1])
    }

    @Test func usageWithoutALogIsExitTwo() throws {
        let folder = try sampleLibraryCopy()
        let result = try CLI.run(["usage"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".replylint/usage.sqlite: no usage log yet"))
    }

    @Test func aCorruptLogStopsLintNamingTheFile() throws {
        let folder = try sampleLibraryCopy()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".replylint"), withIntermediateDirectories: true)
        try Data("not a database at all, just text".utf8).write(to: folder.appendingPathComponent(".replylint/usage.sqlite"))
        let result = try CLI.run(["lint"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("replylint: .replylint/usage.sqlite: "), "\(result.stderr)")
    }
}
