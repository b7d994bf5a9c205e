// The linter: runs every enabled rule over a library and returns the findings, suppressions applied.

public struct LintResult: Sendable {
    public var findings: [Finding]
    public var fileCount: Int
    public var replyCount: Int
    public var policyCount: Int
    /// Each file's text, so reporters can quote the offending line.
    public var sources: [String: String]
    /// Findings left out because a baseline accepts them.
    public var baselined = 0
    /// Warnings and infos left out by `--quiet`.
    public var quieted = 0
    /// With `explain`: each moderation policy's topics, found (where) or missing; nil otherwise.
    public var policyTopics: [PolicyTopicsReport]?

    public init(findings: [Finding], fileCount: Int, replyCount: Int, policyCount: Int, sources: [String: String] = [:]) {
        self.findings = findings
        self.fileCount = fileCount
        self.replyCount = replyCount
        self.policyCount = policyCount
        self.sources = sources
    }

    public func count(_ severity: Severity) -> Int { findings.lazy.filter { $0.severity == severity }.count }
    public var errorCount: Int { count(.error) }
    public var warningCount: Int { count(.warning) }
    public var infoCount: Int { count(.info) }
    /// Findings `--fix` can rewrite.
    public var fixableCount: Int { findings.lazy.filter { $0.fix != nil }.count }
}

public struct Linter: Sendable {
    /// A reply as a library-wide finding names it.
    private struct ReplyKey: Hashable {
        var file: String
        var id: String
    }

    public var rules: [any Rule]

    /// The rules that still run on a reply whose front matter could not be read: the ones saying why.
    static let reportsUnreadableReplies: Set<String> = [FrontMatterRule.description.id, LimitExceededRule.description.id]

    public init(rules: [any Rule] = RuleRegistry.all) {
        self.rules = rules
    }

    /// Lints `library`. With `onlyFiles`, the whole library is still loaded for cross-file rules,
    /// but findings are kept only for those files (as a pre-commit hook wants) and for the files
    /// that depend on them (see LintScope). With `explain`, the result also says where each
    /// moderation policy covers each topic.
    public func lint(_ library: Library, onlyFiles: Set<String>? = nil, explain: Bool = false) -> LintResult {
        let configuration = library.configuration
        let active: [(rule: any Rule, override: Severity?)] = rules.compactMap { rule in
            let description = type(of: rule).description
            switch configuration.ruleLevels[description.id] {
            case .off: return nil
            case .on(let severity): return (rule, severity)
            case nil: return (rule, nil)
            }
        }
        let scope = LintScope(library: library, onlyFiles: onlyFiles)
        let reports: (@Sendable (String, String) -> Bool)? = onlyFiles == nil ? nil : { @Sendable file, rule in scope.keeps(file: file, ruleID: rule) }
        let context = LintContext(library: library, scope: reports)

        // Replies are checked independently: in chunks across the cores, merged in order. The chunks
        // hold indices, not copies of the replies (a copy of every reply cost 30 MB at 100,000).
        let replies = library.replies
        let selected = replies.indices.filter { scope.checks(replies[$0].file) }
        // The policies, then the library-wide checks (duplicates across all replies), run on a thread of their own
        // while the replies are checked, and this thread joins in the library-wide checks, one rule at a time, once
        // the replies are done: in order after the replies they were a sixth of a 10,000-reply lint on two cores,
        // and on a thread of their own they were most of a pre-commit run, which checks five replies. The policies
        // stay on that thread, whose stack is sized for their nesting (see Background).
        let libraryWork = SharedWork(active.map { entry -> @Sendable (LintContext) -> [Finding] in
            { context in entry.rule.checkLibrary(in: context).filter(scope.keeps) }
        })
        let libraryWide = Background { () -> [Finding] in
            let context = context.forWorker()
            var policyFindings: [Finding] = []
            for policy in library.policies where scope.checks(policy.file) {
                for (rule, _) in active { policyFindings += rule.check(policy: policy, in: context) }
            }
            libraryWork.run(with: context)
            return policyFindings
        }
        // The language guess's word scores carry over from chunk to chunk: a chunk's own started cold, and most were misses.
        let wordScores = Lending { LanguageGuess.WordScores() }
        var perChunk = Parallel.mapChunks(selected) { chunk -> [Finding] in wordScores.borrow { wordScores in
            let context = context.forWorker(wordScores: wordScores)
            var chunkFindings: [Finding] = []
            for index in chunk {
                let reply = replies[index]
                // Loading leaves unparsed only the bodies of replies outside the files a run names.
                precondition(reply.isBodyParsed, "\(reply.file) was loaded without its template but is checked")
                let unreadable = reply.isUnreadable
                var replyFindings: [Finding] = []
                for (rule, _) in active {
                    // A reply whose front matter does not parse gets that one error, not a cascade of guesses.
                    if unreadable && !Self.reportsUnreadableReplies.contains(type(of: rule).description.id) { continue }
                    replyFindings += rule.check(reply: reply, in: context)
                }
                replyFindings.removeAll { !scope.keeps($0) }
                if replyFindings.isEmpty { continue }
                let suppressions = Suppressions(reply: reply)
                chunkFindings += replyFindings.filter { !suppressions.suppresses($0) }
            }
            return chunkFindings
        } }
        // Merged chunk by chunk, each let go once copied: `flatMap` held every finding twice, the largest
        // allocation of a 100,000-reply lint.
        var findings: [Finding] = []
        findings.reserveCapacity(perChunk.reduce(0) { $0 + $1.count })
        for index in perChunk.indices {
            findings += perChunk[index]
            perChunk[index] = []
        }
        libraryWork.run(with: context.forWorker())
        findings += libraryWide.value()
        // Each rule's findings let go once copied, as the replies' are.
        var libraryResults = libraryWork.takeResults()
        var libraryFindings: [Finding] = []
        for index in libraryResults.indices {
            libraryFindings += libraryResults[index]
            libraryResults[index] = []
        }
        // Library-wide findings about a reply honour that reply's suppressions too. Only the files with a reply that
        // suppresses anything (a `disable:` in front matter, a `replylint-disable` comment) have their replies looked
        // up, by file and id, the first of each: keys made for the replies every finding named took 17 ms of a 10,000-reply
        // lint's 420, on one thread, with no suppression anywhere.
        var suppressing: [ReplyKey: Suppressions] = [:]
        if !libraryFindings.isEmpty {
            var files = Set<String>()
            for index in replies.indices where Suppressions.switchesAnythingOff(replies[index]) {
                files.insert(replies[index].file)
            }
            if !files.isEmpty {
                for index in replies.indices where files.contains(replies[index].file) {
                    let key = ReplyKey(file: replies[index].file, id: replies[index].id)
                    if suppressing[key] == nil { suppressing[key] = Suppressions(reply: replies[index]) }
                }
            }
        }
        for finding in libraryFindings {
            if !suppressing.isEmpty, let replyID = finding.replyID,
               let suppressions = suppressing[ReplyKey(file: finding.file, id: replyID)], suppressions.suppresses(finding) { continue }
            findings.append(finding)
        }

        let overrides = Dictionary(active.compactMap { entry in entry.override.map { (type(of: entry.rule).description.id, $0) } }, uniquingKeysWith: { a, _ in a })
        for index in findings.indices {
            if let severity = overrides[findings[index].ruleID] { findings[index].severity = severity }
        }
        // The same order as sorting the findings themselves, by each file's place among the files and then the position,
        // both taken out once per finding: comparing two findings compared their files' names and copied both. Only
        // findings at the same place are compared whole (rule id, then channel).
        let ranks = Self.fileRanks(of: findings)
        let keys = findings.indices.map { (rank: ranks[$0], start: findings[$0].range?.start ?? TextPosition(line: 0, column: 0)) }
        var order = Array(findings.indices)
        findings.withUnsafeBufferPointer { findings in
            order.sort { left, right in
                if keys[left].rank != keys[right].rank { return keys[left].rank < keys[right].rank }
                if keys[left].start != keys[right].start { return keys[left].start < keys[right].start }
                return findings[left] < findings[right]
            }
        }
        findings.permute(to: order)

        let files = scope.files.map { reported in library.sources.keys.filter { reported.contains($0) }.count } ?? library.fileCount
        let replyCount = selected.count
        let policies = library.policies.filter { scope.checks($0.file) }.count
        var result = LintResult(findings: findings, fileCount: files, replyCount: replyCount, policyCount: policies, sources: library.sources)
        if explain {
            result.policyTopics = library.policies.filter { $0.kind == .moderation && scope.checks($0.file) }.map { policy in
                PolicyTopicsReport(file: policy.file, topics: PolicySectionMissingRule.coverage(of: policy, in: context))
            }
        }
        return result
    }

    /// Each finding's file's place among the files the findings name, in order of the names. A reply's findings
    /// come together, so only the first of each run of one file is sorted: a set and a table of every finding's
    /// file, and a lookup per finding, were 4 ms of a 10,000-reply lint's 320, on one thread.
    static func fileRanks(of findings: [Finding]) -> [Int] {
        var runs: [Int] = []
        for index in findings.indices where index == 0 || findings[index].file != findings[index - 1].file { runs.append(index) }
        runs.sort { findings[$0].file < findings[$1].file }
        var ranks = [Int](repeating: -1, count: findings.count)
        var rank = 0
        for (place, start) in runs.enumerated() {
            if place > 0 && findings[start].file != findings[runs[place - 1]].file { rank += 1 }
            ranks[start] = rank
        }
        // The rest of each run takes its first finding's rank (the first finding of all starts a run).
        for index in ranks.indices where ranks[index] < 0 { ranks[index] = ranks[index - 1] }
        return ranks
    }
}
