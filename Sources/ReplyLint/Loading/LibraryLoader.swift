// Finding and reading a library's files from disk: the only place ReplyLint reads the user's tree.

import Foundation

/// A run that cannot go ahead (exit 2): a missing path, an unreadable config.
public struct LoadError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// Set when the error is a path the user gave that does not exist.
    public var missingPath: String?
    public init(_ message: String, missingPath: String? = nil) {
        self.message = message
        self.missingPath = missingPath
    }
    public var description: String { message }
}

public struct LibraryLoader: Sendable {
    /// The library root (where `replylint.yml`, `replies/` and `policies/` live).
    public var root: String
    /// Paths in findings are written relative to this folder (normally the working directory).
    public var displayBase: String
    public var configuration: Configuration
    public var knownRules: Set<String>
    /// When set, a load still running at this instant stops with an error (`serve` reloads): the limits
    /// bound each file, this bounds the whole.
    public var deadline: ContinuousClock.Instant?
    /// The usage log to read for `faq-unused`, and over how many days; nil reads none. The caller
    /// decides (`UsageQuery.faqUnused`), so loading does not consult a rule.
    public var usage: UsageQuery?
    /// Whether a usage log that cannot be read stops the load (`lint`: yes, exit 2) or is left out
    /// (`serve` and `mcp`: rendering matters more than counting, and they report the log themselves).
    public var stopsOnUnreadableUsageLog = true
    /// Whether the caller checks only the files `load(extraPaths:)` names (`lint` with paths, as a pre-commit
    /// hook runs it). When they are all reply files, the bodies of the other reply files (.md; a YAML collection is
    /// parsed whole) are kept as text, not parsed as templates: the library-wide checks that read them (ids,
    /// duplicates) do not need it, and parsing them
    /// was a tenth of a pre-commit run's work. A named partial, policy or config is read by others: all are parsed.
    public var checksOnlyNamedFiles = false

    public init(root: String, displayBase: String, configuration: Configuration, knownRules: Set<String>) {
        self.root = root
        self.displayBase = displayBase
        self.configuration = configuration
        self.knownRules = knownRules
    }

    public static let configFileName = "replylint.yml"

    /// Reads `explicitFile`, else `root/replylint.yml` when present, else the built-in defaults.
    public static func loadConfiguration(root: String, explicitFile: String?, displayBase: String, rules: [RuleDescription]) throws -> Configuration {
        let path: String
        if let explicitFile {
            path = absolute(explicitFile, base: displayBase)
            guard FileManager.default.fileExists(atPath: path) else {
                throw LoadError("\(explicitFile): config file not found; check the --config path")
            }
        } else {
            path = (root as NSString).appendingPathComponent(configFileName)
            guard FileManager.default.fileExists(atPath: path) else { return Configuration() }
        }
        let shown = display(path, base: displayBase)
        // Like every file of the library: read only inside it, only when it is a file, never unbounded.
        let folder = (path as NSString).deletingLastPathComponent
        if let real = LibraryWalk.realPath(path), let realFolder = LibraryWalk.realPath(folder), !LibraryWalk.isInside(real, realFolder) {
            throw LoadError("\(shown): the config file is a link to \(real), outside the library's folder; ReplyLint reads only files inside it — copy the file in")
        }
        let data: Data
        switch BoundedRead.read(path, limit: Limits().fileSize) {
        case .data(let bytes): data = bytes
        case .tooLarge(let size):
            throw LoadError("\(shown): the config file is \(Limits.grouped(size)) bytes, more than \(Limits().describe("file-size")); it cannot be a config file")
        case .notRegular: throw LoadError("\(shown): not a regular file; the config file must be a YAML file")
        case .failed(let reason): throw LoadError("\(shown): cannot read the config file (\(reason)); check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError("\(shown): the config file is not UTF-8 text; save it as UTF-8")
        }
        return try Configuration.parse(Lines.normalizingEndings(text), file: shown, rules: rules)
    }

    /// Loads every reply, partial and policy under the configured folders, plus `extraPaths`
    /// (files or folders outside them, as a user or hook may name).
    /// One file to read: a reply file (with the folder its id is relative to) or a policy.
    private enum Job: Sendable {
        case reply(file: String, root: String)
        case policy(file: String)

        var file: String {
            switch self {
            case .reply(let file, _), .policy(let file): file
            }
        }
    }

    public func load(extraPaths: [String] = []) throws -> Library {
        var jobs: [Job] = []
        let realRoot = Self.realPath(of: root)
        /// What the walks did not read (links out of the library, folders that cannot be opened, limits).
        var walkProblems: [LibraryWalk.Problem] = []
        /// The files the caller named (a pre-commit hook's changed files), for reading only their usage.
        var namedFiles = Set<String>()
        /// Whether every path named is a reply file (see `checksOnlyNamedFiles`).
        var namesOnlyReplyFiles = !extraPaths.isEmpty
        // Each file once: a file reached from two configured folders, one inside the other, or also named, is read once.
        // Paths are compared only then: a set of every path was 2 ms of a 10,000-reply lint, on one thread.
        var seen = Set<String>()
        var comparing = !extraPaths.isEmpty
        var walked: [String] = []
        func admitted(_ walk: LibraryWalk, from base: String) -> [String] {
            let folder = URL(fileURLWithPath: base).standardizedFileURL.path
            if !comparing, walked.contains(where: { LibraryWalk.isInside($0, folder) || LibraryWalk.isInside(folder, $0) }) {
                comparing = true
                seen = Set(jobs.map(\.file))
            }
            walked.append(folder)
            return comparing ? walk.files.filter { seen.insert($0).inserted } : walk.files
        }
        for folder in configuration.replyPaths {
            // Files named on the command line (run from outside the library, say) are linted even without it.
            guard let base = try configuredFolder(folder, key: "replies", realRoot: realRoot, required: extraPaths.isEmpty) else { continue }
            let walk = LibraryWalk.walk(base, inside: realRoot, limit: configuration.limits.files)
            walkProblems += walk.problems
            for file in admitted(walk, from: base) { jobs.append(.reply(file: file, root: base)) }
        }
        for folder in configuration.policyPaths {
            guard let base = try configuredFolder(folder, key: "policies", realRoot: realRoot) else { continue }
            let walk = LibraryWalk.walk(base, inside: realRoot, limit: configuration.limits.files)
            walkProblems += walk.problems
            for file in admitted(walk, from: base) { jobs.append(.policy(file: file)) }
        }
        let configPath = configuration.file.map { Self.absolute($0, base: displayBase) }
        for path in extraPaths {
            let absolutePath = Self.absolute(path, base: displayBase)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory) else {
                throw Self.missingPath(path)
            }
            // replylint.yml itself, as a hook passes it when only the config changed: already read.
            if absolutePath == configPath {
                namesOnlyReplyFiles = false
                continue
            }
            try refuseOutside(path, absolutePath, realRoot: realRoot)
            if !isDirectory.boolValue, let refusal = refusal(ofNamedFile: absolutePath, as: path) { throw refusal }
            var files = [absolutePath]
            if isDirectory.boolValue {
                namesOnlyReplyFiles = false
                let walk = LibraryWalk.walk(absolutePath, inside: realRoot, limit: configuration.limits.files)
                walkProblems += walk.problems
                files = walk.files
            }
            namedFiles.formUnion(files)
            for file in files where seen.insert(file).inserted {
                // Outside the configured folders: a file under a folder named like them ("replies",
                // "policies") is that kind, its id relative to that folder; anything else is refused
                // rather than guessed (a README is not a policy).
                let components = file.split(separator: "/").map(String.init)
                let replyNames = Set(configuration.replyPaths.map { ($0 as NSString).lastPathComponent })
                let policyNames = Set(configuration.policyPaths.map { ($0 as NSString).lastPathComponent })
                if let index = components.dropLast().lastIndex(where: replyNames.contains) {
                    jobs.append(.reply(file: file, root: "/" + components[...index].joined(separator: "/")))
                } else if components.dropLast().contains(where: policyNames.contains) {
                    jobs.append(.policy(file: file))
                } else if isDirectory.boolValue {
                    continue
                } else {
                    throw LoadError("\(path): not in a replies/ or policies/ folder of the library; run replylint from the library's folder (where replylint.yml is) or pass --config")
                }
            }
        }
        // Reading and parsing files is independent work: each chunk fills a library of its own,
        // and the chunks are merged in order so the result does not depend on the thread count.
        if namesOnlyReplyFiles {
            let replyFiles = Set(jobs.compactMap { job -> String? in
                guard case .reply(let file, let root) = job, Self.isReplyFile(Self.relative(file, to: root)) else { return nil }
                return file
            })
            namesOnlyReplyFiles = namedFiles.isSubset(of: replyFiles)
        }
        let loader = self
        let parsedBodies = checksOnlyNamedFiles && namesOnlyReplyFiles ? namedFiles : nil
        // The configured policies come after the configured replies and are the slowest files to parse (a long
        // Markdown policy took 14 ms): the last chunks are taken first, so that they do not finish alone.
        var parts = Parallel.mapChunks(jobs, minimumChunk: 128, lastFirst: true) { chunk -> Library in
            var part = Library(configuration: loader.configuration)
            for job in chunk {
                if let deadline = loader.deadline, ContinuousClock.now > deadline { break }
                switch job {
                case .reply(let file, let root):
                    loader.loadReplyFile(file, replyRoot: root, parsingBody: parsedBodies?.contains(file) ?? true, into: &part)
                case .policy(let file): loader.loadPolicyFile(file, into: &part)
                }
            }
            return part
        }
        if let deadline, ContinuousClock.now > deadline {
            throw LoadError("reading the library took longer than its deadline; \(jobs.count) files were to be read")
        }
        var library = Library(configuration: configuration)
        library.replies.reserveCapacity(jobs.count)
        // Room for every file's text up front: merged part by part, the table was rehashed as it grew.
        library.sources.reserveCapacity(parts.reduce(0) { $0 + $1.sources.count })
        // Each part is released as soon as it is merged, so the library is not held twice at the peak.
        parts.reverse()
        while let part = parts.popLast() {
            library.replies += part.replies
            library.partials.merge(part.partials) { first, _ in first }
            library.policies += part.policies
            library.fileProblems += part.fileProblems
            library.sources.merge(part.sources) { first, _ in first }
        }
        var reported = Set<String>()
        for problem in walkProblems where reported.insert(problem.path + "\u{0}" + problem.message).inserted {
            library.fileProblems.append(FileProblem(kind: problem.kind, file: Self.display(problem.path, base: displayBase), message: problem.message))
        }
        library.fileCount = library.sources.count + library.fileProblems.filter { $0.kind == .unreadable }.count
        if let csv = configuration.usageCSV {
            let path = Self.absolute(csv, base: root)
            let shown = Self.display(path, base: displayBase)
            // Like the library's own files: inside the library, a regular file, within limits.file-size
            // (`csv: /dev/zero` must not hang a run, nor `csv: ~/.aws/credentials` be read).
            guard LibraryWalk.isInside(LibraryWalk.realPath(path) ?? path, realRoot) else {
                throw LoadError("\(shown): the usage CSV named in replylint.yml is outside the library; ReplyLint reads only files inside the library's folder")
            }
            guard case .data(let data) = BoundedRead.read(path, limit: configuration.limits.fileSize), let text = String(data: data, encoding: .utf8) else {
                throw LoadError("\(shown): the usage CSV named in replylint.yml cannot be read (a UTF-8 file of at most \(configuration.limits.describe("file-size")) inside the library); check `usage: {csv: …}`")
            }
            library.usage = try UsageData.parseCSV(text, source: shown)
        }
        let named = extraPaths.isEmpty ? nil : Set(namedFiles.map { Self.display($0, base: displayBase) })
        try loadUsageLog(into: &library, onlyFiles: named)
        return library
    }

    /// Adds the renders the usage log holds within the query's window to `library.usage`.
    /// No log yet is no usage data, not an error; a log that cannot be read stops the run.
    /// With `onlyFiles`, only the usage of the replies in those files is read: a hook linting five
    /// changed files should not read a year of renders.
    func loadUsageLog(into library: inout Library, onlyFiles: Set<String>? = nil) throws {
        guard let usage else { return }
        let since = Date(timeIntervalSinceNow: -Double(usage.days) * 86_400)
        // A file is shown as the user's other paths are; a database URL as it is (without its password).
        let shown = Self.display(usage.log.name, base: displayBase)
        let summary: UsageSummary?
        do {
            let focus = onlyFiles.map { files in library.replies.filter { files.contains($0.file) }.map(\.id) }
            summary = try usage.log.read(since: since, replies: focus.flatMap { $0.count <= 500 ? $0 : nil })
        } catch {
            guard stopsOnUnreadableUsageLog else { return }
            let name = usage.log.name
            let message = error.message.hasPrefix(name + ": ") ? String(error.message.dropFirst(name.count + 2)) : error.message
            throw LoadError(shown + ": " + message)
        }
        guard let summary, let first = summary.firstRecorded else { return }
        var data = library.usage ?? UsageData(counts: [:], source: shown)
        if library.usage != nil { data.source += " and \(shown)" }
        data.counts.merge(summary.counts, uniquingKeysWith: +)
        data.logStart = UsageSummary.date(fromTimestamp: first)
        data.windowDays = usage.days
        library.usage = data
    }

    /// What rendering one reply needs: when `id` names a reply file (`waste/missed-bin` →
    /// `replies/waste/missed-bin.md`), that file with the partials and policies, without reading the
    /// rest of the library; otherwise (an `id:` from front matter or a YAML collection) everything.
    public func load(replyID id: String) throws -> Library {
        guard !id.contains(".."), !id.hasPrefix("/") else { return try load() }
        let realRoot = Self.realPath(of: root)
        for folder in configuration.replyPaths {
            guard let base = try configuredFolder(folder, key: "replies", realRoot: realRoot) else { continue }
            for ext in [".md", ".markdown"] {
                let file = base + "/" + id + ext
                guard FileManager.default.fileExists(atPath: file) else { continue }
                // The file as the walk would take it: inside the library, not hidden, reached through no
                // link that leaves it. Anything else is left to the whole load, which reports it.
                let walked = LibraryWalk.walk(file, inside: realRoot, limit: 1)
                guard walked.files == [file], walked.problems.isEmpty, !id.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                      let real = LibraryWalk.realPath(file), LibraryWalk.isInside(real, realRoot)
                else { return try load() }
                var library = Library(configuration: configuration)
                loadReplyFile(file, replyRoot: base, into: &library)
                guard library.replies.count == 1, library.replies[0].id == id else { return try load() }
                // A YAML collection may hold a reply with the same id (reply-id-duplicate): then read
                // everything, so the renderer sees both and refuses. Collections are few; .md files with
                // an `id:` of another file's path are found by lint and serve, not here. A collection
                // that cannot be read within the limits is left to the whole load, which reports it.
                for folder in configuration.replyPaths {
                    guard let replies = try configuredFolder(folder, key: "replies", realRoot: realRoot) else { continue }
                    let collections = LibraryWalk.walk(replies, inside: realRoot, limit: configuration.limits.files) { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
                    for file in collections.files {
                        guard case .data(let data) = BoundedRead.read(file, limit: configuration.limits.fileSize) else { return try load() }
                        if String(decoding: data, as: UTF8.self).containsBytes(id) { return try load() }
                    }
                }
                let partials = LibraryWalk.walk(base + "/_partials", inside: realRoot, limit: configuration.limits.files)
                for partial in partials.files { loadReplyFile(partial, replyRoot: base, into: &library) }
                for policyFolder in configuration.policyPaths {
                    guard let policies = try configuredFolder(policyFolder, key: "policies", realRoot: realRoot) else { continue }
                    // The FAQ is not read: nothing a render does looks at it.
                    for policy in LibraryWalk.walk(policies, inside: realRoot, limit: configuration.limits.files).files { loadPolicyFile(policy, into: &library, skipping: .faq) }
                }
                return library
            }
        }
        return try load()
    }

    /// A library of just the configuration and the partials: what measuring one reply file needs.
    /// The partials are walked and read like the rest of the library: inside it, within the limits.
    public func loadPartials() -> Library {
        var library = Library(configuration: configuration)
        let realRoot = Self.realPath(of: root)
        for folder in configuration.replyPaths {
            let base = Self.absolute(folder, base: root)
            guard let real = LibraryWalk.realPath(base), LibraryWalk.isInside(real, realRoot) else { continue }
            let walk = LibraryWalk.walk(base + "/_partials", inside: realRoot, limit: configuration.limits.files)
            for partial in walk.files { loadReplyFile(partial, replyRoot: base, into: &library) }
            for problem in walk.problems {
                library.fileProblems.append(FileProblem(kind: problem.kind, file: Self.display(problem.path, base: displayBase), message: problem.message))
            }
        }
        return library
    }

    /// The display paths of the files a set of user-given paths (files or folders) names.
    public func displayPaths(of paths: [String]) throws -> Set<String> {
        var result = Set<String>()
        let realRoot = Self.realPath(of: root)
        for path in paths {
            let absolutePath = Self.absolute(path, base: displayBase)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory) else {
                throw Self.missingPath(path)
            }
            try refuseOutside(path, absolutePath, realRoot: realRoot)
            if isDirectory.boolValue {
                let walk = LibraryWalk.walk(absolutePath, inside: realRoot, limit: configuration.limits.files)
                result.formUnion((walk.files + walk.problems.map(\.path)).map { Self.display($0, base: displayBase) })
            } else {
                result.insert(Self.display(absolutePath, base: displayBase))
            }
        }
        return result
    }

    static func missingPath(_ path: String) -> LoadError {
        LoadError("\(path): no such file or folder", missingPath: path)
    }

    /// The real path of the library root: links are followed only to targets below it.
    static func realPath(of root: String) -> String {
        LibraryWalk.realPath(root) ?? URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// A configured folder (`paths.replies`, `paths.policies`) as an absolute path; nil when it is the
    /// default policies folder and there is none, or it is not `required` and there is none. A folder that does not exist, or lies outside the library,
    /// stops the run: a typo in `paths:` must not lint nothing and pass.
    func configuredFolder(_ folder: String, key: String, realRoot: String, required: Bool = true) throws -> String? {
        let base = Self.absolute(folder, base: root)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) else {
            if !required || (key == "policies" && configuration.policyPaths == Configuration().policyPaths) { return nil }
            let listed = key == "replies" ? " (`paths: {replies: []}` for a library of policies only)" : ""
            throw LoadError("\(Self.display(base, base: displayBase)): the \(key) folder does not exist in \(root); create it, or set paths.\(key) in replylint.yml\(listed)")
        }
        guard isDirectory.boolValue else {
            throw LoadError("\(Self.display(base, base: displayBase)): paths.\(key) names a file; it takes a folder")
        }
        guard let real = LibraryWalk.realPath(base), LibraryWalk.isInside(real, realRoot) else {
            throw LoadError("\(Self.display(base, base: displayBase)): paths.\(key) is outside the library (\(root)); ReplyLint reads only files inside the library's folder")
        }
        return base
    }

    /// Stops a run given a path outside the library (`replylint lint ~`): nothing outside it is read.
    func refuseOutside(_ shown: String, _ absolutePath: String, realRoot: String) throws {
        let real = LibraryWalk.realPath(absolutePath) ?? absolutePath
        guard LibraryWalk.isInside(real, realRoot) else {
            throw LoadError("\(shown): outside the library (\(root)); ReplyLint lints only files inside the library's folder — run it from that folder, or pass --config")
        }
    }

    // MARK: - Reading one file

    /// The bytes of `file`, within limits.file-size; nil, with the reason reported, otherwise.
    private func readBytes(_ file: String, shown: String, into library: inout Library) -> Data? {
        switch BoundedRead.read(file, limit: configuration.limits.fileSize) {
        case .data(let bytes):
            return bytes
        case .tooLarge(let size):
            library.fileProblems.append(FileProblem(
                kind: .limit, file: shown,
                message: "this file is \(Limits.grouped(size)) bytes, more than \(configuration.limits.describe("file-size")), and was not read; split it, or raise limits.file-size in replylint.yml"))
        case .notRegular:
            library.fileProblems.append(FileProblem(kind: .unreadable, file: shown, message: "this is not a regular file (a named pipe, socket or device), and is not read; remove it from the library"))
        case .failed(let reason):
            library.fileProblems.append(FileProblem(kind: .unreadable, file: shown, message: "cannot read this file (\(reason)); check its permissions"))
        }
        return nil
    }

    private func read(_ file: String, into library: inout Library) -> (String, String)? {
        let shown = Self.display(file, base: displayBase)
        guard let data = readBytes(file, shown: shown, into: &library) else { return nil }
        if data.withUnsafeBytes({ bytes in bytes.baseAddress.map { memchr($0, 0, min(bytes.count, 8192)) != nil } ?? false }) {
            library.fileProblems.append(FileProblem(
                kind: .unreadable, file: shown,
                message: "this is a binary file, not a text reply or policy; move it out of the library or into a media folder"))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            library.fileProblems.append(FileProblem(
                kind: .unreadable, file: shown, message: "this file is not UTF-8 text; save it as UTF-8",
                position: Self.firstInvalidUTF8Position(data)))
            return nil
        }
        // Reports quote, and --fix rewrites, the file as written; the parsers read one kind of line ending.
        library.sources[shown] = text
        return (shown, Lines.normalizingEndings(text))
    }

    private func loadReplyFile(_ file: String, replyRoot: String, parsingBody: Bool = true, into library: inout Library) {
        let relative = Self.relative(file, to: replyRoot)
        let lower = file.lowercased()
        let isPartial = relative.hasPrefix("_partials/")
        let isReply = lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
        let isCollection = lower.hasSuffix(".yml") || lower.hasSuffix(".yaml")
        guard isPartial || isReply || isCollection, !isPartial || Self.isTextSnippet(lower) else {
            // Attachments sit beside replies; any other file would be skipped in silence: say so once.
            if !Self.isMedia(lower) {
                library.fileProblems.append(FileProblem(
                    kind: .ignored, file: Self.display(file, base: displayBase),
                    message: isPartial
                        ? "ReplyLint does not read this file: a partial is a .mustache, .md or .txt file; rename it, or move it out of _partials/"
                        : "ReplyLint does not read this file: a reply is a .md file (or many replies in one .yml); rename it, or move it out of the library"))
            }
            return
        }
        guard let (shown, text) = read(file, into: &library) else { return }
        let stem = Self.withoutExtension(relative)
        let mediaExists: (String) -> Bool = { path in
            // The folder only when a reply names media: working it out for every file cost more than reading it.
            FileManager.default.fileExists(atPath: Self.absolute(path, base: (file as NSString).deletingLastPathComponent))
        }
        if isPartial {
            let name = String(stem.dropFirst("_partials/".count))
            var partialText = Substring(text)
            while partialText.last?.isNewline == true { partialText = partialText.dropLast() }
            library.partials[name] = Partial(name: name, file: shown, text: String(partialText))
        } else if isReply {
            library.replies.append(ReplyParser.parse(
                text, file: shown, defaultID: stem, knownRules: knownRules, mediaExists: mediaExists, limits: configuration.limits,
                parsingBody: parsingBody))
        } else {
            switch ReplyParser.parseCollection(text, file: shown, idPrefix: stem, knownRules: knownRules, mediaExists: mediaExists, limits: configuration.limits) {
            case .success(let replies):
                library.replies += replies
            case .failure(let problem):
                library.fileProblems.append(FileProblem(
                    kind: problem.kind == .limit ? .limit : .frontMatter(problem.kind), file: shown, message: problem.message, position: problem.position))
            }
        }
    }

    /// `skipping`: a kind of policy the caller has no use for (a render needs the moderation policies' never-ask
    /// lists, not the FAQ), left unparsed when its front matter or name says so.
    private func loadPolicyFile(_ file: String, into library: inout Library, skipping: PolicyKind? = nil) {
        let lower = file.lowercased()
        guard Self.isPolicy(file) else {
            // Images beside a policy are its pictures; a PDF is a policy nobody checks, so it is reported.
            if !Self.isMedia(lower) || lower.hasSuffix(".pdf") {
                library.fileProblems.append(FileProblem(
                    kind: .ignored, file: Self.display(file, base: displayBase), message: Self.unreadPolicyMessage(lower)))
            }
            return
        }
        if lower.hasSuffix(".docx") {
            let shown = Self.display(file, base: displayBase)
            guard let data = readBytes(file, shown: shown, into: &library) else { return }
            guard let (policy, text) = PolicyLoader.parseDocx(data, file: shown, limit: configuration.limits.fileSize, problems: &library.fileProblems) else { return }
            library.sources[shown] = text
            library.policies.append(policy)
            return
        }
        guard let (shown, text) = read(file, into: &library) else { return }
        if let skipping, PolicyLoader.quickKind(text, file: shown) == skipping {
            library.sources[shown] = nil
            return
        }
        var policy = PolicyLoader.parse(text, file: shown, problems: &library.fileProblems)
        let folder = (file as NSString).deletingLastPathComponent
        for index in policy.links.indices {
            if let path = policy.links[index].relativePath {
                policy.links[index].fileExists = FileManager.default.fileExists(atPath: Self.absolute(path, base: folder))
            }
        }
        library.policies.append(policy)
    }

    // MARK: - Paths

    static let policyExtensions = [".md", ".markdown", ".html", ".htm", ".txt", ".docx"]

    /// Why a file in the policies folder is not read, and what to do about it.
    static func unreadPolicyMessage(_ lowerFile: String) -> String {
        let kinds = "policies are \(policyExtensions.joined(separator: ", ")) files"
        if lowerFile.hasSuffix(".pdf") {
            return "ReplyLint does not read PDF files, so this policy is not checked (\(kinds)); save it as .docx, .html or .txt beside it, or move it out of the policies folder"
        }
        if [".doc", ".odt", ".rtf", ".pages", ".wpd"].contains(where: lowerFile.hasSuffix) {
            return "ReplyLint does not read this word-processor format (\(kinds)); save the policy as .docx, or move it out of the policies folder"
        }
        return "ReplyLint does not read this file: \(kinds); convert it, or move it out of the policies folder"
    }
    static let replyExtensions = [".md", ".markdown", ".yml", ".yaml"]

    static func isPolicy(_ file: String) -> Bool {
        let lower = file.lowercased()
        return policyExtensions.contains { lower.hasSuffix($0) }
    }

    /// Attachments a reply's `media:` may name, and the like: they sit in the library unread, unreported.
    static func isMedia(_ lowerFile: String) -> Bool {
        let mediaExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".heic", ".avif", ".bmp", ".tif", ".tiff",
                               ".mp4", ".mov", ".m4v", ".webm", ".mp3", ".m4a", ".wav", ".ogg", ".pdf"]
        return mediaExtensions.contains { lowerFile.hasSuffix($0) }
    }

    /// Why a file the user named cannot be linted (ReplyLint does not read its kind), if it cannot.
    private func refusal(ofNamedFile file: String, as shown: String) -> LoadError? {
        let lower = file.lowercased()
        let components = file.split(separator: "/").map(String.init)
        let replyNames = Set(configuration.replyPaths.map { ($0 as NSString).lastPathComponent })
        let policyNames = Set(configuration.policyPaths.map { ($0 as NSString).lastPathComponent })
        if components.dropLast().contains("_partials") {
            return Self.isTextSnippet(lower) ? nil : LoadError("\(shown): ReplyLint does not read this kind of file; partials are .mustache, .md or .txt")
        }
        if components.dropLast().contains(where: replyNames.contains) {
            return Self.replyExtensions.contains(where: lower.hasSuffix) ? nil
                : LoadError("\(shown): ReplyLint does not read this kind of file; replies are \(Self.replyExtensions.joined(separator: ", ")) files")
        }
        if components.dropLast().contains(where: policyNames.contains) {
            return Self.isPolicy(lower) ? nil
                : LoadError("\(shown): ReplyLint does not read this kind of file; policies are \(Self.policyExtensions.joined(separator: ", ")) files")
        }
        return nil
    }

    /// A reply file, by its path below the replies folder: not a partial, and of a reply's kind.
    static func isReplyFile(_ relative: String) -> Bool {
        !relative.hasPrefix("_partials/") && replyExtensions.contains(where: relative.lowercased().hasSuffix)
    }

    static func isTextSnippet(_ lowerFile: String) -> Bool {
        [".mustache", ".md", ".txt", ".markdown"].contains { lowerFile.hasSuffix($0) }
    }

    static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        return standardized(joined)
    }

    static func relative(_ path: String, to base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The path findings show: relative to the working directory when inside it.
    public static func display(_ path: String, base: String) -> String {
        relative(path, to: standardized(base))
    }

    /// `URL(fileURLWithPath:).standardizedFileURL.path`, without building a URL when `path` is standard
    /// already (absolute, no `.`, `..` or empty part, no slash at the end, not under `/private` or
    /// `/var/automount`, which Foundation shortens when the shorter path exists): the base of every path
    /// shown is, and building URLs for it twice a file was 7 % of a pre-commit run.
    static func standardized(_ path: String) -> String {
        isStandard(path) ? path : URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Whether `standardized` leaves `path` as it is, read in one pass over its bytes (splitting it into
    /// parts was 1 % of a pre-commit run, which shows a path for every file).
    static func isStandard(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        // Compared as bytes: as Characters, "/private/" and a combining mark after it would not match.
        let bytes = path.utf8
        guard bytes.first == slash, bytes.count > 1,
              !(bytes.elementsEqual("/private".utf8) || bytes.starts(with: "/private/".utf8)
                  || bytes.elementsEqual("/var/automount".utf8) || bytes.starts(with: "/var/automount/".utf8))
        else { return false }
        // Each part after a slash: not empty, not `.` nor `..`.
        var length = 0
        var onlyDots = true
        for byte in bytes.dropFirst() {
            if byte == slash {
                if length == 0 || (onlyDots && length <= 2) { return false }
                length = 0
                onlyDots = true
            } else {
                length += 1
                if byte != dot { onlyDots = false }
            }
        }
        return length > 0 && !(onlyDots && length <= 2)
    }

    static func withoutExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }

    private static func firstInvalidUTF8Position(_ data: Data) -> TextPosition {
        var line = 1
        var lineStart = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if String(validating: data[lineStart..<index], as: UTF8.self) == nil { break }
            line += 1
            lineStart = index + 1
        }
        return TextPosition(line: line, column: 1)
    }
}
