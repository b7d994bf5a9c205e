// The library a long-running server answers from: loaded once, swapped whole when its files
// change, and kept as it was when a new version fails to load.

import Foundation
import Synchronization

/// Where a library lives and how to read it, as `replylint serve` and `mcp` were started.
public struct LibrarySource: Sendable {
    public var root: String
    /// `--config FILE` when given; otherwise `root/replylint.yml` when present.
    public var configFile: String?
    /// Paths in findings are shown relative to this folder.
    public var displayBase: String
    /// The usage log `faq-unused` reads on each load (the one the server writes), opened once at start.
    public var usageLog: (any UsageStore)?

    public init(root: String, configFile: String? = nil, displayBase: String, usageLog: (any UsageStore)? = nil) {
        self.root = root
        self.configFile = configFile
        self.displayBase = displayBase
        self.usageLog = usageLog
    }

    public func loadConfiguration() throws -> Configuration {
        try LibraryLoader.loadConfiguration(root: root, explicitFile: configFile, displayBase: displayBase, rules: RuleRegistry.descriptions)
    }

    /// Loads the library; with a `deadline`, a load still reading files then stops with an error.
    public func load(deadline: ContinuousClock.Instant? = nil) throws -> Library {
        let configuration = try loadConfiguration()
        var loader = LibraryLoader(root: root, displayBase: displayBase, configuration: configuration, knownRules: RuleRegistry.ids)
        loader.usage = UsageQuery.faqUnused(usageLog, configuration: configuration)
        loader.stopsOnUnreadableUsageLog = false
        loader.deadline = deadline
        return try loader.load()
    }

    /// A value that changes when any file of the library (or its config) is added, removed or changed.
    func fingerprint(_ configuration: Configuration) -> Int {
        var hasher = Hasher()
        var files: [String] = []
        let configPath = configFile.map { LibraryLoader.absolute($0, base: displayBase) } ?? (root as NSString).appendingPathComponent(LibraryLoader.configFileName)
        files.append(configPath)
        // The same walk as a load (links inside the library only, each folder once, limits.files at most):
        // looking for changes must not loop or leave the library either.
        let realRoot = LibraryLoader.realPath(of: root)
        for folder in configuration.replyPaths + configuration.policyPaths {
            let walk = LibraryWalk.walk(LibraryLoader.absolute(folder, base: root), inside: realRoot, limit: configuration.limits.files)
            files += walk.files + walk.problems.map(\.path)
        }
        if let csv = configuration.usageCSV { files.append(LibraryLoader.absolute(csv, base: root)) }
        for file in files {
            hasher.combine(file)
            var info = stat()
            if stat(file, &info) == 0 {
                hasher.combine(info.st_size)
                hasher.combine(info.st_mtim.tv_sec)
                hasher.combine(info.st_mtim.tv_nsec)
                hasher.combine(info.st_ino)
            } else {
                hasher.combine(-1)
            }
        }
        return hasher.finalize()
    }
}

/// One loaded library with everything answering from it needs, built once per load.
public struct LibrarySnapshot: Sendable {
    public let library: Library
    public let renderer: ReplyRenderer
    public let checker: TextChecker
    public let index: ReplyIndex
    /// What `replylint lint` reports for each reply, by reply id.
    public let findingsByReply: [String: [Finding]]
    public let loadedAt: Date
    /// 1 for the first load, then one more for each successful reload.
    public let generation: Int

    /// The files and replies this library could not read or check within its limits (`file-unreadable`
    /// and `limit-exceeded` findings: a link out of the library, a 10 GB file, a YAML bomb, partials that
    /// fan out). The rest of the library is served; `/healthz` says "degraded" and names them.
    public let unread: [Finding]
    public static let unreadRules: Set<String> = [FileUnreadableRule.description.id, LimitExceededRule.description.id]

    public init(library: Library, generation: Int = 1, loadedAt: Date = Date()) {
        self.library = library
        renderer = ReplyRenderer(library: library)
        checker = TextChecker(library: library)
        index = ReplyIndex(replies: library.replies)
        let findings = Linter().lint(library).findings
        findingsByReply = Dictionary(grouping: findings.filter { $0.replyID != nil }) { $0.replyID! }
        unread = findings.filter { Self.unreadRules.contains($0.ruleID) }
        self.loadedAt = loadedAt
        self.generation = generation
    }
}

public final class LibraryStore: Sendable {
    public enum ReloadOutcome: Sendable {
        case unchanged
        case reloaded(LibrarySnapshot)
        /// The files changed but did not load; the previous library is still served.
        case failed(String)
    }

    public let source: LibrarySource
    /// A reload still reading files after this long is abandoned, and the previous library kept.
    public let reloadTimeout: Duration
    private static let reloadQueue = DispatchQueue(label: "replylint.reload", qos: .utility)
    private struct State: Sendable {
        var snapshot: LibrarySnapshot
        var reloadError: String?
        /// The files as they were when the served library (or the last failed attempt) was read.
        var fingerprint: Int
        /// A change seen on the last look, loaded only if the files still look the same on the next:
        /// a `git checkout` or an editor's save is then read once it has finished, not half way.
        var pendingFingerprint: Int?
    }
    private let state: Mutex<State>

    /// Loads the library; a library that does not load at start is an error for the caller to report.
    public init(source: LibrarySource, reloadTimeout: Duration = .seconds(60)) throws {
        self.source = source
        self.reloadTimeout = reloadTimeout
        let configuration = try source.loadConfiguration()
        // Taken before reading, so an edit made during the first load is seen by the first check.
        let fingerprint = source.fingerprint(configuration)
        let library = try source.load()
        state = Mutex(State(snapshot: LibrarySnapshot(library: library), reloadError: nil, fingerprint: fingerprint))
    }

    public var snapshot: LibrarySnapshot { state.withLock { $0.snapshot } }

    /// Why the latest reload failed, while the previous library is being served; nil when the last attempt worked.
    public var reloadError: String? { state.withLock { $0.reloadError } }

    /// Reloads when the files changed and have stayed the same since the previous look (so call it
    /// twice, a poll apart, to see a change). Only one caller (the watcher) should call it.
    public func reloadIfChanged() -> ReloadOutcome {
        let (current, previous, pending) = state.withLock { ($0.snapshot, $0.fingerprint, $0.pendingFingerprint) }
        // The folders to watch come from the config as it is now, so a new `paths:` is seen too.
        let configuration = (try? source.loadConfiguration()) ?? current.library.configuration
        let fingerprint = source.fingerprint(configuration)
        guard fingerprint != previous else {
            state.withLock { $0.pendingFingerprint = nil }
            return .unchanged
        }
        guard fingerprint == pending else {
            state.withLock { $0.pendingFingerprint = fingerprint }
            return .unchanged
        }
        do {
            // A reply folder that is gone (a checkout in progress, a mistyped `paths:`) fails the load
            // rather than serve an empty library and report "ok"; so does a load past its deadline.
            for folder in configuration.replyPaths where !FileManager.default.fileExists(atPath: LibraryLoader.absolute(folder, base: source.root)) {
                throw LoadError("the reply folder '\(folder)' is missing; still serving the previous library")
            }
            let deadline = ContinuousClock.now + reloadTimeout
            let library: Library
            do {
                library = try source.load(deadline: deadline)
            } catch let error as LoadError where ContinuousClock.now > deadline {
                throw LoadError("the library took longer than \(reloadTimeout) to load (\(error.message)); still serving the previous library")
            }
            let snapshot = LibrarySnapshot(library: library, generation: current.generation + 1)
            state.withLock { $0 = State(snapshot: snapshot, reloadError: nil, fingerprint: fingerprint, pendingFingerprint: nil) }
            return .reloaded(snapshot)
        } catch {
            let message = "\(error)"
            // Remember this version of the files so the same failure is reported once, not every poll.
            state.withLock { $0.reloadError = message; $0.fingerprint = fingerprint; $0.pendingFingerprint = nil }
            return .failed(message)
        }
    }

    /// Looks for changes every `interval` until the task is cancelled, telling `report` about each reload.
    /// The looking and loading run on a queue of their own: in the server, tasks run on the threads that
    /// answer requests, and a reload of a large library must not hold those up.
    /// Cancelling the task stops the watching at once, even in the middle of a reload: the reload finishes
    /// (or fails) on its own queue, and a process that is stopping does not wait for it.
    public func watch(every interval: Duration, report: @Sendable (ReloadOutcome) -> Void) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let waiter = ReloadWaiter()
            let outcome = await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    waiter.wait(with: continuation)
                    Self.reloadQueue.async { waiter.finish(self.reloadIfChanged()) }
                }
            } onCancel: {
                waiter.finish(.unchanged)
            }
            if Task.isCancelled { return }
            if case .unchanged = outcome { continue }
            report(outcome)
        }
    }
}

/// One reload being waited for: resumed by whichever comes first, the reload or the cancellation.
private final class ReloadWaiter: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<LibraryStore.ReloadOutcome, Never>?, result: LibraryStore.ReloadOutcome?)>((nil, nil))

    func wait(with continuation: CheckedContinuation<LibraryStore.ReloadOutcome, Never>) {
        let ready: LibraryStore.ReloadOutcome? = state.withLock { state in
            if let result = state.result { return result }
            state.continuation = continuation
            return nil
        }
        if let ready { continuation.resume(returning: ready) }
    }

    func finish(_ outcome: LibraryStore.ReloadOutcome) {
        let waiting: CheckedContinuation<LibraryStore.ReloadOutcome, Never>? = state.withLock { state in
            guard state.result == nil else { return nil }
            state.result = outcome
            defer { state.continuation = nil }
            return state.continuation
        }
        waiting?.resume(returning: outcome)
    }
}
