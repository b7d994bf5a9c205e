// "Did you mean …?": the closest known name to a misspelt one, by edit distance.

public enum Suggestion {
    /// The candidate closest to `name`, when it is close enough to be a plausible typo.
    public static func closest<S: Sequence>(to name: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(name.lowercased().unicodeScalars)
        let allowed = max(1, min(3, target.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            // Cheap refusals first: this runs for every unknown id a client sends, against every reply id.
            let length = candidate.unicodeScalars.count
            guard abs(length - target.count) <= min(allowed, best.map { $0.distance - 1 } ?? allowed) else { continue }
            let limit = min(allowed, (best?.distance ?? Int.max) - 1)
            guard limit >= 0, let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars), limit: limit) else { continue }
            best = (candidate, distance)
            if distance == 0 { break }
        }
        return best?.name
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint<S: Sequence>(for name: String, in candidates: S) -> String where S.Element == String {
        closest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        editDistance(a, b, limit: Int.max)!
    }

    /// The edit distance, counting a swap of two neighbours as one edit ("fqa" → "faq", the commonest
    /// typo), or nil as soon as it is sure to be over `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = Swift.min(rowMinimum, current[j])
            }
            // A swap looks two rows back, so a row over the limit can still come down by one: stop a row later.
            if rowMinimum > limit + 1 { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
