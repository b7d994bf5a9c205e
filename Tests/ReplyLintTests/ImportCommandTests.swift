// `replylint import` and `replylint export` as a user runs them: files written, refusals, the first lint.

import Foundation
import Testing

@Suite struct ImportCommandTests {
    static let fixtures = CLI.fixtures.appendingPathComponent("interchange")

    func emptyLibrary() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("replies"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("policies"), withIntermediateDirectories: true)
        return folder
    }

    @Test func importWritesRepliesAnFAQStubAndUsageAndTheFirstLintShowsRealProblems() throws {
        let library = try emptyLibrary()
        defer { try? FileManager.default.removeItem(at: library) }
        let source = Self.fixtures.appendingPathComponent("zendesk-macros.json").path
        let result = try CLI.run(["import", "zendesk", source, "--channels", "x-reply"], in: library)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 3 replies"))
        #expect(result.stdout.contains("3 guessed"))
        #expect(result.stdout.contains("macro 360001237 'Escalate::Tier 2': adds an internal note"))
        for path in ["replies/imported/zendesk/refund/late-delivery.md", "policies/imported-zendesk-faq.md", "imported-usage.csv", "replylint.yml"] {
            #expect(FileManager.default.fileExists(atPath: library.appendingPathComponent(path).path), "\(path)")
        }

        let lint = try CLI.run(["lint", "--format", "json"], in: library)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])
        let rules = (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(!rules.contains("faq-unknown") && !rules.contains("faq-missing") && !rules.contains("placeholder-unknown"))
        #expect(rules.contains("personal-data-placeholder-public"))  // {{ticket.id}} in a public reply
        #expect(rules.filter { $0 == "faq-unused" }.count == 2)  // usage_30d 2 and 0; 41 is enough

        // Again: nothing is overwritten without --force, and nothing is written at all.
        let again = try CLI.run(["import", "zendesk", source, "--channels", "x-reply"], in: library)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exist") && again.stderr.contains("--force"))
        let forced = try CLI.run(["import", "zendesk", source, "--channels", "x-reply", "--force"], in: library)
        #expect(forced.status == 0)
        let usage = try String(contentsOf: library.appendingPathComponent("imported-usage.csv"), encoding: .utf8)
        #expect(usage.components(separatedBy: "refund/late-delivery").count == 2, "counts replaced, not added: \(usage)")
    }

    @Test func importNeverWritesThroughALinkOutOfTheLibrary() throws {
        let library = try emptyLibrary()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-outside-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: library)
            try? FileManager.default.removeItem(at: outside)
        }
        try Data("keep me\n".utf8).write(to: outside)
        // A file the import will write, already there as a link to a file outside (issue 14).
        let folder = library.appendingPathComponent("replies/imported/zendesk/refund")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("late-delivery.md").path, withDestinationPath: outside.path)
        let source = Self.fixtures.appendingPathComponent("zendesk-macros.json").path
        let result = try CLI.run(["import", "zendesk", source, "--channels", "x-reply", "--force"], in: library)
        #expect(result.status == 2)
        #expect(result.stderr.contains("replies/imported/zendesk/refund/late-delivery.md: a link to a file outside the library; import never writes through one"), "\(result.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me\n")
        #expect(!FileManager.default.fileExists(atPath: library.appendingPathComponent("replylint.yml").path), "something was written")
    }

    @Test func dryRunPrintsTheFilesAndWritesNothing() throws {
        let library = try emptyLibrary()
        defer { try? FileManager.default.removeItem(at: library) }
        let result = try CLI.run(["import", "helpscout", Self.fixtures.appendingPathComponent("helpscout-saved-replies.json").path, "--channels", "x-dm", "--dry-run"], in: library)
        #expect(result.status == 0)
        #expect(result.stdout.contains("--- would write replies/imported/helpscout/password-reset.md"))
        #expect(result.stdout.contains("customer.first_name\": {fallback: \"there\"}"))
        #expect(!FileManager.default.fileExists(atPath: library.appendingPathComponent("replies/imported").path))
    }

    @Test func aFileThatIsNotTheFormatIsExitTwoWithWhereItBroke() throws {
        let library = try emptyLibrary()
        defer { try? FileManager.default.removeItem(at: library) }
        let broken = Self.fixtures.appendingPathComponent("zendesk-broken.json").path
        let result = try CLI.run(["import", "zendesk", broken, "--channels", "x-reply"], in: library)
        #expect(result.status == 2)
        #expect(result.stderr.contains("zendesk-broken.json:3:31: not valid JSON"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let wrongShape = try CLI.run(["import", "zendesk", Self.fixtures.appendingPathComponent("github-replies.yml").path], in: library)
        #expect(wrongShape.status == 2)
        #expect(wrongShape.stderr.contains("expected Zendesk macros"))
        let noChannels = try CLI.run(["import", "chatwoot", Self.fixtures.appendingPathComponent("chatwoot-canned-responses.json").path], in: library)
        #expect(noChannels.status == 2 && noChannels.stderr.contains("pass --channels"))
        let badChannel = try CLI.run(["import", "chatwoot", Self.fixtures.appendingPathComponent("chatwoot-canned-responses.json").path, "--channels", "x-replyy"], in: library)
        #expect(badChannel.status == 2 && badChannel.stderr.contains("did you mean"))
    }

    @Test func exportThenImportThroughTheCommands() throws {
        let library = try emptyLibrary()
        defer { try? FileManager.default.removeItem(at: library) }
        let exported = library.appendingPathComponent("macros.json").path
        let export = try CLI.run(["export", "zendesk", "--output", exported, "replies/waste"], in: CLI.packageRoot)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.hasPrefix("exported "))
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text.contains("\"comment_mode_is_public\""))
        #expect(text.contains("{{ticket.requester.first_name}}"))
        let result = try CLI.run(["import", "zendesk", exported], in: library)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("as the source states"))
        let unsupported = try CLI.run(["export", "intercom"], in: CLI.packageRoot)
        #expect(unsupported.status == 2 && unsupported.stderr.contains("import only"))
    }
}
