// Policies are parsed on several threads at once (cmark-gfm and libxml2 both keep global state set up once).

import Foundation
import ReplyLint
import Testing

@Suite("Policies loaded in parallel")
struct ParallelPolicyLoadingTests {
    private static func markdown(_ index: Int) -> String {
        """
        ---
        kind: faq
        ---
        # Policy \(index)

        | Channel | Hours |
        |---------|-------|
        | X       | \(index) a.m. |

        ## Question \(index) {#q\(index) .sensitive}
        See [the answer](#q\(index)) or www.city\(index).gov.
        - one
          - two \(index)
        """
    }

    private static func html(_ index: Int) -> String {
        """
        <h1>Policy \(index)</h1><p>See <a href="#q\(index)">the answer</a>.
        <h2 id="q\(index)" class="sensitive">Question \(index)</h2><ul><li>one<li>two \(index)</ul>
        """
    }

    private static func shape(_ policy: PolicyDocument) -> [String] {
        policy.sections.map {
            "\($0.level) \($0.heading) #\($0.id) \($0.classes) @\($0.position) \($0.paragraphs) \($0.listItems)"
        } + policy.links.map { "\($0.target) \($0.text) @\($0.position)" } + [policy.title ?? "-"] + policy.anchors.sorted()
    }

    @Test func aLibraryLoadedInParallelReadsAsItsFilesParsedOneByOne() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-parallel-\(UUID().uuidString)")
        let policies = root.appendingPathComponent("policies")
        try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // Enough files for `LibraryLoader` to split them across threads (two chunks of 128 at least).
        var texts: [String: String] = [:]
        for index in 0..<200 {
            texts["policies/faq-\(index).md"] = Self.markdown(index)
            texts["policies/page-\(index).html"] = Self.html(index)
        }
        for (name, text) in texts {
            try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        // A library of policies only, said so in config (a missing replies folder is an error otherwise).
        var configuration = Configuration()
        configuration.replyPaths = []
        let library = try LibraryLoader(
            root: root.path, displayBase: root.path, configuration: configuration, knownRules: RuleRegistry.ids
        ).load()

        #expect(library.policies.count == texts.count)
        #expect(library.fileProblems.isEmpty)
        for policy in library.policies {
            var problems: [FileProblem] = []
            let alone = PolicyLoader.parse(try #require(texts[policy.file]), file: policy.file, problems: &problems)
            #expect(Self.shape(policy) == Self.shape(alone), "\(policy.file)")
        }
        let faq = try #require(library.policies.first { $0.file == "policies/faq-7.md" })
        #expect(faq.sections.map(\.heading) == ["Policy 7", "Question 7"])
        #expect(faq.sections[0].paragraphs.map(\.text) == ["Channel", "Hours", "X", "7 a.m."])
        #expect(faq.links.map(\.target) == ["#q7", "http://www.city7.gov"])
    }
}
