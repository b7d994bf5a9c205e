// Recording renders off the request path: callers hand events over without waiting; one task writes
// them to the usage log in batches, keeps them while the log cannot be written (a database restart,
// a network cut), and writes them when it can again. The buffer is bounded: when full, the oldest go.

import Foundation
import Synchronization

public final class UsageRecorder: Sendable {
    /// What the recorder has to say, one line each, for the server's log.
    public enum Notice: Sendable, Equatable {
        /// The log could not be written: renders are kept until it can. Said once per outage.
        case buffering(log: String, error: String, capacity: Int)
        /// Everything kept during an outage has been written. Said once per outage.
        case caughtUp(log: String, written: Int, dropped: Int, seconds: Int)
        /// The buffer is full: from now on the oldest renders make room for new ones. Said once per outage.
        case droppingOldest(log: String, capacity: Int)
        /// Renders dropped so far in this outage, said every `dropReportInterval` while dropping goes on.
        case dropped(log: String, count: Int)
        /// Stopping with renders the log did not take (the deadline passed, or the task was cancelled).
        case unrecorded(log: String, count: Int, error: String?)

        public var message: String {
            switch self {
            case .buffering(let log, let error, let capacity):
                "usage log \(log) cannot be written (\(error)); keeping renders until it can (up to \(capacity))"
            case .caughtUp(let log, let written, let dropped, let seconds):
                "usage log \(log) is back: \(written) kept render(s) written after \(seconds) s"
                    + (dropped > 0 ? "; \(dropped) oldest render(s) were dropped because the buffer was full" : "")
            case .droppingOldest(let log, let capacity):
                "usage log \(log): the buffer is full (\(capacity) renders); dropping the oldest (raise usage.buffer, or bring the log back)"
            case .dropped(let log, let count):
                "usage log \(log): \(count) render(s) dropped so far while it cannot be written"
            case .unrecorded(let log, let count, let error):
                "usage log \(log): \(count) render(s) not recorded at shutdown" + (error.map { " (\($0))" } ?? "")
            }
        }

        /// Whether renders were lost.
        public var isLoss: Bool {
            switch self {
            case .droppingOldest, .dropped, .unrecorded: true
            case .caughtUp(_, _, let dropped, _): dropped > 0
            case .buffering: false
            }
        }
    }

    /// For `/healthz`.
    public struct Status: Sendable, Equatable {
        /// Renders waiting to be written (including a batch being written).
        public var buffered: Int
        /// Renders dropped because the buffer was full, since the recorder started.
        public var dropped: Int
        public var written: Int
        /// Whether the last write failed (renders are being kept).
        public var failing: Bool
        /// Why the last write failed, while it is failing.
        public var error: String?
    }

    public let log: any UsageStore
    /// The most renders kept while the log cannot be written (`usage: {buffer: …}`).
    public let capacity: Int
    let batchSize: Int
    let firstRetry: Duration
    let longestRetry: Duration
    let flushDeadline: Duration
    let dropReportInterval: Duration

    private struct State {
        /// `queue[head...]` are waiting; the slots before `head` are spent and trimmed now and then.
        var queue: [UsageEvent] = []
        var head = 0
        var inFlight = 0
        var finished = false
        /// When `finish()` was called plus `flushDeadline`.
        var deadline: ContinuousClock.Instant?
        var failingSince: ContinuousClock.Instant?
        var error: String?
        /// Renders written since the outage began (the backlog, and renders made meanwhile).
        var writtenInOutage = 0
        var written = 0
        var dropped = 0
        var droppedInOutage = 0
        var droppedUnreported = 0
        var lastDropReport: ContinuousClock.Instant?
        /// The write being waited for, so the flush deadline can stop the wait.
        var pending: (id: Int, continuation: CheckedContinuation<String?, Never>)?
        var attempts = 0
        var attemptsSinceFinish = 0

        var waiting: Int { queue.count - head }

        /// Drops the oldest waiting renders beyond `capacity`; returns how many went.
        mutating func trim(to capacity: Int) -> Int {
            let excess = waiting - capacity
            guard excess > 0 else { return 0 }
            head += excess
            dropped += excess
            droppedInOutage += excess
            droppedUnreported += excess
            if head > 4096, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            return excess
        }
    }

    private let state = Mutex(State())
    private let wakeUp: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let notify: @Sendable (Notice) -> Void

    /// `notify` hears when writing starts failing and when it has caught up, about dropped renders and
    /// about renders left unwritten at shutdown.
    public init(
        log: any UsageStore, capacity: Int = 100_000, batchSize: Int = 2_000,
        retry: (first: Duration, longest: Duration) = (.milliseconds(100), .seconds(2)),
        flushDeadline: Duration = .seconds(10), dropReportInterval: Duration = .seconds(30),
        notify: @escaping @Sendable (Notice) -> Void = { _ in }
    ) {
        self.log = log
        self.capacity = max(1, capacity)
        self.batchSize = max(1, batchSize)
        firstRetry = retry.first
        longestRetry = retry.longest
        self.flushDeadline = flushDeadline
        self.dropReportInterval = dropReportInterval
        self.notify = notify
        (wakeUp, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Keeps `event` for writing; never blocks, never fails. When the buffer is full, the oldest waiting
    /// render makes room.
    public func record(_ event: UsageEvent) {
        let firstDrop = state.withLock { state -> Bool in
            guard !state.finished else {
                state.dropped += 1
                return false
            }
            state.queue.append(event)
            return state.trim(to: capacity) > 0 && state.droppedInOutage == 1
        }
        wake.yield()
        if firstDrop { notify(.droppingOldest(log: log.name, capacity: capacity)) }
    }

    public var status: Status {
        state.withLock { state in
            Status(buffered: state.waiting + state.inFlight, dropped: state.dropped, written: state.written,
                   failing: state.failingSince != nil, error: state.failingSince == nil ? nil : state.error)
        }
    }

    /// Writes renders until `finish()` is called and what is left is written, or the flush deadline
    /// passes, or the task is cancelled; then returns. It starts by opening the log (writing nothing), so a
    /// log that cannot be written is reported at start, not at the first render.
    public func run() async {
        var wakeUps = wakeUp.makeAsyncIterator()
        var delay = firstRetry
        var batch: [UsageEvent]? = []
        var lastFailed = false
        while true {
            if batch == nil { batch = takeBatch() }
            guard let events = batch else {
                let (finished, failing) = state.withLock { ($0.finished, $0.failingSince != nil) }
                if finished { return }
                if failing {
                    // Nothing to write, but the log is away: look again after a pause, so that `/healthz`
                    // and the log say when it is back even while no one renders.
                    try? await Task.sleep(for: delay)
                    if Task.isCancelled { return }
                    batch = takeBatch() ?? []
                } else {
                    _ = await wakeUps.next()
                }
                continue
            }
            batch = nil
            // Opening the log to see whether it is there is for a running server, not for one stopping.
            if events.isEmpty, state.withLock({ $0.finished }) { continue }
            // Past the deadline, give up once a write tried since `finish()` has failed: a writer that gets
            // its turn late (a loaded machine) still tries, and goes on while the log takes its writes
            // (each bounded by `lateAttemptGrace`), so a working log gets everything.
            let (deadline, tried) = state.withLock { ($0.deadline, $0.attemptsSinceFinish > 0) }
            if Task.isCancelled || (tried && lastFailed && deadline.map({ ContinuousClock.now >= $0 }) == true) {
                putBack(events, error: nil)
                giveUp()
                return
            }
            let failure = await attempt(events)
            lastFailed = failure != nil
            if let failure {
                putBack(events, error: failure)
                if !events.isEmpty {
                    let pause = deadline.map { min(delay, ContinuousClock.now.duration(to: $0)) } ?? delay
                    if pause > .zero { try? await Task.sleep(for: pause) }
                }
                delay = min(delay * 2, longestRetry)
            } else {
                delay = firstRetry
                written(events.count)
            }
        }
    }

    /// Stops taking renders; `run()` writes what is left (for up to the flush deadline) and returns.
    public func finish() {
        let deadline = state.withLock { state -> ContinuousClock.Instant? in
            guard !state.finished else { return nil }
            state.finished = true
            state.deadline = ContinuousClock.now + flushDeadline
            return state.deadline
        }
        wake.finish()
        guard let deadline else { return }
        // A write already going when `finish()` was called is bounded by the deadline here.
        let current = state.withLock { $0.pending?.id }
        guard let current else { return }
        Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            resumeAttempt(current, with: "still writing when the shutdown deadline passed")
        }
    }

    // MARK: - The buffer

    private func takeBatch() -> [UsageEvent]? {
        state.withLock { state -> [UsageEvent]? in
            guard state.waiting > 0 else { return nil }
            let end = min(state.queue.count, state.head + batchSize)
            let batch = Array(state.queue[state.head..<end])
            state.head = end
            state.inFlight = batch.count
            if state.head == state.queue.count {
                state.queue.removeAll(keepingCapacity: state.queue.count <= 4096)
                state.head = 0
            }
            return batch
        }
    }

    /// The reason in a store's error, without the log's name (the notice names it once).
    private func reason(_ message: String) -> String {
        var text = Substring(message)
        if text.hasPrefix(log.name + ": ") { text = text.dropFirst(log.name.count + 2) }
        for wrapper in ["cannot write to the usage log (", "cannot open the usage log ("] where text.hasPrefix(wrapper) {
            text = text.dropFirst(wrapper.count)
            if text.hasSuffix(")") { text = text.dropLast() }
            // SQLite's open error ends with advice after the reason: keep it.
            if let advice = text.range(of: "); ") { text = text[..<advice.lowerBound] + "; " + text[advice.upperBound...] }
        }
        return String(text)
    }

    /// A batch the log did not take goes back to the front of the queue, oldest first, and the
    /// buffer is trimmed to its bound.
    private func putBack(_ batch: [UsageEvent], error: String?) {
        var notices: [Notice] = []
        state.withLock { state in
            state.queue.replaceSubrange(0..<state.head, with: batch)
            state.head = 0
            state.inFlight = 0
            let droppedBefore = state.droppedInOutage
            _ = state.trim(to: capacity)
            guard let error = error.map(reason) else { return }
            state.error = error
            let now = ContinuousClock.now
            let since = state.failingSince ?? now
            if state.failingSince == nil {
                state.failingSince = now
                notices.append(.buffering(log: log.name, error: error, capacity: capacity))
            }
            if droppedBefore == 0, state.droppedInOutage > 0 { notices.append(.droppingOldest(log: log.name, capacity: capacity)) }
            if state.droppedUnreported > 0, now - (state.lastDropReport ?? since) >= dropReportInterval {
                notices.append(.dropped(log: log.name, count: state.droppedInOutage))
                state.droppedUnreported = 0
                state.lastDropReport = now
            }
        }
        notices.forEach(notify)
    }

    private func written(_ count: Int) {
        let notice = state.withLock { state -> Notice? in
            state.written += count
            state.inFlight = 0
            guard let since = state.failingSince else {
                // Renders dropped while the log was slow rather than away (a buffer smaller than one write's worth).
                guard state.droppedInOutage > 0, state.waiting == 0 else { return nil }
                defer { state.droppedInOutage = 0; state.droppedUnreported = 0 }
                return .dropped(log: log.name, count: state.droppedInOutage)
            }
            state.writtenInOutage += count
            guard state.waiting == 0 else { return nil }
            let seconds = Int((ContinuousClock.now - since).components.seconds)
            let notice = Notice.caughtUp(log: log.name, written: state.writtenInOutage, dropped: state.droppedInOutage, seconds: seconds)
            state.failingSince = nil
            state.error = nil
            state.writtenInOutage = 0
            state.droppedInOutage = 0
            state.droppedUnreported = 0
            state.lastDropReport = nil
            return notice
        }
        if let notice { notify(notice) }
    }

    private func giveUp() {
        let (count, error) = state.withLock { state in
            let count = state.waiting
            state.dropped += count
            state.queue.removeAll()
            state.head = 0
            return (count, state.failingSince == nil ? nil : state.error)
        }
        if count > 0 { notify(.unrecorded(log: log.name, count: count, error: error)) }
    }

    /// Writes `events` and returns the error message, or nil when written. Once `finish()` has been called,
    /// a write still going at the flush deadline is left to end on its own and counts as failed, so a log
    /// that hangs cannot hold the process past its deadline.
    private func attempt(_ events: [UsageEvent]) async -> String? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
                let (id, deadline) = state.withLock { state -> (Int?, ContinuousClock.Instant?) in
                    if Task.isCancelled { return (nil, nil) }
                    state.attempts += 1
                    if state.finished, !events.isEmpty { state.attemptsSinceFinish += 1 }
                    state.pending = (state.attempts, continuation)
                    return (state.attempts, state.deadline)
                }
                guard let id else {
                    continuation.resume(returning: "stopped before the write ended")
                    return
                }
                Task { [log] in
                    let result: String?
                    do {
                        try await log.write(events)
                        result = nil
                    } catch {
                        result = (error as? UsageLogError)?.message ?? "\(error)"
                    }
                    resumeAttempt(id, with: result)
                }
                // Begun after `finish()`: bounded by the deadline, or a short grace when it has passed.
                if let deadline {
                    Task {
                        try? await Task.sleep(until: max(deadline, .now + Self.lateAttemptGrace), clock: .continuous)
                        resumeAttempt(id, with: "still writing when the shutdown deadline passed")
                    }
                }
            }
        } onCancel: {
            resumeAttempt(nil, with: "stopped before the write ended")
        }
    }

    /// How long an attempt that begins after the flush deadline may take.
    static let lateAttemptGrace: Duration = .seconds(2)

    /// Resumes the attempt `id` (any attempt when nil) if it is still waiting.
    private func resumeAttempt(_ id: Int?, with result: String?) {
        let continuation = state.withLock { state -> CheckedContinuation<String?, Never>? in
            guard let pending = state.pending, id == nil || pending.id == id else { return nil }
            state.pending = nil
            return pending.continuation
        }
        continuation?.resume(returning: result)
    }
}
