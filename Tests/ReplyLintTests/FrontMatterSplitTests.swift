// FrontMatterSplit reads lines by UTF-8 index (issue 20); it must split every file as the reading by
// Character it replaced did: the same YAML, body and line numbers, with CRLF, BOM, blank lines, spaces
// after fences and any Unicode.

import Foundation
@testable import ReplyLint
import Testing

@Suite struct FrontMatterSplitTests {
    enum Reference {
        static func split(_ text: String) -> FrontMatterSplit {
            // Scans UTF-8 lines by index: no array of every line, no re-joining of the body.
            let bytes = text.utf8
            var cursor = bytes.startIndex
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { cursor = bytes.index(cursor, offsetBy: 3) }
            func line(from start: String.Index) -> (content: Substring, next: String.Index) {
                let end = text[start...].utf8.firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
                var content = text[start..<end]
                if content.hasSuffix("\r") { content = content.dropLast() }
                return (content, end < text.endIndex ? text.index(after: end) : end)
            }
            var yaml: String?
            var unclosed = false
            var bodyStart = cursor
            var bodyLine = 1
            let first = line(from: cursor)
            if first.content.referenceTrimmed == "---" {
                var position = first.next
                var lineNumber = 2
                var closed = false
                while position < text.endIndex {
                    let current = line(from: position)
                    if current.content.referenceTrimmed == "---" || current.content.referenceTrimmed == "..." {
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

    static func same(_ a: FrontMatterSplit, _ b: FrontMatterSplit) -> Bool {
        a.yaml == b.yaml && a.yamlFirstLine == b.yamlFirstLine && a.body == b.body && a.bodyFirstLine == b.bodyFirstLine && a.unclosed == b.unclosed
    }

    @Test func splitsAsTheReadingByCharacterDid() throws {
        var texts = [
            "", "---", "---\n", "---\n---", "---\r\n---\r\nbody", "\u{FEFF}---\ntitle: x\n---\nHi\n", "--- \t\ntitle: x\n...  \nHi",
            "---\ntitle: x\nno close", "\n\n  \nbody  \n\n", "body\r", "body \r\n\r\n", "---\na: 1\n---\n  \r\n", "---\na: 1\n---\n \u{301}\nx",
            "---\u{301}\n---\nx", "----\n---\n", "---\na\n---\nline one\n\nline two  \n \n", "\r\n\r\n", "x\u{85}\u{A0}\n\u{2028}",
        ]
        let fixtures = CLI.packageRoot.appendingPathComponent("replies")
        for case let file as String in FileManager.default.enumerator(atPath: fixtures.path)! where file.hasSuffix(".md") {
            let text = try String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
            texts += [text, text.replacingOccurrences(of: "\n", with: "\r\n")]
        }
        var generator = SeededGenerator(seed: 20261209)
        let pieces = ["---", "...", "\n", "\r\n", "\r", " ", "\t", "a", "title: x", "é", "\u{301}", "\u{FEFF}", "\u{A0}", "\u{2028}", "😀", "-", "."]
        for _ in 0..<3_000 {
            texts.append((0..<Int(generator.next() % 14)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            #expect(Self.same(FrontMatterSplit.split(text), Reference.split(text)), "\(text.debugDescription)")
        }
    }
}

private extension Substring {
    var referenceTrimmed: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
