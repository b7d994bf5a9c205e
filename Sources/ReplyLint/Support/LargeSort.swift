// Sorting an array of large values by sorting their indices: the standard library's sort keeps a buffer
// of half the array, which for 300,000 findings of a 100,000-reply lint was tens of megabytes at the
// run's peak. The indices are sorted with the same (stable) sort, so the order is the one `sort()` gives.

extension Array {
    /// Sorts in place, as `sort(by:)` does, moving each element once.
    mutating func sortByIndex(by areInIncreasingOrder: (Element, Element) -> Bool) {
        guard count > 1 else { return }
        var order = Array<Int>(indices)
        order.sort { areInIncreasingOrder(self[$0], self[$1]) }
        permute(to: order)
    }

    /// Puts element `sorted[i]` at `i`, moving each element once: for an order sorted outside, by keys read once
    /// per element rather than once per comparison.
    mutating func permute(to sorted: [Int]) {
        var order = sorted
        // Element `start` of the sorted array is `order[start]` of this one: follow each cycle of the permutation.
        for start in indices where order[start] != start {
            let first = self[start]
            var current = start
            while true {
                let next = order[current]
                order[current] = current
                if next == start {
                    self[current] = first
                    break
                }
                self[current] = self[next]
                current = next
            }
        }
    }
}

extension Array where Element: Comparable {
    /// `sort()`, moving each element once (see `sortByIndex(by:)`).
    mutating func sortByIndex() { sortByIndex(by: <) }
}
