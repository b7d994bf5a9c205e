// Splitting a file into YAML front matter and body, keeping the line each part starts on.

import Foundation

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
        // Scans UTF-8 lines by index: no array of every line, no re-joining of the body.
        let bytes = text.utf8
        var cursor = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { cursor = bytes.index(cursor, offsetBy: 3) }
        // By UTF-8 index: a line feed and a carriage return are always characters of their own (but for the
        // pair, which this splits), and stepping by Character was half of the split's time.
        // The line feed is found with memchr in the contiguous bytes (`firstIndex(of:)` stepped an index a byte at a time).
        let contiguous = text.utf8.withContiguousStorageIfAvailable { _ in true } ?? false
        func nextLineFeed(from start: String.Index) -> String.Index? {
            guard contiguous else { return bytes[start...].firstIndex(of: UInt8(ascii: "\n")) }
            let offset = bytes.distance(from: bytes.startIndex, to: start)
            let found = text.utf8.withContiguousStorageIfAvailable { buffer -> Int? in
                guard offset < buffer.count, let base = buffer.baseAddress,
                      let hit = memchr(base + offset, 0x0A, buffer.count - offset) else { return nil }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } ?? nil
            return found.map { bytes.index(bytes.startIndex, offsetBy: $0) }
        }
        func line(from start: String.Index) -> (content: Substring, next: String.Index) {
            let end = nextLineFeed(from: start) ?? text.endIndex
            var contentEnd = end
            if contentEnd > start, bytes[bytes.index(before: contentEnd)] == UInt8(ascii: "\r") { contentEnd = bytes.index(before: contentEnd) }
            return (text[start..<contentEnd], end < text.endIndex ? bytes.index(after: end) : end)
        }
        /// Whether `content` is `fence` with only spaces and tabs after it.
        func isFence(_ content: Substring, _ fence: StaticString) -> Bool {
            let fenceBytes = UnsafeBufferPointer(start: fence.utf8Start, count: fence.utf8CodeUnitCount)
            var index = content.utf8.startIndex
            for byte in fenceBytes {
                guard index < content.utf8.endIndex, content.utf8[index] == byte else { return false }
                index = content.utf8.index(after: index)
            }
            return content.utf8[index...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        var yaml: String?
        var unclosed = false
        var bodyStart = cursor
        var bodyLine = 1
        let first = line(from: cursor)
        if isFence(first.content, "---") {
            var position = first.next
            var lineNumber = 2
            var closed = false
            while position < text.endIndex {
                let current = line(from: position)
                if isFence(current.content, "---") || isFence(current.content, "...") {
                    yaml = String(text[first.next..<position].dropLast(position > first.next ? 1 : 0))
                    bodyStart = current.next
                    bodyLine = lineNumber + 1
                    closed = true
                    break
                }
                position = current.next
                lineNumber += 1
            }
            if !closed {
                unclosed = true
                yaml = String(text[first.next...])
                bodyStart = text.endIndex
            }
        }
        // Blank lines at either end of the body are not part of the reply.
        var start = bodyStart
        while start < text.endIndex {
            let current = line(from: start)
            guard current.content.allSatisfy(\.isWhitespace), current.next > start else { break }
            if current.next == text.endIndex && !text[start...].contains("\n") { start = text.endIndex; break }
            start = current.next
            bodyLine += 1
        }
        var end = text.endIndex
        while end > start, let last = text[start..<end].last, last.isWhitespace { end = text.index(before: end) }
        // Keep trailing spaces of the last non-blank line: only whole blank lines are trimmed.
        if end < text.endIndex, let newline = text[end...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
            end = newline
        } else {
            end = text.endIndex
        }
        var body = text[start..<end]
        while body.hasSuffix("\r") { body = body.dropLast() }
        return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: String(body), bodyFirstLine: bodyLine, unclosed: unclosed)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
