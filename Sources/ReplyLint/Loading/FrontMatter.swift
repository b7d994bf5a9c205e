// Splitting a file into YAML front matter and body, keeping the line each part starts on.

struct FrontMatterSplit {
    /// The YAML between the `---` fences; nil when the file has no front matter.
    var yaml: String?
    /// The file line of the YAML's first line.
    var yamlFirstLine: Int
    /// The body with leading and trailing blank lines removed.
    var body: String
    /// The file line of the body's first (non-blank) line.
    var bodyFirstLine: Int
    /// Set when a front matter block is opened but never closed.
    var unclosed: Bool

    /// Splits `text`. Front matter starts with a `---` line at the very top and ends at the next
    /// `---` (or `...`) line.
    static func split(_ text: String) -> FrontMatterSplit {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        var yaml: String?
        var bodyStartIndex = 0
        var unclosed = false
        if lines.first.map({ $0.trimmingTrailingSpaces == "---" }) == true {
            if let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingTrailingSpaces) }) {
                yaml = lines[1..<close].joined(separator: "\n")
                bodyStartIndex = close + 1
            } else {
                unclosed = true
                yaml = lines.dropFirst().joined(separator: "\n")
                bodyStartIndex = lines.count
            }
        }
        let (body, firstLine) = trimBlankLines(lines[bodyStartIndex...])
        return FrontMatterSplit(
            yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: firstLine + 1, unclosed: unclosed)
    }

    /// Joins `lines` without the blank lines at either end; returns the 0-based index of the first kept line.
    static func trimBlankLines(_ lines: ArraySlice<Substring>) -> (String, Int) {
        var start = lines.startIndex
        var end = lines.endIndex
        while start < end, lines[start].allSatisfy(\.isWhitespace) { start += 1 }
        while end > start, lines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
        return (lines[start..<end].joined(separator: "\n"), start)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
