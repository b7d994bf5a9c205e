// Small text helpers for the hot paths: ASCII fast paths for character classes, and substring search
// on UTF-8 bytes. On Linux, Foundation's `String.contains(_:)` goes through CFString and was the
// single largest cost in profiles of a 10,000-reply lint.

extension Unicode.Scalar {
    /// A letter (any script), by table for ASCII.
    @inline(__always) var isLetterLike: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// A digit (any script), by table for ASCII.
    @inline(__always) var isDigitLike: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return properties.numericType != nil
    }

    @inline(__always) var isLetterOrDigit: Bool { isLetterLike || isDigitLike }

    @inline(__always) var isUppercaseLetter: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte by byte in UTF-8 (exact, case-sensitive).
    func containsBytes(_ needle: String) -> Bool {
        let haystack = utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        guard haystack.count >= pattern.count else { return false }
        var index = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -pattern.count)
        while index <= last {
            if haystack[index] == first {
                var matched = true
                var probe = haystack.index(after: index)
                for byte in pattern.dropFirst() {
                    if haystack[probe] != byte { matched = false; break }
                    probe = haystack.index(after: probe)
                }
                if matched { return true }
            }
            index = haystack.index(after: index)
        }
        return false
    }
}
