// file-ignored: a file in the library's folders that ReplyLint does not read.

public struct FileIgnoredRule: Rule {
    public static let description = RuleDescription(
        id: "file-ignored", severity: .warning, category: .library,
        summary: "A file in the replies or policies folder that ReplyLint does not read (a `.txt` reply, a `.pdf` policy), or a link to a folder or file that is read already.",
        rationale: """
            A reply saved as `missed-bin.txt` looks like part of the library, but nothing checks it and no agent \
            can render it. Saying so once is better than a green run that checked less than everyone thinks. \
            Policies are read as Markdown, HTML, plain text (`.txt`) or Word (`.docx`); a PDF or an old word-processor \
            file in the policies folder is reported with what to save it as. Images, video and audio are taken for \
            attachments and not reported, and so are PDFs among the replies. A link to a folder or file \
            the walk has read already (`replies/loop/up -> ..`) is reported too: each is read once, so the \
            library is never linted twice, nor walked in a loop.
            """,
        blindSpots: ["A Markdown file that is not meant as a reply (a README in replies/) is read as a reply, not reported here."],
        triggering: [],
        nonTriggering: [Example("Hi {{customer.first_name}}, thanks for telling us.")])

    public init() {}

    public func checkLibrary(in context: LintContext) -> [Finding] {
        context.library.fileProblems.compactMap { problem in
            guard problem.kind == .ignored else { return nil }
            return Self.finding(problem.message, file: problem.file, at: nil)
        }
    }
}
