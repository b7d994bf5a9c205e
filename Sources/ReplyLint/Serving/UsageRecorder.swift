// Recording renders off the request path: callers hand events over without waiting, and one
// task writes them to the usage log in batches.

import Synchronization

public final class UsageRecorder: Sendable {
    public let log: UsageLog
    /// Events waiting to be written. Bounded so a stuck disk cannot grow memory without limit.
    private let pending = Mutex<(events: [UsageEvent], dropped: Int, finished: Bool)>(([], 0, false))
    private let wakeUp: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    public let capacity: Int
    private let onError: @Sendable (String) -> Void

    /// `onError` hears about writes that failed and events dropped because the queue was full.
    public init(log: UsageLog, capacity: Int = 100_000, onError: @escaping @Sendable (String) -> Void) {
        self.log = log
        self.capacity = capacity
        self.onError = onError
        (wakeUp, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues `event`; never blocks and never throws.
    public func record(_ event: UsageEvent) {
        let accepted = pending.withLock { state -> Bool in
            guard !state.finished, state.events.count < capacity else {
                state.dropped += 1
                return false
            }
            state.events.append(event)
            return true
        }
        if accepted { wake.yield() }
    }

    /// Writes queued events until `finish()` is called, then writes what is left and returns.
    public func run() async {
        for await _ in wakeUp { await write(take()) }
        await write(take())
    }

    /// Stops accepting events; `run()` writes the rest and returns.
    public func finish() {
        pending.withLock { $0.finished = true }
        wake.finish()
    }

    /// Writes what is queued now, on the calling thread (tests, and a process about to exit).
    public func flush() {
        let (batch, dropped) = take()
        report(dropped: dropped)
        do {
            try log.record(batch)
        } catch {
            onError("\(error.message); \(batch.count) render(s) not recorded")
        }
    }

    private func write(_ taken: (batch: [UsageEvent], dropped: Int)) async {
        report(dropped: taken.dropped)
        do {
            try await log.recordInBackground(taken.batch)
        } catch {
            onError("\(error.message); \(taken.batch.count) render(s) not recorded")
        }
    }

    private func take() -> (batch: [UsageEvent], dropped: Int) {
        pending.withLock { state -> ([UsageEvent], Int) in
            let taken = (state.events, state.dropped)
            state.events = []
            state.events.reserveCapacity(64)
            state.dropped = 0
            return taken
        }
    }

    private func report(dropped: Int) {
        if dropped > 0 { onError("usage log queue full: \(dropped) render(s) not recorded") }
    }
}
