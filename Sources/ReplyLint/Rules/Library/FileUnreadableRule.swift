// file-unreadable: a file in the library that is binary, not UTF-8, or cannot be read.

public struct FileUnreadableRule: Rule {
    public static let description = RuleDescription(
        id: "file-unreadable", severity: .error, category: .library,
        summary: "A file in the library is binary, not UTF-8 text, or cannot be read; or a link, folder or special file the walk does not read.",
        rationale: """
            A reply that cannot be read cannot be checked, and an agent who opens it will see garbled text. \
            It is reported rather than skipped, so nothing in the library goes unchecked without anyone knowing. \
            The same goes for what the walk of the library will not read: a symbolic link that points outside \
            the library (never opened, so a link to `~/.aws/credentials` cannot print it), a dangling link or a \
            loop of links, a folder that cannot be opened, and a named pipe, socket or device (never opened, \
            so it cannot block a read). See docs/limits.md.
            """,
        blindSpots: ["Only the first 8 KiB are checked for NUL bytes; text in a legacy 8-bit encoding that happens to be valid UTF-8 is read as UTF-8."],
        triggering: [],
        nonTriggering: [Example("Hi {{customer.first_name}}, thanks for telling us.")])

    public init() {}

    public func checkLibrary(in context: LintContext) -> [Finding] {
        context.library.fileProblems.compactMap { problem in
            guard problem.kind == .unreadable else { return nil }
            return Self.finding(problem.message, file: problem.file, at: problem.position ?? TextPosition(line: 1, column: 1))
        }
    }
}
