// limit-exceeded: a file, folder, YAML document or template larger than the library's limits allow.

public struct LimitExceededRule: Rule {
    public static let description = RuleDescription(
        id: "limit-exceeded", severity: .error, category: .library,
        summary: "A file, folder or template is larger than the library's limits allow (`limits:` in `replylint.yml`), so it is not (wholly) read, checked or rendered.",
        rationale: """
            A library is files anyone with a pull request can change, and `replylint serve` reloads it live. So \
            everything ReplyLint reads is bounded: a file's size, how many files a folder holds, how far YAML \
            anchors may expand a file, how long a template may become with its partials and placeholders at \
            their maximum, how deep partials may include partials, and how large a placeholder's `max` may be. \
            A limit reached is reported here instead of hanging or exhausting the machine, and what it stopped \
            is named: a file not read, a reply whose length cannot be checked and that render refuses, partials \
            that include each other in a loop. The defaults are far beyond any real library (a 100,000-reply \
            library stays well inside them); raise one under `limits:` when a real library needs it.
            """,
        blindSpots: [
            "A partial loop is reported because the worst case assumes every section present; a loop guarded by a section over nested values (Mustache's recursion) is reported too, although render may finish it for shallow values.",
            "Limits bound the work of one file or template; a library of many files each within its limits can still take a while to lint.",
        ],
        notes: """
            | setting | default | what it bounds |
            |---|---|---|
            \(Limits.settings.map { setting in "| `\(setting.key)` | \(Limits.grouped(Limits()[keyPath: setting.path])) \(setting.unit) | \(setting.summary) (at most \(Limits.grouped(setting.ceiling))) |" }.joined(separator: "\n"))

            ```yaml
            limits:
              file-size: 8388608      # bytes
              expansion: 200000       # characters
            ```
            """,
        triggering: [
            Example("---\nfaq: missed-collection\nchannels: [email]\nplaceholders:\n  ↓details: {max: 20000}\n---\nHi {{customer.first_name}}, here is what we found: {{details}}"),
        ],
        nonTriggering: [
            Example("---\nfaq: missed-collection\nchannels: [email]\nplaceholders:\n  details: {max: 2000}\n---\nHi {{customer.first_name}}, here is what we found: {{details}}"),
            Example("Hi {{customer.first_name}}, we are on it. {{> signature}}"),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let limits = context.configuration.limits
        var findings = reply.problems.filter { $0.kind == .limit }.map { Self.finding($0.message, in: reply, at: $0.position) }
        for name in reply.placeholders.keys.sorted() {
            guard let declaration = reply.placeholders[name], let max = declaration.max, max > limits.placeholderMax else { continue }
            findings.append(Self.finding(
                "'\(name).max' is \(Limits.grouped(max)), more than \(limits.describe("placeholder-max")); its worst case is measured at the limit: declare the real longest value, or raise limits.placeholder-max",
                in: reply, at: declaration.position))
        }
        guard !reply.isUnreadable, reply.template.problems.isEmpty else { return findings }
        let worst = context.worstCases(of: reply).first { $0.text.breach != nil }?.text
            ?? (context.channels(of: reply).isEmpty ? WorstCase.text(of: reply, channel: Self.anyChannel, library: context.library) : nil)
        if let breach = worst?.breach {
            let advice: String
            switch breach.kind {
            case .size: advice = "lower the placeholders' max, include fewer partials, or raise limits.expansion"
            case .depth: advice = "include partials less deeply, or raise limits.partial-depth"
            case .recursion: advice = "break the loop"
            }
            let start = breach.tag.map { reply.filePosition(ofBody: $0.start) } ?? reply.bodyStart
            let end = breach.tag.map { reply.filePosition(ofBody: $0.end) }
            findings.append(Self.finding(
                "this reply's length cannot be checked and render refuses it: \(breach.describe(limits)); \(advice)",
                in: reply, at: start, end: end))
        }
        return findings
    }

    public func checkLibrary(in context: LintContext) -> [Finding] {
        var findings = context.library.fileProblems.compactMap { problem -> Finding? in
            guard problem.kind == .limit else { return nil }
            return Self.finding(problem.message, file: problem.file, at: problem.position ?? TextPosition(line: 1, column: 1))
        }
        // Partials that include each other in a loop, once per loop, at the first of them by name.
        var reported = Set<Set<String>>()
        for partial in context.library.partials.values.sorted(by: { $0.name < $1.name }) {
            let worst = WorstCase.text(of: partial.template, reply: nil, channel: Self.anyChannel, library: context.library, within: [partial.name])
            guard let breach = worst.breach, breach.kind == .recursion, breach.partials.last == partial.name,
                  reported.insert(Set(breach.partials)).inserted
            else { continue }
            findings.append(Self.finding(
                "\(breach.describe(context.configuration.limits)); every reply that includes '\(partial.name)' is refused by render: break the loop",
                file: partial.file, at: breach.tag?.start ?? TextPosition(line: 1, column: 1), end: breach.tag?.end))
        }
        return findings
    }

    /// A channel without a limit or a link, for expanding a template no channel is known for.
    static let anyChannel = Channel(id: "", platform: "", visibility: .private, limit: nil, unit: .characters)
}
