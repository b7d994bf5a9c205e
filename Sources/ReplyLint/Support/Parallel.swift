// Splitting independent work (files to load, replies to lint) across the machine's cores.

import Dispatch
import Foundation

enum Parallel {
    /// `transform` applied to each chunk of `items`, in order; small inputs stay on one thread.
    /// With `lastFirst`, the cores take the last chunks first (the results keep their order): for work whose
    /// slowest items come last, so that they do not finish alone.
    static func mapChunks<Item: Sendable, Output: Sendable>(
        _ items: [Item], minimumChunk: Int = 64, lastFirst: Bool = false, _ transform: @Sendable (ArraySlice<Item>) -> Output
    ) -> [Output] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard cores > 1, items.count >= minimumChunk * 2 else { return [transform(items[...])] }
        // Many chunks per core, taken as the cores come free, so the last chunk to finish is short: with four
        // chunks per core a 10,000-reply lint ended with one core checking its last 1,250 replies alone (35 ms
        // of 650 on two cores).
        let chunkCount = min(cores * 16, max(1, items.count / minimumChunk))
        let size = (items.count + chunkCount - 1) / chunkCount
        let results = Results<Output>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { iteration in
            let chunk = lastFirst ? chunkCount - 1 - iteration : iteration
            let start = chunk * size
            let end = min(items.count, start + size)
            results.set(chunk, start < end ? transform(items[start..<end]) : nil)
        }
        return results.values()
    }

    /// One slot per chunk, each written by exactly one worker, read after all have finished.
    private final class Results<Output: Sendable>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Output?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func set(_ index: Int, _ value: Output?) { slots[index] = value }

        func values() -> [Output] { slots.compactMap { $0 } }
    }
}

/// Values that workers borrow one at a time and give back, so that what one worker built (a cache) serves the chunks
/// that follow, on whichever thread; there are never more values than workers at once.
final class Lending<Value: AnyObject>: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [Value] = []
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    func borrow<Result>(_ body: (Value) -> Result) -> Result {
        let value = lock.withLock { free.popLast() } ?? make()
        defer { lock.withLock { free.append(value) } }
        return body(value)
    }
}

/// Work that runs on a thread of its own while the caller goes on; `value()` waits for its result.
/// A thread rather than a dispatch queue: the queue's workers may all be busy with the caller's
/// `concurrentPerform`, and the work would then only start when they were done.
final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        let body = Unmanaged.passRetained(ThreadBody { [self] in
            result = work()
            done.signal()
        })
        // A POSIX thread: starting a process's first Foundation Thread cost about a millisecond of CPU, and a
        // one-reply `render` waits for the English words built on it (render: 12.3 → 11.6 ms median, interleaved).
        // As much stack as the main thread has: rules on a deeply nested policy recurse.
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { raw in
            Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue().run()
            return nil
        }, body.toOpaque())
        if started != 0 {
            // No thread to be had (a process at its limit): the work is done here, before this returns.
            body.takeRetainedValue().run()
        }
    }

    /// The work's result, once it has finished.
    func value() -> Value {
        done.wait()
        // Let a later call through too.
        done.signal()
        return result!
    }
}

/// What a POSIX thread started by `Background` runs.
private final class ThreadBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Independent pieces of work that any number of threads take one at a time, in order, until none is
/// left; each result lands in its piece's slot. A thread that finishes its own work early joins in
/// (`run`), so a few long pieces do not wait on one thread while another is idle. Each thread passes the
/// pieces it takes a value of its own (a worker's scratch area).
final class SharedWork<Input, Output: Sendable>: @unchecked Sendable {
    private let pieces: [@Sendable (Input) -> Output]
    private let lock = NSLock()
    private var next = 0
    private var slots: [Output?]

    init(_ pieces: [@Sendable (Input) -> Output]) {
        self.pieces = pieces
        slots = Array(repeating: nil, count: pieces.count)
    }

    /// Takes pieces until none is left. Returns when no piece is waiting, though another thread may
    /// still be doing one: take the results only once every thread that runs pieces has returned.
    func run(with input: Input) {
        while true {
            lock.lock()
            let index = next
            next += 1
            lock.unlock()
            guard index < pieces.count else { return }
            let output = pieces[index](input)
            lock.lock()
            slots[index] = output
            lock.unlock()
        }
    }

    /// Every piece's result, in the pieces' order, moved out: the work keeps none of them (findings held here as
    /// well as in the report cost 30 MB at 100,000 replies).
    func takeResults() -> [Output] {
        lock.lock()
        defer { lock.unlock() }
        let results = slots.map { $0! }
        slots = []
        return results
    }
}
