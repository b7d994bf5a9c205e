// The one line splitter: `\n`, `\r\n` and a lone `\r` all end a line. (Swift's `split(separator:
// "\n")` does not split "\r\n", which is one Character, so a Windows file read that way is one line.)

public enum Lines {
    /// The lines of `text`, without their line endings; a text ending in a line break ends with an
    /// empty line, as `split(omittingEmptySubsequences: false)` gives.
    public static func split<S: StringProtocol>(_ text: S) -> [S.SubSequence] {
        var result: [S.SubSequence] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                result.append(text[lineStart..<index])
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                lineStart = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        result.append(text[lineStart..<scalars.endIndex])
        return result
    }

    /// The lines of `text`, each with the line ending it had ("" for the last line when the text
    /// does not end with one): for rewriting some lines and writing the file back as it was.
    public static func splitKeepingEndings(_ text: String) -> [(content: Substring, ending: Substring)] {
        var result: [(Substring, Substring)] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                result.append((text[lineStart..<index], text[index..<next]))
                lineStart = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        result.append((text[lineStart..<scalars.endIndex], text[scalars.endIndex..<scalars.endIndex]))
        return result
    }

    /// `text` with every `\r\n` and lone `\r` made `\n`: what the parsers read. Lines and columns
    /// are the same in both, so positions found in the result point into the file as written.
    public static func normalizingEndings(_ text: String) -> String {
        guard text.containsBytes("\r") else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                output.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if byte == UInt8(ascii: "\n") && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            output.append(byte)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` without the blank lines at either end, its lines joined with `\n`.
    public static func trimmingBlankLines(_ text: String) -> String {
        trimmingBlankLines(split(text)[...]).text
    }

    /// `lines` without the blank lines at either end, joined with `\n`; `skipped` is how many
    /// lines were dropped from the start.
    public static func trimmingBlankLines(_ lines: ArraySlice<Substring>) -> (text: String, skipped: Int) {
        var start = lines.startIndex
        var end = lines.endIndex
        while start < end, lines[start].allSatisfy(\.isWhitespace) { start += 1 }
        while end > start, lines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
        return (lines[start..<end].joined(separator: "\n"), start - lines.startIndex)
    }
}
