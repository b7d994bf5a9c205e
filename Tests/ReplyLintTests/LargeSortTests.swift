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
}
