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
