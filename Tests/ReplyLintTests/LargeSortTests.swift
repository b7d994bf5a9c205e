// The linter sorts its findings by index to keep memory down (issue 20); the order must be `sort()`'s,
// ties included.

@testable import ReplyLint
import Testing

@Suite struct LargeSortTests {
    struct Item: Equatable {
        var key: Int
        var tag: Int
    }

    @Test func sortsAsTheStandardSortDoesTiesKept() {
        var generator = SeededGenerator(seed: 20261210)
        for size in [0, 1, 2, 3, 10, 100, 5_000] {
            let items = (0..<size).map { Item(key: Int(generator.next() % 20), tag: $0) }
            var expected = items
            expected.sort { $0.key < $1.key }
            var sorted = items
            sorted.sortByIndex { $0.key < $1.key }
            #expect(sorted == expected)
            var numbers = items.map(\.key)
            numbers.sortByIndex()
            #expect(numbers == items.map(\.key).sorted())
        }
    }

    /// The linter ranks findings' files from the first finding of each run of one file; the ranks must be the files'
    /// places among all the names, in order, as ranking every finding's file gave (files in runs, repeated, non-ASCII, and
    /// two spellings of "é", which are one name to Swift).
    @Test func fileRanksFromRunsAreThePlacesOfTheNames() {
        var generator = SeededGenerator(seed: 20261206)
        let names = ["replies/b.md", "replies/a.md", "policies/z.md", "replylint.yml", "replies/é.md", "replies/e\u{301}.md", "replies/a.md.bak", "replies/A.md"]
        for size in [0, 1, 2, 7, 300, 3_000] {
            var findings: [Finding] = []
            while findings.count < size {
                let file = names[Int(generator.next() % UInt64(names.count))]
                for _ in 0...(generator.next() % 4) {
                    findings.append(Finding(ruleID: "r", severity: .warning, message: "m", file: String(decoding: Array(file.utf8), as: UTF8.self)))
                }
            }
            let sortedNames = Set(findings.map(\.file)).sorted()
            let expected = findings.map { finding in sortedNames.firstIndex(of: finding.file)! }
            #expect(Linter.fileRanks(of: findings) == expected)
        }
    }
}
