// Positions in a user's file: 1-based lines and columns, columns counted in Unicode code points.

public struct TextPosition: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

public struct TextRange: Sendable, Hashable, Codable {
    public var start: TextPosition
    public var end: TextPosition

    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = max(start, end)
    }

    public init(at position: TextPosition) {
        self.init(start: position, end: position)
    }
}

extension TextPosition {
    /// The positions of many scalar offsets (ascending) in one pass over `text`.
    public static func of(offsets: [Int], in text: String) -> [TextPosition] {
        var result: [TextPosition] = []
        result.reserveCapacity(offsets.count)
        var line = 1
        var column = 1
        var index = 0
        var scalars = text.unicodeScalars.makeIterator()
        for offset in offsets {
            while index < offset, let scalar = scalars.next() {
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
            result.append(TextPosition(line: line, column: column))
        }
        return result
    }

    /// The position of the scalar at `offset` in `text`.
    public static func of(offset: Int, in text: String) -> TextPosition {
        of(offsets: [offset], in: text)[0]
    }
}
