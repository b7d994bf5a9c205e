// The fast front-matter reader against Yams: wherever it accepts a document, the tree and every position
// must be Yams' own, and wherever Yams reports an error it must decline (so Yams reports it).

import Foundation
@testable import ReplyLint
import Testing

@Suite struct FlatYAMLTests {
    /// Every YAML document the repository holds: front matter of sample replies, fixtures, rule examples
    /// and test sources; reply collections and configuration files.
    static let corpus: [String] = {
        var documents: [String] = []
        func add(_ text: String, isYAMLFile: Bool) {
            let text = Lines.normalizingEndings(text)
            if isYAMLFile {
                documents.append(text)
            } else if let yaml = FrontMatterSplit.split(text).yaml {
                documents.append(yaml)
            }
        }
        let root = CLI.packageRoot
        for folder in ["replies", "policies", "Tests/ReplyLintTests/Fixtures", "Sources/ReplyLint/Resources", "docs"] {
            guard let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker {
                let name = url.lastPathComponent.lowercased()
                guard name.hasSuffix(".md") || name.hasSuffix(".yml") || name.hasSuffix(".yaml") || name.hasSuffix(".mustache") else { continue }
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                add(text, isYAMLFile: name.hasSuffix(".yml") || name.hasSuffix(".yaml"))
            }
        }
        if let config = try? String(contentsOf: root.appendingPathComponent("replylint.yml"), encoding: .utf8) { add(config, isYAMLFile: true) }
        for rule in RuleRegistry.descriptions {
            for example in rule.triggering + rule.nonTriggering {
                if case .replies(let texts, _) = example.subject {
                    for text in texts { add(text.replacingOccurrences(of: "↓", with: ""), isYAMLFile: false) }
                } else {
                    add(example.plainText, isYAMLFile: false)
                }
            }
        }
        // Front matter written inside the tests' string literals.
        let tests = root.appendingPathComponent("Tests")
        if let walker = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "swift" {
                guard let source = try? String(contentsOf: url, encoding: .utf8) else { continue }
                for literal in stringLiterals(in: source) where literal.hasPrefix("---\n") { add(literal, isYAMLFile: false) }
            }
        }
        return documents
    }()

    /// Multi-line literals (dedented) and one-line literals (common escapes undone), roughly: a literal
    /// read wrong is still a document both readers must agree on.
    static func stringLiterals(in source: String) -> [String] {
        var literals: [String] = []
        let blocks = source.components(separatedBy: "\"\"\"")
        var index = 1
        while index < blocks.count {
            var lines = blocks[index].components(separatedBy: "\n").dropFirst()
            let indent = lines.last.map { $0.prefix { $0 == " " }.count } ?? 0
            lines = lines.dropLast()
            literals.append(lines.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n"))
            index += 2
        }
        for line in source.components(separatedBy: "\n") {
            var rest = line[...]
            while let open = rest.range(of: "\"---\\n") {
                var literal = ""
                var cursor = rest.index(after: open.lowerBound)
                var escaped = false
                while cursor < rest.endIndex {
                    let character = rest[cursor]
                    if escaped {
                        switch character {
                        case "n": literal.append("\n")
                        case "t": literal.append("\t")
                        default: literal.append(character)
                        }
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        literal.append(character)
                    }
                    cursor = rest.index(after: cursor)
                }
                literals.append(literal)
                rest = cursor < rest.endIndex ? rest[rest.index(after: cursor)...] : rest[rest.endIndex...]
            }
        }
        return literals
    }

    /// Hand-written cases at the edges of what the fast path reads.
    static let edges: [String] = [
        "title: Plain\nfaq: a-b\nchannels: [x-reply, x-dm]\ntags: [one]\n",
        "title: 'Single ''quoted'''\nfaq: \"double\"\n",
        "title: \"with \\\"escape\\\"\"\n",
        "title: Café — naïve 🎉 text\nfaq: q1 # comment\n",
        "title: ünïcode\nchannels: [ß, 'é', \"ü\"]\n",
        "  title: indented root\n",
        "# comment first\n\ntitle: x\n\n# trailing comment\n",
        "title:\nfaq: a\n",
        "title: # only a comment\nfaq: a\n",
        "title: x\ntitle: y\n",
        "placeholders:\n  a: {max: 1}\n  a: {max: 2}\n",
        "placeholders:\n  a: {max: 1, max: 2}\n",
        "placeholders:\n  customer.first_name: {max: 20}\n  order: {max: 12, required: true, example: \"A-1\"}\n",
        "placeholders:\n  name:\n    max: 20\n    example: Ana\n  other:\n    required: false\n",
        "placeholders:\n    deep: {max: 3}\n",
        "channels:\n  - x-reply\n  - x-dm\n",
        "channels:\n- x-reply\n- x-dm\nfaq: a\n",
        "media:\n  - path: a.png\n    alt: A picture\n  - {path: b.png, alt: B}\n  - c.png\n",
        "media:\n  -   path: a.png\n      alt: wide\n",
        "media:\n  - path: a.png\n   alt: misaligned\n",
        "media:\n  - path: a.png\n     alt: deeper\n",
        "title: first line\n  continued\n",
        "title: a: b\n",
        "title: ends with colon:\n",
        "title: a:b\nfaq: http://example.com/x\n",
        "title: x #not-a-comment#\n",
        "title: x#y\n",
        "title: [unclosed\n",
        "channels: [a, b,]\n",
        "channels: [a,, b]\n",
        "channels: []\nplaceholders: {}\n",
        "channels: [a b, c]\n",
        "channels: [a]x\n",
        "channels: [a] # comment\n",
        "channels: [[a]]\n",
        "channels: [a:b]\n",
        "placeholders: {a: }\n",
        "placeholders: {a}\n",
        "placeholders: {a:1}\n",
        "title: |\n  block\n",
        "title: >\n  folded\n",
        "title: &anchor x\nfaq: *anchor\n",
        "title: !tag x\n",
        "? complex\n: key\n",
        "title: -1\nfaq: - x\n",
        "title: @at\n",
        "title: `tick`\n",
        "title: %percent\n",
        "title:\ttab\n",
        "title: x\r\nfaq: y\r\n",
        "\u{FEFF}title: bom\n",
        "title: a\u{2028}b\n",
        "title: a\u{85}b\n",
        "---\ntitle: x\n",
        "title: x\n...\n",
        "- a\n- b\n",
        "just a scalar\n",
        "",
        "\n\n",
        "# only comments\n",
        "title: \"unclosed\n",
        "title: 'multi\n  line'\n",
        "title: x\n  - y\n",
        "disable: tone-cliche\nlocale: es\n",
        "key with spaces   : value\n",
        "a: 1\n b: 2\n",
        "a:\n  b: 1\n c: 2\n",
        "a:\n  - x\n  b: y\n",
        "a:\n  - x\n  - - y\n",
        "a:\n  -\n  - y\n",
        "a:\n  -x\n",
        "id: 007\nfaq: yes\ntitle: ~\nlocale: null\n",
        "title: \"\"\nfaq: ''\n",
        "title: 'it''s'\n",
        "title: \"x\" y\n",
        "title: 'x'#c\n",
        "title: 'x' #c\n",
        "x: [a, 'b c', \"d\"]\n",
        "x: {a: 'q', b: \"r\"}\n",
        "x: {'a': 1}\n",
        "x: {a: [1]}\n",
        "x: {a: {b: 1}}\n",
        "x: [a, {b: 1}]\n",
        "a b: c d\n",
        "\"quoted key\": v\n",
        "a: [x, y] z\n",
        "a: x\n\n\nb: y\n",
        "a:\n\n  b: 1\n\n  c: 2\n",
        "a:\n  # comment inside\n  b: 1\n",
        "a:\n# comment at zero\n  b: 1\n",
    ]

    /// Both readers on `text`: where the fast path accepts, Yams must agree exactly.
    func agree(_ text: String, lineOffset: Int = 1) -> (accepted: Bool, agreed: Bool) {
        guard let fast = FlatYAML.parse(text, lineOffset: lineOffset) else { return (false, true) }
        do {
            let yams = try YAMLDocument.parseWithYams(text, lineOffset: lineOffset)
            return (true, yams == fast)
        } catch {
            return (true, false)
        }
    }

    @Test func corpusIsLargeAndMostlyRead() {
        let corpus = Self.corpus
        #expect(corpus.count > 200)
        var accepted = 0
        for text in corpus {
            let result = agree(text)
            #expect(result.agreed, "readers differ on:\n\(text)")
            if result.accepted { accepted += 1 }
        }
        // The fast path must actually be taken for the front matter people write.
        #expect(Double(accepted) > Double(corpus.count) * 0.6, "fast path read \(accepted) of \(corpus.count)")
    }

    @Test(arguments: edges) func edgeCase(_ text: String) {
        let result = agree(text)
        #expect(result.agreed)
    }

    @Test func edgeCasesTheFastPathReads() {
        // Spot checks that the common shapes do go the fast way.
        for text in [Self.edges[0], Self.edges[1], Self.edges[3], Self.edges[12], Self.edges[13], Self.edges[15], Self.edges[16], Self.edges[17]] {
            #expect(FlatYAML.parse(text, lineOffset: 0) != nil, "declined:\n\(text)")
        }
    }

    /// Thousands of small mutations of the corpus: inserted YAML punctuation, deleted characters,
    /// changed indentation, duplicated and swapped lines. Each either is declined or reads as Yams reads it.
    @Test func mutationsAgreeOrAreDeclined() {
        var generator = SeededGenerator(seed: 20)
        let alphabet = Array(": -#[]{},'\"\n  \t|>&*!?%@`\\xé—\u{2028}")
        var accepted = 0
        var total = 0
        let sources = Self.corpus + Self.edges
        for round in 0..<8 {
            for source in sources {
                var characters = Array(source)
                guard !characters.isEmpty else { continue }
                let edits = 1 + Int(generator.next() % 3)
                for _ in 0..<edits {
                    let position = Int(generator.next() % UInt64(characters.count + 1))
                    switch (generator.next() + UInt64(round)) % 5 {
                    case 0: characters.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                    case 1: if position < characters.count { characters.remove(at: position) }
                    case 2: characters.insert(contentsOf: "  ", at: position)
                    case 3:
                        var lines = String(characters).components(separatedBy: "\n")
                        let line = Int(generator.next() % UInt64(lines.count))
                        lines.insert(lines[line], at: line)
                        characters = Array(lines.joined(separator: "\n"))
                    default:
                        var lines = String(characters).components(separatedBy: "\n")
                        if lines.count > 1 {
                            let line = Int(generator.next() % UInt64(lines.count - 1))
                            lines.swapAt(line, line + 1)
                        }
                        characters = Array(lines.joined(separator: "\n"))
                    }
                    if characters.isEmpty { break }
                }
                let text = String(characters)
                let result = agree(text)
                #expect(result.agreed, "readers differ on:\n\(text)")
                total += 1
                if result.accepted { accepted += 1 }
            }
        }
        #expect(accepted > total / 10, "fast path read \(accepted) of \(total) mutations")
    }
}

@Suite struct YAMLNumberTests {
    /// A plain scalar is a whole number as `Int` reads it once any `_` separators are taken out.
    @Test func wholeNumbersWithAndWithoutSeparators() throws {
        let yaml = "a: 30\nb: 1_000\nc: -2\nd: '5'\ne: 3.5\nf: x_1\ng: +7\nh: 1__0\n"
        for parse in [{ try YAMLDocument.parse(yaml, lineOffset: 0) }, { try YAMLDocument.parseWithYams(yaml, lineOffset: 0) }] {
            let values = try #require(try parse()?.mapping)
            #expect(values.map(\.value.int) == [30, 1000, -2, nil, nil, nil, 7, 10])
        }
    }
}
