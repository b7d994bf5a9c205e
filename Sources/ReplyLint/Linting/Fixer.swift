// `--fix`: applying findings' safe rewrites to file text, and showing them as a diff.

public enum Fixer {
    /// Each changed file's new text. Fixes that overlap one already taken are left for the next run.
    public static func apply(_ findings: [Finding], sources: [String: String]) -> [String: String] {
        var byFile: [String: [Fix]] = [:]
        for finding in findings { if let fix = finding.fix { byFile[finding.file, default: []].append(fix) } }
        var result: [String: String] = [:]
        for (file, fixes) in byFile {
            guard let source = sources[file] else { continue }
            // Each line keeps its own ending, so a Windows file stays a Windows file.
            let split = Lines.splitKeepingEndings(source)
            var lines = split.map { Array($0.content.unicodeScalars) }
            var taken: [TextRange] = []
            // From the end, so earlier positions stay valid; one line at a time (fixes never span lines).
            for fix in fixes.sorted(by: { $0.range.start > $1.range.start }) {
                let start = fix.range.start, end = fix.range.end
                guard start.line == end.line, start.line >= 1, start.line <= lines.count else { continue }
                if taken.contains(where: { $0.start.line == start.line && $0.start.column < end.column && start.column < $0.end.column }) { continue }
                var line = lines[start.line - 1]
                let from = start.column - 1, to = end.column - 1
                guard from >= 0, to >= from, to <= line.count else { continue }
                line.replaceSubrange(from..<to, with: Array(fix.replacement.unicodeScalars))
                lines[start.line - 1] = line
                taken.append(fix.range)
            }
            let text = zip(lines, split).map { String(String.UnicodeScalarView($0)) + $1.ending }.joined()
            if text != source { result[file] = text }
        }
        return result
    }

    /// A unified diff of line changes (fixes change lines, never add or remove them), one line of
    /// context. Lines keep their own endings, so `git apply` takes it for a Windows file too.
    public static func diff(file: String, old: String, new: String) -> String {
        // A final line ending ends the last line; it does not start another.
        func lines(_ text: String) -> [String] {
            var all = Lines.splitKeepingEndings(text)
            if all.last?.content.isEmpty == true && all.last?.ending.isEmpty == true { all.removeLast() }
            return all.map { String($0.content) + ($0.ending.isEmpty ? "\n" : String($0.ending)) }
        }
        let before = lines(old)
        let after = lines(new)
        guard before.count == after.count, old != new else { return "" }
        var output = "--- a/\(file)\n+++ b/\(file)\n"
        var index = 0
        while index < before.count {
            guard before[index] != after[index] else { index += 1; continue }
            var end = index
            while end < before.count && before[end] != after[end] { end += 1 }
            let from = max(0, index - 1), to = min(before.count, end + 1)
            output += "@@ -\(from + 1),\(to - from) +\(from + 1),\(to - from) @@\n"
            if from < index { output += " " + before[from] }
            for line in index..<end { output += "-" + before[line] }
            for line in index..<end { output += "+" + after[line] }
            if end < to { output += " " + before[end] }
            index = end
        }
        return output
    }
}
