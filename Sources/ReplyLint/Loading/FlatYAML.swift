// A fast reader for the plain YAML nearly every reply's front matter is, declining anything else to Yams.
//
// It reads block mappings and sequences of single-line plain or quoted scalars, one-line flow lists and
// flow mappings of scalars, and comments; it declines (returns nil) at anything it does not fully
// understand — block scalars, anchors, tags, multi-line scalars or flow collections, escapes, tabs,
// duplicate keys, empty values, syntax errors — so Yams still reads those and reports every error.
// Where it accepts, its tree and positions equal Yams' (FlatYAMLTests compares them over every fixture,
// sample reply, rule example and thousands of mutations of them).

enum FlatYAML {
    /// The document `text` holds, whose first line is file line `lineOffset + 1`; nil when Yams should read it.
    static func parse(_ text: String, lineOffset: Int) -> YAMLValue? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, lineOffset: lineOffset)
            return reader.document()
        }
    }

    /// One line with content (blank and comment-only lines are skipped).
    private struct Line {
        /// Byte offsets of the line's first byte and of its end (the newline or the end of the text).
        var start: Int
        var end: Int
        /// Leading spaces.
        var indent: Int
        /// 1-based line number within the text.
        var number: Int
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let lineOffset: Int
        var lines: [Line] = []
        /// The next line to read.
        var current = 0

        init(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
            self.bytes = bytes
            self.lineOffset = lineOffset
        }

        // MARK: Document and block collections

        mutating func document() -> YAMLValue? {
            guard splitLines(), let first = lines.first, first.indent == 0 else { return nil }
            guard let root = blockMapping(indent: 0, firstKeyAt: nil), current == lines.count else { return nil }
            return root
        }

        /// Splits the text into content lines; false when a byte rules the fast path out.
        mutating func splitLines() -> Bool {
            var start = 0
            var number = 1
            var index = 0
            let count = bytes.count
            // A byte-order mark, or characters YAML treats as line breaks or refuses: Yams decides.
            if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return false }
            while index <= count {
                if index == count || bytes[index] == 0x0A {
                    var indent = 0
                    while start + indent < index && bytes[start + indent] == 0x20 { indent += 1 }
                    let contentStart = start + indent
                    if contentStart < index && bytes[contentStart] != 0x23 {
                        lines.append(Line(start: start, end: index, indent: indent, number: number))
                    }
                    number += 1
                    start = index + 1
                    index += 1
                    continue
                }
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return false }  // tabs, carriage returns, control characters
                if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F { return false }  // C1 controls, NEL
                if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }  // LS, PS
                if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF { return false }  // BOM
                if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return false }  // U+FFFE, U+FFFF
                index += 1
            }
            return !lines.isEmpty
        }

        /// Entries at exactly `indent` spaces; with `firstKeyAt`, the first entry starts there on the
        /// current line (a mapping opened inside a sequence item: `- path: a`).
        mutating func blockMapping(indent: Int, firstKeyAt: Int?) -> YAMLValue? {
            let line = lines[current]
            let firstKey = firstKeyAt ?? line.start + indent
            let position = self.position(firstKey, in: line)
            var pairs: [YAMLValue.Pair] = []
            var keyStart: Int? = firstKey
            while let start = keyStart {
                guard let pair = entry(from: start, indent: indent) else { return nil }
                for existing in pairs where existing.key.string == pair.key.string { return nil }
                pairs.append(pair)
                keyStart = nil
                if current < lines.count {
                    let next = lines[current]
                    if next.indent == indent { keyStart = next.start + indent }
                    // A line indented deeper than the mapping but not inside an entry: Yams decides.
                    else if next.indent > indent { return nil }
                }
            }
            return YAMLValue(node: .mapping(pairs), position: position)
        }

        /// `key: value` starting at `start` on the current line, the value on the line or below it.
        mutating func entry(from start: Int, indent: Int) -> YAMLValue.Pair? {
            let line = lines[current]
            guard let colon = keyEnd(from: start, to: line.end) else { return nil }
            var keyEnd = colon
            while keyEnd > start && bytes[keyEnd - 1] == 0x20 { keyEnd -= 1 }
            let key = YAMLValue(node: .scalar(string(start, keyEnd), .plain), position: position(start, in: line))
            var valueStart = colon + 1
            while valueStart < line.end && bytes[valueStart] == 0x20 { valueStart += 1 }
            if valueStart < line.end && bytes[valueStart] != 0x23 {
                guard let value = inlineValue(from: valueStart, in: line) else { return nil }
                current += 1
                // A deeper line after a value on the line would continue a plain scalar: Yams decides.
                if current < lines.count && lines[current].indent > indent { return nil }
                return YAMLValue.Pair(key: key, value: value)
            }
            // The value is on the lines below: a deeper mapping or list, or a list at the key's indentation.
            current += 1
            guard current < lines.count else { return nil }
            let next = lines[current]
            let startsItem = isItem(next)
            let value: YAMLValue?
            if next.indent > indent {
                value = startsItem ? blockSequence(indent: next.indent) : blockMapping(indent: next.indent, firstKeyAt: nil)
            } else if next.indent == indent && startsItem {
                value = blockSequence(indent: indent)
            } else {
                return nil  // an empty value: Yams decides where it sits
            }
            guard let value else { return nil }
            return YAMLValue.Pair(key: key, value: value)
        }

        func isItem(_ line: Line) -> Bool {
            bytes[line.start + line.indent] == 0x2D && line.start + line.indent + 1 < line.end && bytes[line.start + line.indent + 1] == 0x20
        }

        /// `- item` lines at exactly `indent` spaces.
        mutating func blockSequence(indent: Int) -> YAMLValue? {
            let position = self.position(lines[current].start + indent, in: lines[current])
            var items: [YAMLValue] = []
            while current < lines.count, lines[current].indent == indent, bytes[lines[current].start + indent] == 0x2D {
                let line = lines[current]
                guard isItem(line) else { return nil }
                var start = line.start + indent + 1
                while start < line.end && bytes[start] == 0x20 { start += 1 }
                guard start < line.end, bytes[start] != 0x23 else { return nil }
                let item: YAMLValue?
                if keyEnd(from: start, to: line.end) != nil {
                    // Indentation and "- " are ASCII, so the byte offset is the key's column.
                    item = blockMapping(indent: start - line.start, firstKeyAt: start)
                } else {
                    item = inlineValue(from: start, in: line)
                    current += 1
                    if current < lines.count && lines[current].indent > indent { return nil }
                }
                guard let item else { return nil }
                items.append(item)
            }
            if current < lines.count && lines[current].indent > indent { return nil }
            return YAMLValue(node: .sequence(items), position: position)
        }

        // MARK: Values on one line

        /// A value from `start` to the end of the line (or a comment).
        func inlineValue(from start: Int, in line: Line) -> YAMLValue? {
            var end = start
            let value: YAMLValue?
            switch bytes[start] {
            case 0x5B: value = flowSequence(from: start, in: line, end: &end)
            case 0x7B: value = flowMapping(from: start, in: line, end: &end)
            case 0x27, 0x22: value = quoted(from: start, in: line, end: &end)
            default: return plainBlockScalar(from: start, in: line)
            }
            guard let value, restIsComment(from: end, in: line) else { return nil }
            return value
        }

        /// Only spaces, or spaces and a comment, from `index` to the end of the line.
        func restIsComment(from index: Int, in line: Line) -> Bool {
            var index = index
            while index < line.end && bytes[index] == 0x20 { index += 1 }
            return index == line.end || (bytes[index] == 0x23 && bytes[index - 1] == 0x20)
        }

        /// The colon of `key:` when the text from `start` is a plain key followed by ": " or ":" at the
        /// end of the line; nil otherwise (a scalar, or something Yams should read).
        func keyEnd(from start: Int, to end: Int) -> Int? {
            guard start < end, isPlainStart(bytes[start]), end - start < 1_000 else { return nil }
            var index = start
            while index < end {
                switch bytes[index] {
                case 0x3A:
                    if index + 1 == end || bytes[index + 1] == 0x20 { return index }
                    return nil  // "a:b" keys: Yams decides
                case 0x23, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x27, 0x22:
                    return nil
                default:
                    index += 1
                }
            }
            return nil
        }

        /// A plain scalar in block context: to the end of the line or a comment, trailing spaces dropped.
        func plainBlockScalar(from start: Int, in line: Line) -> YAMLValue? {
            guard isPlainStart(bytes[start]) else { return nil }
            var index = start
            var end = line.end
            while index < line.end {
                let byte = bytes[index]
                if byte == 0x3A && (index + 1 == line.end || bytes[index + 1] == 0x20) { return nil }  // "a: b" in a value
                if byte == 0x20 && index + 1 < line.end && bytes[index + 1] == 0x23 { end = index; break }
                index += 1
            }
            while end > start && bytes[end - 1] == 0x20 { end -= 1 }
            return YAMLValue(node: .scalar(string(start, end), .plain), position: position(start, in: line))
        }

        /// A plain scalar inside `[…]` or `{…}`: up to `,`, the closing bracket, or (for a key) `:`.
        func plainFlowScalar(from start: Int, in line: Line, isKey: Bool, end: inout Int) -> YAMLValue? {
            guard start < line.end, isPlainStart(bytes[start]) else { return nil }
            var index = start
            scan: while index < line.end {
                switch bytes[index] {
                case 0x2C, 0x5D, 0x7D:
                    break scan
                case 0x3A:
                    guard isKey, index + 1 < line.end, bytes[index + 1] == 0x20 else { return nil }
                    break scan
                case 0x23, 0x5B, 0x7B, 0x27, 0x22:
                    return nil
                default:
                    index += 1
                }
            }
            guard index < line.end else { return nil }
            end = index
            var last = index
            while last > start && bytes[last - 1] == 0x20 { last -= 1 }
            return YAMLValue(node: .scalar(string(start, last), .plain), position: position(start, in: line))
        }

        /// A quoted scalar closed on the same line, without escapes in double quotes.
        func quoted(from start: Int, in line: Line, end: inout Int) -> YAMLValue? {
            let quote = bytes[start]
            var content: [UInt8] = []
            var index = start + 1
            while index < line.end {
                let byte = bytes[index]
                if byte == quote {
                    if quote == 0x27 && index + 1 < line.end && bytes[index + 1] == 0x27 {
                        content.append(0x27)
                        index += 2
                        continue
                    }
                    end = index + 1
                    let text = String(decoding: content, as: UTF8.self)
                    return YAMLValue(node: .scalar(text, quote == 0x27 ? .singleQuoted : .doubleQuoted), position: position(start, in: line))
                }
                if byte == 0x5C && quote == 0x22 { return nil }
                content.append(byte)
                index += 1
            }
            return nil
        }

        /// A flow scalar: quoted or plain.
        func flowScalar(from start: Int, in line: Line, isKey: Bool, end: inout Int) -> YAMLValue? {
            guard start < line.end else { return nil }
            if !isKey && (bytes[start] == 0x27 || bytes[start] == 0x22) { return quoted(from: start, in: line, end: &end) }
            return plainFlowScalar(from: start, in: line, isKey: isKey, end: &end)
        }

        func skipSpaces(_ index: inout Int, in line: Line) {
            while index < line.end && bytes[index] == 0x20 { index += 1 }
        }

        /// `[a, b, c]` on one line.
        func flowSequence(from start: Int, in line: Line, end: inout Int) -> YAMLValue? {
            var index = start + 1
            var items: [YAMLValue] = []
            skipSpaces(&index, in: line)
            if index < line.end && bytes[index] == 0x5D {
                end = index + 1
                return YAMLValue(node: .sequence([]), position: position(start, in: line))
            }
            while true {
                skipSpaces(&index, in: line)
                var after = index
                guard let item = flowScalar(from: index, in: line, isKey: false, end: &after) else { return nil }
                items.append(item)
                index = after
                skipSpaces(&index, in: line)
                guard index < line.end else { return nil }
                if bytes[index] == 0x5D { end = index + 1; break }
                guard bytes[index] == 0x2C else { return nil }
                index += 1
            }
            return YAMLValue(node: .sequence(items), position: position(start, in: line))
        }

        /// `{key: value, …}` on one line.
        func flowMapping(from start: Int, in line: Line, end: inout Int) -> YAMLValue? {
            var index = start + 1
            var pairs: [YAMLValue.Pair] = []
            skipSpaces(&index, in: line)
            if index < line.end && bytes[index] == 0x7D {
                end = index + 1
                return YAMLValue(node: .mapping([]), position: position(start, in: line))
            }
            while true {
                skipSpaces(&index, in: line)
                var after = index
                guard let key = flowScalar(from: index, in: line, isKey: true, end: &after),
                      after < line.end, bytes[after] == 0x3A else { return nil }
                index = after + 1
                skipSpaces(&index, in: line)
                guard let value = flowScalar(from: index, in: line, isKey: false, end: &after) else { return nil }
                for existing in pairs where existing.key.string == key.string { return nil }
                pairs.append(YAMLValue.Pair(key: key, value: value))
                index = after
                skipSpaces(&index, in: line)
                guard index < line.end else { return nil }
                if bytes[index] == 0x7D { end = index + 1; break }
                guard bytes[index] == 0x2C else { return nil }
                index += 1
            }
            return YAMLValue(node: .mapping(pairs), position: position(start, in: line))
        }

        // MARK: Helpers

        /// Whether a plain scalar may start with `byte`: not a space nor a YAML indicator.
        func isPlainStart(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
                return false
            default:
                return true
            }
        }

        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// The file position of byte `index` of `line`: Yams counts columns in characters (code points).
        func position(_ index: Int, in line: Line) -> TextPosition {
            var column = 1
            for offset in line.start..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
            return TextPosition(line: line.number + lineOffset, column: column)
        }
    }
}
