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
