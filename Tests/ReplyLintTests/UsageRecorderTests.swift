// The recorder between renders and the usage log: renders are kept while the log cannot be written
// and written when it can, the oldest go when the buffer is full, and shutdown has a deadline.
// The log here is an in-memory one that can be switched off; the PostgreSQL tests do the same for real.

import Foundation
import ReplyLint
import Synchronization
import Testing

/// A usage log that keeps rows by id (as PostgreSQL's `uid` does) and can be made to fail or hang.
final class FlakyUsageStore: UsageStore {
    enum Mode { case working, failing, hanging, slow }
    private let state = Mutex<(mode: Mode, rows: [UsageEvent], ids: Set<UUID>)>((.working, [], []))

    var name: String { "memory://usage" }
    var backend: String { "memory" }
    var mode: Mode {
        get { state.withLock { $0.mode } }
        set { state.withLock { $0.mode = newValue } }
    }
    var rows: [UsageEvent] { state.withLock { $0.rows } }

    func write(_ events: [UsageEvent]) async throws(UsageLogError) {
        switch mode {
        case .failing: throw UsageLogError("connection refused")
        case .hanging: try? await Task.sleep(for: .seconds(3600))
        case .slow: try? await Task.sleep(for: .milliseconds(400))
        case .working: break
        }
        state.withLock { state in
            for event in events where state.ids.insert(event.id).inserted { state.rows.append(event) }
        }
    }

    func read(since: Date?, replies: [String]?) throws(UsageLogError) -> UsageSummary? { nil }
    func close() async {}
}

/// What the recorder said, in order.
final class Notices: Sendable {
    private let list = Mutex<[UsageRecorder.Notice]>([])
    func append(_ notice: UsageRecorder.Notice) { list.withLock { $0.append(notice) } }
    var all: [UsageRecorder.Notice] { list.withLock { $0 } }
}

@Suite struct UsageRecorderTests {
    static let quickRetry: (first: Duration, longest: Duration) = (.milliseconds(5), .milliseconds(20))

    func events(_ count: Int) -> [UsageEvent] {
        (0..<count).map { UsageEvent(reply: "r\($0)", channel: "sms", agent: "agent-\($0)") }
    }

    /// Waits (for at most 10 s) until `condition` holds.
    func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<1_000 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        try #require(condition())
    }

    @Test func rendersMadeWhileTheLogIsAwayAreWrittenOnceItIsBack() async throws {
        let store = FlakyUsageStore()
        store.mode = .failing
        let notices = Notices()
        let recorder = UsageRecorder(log: store, retry: Self.quickRetry, notify: notices.append)
        let writer = Task { await recorder.run() }
        let made = events(50)
        for event in made.prefix(20) { recorder.record(event) }
        try await eventually { recorder.status.failing }
        for event in made.dropFirst(20) { recorder.record(event) }
        #expect(recorder.status.buffered == 50)
        #expect(recorder.status.error == "connection refused")

        store.mode = .working
        try await eventually { !recorder.status.failing && recorder.status.buffered == 0 }
        recorder.finish()
        await writer.value
        // Every render once, in the order they were made.
        #expect(store.rows.map(\.id) == made.map(\.id))
        // One warning when keeping starts, one when caught up, nothing lost.
        #expect(notices.all.count == 2)
        guard case .buffering(_, let error, _)? = notices.all.first else { Issue.record("no buffering notice: \(notices.all)"); return }
        #expect(error == "connection refused")
        guard case .caughtUp(_, let written, let dropped, _)? = notices.all.last else { Issue.record("no catch-up notice: \(notices.all)"); return }
        #expect(written == 50)
        #expect(dropped == 0)
        #expect(recorder.status.dropped == 0)
    }

    @Test func aFullBufferDropsTheOldestAndCountsThem() async throws {
        let store = FlakyUsageStore()
        store.mode = .failing
        let notices = Notices()
        let recorder = UsageRecorder(log: store, capacity: 5, retry: Self.quickRetry, notify: notices.append)
        let writer = Task { await recorder.run() }
        try await eventually { recorder.status.failing }
        let made = events(8)
        for event in made { recorder.record(event) }
        #expect(recorder.status.buffered <= 5 + 5, "at most the bound, plus one batch being written")
        try await eventually { recorder.status.buffered == 5 }
        #expect(recorder.status.dropped == 3)

        store.mode = .working
        try await eventually { recorder.status.buffered == 0 }
        recorder.finish()
        await writer.value
        // The newest five survive; the three oldest were dropped.
        #expect(store.rows.map(\.agent) == ["agent-3", "agent-4", "agent-5", "agent-6", "agent-7"])
        #expect(notices.all.filter { if case .droppingOldest = $0 { true } else { false } }.count == 1)
        guard case .caughtUp(_, let written, let dropped, _)? = notices.all.last else { Issue.record("no catch-up notice: \(notices.all)"); return }
        #expect(written == 5)
        #expect(dropped == 3)
        #expect(notices.all.last?.message.contains("3 oldest render(s) were dropped") == true)
        #expect(recorder.status.dropped == 3, "healthz keeps the count after the outage")
    }

    @Test func shutdownWritesWhatIsQueued() async throws {
        let store = FlakyUsageStore()
        let recorder = UsageRecorder(log: store, batchSize: 7)
        let writer = Task { await recorder.run() }
        for event in events(100) { recorder.record(event) }
        recorder.finish()
        await writer.value
        #expect(store.rows.count == 100)
        recorder.record(UsageEvent(reply: "late", channel: "sms"))
        #expect(store.rows.count == 100, "nothing is taken after finish()")
    }

    /// On a loaded machine the writer may get its turn after the deadline: it still tries, and goes on
    /// while the log takes its writes.
    @Test func aWriterLateForItsDeadlineStillWritesToAWorkingLog() async throws {
        let store = FlakyUsageStore()
        store.mode = .slow
        let recorder = UsageRecorder(log: store, batchSize: 5, flushDeadline: .milliseconds(100))
        for event in events(20) { recorder.record(event) }
        recorder.finish()
        try await Task.sleep(for: .milliseconds(300))
        await recorder.run()
        #expect(store.rows.count == 20)
    }

    @Test func shutdownGivesUpAtItsDeadlineWhenTheLogHangs() async throws {
        let store = FlakyUsageStore()
        store.mode = .hanging
        let notices = Notices()
        let recorder = UsageRecorder(log: store, retry: Self.quickRetry, flushDeadline: .milliseconds(300), notify: notices.append)
        let writer = Task { await recorder.run() }
        for event in events(3) { recorder.record(event) }
        recorder.finish()
        // A write that never returns must not hold shutdown: run() comes back after the deadline.
        await writer.value
        #expect(store.rows.isEmpty)
        #expect(notices.all == [.unrecorded(log: "memory://usage", count: 3, error: nil)] || notices.all.last == .unrecorded(log: "memory://usage", count: 3, error: "still writing when the shutdown deadline passed"))
        #expect(notices.all.last?.isLoss == true)
    }

    @Test func aLogAwayAtStartIsReportedAtStart() async throws {
        let store = FlakyUsageStore()
        store.mode = .failing
        let notices = Notices()
        let recorder = UsageRecorder(log: store, retry: Self.quickRetry, notify: notices.append)
        let writer = Task { await recorder.run() }
        // No render yet: the recorder opens the log at start and says it cannot.
        try await eventually { !notices.all.isEmpty }
        #expect(recorder.status.failing)
        store.mode = .working
        // And says when it is back, still without a render.
        try await eventually { notices.all.count == 2 }
        #expect(!recorder.status.failing)
        recorder.finish()
        await writer.value
    }
}
