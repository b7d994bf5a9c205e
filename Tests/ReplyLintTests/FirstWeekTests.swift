// What a team hits in its first week with ReplyLint (issue 13): pre-commit runs that see what a
// change breaks elsewhere, typos that must fail, duplicate ids, files that are not read.

import Foundation
import Testing

@Suite struct PreCommitScopeTests {
    @Test func removingAnFAQEntryReportsTheRepliesThatNamedIt() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let faq = try library.read("policies/faq.md")
        try library.write("policies/faq.md", faq.replacingOccurrences(of: "## My bin wasn't collected {#missed-collection}", with: "## Bins {#bins}"))
        // What the hook runs when only the FAQ is staged.
        let result = try library.lint(["policies/faq.md"])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("replies/waste/missed-collection-public.md:3:6  error  FAQ entry 'missed-collection' is not in the FAQ"), "\(result.stdout)")
        // Only what the FAQ can cause is reported in the replies it was not given for.
        #expect(!result.stdout.contains("tone-"))
    }

    @Test func renamingAPartialReportsTheRepliesThatIncludedIt() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try FileManager.default.moveItem(at: library.url("replies/_partials/signature.mustache"), to: library.url("replies/_partials/sign-off.mustache"))
        let result = try library.lint(["replies/_partials/sign-off.mustache"])
        #expect(result.status == 1)
        let missing = result.stdout.components(separatedBy: "\n").filter { $0.contains("partial-missing") }
        #expect(missing.count == 12, "\(result.stdout)")
        #expect(missing.allSatisfy { $0.hasPrefix("replies/") && !$0.hasPrefix("replies/_partials") })
    }

    @Test func aChangedConfigLintsTheWholeLibrary() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        // A channel the sample's replies use is given a limit they no longer fit.
        try library.write("replylint.yml", try library.read("replylint.yml") + "channels:\n  x-reply: {limit: 100}\n")
        let result = try library.lint(["replylint.yml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("length-limit"), "\(result.stdout)")
        #expect(result.stdout.contains("in 48 files (46 replies, 3 policies)"), "\(result.stdout)")
    }

    @Test func aNeverAskItemAddedToTheModerationPolicyReportsTheRepliesThatAskForIt() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let policy = try library.read("policies/moderation.html")
        try library.write("policies/moderation.html", policy.replacingOccurrences(of: "<li>Password", with: "<li>Password\n    <li>Street address"))
        let result = try library.lint(["policies/moderation.html"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/waste/missed-collection-public.md:11:98  error  asks for 'street address' (on your policy's never-ask list)"), "\(result.stdout)")
        #expect(result.stdout.contains("replies/waste/new-bin-dm.md:13:21  error  asks for 'street address'"))
    }

    @Test func theHookPassesTheConfigFile() throws {
        let hooks = try String(contentsOf: CLI.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let pattern = try #require(hooks.split(separator: "\n").first { $0.contains("files:") }).split(separator: " ").last.map(String.init) ?? ""
        let regex = try Regex(pattern)
        for path in ["replylint.yml", "replies/waste/a.md", "policies/faq.md"] {
            #expect(path.firstMatch(of: regex) != nil, "\(path) is not passed to the hook")
        }
        #expect("README.md".firstMatch(of: regex) == nil)
    }
}

@Suite struct FrontMatterTypoTests {
    @Test func aMisspeltPlaceholdersKeyFailsTheRun() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let reply = "replies/waste/missed-collection-public.md"
        try library.write(reply, try library.read(reply).replacingOccurrences(of: "placeholders:", with: "placholders:"))
        let result = try library.lint([reply])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error  unknown front-matter key 'placholders' (did you mean 'placeholders'?)"), "\(result.stdout)")
    }

    @Test func aMisspeltChannelsKeyIsOneFindingThatNamesTheCause() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let reply = "replies/waste/missed-collection-public.md"
        try library.write(reply, try library.read(reply).replacingOccurrences(of: "channels:", with: "chanels:"))
        let result = try library.lint([reply])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("replies/") }
        #expect(lines.first?.contains("unknown front-matter key 'chanels' (did you mean 'channels'?)") == true, "\(result.stdout)")
        #expect(!result.stdout.contains("names no channel"))
    }
}

@Suite struct DuplicateIDTests {
    @Test func twoRepliesWithOneIDAreBothReportedAndRenderRefuses() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/quick/more.yml", """
            replies:
              - id: waste/missed-collection-public
                title: Same id as a file
                faq: missed-collection
                channels: [x-dm]
                body: Hi {{customer.first_name}}, thanks for telling us.
            """)
        let result = try library.lint()
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/quick/more.yml:2:5  error  another reply has the id 'waste/missed-collection-public' (replies/waste/missed-collection-public.md)"), "\(result.stdout)")
        #expect(result.stdout.contains("replies/waste/missed-collection-public.md:1:1  error  another reply has the id 'waste/missed-collection-public' (replies/quick/more.yml)"))
        let render = try library.run(["render", "waste/missed-collection-public", "--channel", "x-reply", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jo Reyes"])
        #expect(render.status == 2)
        #expect(render.stderr.contains("2 replies have the id 'waste/missed-collection-public'"), "\(render.stderr)")
    }
}

@Suite struct IgnoredFileTests {
    @Test func aNamedFileReplyLintDoesNotReadIsAnError() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/plain.txt", "Hi, thanks for telling us.\n")
        let result = try library.lint(["replies/plain.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("replies/plain.txt: ReplyLint does not read this kind of file; replies are .md, .markdown, .yml, .yaml files"), "\(result.stderr)")
    }

    @Test func aFileFoundInTheWalkIsReportedOnceAndMediaAreNot() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/waste/missed-bin.txt", "Hi, thanks for telling us.\n")
        try library.write("replies/waste/media/bin-day.png", "not really a picture")
        let result = try library.lint()
        #expect(result.status == 0, "\(result.stdout)")
        let ignored = result.stdout.split(separator: "\n").filter { $0.contains("file-ignored") }
        #expect(ignored == ["replies/waste/missed-bin.txt  warning  ReplyLint does not read this file: a reply is a .md file (or many replies in one .yml); rename it, or move it out of the library  file-ignored"], "\(result.stdout)")
    }
}

@Suite struct FirstStepsTests {
    @Test func countOnAReplyFileMeasuresTheReplyNotTheFile() throws {
        let result = try CLI.run(["count", "--channel", "x-reply", "replies/waste/missed-collection-public.md"], in: CLI.packageRoot)
        #expect(result.status == 0)
        // The front matter is not counted; the placeholders are at their declared max, as lint measures.
        #expect(result.stdout == "210 / 280 weighted characters on x-reply — the reply's worst case (agent.full_name at 40, customer.first_name at 30)\n", "\(result.stdout)")
        let json = try CLI.run(["count", "--channel", "x-reply", "--format", "json", "replies/waste/missed-collection-public.md"], in: CLI.packageRoot)
        #expect(json.stdout.contains("\"measured\": \"worst-case\""))
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(!readme.contains("count --channel C [FILE|-] [--json]"))
    }

    @Test func initWritesALibraryThatLintsCleanAndNeverOverwrites() throws {
        let folder = try ScratchLibrary()
        defer { folder.delete() }
        let created = try folder.run(["init", "team-replies"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created team-replies/replies/general/thanks-public.md"))
        let lint = try CLI.run(["lint"], in: folder.url("team-replies"))
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.hasPrefix("No problems found in 4 files (1 reply, 2 policies)."), "\(lint.stdout)")
        // Every file explains itself.
        #expect(try folder.read("team-replies/replylint.yml").contains("# "))
        #expect(try folder.read("team-replies/replies/general/thanks-public.md").contains("# The FAQ entry this reply answers"))
        let again = try folder.run(["init", "team-replies"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exist"), "\(again.stderr)")
    }

    @Test func listShowsIDsChannelsAndTitlesAndSearches() throws {
        let all = try CLI.run(["list"], in: CLI.packageRoot)
        #expect(all.status == 0)
        #expect(all.stdout.split(separator: "\n").count == 46)
        let found = try CLI.run(["list", "missed", "bin", "--channel", "x-reply"], in: CLI.packageRoot)
        #expect(found.stdout.hasPrefix("waste/missed-collection-public  x-reply, facebook-comment  Missed bin collection (public reply)"), "\(found.stdout)")
        let badChannel = try CLI.run(["list", "--channel", "twitter"], in: CLI.packageRoot)
        #expect(badChannel.status == 2)
        #expect(badChannel.stderr.contains("unknown channel 'twitter' (did you mean 'x-reply'?); channels: email, facebook-comment"), "\(badChannel.stderr)")
    }

    @Test func renderSuggestsTheChannelPeopleMeanAndTheReplyID() throws {
        let channel = try CLI.run(["render", "waste/missed-collection-public", "--channel", "twitter"], in: CLI.packageRoot)
        #expect(channel.status == 2)
        #expect(channel.stderr.contains("(did you mean 'x-reply'?)"), "\(channel.stderr)")
        let id = try CLI.run(["render", "waste/missed-colection-public"], in: CLI.packageRoot)
        #expect(id.status == 2)
        #expect(id.stderr.contains("(did you mean 'waste/missed-collection-public'?)"), "\(id.stderr)")
    }

    @Test func rulesStartWithASummaryTableAndTakePrefixesAndCategories() throws {
        let all = try CLI.run(["rules"], in: CLI.packageRoot)
        let first = all.stdout.split(separator: "\n").prefix(3)
        #expect(first.first?.hasPrefix("front-matter ") == true, "\(all.stdout.prefix(300))")
        #expect(first.allSatisfy { $0.contains("  error  ") || $0.contains("  warning  ") || $0.contains("  info  ") })
        let tone = try CLI.run(["rules", "tone"], in: CLI.packageRoot)
        #expect(tone.stdout.split(separator: "\n").prefix(7).allSatisfy { $0.hasPrefix("tone-") })
        let typo = try CLI.run(["rules", "tne"], in: CLI.packageRoot)
        #expect(typo.status == 2)
        #expect(typo.stderr == "replylint: no rule or category 'tne' (did you mean 'tone'?); `replylint rules` lists them\n", "\(typo.stderr)")
    }
}

@Suite struct TextOutputTests {
    static let longReply = """
        ---
        faq: missed-collection
        channels: [x-reply]
        ---
        Hi {{customer.first_name}}, thank you for telling us about this. We have looked at your account and we can see the problem that you describe. Kindly note we apologize for any inconvenience!! Please send us your account number so we can fix it for you. Thanks!

        """

    @Test func aLongLineIsShownAsAWindowAroundTheFinding() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/waste/long.md", Self.longReply)
        let result = try library.lint(["replies/waste/long.md"])
        #expect(result.stdout.contains("""
              5 | …for any inconvenience!! Please send us your account number so we can fix it for you. Thanks!
                |                                              ^~~~~~~~~~~~~~
            """), "\(result.stdout)")
        // No excerpt line is much wider than a terminal.
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("  5 | ") {
            #expect(line.unicodeScalars.count <= 110)
        }
        #expect(result.stdout.hasSuffix("  2 fixable with --fix (see them first with --fix --dry-run).\n"), "\(result.stdout)")
    }

    @Test func quietWithOnlyWarningsDoesNotSayNoProblems() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/waste/loud.md", "---\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, thanks!! We will book a pickup.\n")
        let result = try library.lint(["--quiet", "replies/waste/loud.md"])
        #expect(result.status == 0)
        #expect(result.stdout == "No errors in 1 file (1 reply, 0 policies); 1 warning or info not shown (--quiet).\n", "\(result.stdout)")
    }

    @Test func fixOnlyAppliesRewritesThatKeepTheSentenceGrammatical() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/waste/long.md", Self.longReply)
        _ = try library.lint(["--fix", "replies/waste/long.md"])
        let fixed = try library.read("replies/waste/long.md")
        #expect(fixed.contains("Please note we apologize for any inconvenience! Please send"), "\(fixed)")
        // The clause swap is offered, not applied, where it would break the sentence.
        let json = try library.lint(["--format", "json", "replies/waste/long.md"])
        #expect(json.stdout.contains("\"suggestions\": ["))
        #expect(json.stdout.contains("\"text\": \"sorry about this\""))
        // Where the clause is a sentence of its own, --fix swaps it.
        try library.write("replies/waste/apology.md", "---\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, we apologize for any inconvenience. Kindly send us your street name.\n")
        _ = try library.lint(["--fix", "replies/waste/apology.md"])
        #expect(try library.read("replies/waste/apology.md").hasSuffix("Hi {{customer.first_name}}, sorry about this. Please send us your street name.\n"))
    }
}
