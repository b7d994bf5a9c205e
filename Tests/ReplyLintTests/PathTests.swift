// Paths shown in findings are relative to a standardised base; the base is standardised without
// Foundation when it is standard already (issue 20), and must come out as Foundation's would.

import Foundation
@testable import ReplyLint
import Testing

@Suite struct PathTests {
    @Test(arguments: [
        "/", "/a", "/a/b", "/a/b/", "/a//b", "//a", "/a/./b", "/a/../b", "/a/b/..", "/a/b/.", "/a/.hidden", "/a/..b", "/a/b.", "/a/...", "/...", "/.a/b", "/a/b/.../c", "/.", "/..",
        "/tmp/a library/reply one.md", "/tmp/ünïcödé/ø", "a/b", "./a", "../a", "", ".", "/a/b\u{301}",
        // Foundation drops /private and /var/automount where the shorter path exists (macOS's /tmp and /var).
        "/private", "/private/tmp", "/private/etc/hostname", "/private/no-such-folder/x", "/var/automount/x", "/var/automount", "/var", "/var/tmp", "/privateer/x",
    ])
    func standardisedAsFoundationDoes(_ path: String) {
        #expect(LibraryLoader.standardized(path) == URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    /// Foundation may shorten these (macOS), so they are left to it, even when a combining mark joins the slash
    /// before it into one Character.
    @Test func privateFoldersAreLeftToFoundation() {
        for path in ["/private", "/private/tmp", "/private/\u{301}", "/private/\u{301}/a", "/var/automount", "/var/automount/\u{301}"] {
            #expect(!LibraryLoader.isStandard(path), "\(path.debugDescription)")
        }
        #expect(LibraryLoader.isStandard("/privateer/\u{301}"))
    }

    @Test func shownRelativeToTheWorkingDirectory() {
        #expect(LibraryLoader.display("/srv/lib/replies/a.md", base: "/srv/lib") == "replies/a.md")
        #expect(LibraryLoader.display("/srv/lib/replies/a.md", base: "/srv/x/../lib/") == "replies/a.md")
        #expect(LibraryLoader.display("/elsewhere/a.md", base: "/srv/lib") == "/elsewhere/a.md")
    }
}

/// Configured folders that overlap read each file once; folders that do not are not compared path by path
/// (issue 20), and must read the same files.
@Suite struct ConfiguredFolderTests {
    func load(_ paths: String, in library: ScratchLibrary) throws -> [String] {
        try library.write("replylint.yml", "paths: \(paths)\n")
        let configuration = try LibraryLoader.loadConfiguration(root: library.root.path, explicitFile: nil, displayBase: library.root.path, rules: RuleRegistry.descriptions)
        let loaded = try LibraryLoader(root: library.root.path, displayBase: library.root.path, configuration: configuration, knownRules: RuleRegistry.ids).load()
        return loaded.replies.map(\.file) + loaded.policies.map(\.file)
    }

    @Test func eachFileIsReadOnceHoweverTheFoldersNest() throws {
        let library = try ScratchLibrary()
        defer { library.delete() }
        for file in ["replies/a.md", "replies/sub/b.md", "replies/sub/c.md", "more/d.md"] {
            try library.write(file, "---\nchannels: [x-dm]\n---\nThanks for waiting, we have an update on your request.\n")
        }
        try library.write("policies/faq.md", "# FAQ\n\n## Hours\n\nWe are open from nine to five.\n")
        let all = ["replies/a.md", "replies/sub/b.md", "replies/sub/c.md"]
        for paths in ["{replies: [replies, replies/sub]}", "{replies: [replies/sub, replies]}", "{replies: [replies, ./replies, replies/]}"] {
            let files = try load(paths, in: library)
            #expect(files.sorted() == ["policies/faq.md"] + all, "\(paths)")
        }
        // Apart, nothing is dropped: every folder's files, each once.
        #expect(try load("{replies: [replies/sub, more], policies: [policies]}", in: library).sorted() == ["more/d.md", "policies/faq.md", "replies/sub/b.md", "replies/sub/c.md"])
        // A reply folder inside a policy folder: its files are replies, read once (the replies come first).
        #expect(try load("{replies: [replies/sub], policies: [replies]}", in: library).filter { $0.hasPrefix("replies/sub/") }.sorted() == ["replies/sub/b.md", "replies/sub/c.md"])
    }
}

@Suite struct WalkByNameTests {
    /// A walk listing only some names lists what the whole walk lists with those names, through links
    /// too, and reports the same problems: `render` finds YAML collections with it.
    @Test func aWalkByNameListsWhatTheWholeWalkListsWithThoseNames() throws {
        let library = try ScratchLibrary()
        defer { library.delete() }
        for file in ["replies/a.md", "replies/b.yml", "replies/sub/c.yaml", "replies/sub/d.md", "replies/.hidden.yml"] {
            try library.write(file, "replies: []\n")
        }
        let replies = library.url("replies").path
        let links = [
            ("replies/again.yml", "a.md"),           // a file read already, under a listed name
            ("replies/sub/e.md", "../b.yml"),       // a listed file, under a name not listed
            ("replies/f.yaml", "sub/d.md"),         // a file not listed, under a listed name, read already
            ("replies/gone.yml", "missing.yml"),    // dangling
            ("replies/out.yml", "/etc/hostname"),   // outside the library
        ]
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(atPath: library.url(link).path, withDestinationPath: target)
        }
        let root = try #require(LibraryWalk.realPath(library.root.path))
        let isCollection: (String) -> Bool = { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
        let whole = LibraryWalk.walk(replies, inside: root, limit: 100)
        let named = LibraryWalk.walk(replies, inside: root, limit: 100, named: isCollection)
        #expect(named.files == whole.files.filter { isCollection(($0 as NSString).lastPathComponent) })
        #expect(named.files.map { String($0.dropFirst(replies.count + 1)) } == ["b.yml", "sub/c.yaml"])
        #expect(named.problems.map(\.path) == whole.problems.map(\.path))
        #expect(named.problems.map(\.message) == whole.problems.map(\.message))
        #expect(named.problems.count == 5, "\(named.problems.map(\.path))")
        // The limit counts every entry, listed or not.
        #expect(LibraryWalk.walk(replies, inside: root, limit: 3, named: isCollection).problems.last?.kind == .limit)
    }
}

@Suite struct RenderFindsCollectionsTests {
    /// `render ID` reads only ID's file, unless a YAML collection anywhere below replies/ (in a subfolder,
    /// or through a link inside the library) may hold a reply with that id too: then both are seen, and
    /// the render is refused rather than made from either.
    @Test func aCollectionRepeatingTheIDStopsTheRender() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let args = ["render", "general/hours", "--channel", "x-reply", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jo Reyes"]
        let rendered = try library.run(args)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let collection = "replies:\n  - id: general/hours\n    faq: missed-collection\n    channels: [x-reply]\n    body: Thanks, {{customer.first_name}}!\n"
        // In a folder of its own, deeper down.
        try library.write("replies/waste/deep/more.yml", collection)
        var refused = try library.run(args)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("2 replies have the id 'general/hours' (replies/general/hours.md, replies/waste/deep/more.yml)"), "\(refused.stderr)")
        try library.remove("replies/waste/deep/more.yml")
        #expect(try library.run(args).status == 0)
        // Through a link to a folder elsewhere in the library.
        try library.write("shared/more.yaml", collection)
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/general/linked").path, withDestinationPath: "../../shared")
        refused = try library.run(args)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("2 replies have the id 'general/hours' (replies/general/hours.md, replies/general/linked/more.yaml)"), "\(refused.stderr)")
    }
}
