// Windows line endings: a library saved with CRLF lints, fixes, suppresses and reports exactly like
// the same library with LF.

import Foundation
import ReplyLint
import Testing

@Suite struct LineEndingTests {
    static func crlf(_ text: String) -> String {
        Lines.normalizingEndings(text).replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// The sample library with a few problems in it, so there is something to compare.
    static func brokenSample() throws -> ScratchLibrary {
        let library = try ScratchLibrary.sample()
        let reply = "replies/waste/missed-collection-public.md"
        try library.write(reply, try library.read(reply)
            .replacingOccurrences(of: "sorry we missed your bin.", with: "sorry we missed your bin!! We apologize for any inconvenience.")
            + "\n{{! replylint-disable-next-line tone-exclamation }}\nThanks!! ^JD\n")
        try library.write("replies/waste/typo.md", """
            ---
            faq: missed-colection
            chanels: [x-reply]
            ---
            Hi {{customer.first_name}}, what's your account number?

            """)
        return library
    }

    /// Converts every text file of `library` to CRLF.
    static func convertToCRLF(_ library: ScratchLibrary) throws {
        for file in library.files() where [".md", ".yml", ".html", ".mustache"].contains(where: file.hasSuffix) {
            try library.write(file, crlf(try library.read(file)))
        }
    }

    @Test func aCRLFCopyOfTheSampleLibraryLintsExactlyLikeTheLFOne() throws {
        let lf = try Self.brokenSample()
        let windows = try Self.brokenSample()
        defer { lf.delete(); windows.delete() }
        try Self.convertToCRLF(windows)
        #expect(try windows.read("policies/faq.md").contains("---\r\nkind: faq\r\n"))

        let lfJSON = try lf.lint(["--format", "json"])
        let crlfJSON = try windows.lint(["--format", "json"])
        #expect(lfJSON.status == 1)
        #expect(crlfJSON.stdout == lfJSON.stdout)
        // The findings a user reads: the same lines, with their source excerpts and carets.
        let lfText = try lf.lint()
        let crlfText = try windows.lint()
        #expect(crlfText.stdout == lfText.stdout)
        #expect(crlfText.stdout.contains(" | Thanks!! ^JD\n"), "\(crlfText.stdout)")
        // The FAQ with front matter parsed: no reply says its FAQ entry is missing but the typo'd one.
        #expect(crlfText.stdout.components(separatedBy: "faq-unknown").count == 2, "\(crlfText.stdout)")
        // disable-next-line hit the line after the comment only.
        #expect(!crlfText.stdout.contains("Thanks!! ^JD\n    |       ^~  "))
        #expect(crlfText.stdout.contains("tone-signoff"))
    }

    @Test func fixRewritesACRLFReplyAndKeepsItCRLF() throws {
        let library = try ScratchLibrary()
        defer { library.delete() }
        try library.write("policies/faq.md", Self.crlf("# FAQ\n\n## Missed bins {#missed-collection}\nTell us by noon.\n"))
        let original = Self.crlf("---\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, thanks!! Kindly send us your street name.\n\n— {{agent.full_name}}\n")
        try library.write("replies/bin.md", original)

        let preview = try library.lint(["--fix", "--dry-run"])
        #expect(preview.stdout.contains("-Hi {{customer.first_name}}, thanks!! Kindly send us your street name.\r\n"), "\(preview.stdout)")
        #expect(preview.stdout.contains("+Hi {{customer.first_name}}, thanks! Please send us your street name.\r\n"))
        #expect(try library.read("replies/bin.md") == original)

        let fixed = try library.lint(["--fix"])
        #expect(fixed.stderr.contains("fixed 1 file"), "\(fixed.stderr)")
        let text = try library.read("replies/bin.md")
        #expect(text == original.replacingOccurrences(of: "thanks!! Kindly", with: "thanks! Please"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func baselineFingerprintsAreTheSameForCRLFAndLF() throws {
        let lf = try Self.brokenSample()
        let windows = try Self.brokenSample()
        defer { lf.delete(); windows.delete() }
        try Self.convertToCRLF(windows)
        _ = try lf.lint(["--write-baseline", "baseline.json"])
        _ = try windows.lint(["--write-baseline", "baseline.json"])
        let lfBaseline = try lf.read("baseline.json")
        #expect(lfBaseline.contains("\"fingerprint\""))
        #expect(try windows.read("baseline.json") == lfBaseline)
        // A baseline written on one machine accepts the findings on the other.
        try FileManager.default.copyItem(at: lf.url("baseline.json"), to: windows.url("from-lf.json"))
        let accepted = try windows.lint(["--baseline", "from-lf.json"])
        #expect(accepted.status == 0, "\(accepted.stdout)")
    }

    @Test func theLineSplitterKnowsEveryEnding() {
        #expect(Lines.split("a\r\nb\nc\rd").map(String.init) == ["a", "b", "c", "d"])
        #expect(Lines.split("a\r\n").map(String.init) == ["a", ""])
        #expect(Lines.normalizingEndings("a\r\nb\rc\n") == "a\nb\nc\n")
        #expect(Lines.splitKeepingEndings("a\r\nb").map { String($0.ending) } == ["\r\n", ""])
    }
}
