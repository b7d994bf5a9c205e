// A pre-commit run names a few files: it must report on each exactly what a whole-library run reports on
// it. Such a run leaves the other replies' bodies unparsed (issue 20), and the library-wide checks build
// findings only for the files it reports on, so this compares the two on every reply file of a library
// with library-wide findings of every kind: near-copies, a shared FAQ and channel, a shared id, broken
// front matter, a broken template.

import Foundation
@testable import ReplyLint
import Testing

@Suite struct PreCommitEquivalenceTests {
    static func library() throws -> ScratchLibrary {
        let library = try ScratchLibrary.sample()
        let public_ = try library.read("replies/waste/missed-collection-public.md")
        // A near-copy and an exact copy of another file's body, a second reply for its FAQ and channel.
        try library.write("replies/waste/copy-a.md", public_.replacingOccurrences(of: "sorry we missed", with: "sorry that we missed"))
        try library.write("replies/waste/copy-b.md", public_)
        // Two files with one id.
        try library.write("replies/general/same-id-1.md", "---\nid: shared\nchannels: [x-dm]\n---\nThanks for waiting, we have an update on your request.\n")
        try library.write("replies/general/same-id-2.md", "---\nid: shared\nchannels: [email]\n---\nYour permit is ready to collect from the front desk.\n")
        // Front matter that does not parse, and a section never closed.
        try library.write("replies/general/broken-yaml.md", "---\nchannels: [x-dm\n---\nHello there.\n")
        try library.write("replies/general/broken-template.md", "---\nchannels: [x-dm]\n---\n{{#customer.first_name}}Hi {{customer.first_name}}, thanks!\n")
        return library
    }

    static func loader(_ root: URL) throws -> LibraryLoader {
        let configuration = try LibraryLoader.loadConfiguration(root: root.path, explicitFile: nil, displayBase: root.path, rules: RuleRegistry.descriptions)
        var loader = LibraryLoader(root: root.path, displayBase: root.path, configuration: configuration, knownRules: RuleRegistry.ids)
        loader.checksOnlyNamedFiles = true
        return loader
    }

    @Test func eachReplyFileGetsWhatTheWholeLibraryRunReportsOnIt() throws {
        let scratch = try Self.library()
        defer { scratch.delete() }
        let loader = try Self.loader(scratch.root)
        let whole = Linter().lint(try loader.load()).findings
        let kinds = Set(whole.map(\.ruleID))
        for rule in ["reply-duplicate", "reply-id-duplicate", "front-matter", "placeholder-syntax"] {
            #expect(kinds.contains(rule), "the library has no \(rule) finding to compare")
        }
        let files = Set(whole.map(\.file)).union(try loader.load().replies.map(\.file)).filter { !$0.contains("_partials") && $0.hasPrefix("replies/") }
        #expect(files.count > 40)
        for file in files.sorted() {
            let library = try loader.load(extraPaths: [file])
            // (A YAML collection's replies are parsed with the file.)
            let parsed = Set(library.replies.filter { $0.isBodyParsed && ($0.file == file || !$0.file.hasSuffix(".yml")) }.map(\.file))
            #expect(parsed == [file], "\(file): bodies parsed for \(parsed.sorted())")
            let named = Linter().lint(library, onlyFiles: [file]).findings
            #expect(named == whole.filter { $0.file == file }, "\(file)")
        }
    }

    @Test func aNamedPartialPolicyOrConfigHasEveryBodyParsed() throws {
        let scratch = try Self.library()
        defer { scratch.delete() }
        let loader = try Self.loader(scratch.root)
        for named in [["replies/_partials/signature.mustache"], ["policies/faq.md"], ["replylint.yml"], ["replies/waste"],
                      ["replies/waste/copy-a.md", "policies/faq.md"]] {
            let library = try loader.load(extraPaths: named)
            #expect(library.replies.filter { !$0.isBodyParsed }.isEmpty, "\(named)")
        }
    }
}
