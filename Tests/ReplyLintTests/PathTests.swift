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
