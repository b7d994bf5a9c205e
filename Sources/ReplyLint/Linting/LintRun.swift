// One `replylint lint` from start to end — lint, fix and lint again, baseline, filter, report, exit
// status — so every door (the CLI, a future editor plugin) only gathers options and prints.
// The run never touches the disk itself: it loads and writes through the closures it is given.

/// A report format: a name users pass to `--format` and the function that writes a result in it.
/// The formats themselves live in Reporting (`ReportFormat.all`).
public struct ReportFormat: Sendable {
    public struct Options: Sendable {
        /// ANSI colours (text format, to a terminal only).
        public var color: Bool
        /// The tool's version, for formats that name it (SARIF).
        public var toolVersion: String

        public init(color: Bool = false, toolVersion: String) {
            self.color = color
            self.toolVersion = toolVersion
        }
    }

    public var name: String
    /// What the format is for, in a few words, for `--help`.
    public var summary: String
    public var write: @Sendable (LintResult, Options) -> String

    public init(name: String, summary: String, write: @escaping @Sendable (LintResult, Options) -> String) {
        self.name = name
        self.summary = summary
        self.write = write
    }
}

public struct LintRun: Sendable {
    public enum FixMode: Sendable {
        case none
        /// Apply the safe rewrites, then lint again.
        case apply
        /// Show the rewrites as a diff; change nothing.
        case preview
    }

    /// The files a user or hook named, as findings show them; nil lints the whole library.
    public var onlyFiles: Set<String>?
    public var fix: FixMode = .none
    /// Findings this baseline accepts are left out.
    public var baseline: Baseline?
    /// Write every current finding to this path as the baseline (as findings show paths), and pass.
    public var writeBaseline: String?
    /// Report errors only.
    public var quiet = false
    /// Also report, for each moderation policy, where it covers each topic (`--explain`).
    public var explain = false
    /// Fail when there are more warnings than this.
    public var maxWarnings: Int?
    public var format: ReportFormat
    public var reportOptions: ReportFormat.Options
    public var rules: [any Rule] = RuleRegistry.all
    /// The process ends once this run has written its report (the CLI): a library smaller than
    /// `freedLibrarySize` is then left for the system to take back (see `lint(with:load:)`). A caller
    /// that goes on (an editor plugin, a server) leaves it false, and every library is freed.
    public var endsProcess = false

    public init(format: ReportFormat, reportOptions: ReportFormat.Options) {
        self.format = format
        self.reportOptions = reportOptions
    }

    public enum Status: Sendable, Equatable {
        /// No errors, and warnings within the allowance: exit 0.
        case passed
        /// Errors, or more warnings than allowed: exit 1.
        case failed
    }

    public struct Outcome: Sendable {
        /// What goes to standard output or `--output`: the report, or with `fix: .preview` the diff;
        /// nil when there is nothing to print (the baseline was written instead).
        public var report: String?
        /// One-line messages for standard error ("fixed 2 files", "12 warnings, more than --max-warnings 10").
        public var notices: [String]
        public var status: Status
        /// The result the report was written from (after fixing, baseline and `quiet`).
        public var result: LintResult
    }

    /// Runs the whole sequence. `load` reads the library (again after fixes); `write` writes a file
    /// given as findings show paths (fixed replies, the baseline).
    public func run(
        load: () throws -> Library, write: (_ file: String, _ text: String) throws -> Void
    ) throws -> Outcome {
        let linter = Linter(rules: rules)
        var result = try lint(with: linter, load: load)
        var notices: [String] = []

        switch fix {
        case .none:
            break
        case .preview:
            let changed = Fixer.apply(result.findings, sources: result.sources)
            let diff = changed.keys.sorted().map { Fixer.diff(file: $0, old: result.sources[$0] ?? "", new: changed[$0]!) }.joined()
            let left = result.findings.filter { $0.fix == nil || changed[$0.file] == nil }
            let errors = left.filter { $0.severity == .error }.count
            notices.append("\(changed.isEmpty ? "nothing to fix" : "would fix \(Self.plural(changed.count, "file"))"); \(Self.plural(errors, "error")) \(errors == 1 ? "needs" : "need") a person")
            return Outcome(report: diff, notices: notices, status: errors > 0 ? .failed : .passed, result: result)
        case .apply:
            let changed = Fixer.apply(result.findings, sources: result.sources)
            for file in changed.keys.sorted() { try write(file, changed[file]!) }
            if !changed.isEmpty {
                notices.append("fixed \(Self.plural(changed.count, "file"))")
                result = try lint(with: linter, load: load)
            }
        }

        if let writeBaseline {
            try write(writeBaseline, Baseline.file(for: result))
            notices.append("wrote \(Self.plural(result.findings.count, "finding")) to \(writeBaseline); lint with --baseline \(writeBaseline) to fail only on new ones")
            return Outcome(report: nil, notices: notices, status: .passed, result: result)
        }
        if let baseline { _ = baseline.apply(to: &result) }

        let warnings = result.warningCount
        if quiet {
            let before = result.findings.count
            result.findings.removeAll { $0.severity != .error }
            result.quieted = before - result.findings.count
        }
        var status = Status.passed
        if result.errorCount > 0 {
            status = .failed
        } else if let maxWarnings, warnings > maxWarnings {
            let hidden = quiet ? " (not shown: --quiet)" : ""
            notices.append("\(Self.plural(warnings, "warning"))\(hidden), more than --max-warnings \(maxWarnings)")
            status = .failed
        }
        return Outcome(report: format.write(result, reportOptions), notices: notices, status: status, result: result)
    }

    /// Libraries smaller than this are not freed once linted (see `lint(with:load:)`).
    static let freedLibrarySize = 20_000

    /// Loads and lints the library. With `endsProcess`, a library of fewer than `freedLibrarySize` replies is left
    /// allocated: freeing 2,000 replies one object at a time, then handing the pages back, was 2–3 ms of a 60 ms
    /// pre-commit run, and the system takes the whole process back at exit in one go. Otherwise the library is
    /// freed, and its pages handed back, before the report is written, which would otherwise come on top of it.
    private func lint(with linter: Linter, load: () throws -> Library) throws -> LintResult {
        let (result, freed) = try { () throws -> (LintResult, Bool) in
            let library = try load()
            let result = linter.lint(library, onlyFiles: onlyFiles, explain: explain)
            guard !endsProcess || library.replies.count >= Self.freedLibrarySize else {
                Memory.keepUntilExit(library)
                return (result, false)
            }
            return (result, true)
        }()
        // The library was let go as the closure returned.
        if freed { Memory.releaseFreed() }
        return result
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
