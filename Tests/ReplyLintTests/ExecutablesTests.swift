// The two executables (issue 20): `replylint` starts like a native tool because it links neither the
// server, the MCP SDK, PostgreSQL's client nor networking; what needs them is handed over to
// `replylint-server` beside it, so users still type `replylint serve` and `replylint mcp`.

import Foundation
import Testing

@Suite struct ExecutablesTests {
    static let sample = CLI.packageRoot

    @Test func serveAndMCPAreListedAndTheirHelpIsTheServers() throws {
        let help = try CLI.run(["--help"], in: Self.sample)
        #expect(help.stdout.contains("serve") && help.stdout.contains("Serve the library over HTTP"))
        #expect(help.stdout.contains("mcp") && help.stdout.contains("as an MCP server"))
        // The options of `serve` live in replylint-server; `replylint serve --help` shows them.
        let serve = try CLI.run(["serve", "--help"], in: Self.sample)
        #expect(serve.status == 0)
        #expect(serve.stdout.contains("--reload-interval") && serve.stdout.contains("REPLYLINT_TOKEN"), "\(serve.stdout)")
        let mcp = try CLI.run(["mcp", "--help"], in: Self.sample)
        #expect(mcp.stdout.contains("Model Context Protocol"), "\(mcp.stdout)")
    }

    /// A command named first is parsed by that command alone (start-up, issue 20); its help and mistakes
    /// are still the root's: `replylint render`, not `render`, and the same messages and exit codes.
    @Test(arguments: [
        (["render", "--help"], 0, "USAGE: replylint render <ID>"),
        (["lint", "-h"], 0, "USAGE: replylint lint [<PATH> ...]"),
        (["help", "count"], 0, "USAGE: replylint count --channel <channel>"),
        (["render"], 2, "Error: Missing expected argument '<ID>'"),
        (["render", "general/hours", "--var", "oops"], 2, "--var takes NAME=VALUE"),
        (["list", "--colour"], 2, "Error: Unknown option '--colour'"),
        (["render", "general/hours", "--version"], 0, "0.1.0"),
        // A completion script is the root's, asked for after a command name too (the commands parsed alone skip
        // ArgumentParser's own check for it).
        (["render", "--generate-completion-script", "bash"], 0, "_replylint()"),
        (["lint", "--generate-completion-script=zsh"], 0, "#compdef replylint"),
    ])
    func aCommandsHelpAndMistakesAreTheRootsAsBefore(arguments: [String], status: Int32, says: String) throws {
        let result = try CLI.run(arguments, in: Self.sample)
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains(says), "\(result.stdout)\(result.stderr)")
        if says.hasPrefix("USAGE") { #expect(!result.stdout.contains("USAGE: \(arguments.first == "help" ? arguments[1] : arguments[0]) ")) }
    }

    /// Without a shell named, the script is for `$SHELL`, or the root's error when that is unset or unknown
    /// (CI has no `$SHELL`): either way a command's flag gives exactly what the root's gives.
    @Test(arguments: [nil, "/bin/bash", "/usr/bin/fish", "/bin/tcsh"] as [String?])
    func aCompletionScriptAfterACommandNameIsTheRootsWhateverTheShell(shell: String?) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SHELL"] = shell
        let root = try CLI.run(["--generate-completion-script"], in: Self.sample, environment: environment)
        let afterLint = try CLI.run(["lint", "--generate-completion-script"], in: Self.sample, environment: environment)
        #expect(afterLint.status == root.status)
        #expect(afterLint.stdout == root.stdout && afterLint.stderr == root.stderr, "\(afterLint.stdout)\(afterLint.stderr)")
        #expect(root.status == (shell == nil || shell == "/bin/tcsh" ? 2 : 0), "\(root.stderr)")
    }

    @Test func anArgumentMistakeInServeIsReportedAsBefore() throws {
        let result = try CLI.run(["serve", "--port", "70000"], in: Self.sample)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--port takes 0 to 65535"), "\(result.stderr)")
    }

    @Test func aPostgreSQLUsageLogIsHandedOverToTheServerExecutable() throws {
        // Nothing listens on port 9: the error is the PostgreSQL client's, so the run reached the server
        // executable (which links it) rather than stopping at "not supported".
        let library = try ScratchLibrary.sample()
        defer { try? FileManager.default.removeItem(at: library.root) }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["usage"]
        process.currentDirectoryURL = library.root
        var environment = ProcessInfo.processInfo.environment
        environment["REPLYLINT_USAGE_LOG"] = "postgres://replylint:secret@127.0.0.1:9/care"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("127.0.0.1:9") && !text.contains("replylint-server, which is not beside"), "\(text)")
        #expect(!text.contains("secret"), "the password is never shown")
    }

    @Test func withoutTheServerExecutableServeSaysWhatToInstall() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-alone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let alone = folder.appendingPathComponent("replylint")
        try FileManager.default.copyItem(at: CLI.executable, to: alone)
        let result = try CLI.run(executable: alone.path, ["serve"], in: Self.sample)
        #expect(result.status == 2)
        #expect(result.stderr.contains("replylint serve needs replylint-server") && result.stderr.contains("install them together"), "\(result.stderr)")
        // Linting needs nothing beside it.
        let lint = try CLI.run(executable: alone.path, ["lint", "--quiet"], in: Self.sample)
        #expect(lint.status == 0, "\(lint.stderr)")
    }

    #if os(Linux)
    @Test func replylintLinksNoNetworking() throws {
        guard ProcessInfo.processInfo.environment["REPLYLINT_TEST_EXECUTABLE"] == nil else { return }
        let ldd = try CLI.run(executable: "/usr/bin/ldd", [CLI.executable.path])
        try #require(ldd.status == 0, "\(ldd.stderr)")
        var unwanted = ["libcurl", "libFoundationNetworking", "libssl", "libnghttp2"]
        // Release builds link the Swift runtime and Foundation in (debug builds cannot: see Package.swift).
        if CLI.executable.path.contains("/release/") { unwanted += ["libswiftCore", "libFoundation.so"] }
        for library in unwanted {
            #expect(!ldd.stdout.contains(library), "replylint loads \(library) at start-up")
        }
    }
    #endif
}
