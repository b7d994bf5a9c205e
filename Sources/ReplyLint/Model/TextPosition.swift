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
