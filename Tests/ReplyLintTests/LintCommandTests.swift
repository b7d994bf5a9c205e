// `replylint lint` end to end: exit codes, broken files, bad config, paths, formats.

import Foundation
import Testing

@Suite struct LintCommandTests {
    let broken = CLI.fixtures.appendingPathComponent("broken-library")

    @Test func bundledSampleLibraryIsClean() throws {
        let result = try CLI.run(["lint"], in: CLI.packageRoot)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("No problems found in "), "\(result.stdout)")
        #expect(result.stderr.isEmpty)
    }

    @Test func sampleLibraryPoliciesAreReadAsTheirKinds() throws {
        // Take the hours section out of a copy of the sample's HTML policy: the rule must notice.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for item in ["replies", "policies", "replylint.yml"] {
            try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(item), to: copy.appendingPathComponent(item))
        }
        let policy = copy.appendingPathComponent("policies/moderation.html")
        let html = try String(contentsOf: policy, encoding: .utf8)
        let start = try #require(html.range(of: "<h2 id=\"hours\">"))
        let end = try #require(html.range(of: "</div>", range: start.upperBound..<html.endIndex))
        try html.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
            .write(to: policy, atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", "--format", "json"], in: copy)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"file\": \"policies/moderation.html\""), "\(result.stdout)")
        #expect(result.stdout.contains("when the accounts are monitored"))
    }

    @Test func brokenFilesAreReportedAndTheRestIsStillLinted() throws {
        let result = try CLI.run(["lint"], in: broken)
        #expect(result.status == 1)
        let out = result.stdout
        // The YAML error names the file and the line of the problem.
        #expect(out.contains("replies/waste/broken-yaml.md:5:"), "\(out)")
        #expect(out.contains("front-matter"))
        // One finding for the broken reply, no cascade of guesses about its faq or channels.
        #expect(!out.contains("broken-yaml.md:1:1  error  this reply names no"))
        // The typo'd key and the misspelt channel and FAQ id in another file are all reported.
        #expect(out.contains("replies/waste/typo.md:4:1  error  unknown front-matter key 'chanels' (did you mean 'channels'?)"))
        #expect(out.contains("unknown channel 'x-replly' (did you mean 'x-reply'?)"))
        #expect(out.contains("FAQ entry 'missed-colection' is not in the FAQ (did you mean 'missed-collection'?)"))
        // Non-UTF-8 and binary files are reported, not crashed on.
        #expect(out.contains("replies/waste/latin1.md:2:1  error  this file is not UTF-8 text; save it as UTF-8  file-unreadable"))
        #expect(out.contains("replies/waste/archive.md"))
        #expect(out.contains("binary file"))
        // The good reply is clean; the summary counts every file.
        #expect(!out.contains("good.md"))
        #expect(out.contains("in 6 files (3 replies, 1 policy)"), "\(out)")
        #expect(result.stderr.isEmpty)
    }

    @Test func sourceLineAndCaretPointAtTheProblem() throws {
        let result = try CLI.run(["lint", "replies/waste/typo.md"], in: broken)
        #expect(result.stdout.contains("  5 | channels: [x-replly]\n    |            ^~~~~~~~\n"), "\(result.stdout)")
    }

    @Test func givenFilesAreReportedAloneButTheLibraryIsLoaded() throws {
        let result = try CLI.run(["lint", "replies/waste/good.md"], in: broken)
        // faq-unknown needs policies/faq.md: loaded although only good.md was named.
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout == "No problems found in 1 file (1 reply, 0 policies).\n")
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let result = try CLI.run(["lint", "--format", "json", "replies/waste/typo.md"], in: broken)
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let summary = try #require(json["summary"] as? [String: Int])
        // The typo'd key is an error: it dropped the reply's channels (issue 13).
        #expect(summary == ["files": 1, "replies": 1, "policies": 0, "errors": 3, "warnings": 0, "infos": 0])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let channel = try #require(diagnostics.first { $0["rule"] as? String == "channel-unknown" })
        #expect(channel["file"] as? String == "replies/waste/typo.md")
        #expect(channel["line"] as? Int == 5)
        #expect(channel["column"] as? Int == 12)
        #expect(channel["endColumn"] as? Int == 20)
        #expect(channel["reply"] as? String == "waste/typo")
        #expect(channel["channel"] as? String == "x-replly")
        #expect(channel["severity"] as? String == "error")
    }

    @Test func quietAndMaxWarnings() throws {
        let quiet = try CLI.run(["lint", "--quiet", "replies/waste/typo.md"], in: broken)
        #expect(!quiet.stdout.contains("  warning  "))
        #expect(quiet.stdout.contains("  error  "))
        let bad = CLI.fixtures.appendingPathComponent("broken-library")
        let warnings = try CLI.run(["lint", "--max-warnings", "0", "--format", "json", "replies/waste/typo.md"], in: bad)
        #expect(warnings.status == 1)
    }

    @Test func outputFileGetsTheReport() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["lint", "--format", "json", "--output", file.path], in: broken)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"version\": 1,"))
    }

    @Test func missingPathIsExitTwoWithOneLine() throws {
        let result = try CLI.run(["lint", "replies/nope.md"], in: broken)
        #expect(result.status == 2)
        #expect(result.stderr == "replylint: replies/nope.md: no such file or folder\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func badConfigIsExitTwoNamingTheKey() throws {
        let result = try CLI.run(["lint"], in: CLI.fixtures.appendingPathComponent("bad-config"))
        #expect(result.status == 2)
        #expect(result.stderr == "replylint: replylint.yml:3:1: unknown key 'chanels' (did you mean 'channels'?); known keys: paths, locale, team, accounts, rules, channels, placeholders, usage, serve, limits\n")
    }

    @Test func missingConfigFileIsExitTwo() throws {
        let result = try CLI.run(["lint", "--config", "nope.yml"], in: broken)
        #expect(result.status == 2)
        #expect(result.stderr.contains("nope.yml: config file not found"))
    }

    @Test func badArgumentsAreExitTwo() throws {
        let result = try CLI.run(["lint", "--format", "yaml"], in: broken)
        #expect(result.status == 2)
        #expect(result.stderr.contains("yaml"))
    }
}

/// A copy of the bundled sample library in a temporary folder, for tests that change files.
func sampleLibraryCopy() throws -> URL {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-sample-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    for item in ["replies", "policies", "replylint.yml"] {
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(item), to: copy.appendingPathComponent(item))
    }
    return copy
}

@Suite struct BaselineAndFixTests {
    @Test func baselineAcceptsOldFindingsEvenAfterEditsAboveThem() throws {
        let library = try sampleLibraryCopy()
        defer { try? FileManager.default.removeItem(at: library) }
        let reply = library.appendingPathComponent("replies/waste/old.md")
        try "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, what's your order number?\n".write(to: reply, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lint"], in: library).status == 1)

        let written = try CLI.run(["lint", "--write-baseline", "baseline.json"], in: library)
        #expect(written.status == 0)
        #expect(written.stderr.contains("wrote 1 finding to baseline.json"))
        let accepted = try CLI.run(["lint", "--baseline", "baseline.json"], in: library)
        #expect(accepted.status == 0, "\(accepted.stdout)")
        #expect(accepted.stdout.contains("1 finding accepted by the baseline"))

        // Lines added above the old finding do not bring it back; a new finding still fails.
        try "---\ntitle: Late order\nfaq: missed-collection\ntags: [orders]\nchannels: [x-reply]\n---\n\nHi {{customer.first_name}}, what's your order number?\n".write(to: reply, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lint", "--baseline", "baseline.json"], in: library).status == 0)
        try "---\nfaq: pothole\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, what's your account number?\n".write(
            to: library.appendingPathComponent("replies/waste/new.md"), atomically: true, encoding: .utf8)
        let fresh = try CLI.run(["lint", "--baseline", "baseline.json"], in: library)
        #expect(fresh.status == 1)
        #expect(fresh.stdout.contains("replies/waste/new.md"))
        #expect(!fresh.stdout.contains("replies/waste/old.md"), "\(fresh.stdout)")
    }

    @Test func fixRewritesOnlyWhatIsSafeAndDryRunShowsTheDiff() throws {
        let library = try sampleLibraryCopy()
        defer { try? FileManager.default.removeItem(at: library) }
        let reply = library.appendingPathComponent("replies/waste/fixme.md")
        let original = "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, kindly wait!! We apologize for any inconvenience.\n"
        try original.write(to: reply, atomically: true, encoding: .utf8)

        let dry = try CLI.run(["lint", "--fix", "--dry-run"], in: library)
        #expect(dry.stdout == """
            --- a/replies/waste/fixme.md
            +++ b/replies/waste/fixme.md
            @@ -4,2 +4,2 @@
             ---
            -Hi {{customer.first_name}}, kindly wait!! We apologize for any inconvenience.
            +Hi {{customer.first_name}}, please wait! Sorry about this.

            """)
        #expect(dry.stderr.contains("would fix 1 file"))
        // The diff is a patch git accepts as it is.
        let patch = library.appendingPathComponent("fix.patch")
        try dry.stdout.write(to: patch, atomically: true, encoding: .utf8)
        let check = try Shell.run("git apply --check --unsafe-paths --directory=. fix.patch 2>&1 || git apply --check fix.patch 2>&1", in: library)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(try String(contentsOf: reply, encoding: .utf8) == original)

        let fixed = try CLI.run(["lint", "--fix"], in: library)
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(fixed.stderr.contains("fixed 1 file"))
        #expect(try String(contentsOf: reply, encoding: .utf8) == "---\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, please wait! Sorry about this.\n")
    }
}

@Suite struct WrongPlaceTests {
    @Test func noLibraryHereIsExitTwo() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CLI.run(["lint"], in: empty)
        #expect(result.status == 2)
        // No replies folder here: a hook run in the wrong folder must not pass having checked nothing.
        #expect(result.stderr.contains("replies: the replies folder does not exist in"), "\(result.stderr)")
    }

    @Test func aReplyNamedFromOutsideTheLibraryIsStillAReply() throws {
        // Run from the fixture's parent: the file sits in a replies/ folder, so it is read as a reply.
        let result = try CLI.run(["lint", "broken-library/replies/waste/typo.md"], in: CLI.fixtures)
        #expect(result.stdout.contains("unknown channel 'x-replly'"), "\(result.stdout)\(result.stderr)")
        let readme = try CLI.run(["lint", "../../../../README.md"], in: CLI.fixtures.appendingPathComponent("broken-library"))
        #expect(readme.status == 2)
        #expect(readme.stderr.contains("../../../../README.md: outside the library"), "\(readme.stderr)")
    }

    @Test func aMistypedCommandIsNamedAsSuch() throws {
        let result = try CLI.run(["lintt"], in: CLI.packageRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such file, folder or command"))
    }

    @Test func renderErrorsAreJSONWhenJSONIsAsked() throws {
        let result = try CLI.run(["render", "no/such-reply", "--format", "json"], in: CLI.packageRoot)
        #expect(result.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["error"] as? String)?.hasPrefix("no reply with id 'no/such-reply'") == true)
        #expect(json["status"] as? Int == 404)
    }
}
