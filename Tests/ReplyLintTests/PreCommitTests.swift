// The pre-commit hook with the real pre-commit framework, in a throwaway git repository.
// It builds ReplyLint in release mode through pre-commit (several minutes, with the server's
// packages), so it runs only when REPLYLINT_PRECOMMIT=1 (as `.ci/run` sets) and `pre-commit` is installed.

import Foundation
import Testing

enum Shell {
    static func run(_ command: String, in directory: URL) throws -> CLIResult {
        try CLI.run(executable: "/bin/sh", ["-c", command], in: directory)
    }

    /// `run` on a thread of its own: a child process that takes minutes must not hold one of the few
    /// threads the other tests' async work runs on (with two cores there are two, and the MCP
    /// session test starved behind this one in CI).
    static func runOffPool(_ command: String, in directory: URL) async throws -> CLIResult {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try run(command, in: directory) }) }
        }
    }

    static var preCommitWanted: Bool {
        ProcessInfo.processInfo.environment["REPLYLINT_PRECOMMIT"] == "1"
            && (try? run("command -v pre-commit", in: URL(fileURLWithPath: "/")))?.status == 0
    }
}

@Test(.enabled(if: Shell.preCommitWanted), .timeLimit(.minutes(20)))
func preCommitBlocksABadReplyAndPassesAGoodOne() async throws {
    let root = CLI.packageRoot
    let head = try Shell.run("git rev-parse HEAD", in: root)
    try #require(head.status == 0, "the hook is installed from the package's git HEAD")
    let repo = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-precommit-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: repo) }
    try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
    for item in ["replies", "policies", "replylint.yml"] {
        try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: repo.appendingPathComponent(item))
    }
    let config = "repos:\n  - repo: \(root.path)\n    rev: \(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines))\n    hooks:\n      - id: replylint\n"
    try config.write(to: repo.appendingPathComponent(".pre-commit-config.yaml"), atomically: true, encoding: .utf8)
    let git = "git -c user.name=test -c user.email=test@example.com"
    let setup = try await Shell.runOffPool("git init -q && git add -A && \(git) commit -qm init && pre-commit install", in: repo)
    try #require(setup.status == 0, "\(setup.stderr)")

    let bad = repo.appendingPathComponent("replies/waste/bad.md")
    try "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, what is your account number? We will check it.\n"
        .write(to: bad, atomically: true, encoding: .utf8)
    let blocked = try await Shell.runOffPool("git add replies/waste/bad.md && \(git) commit -m bad 2>&1", in: repo)
    #expect(blocked.status != 0, "the commit should be blocked")
    #expect(blocked.stdout.contains("ReplyLint....") && blocked.stdout.contains("Failed"))
    #expect(blocked.stdout.contains("replies/waste/bad.md:5:42  error  asks for an account number in a public reply"))
    // Only the staged file is reported, though the whole library was loaded (its FAQ id resolved).
    #expect(blocked.stdout.contains("in 1 file (1 reply, 0 policies)"), "\(blocked.stdout)")
    #expect(!blocked.stdout.contains("faq-unknown"))

    try "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, sorry about that. Please send us a Direct Message with your account number: {{dm_link}}\n"
        .write(to: bad, atomically: true, encoding: .utf8)
    let passed = try await Shell.runOffPool("git add replies/waste/bad.md && \(git) commit -m good 2>&1", in: repo)
    #expect(passed.status == 0, "\(passed.stdout)")
    #expect(passed.stdout.contains("Passed"))
}
