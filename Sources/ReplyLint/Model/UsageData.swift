// How often each reply has been used, from a helpdesk export (CSV) and the usage log — what `faq-unused` reads.

import Foundation

public struct UsageData: Sendable {
    /// Uses per reply id.
    public var counts: [String: Int]
    /// Where the counts came from, for messages ("usage.csv").
    public var source: String
    /// When the usage log began, if the counts include it: a young log has not seen every reply yet.
    public var logStart: Date?
    /// The period the log's counts cover, in days.
    public var windowDays: Int?
    /// Whether a helpdesk CSV contributed (its counts cover whatever period the export did).
    public var includesCSV = false

    public init(counts: [String: Int], source: String) {
        self.counts = counts
        self.source = source
    }

    /// Reads a CSV with a header naming a reply column (`reply`, `reply_id`, `id`) and a count column
    /// (`count`, `uses`, `used`); one row per reply, or one row per use when there is no count column.
    public static func parseCSV(_ text: String, source: String) throws(ConfigurationError) -> UsageData {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmingWhitespace.isEmpty }
        guard !lines.isEmpty else { var empty = UsageData(counts: [:], source: source); empty.includesCSV = true; return empty }
        let header = fields(lines.removeFirst()).map { $0.lowercased() }
        guard let replyColumn = header.firstIndex(where: { ["reply", "reply_id", "reply-id", "id"].contains($0) }) else {
            throw ConfigurationError(file: source, position: TextPosition(line: 1, column: 1),
                                     message: "the usage CSV needs a header with a 'reply' column (and optionally 'count')")
        }
        let countColumn = header.firstIndex { ["count", "uses", "used", "times"].contains($0) }
        var counts: [String: Int] = [:]
        for (offset, line) in lines.enumerated() {
            let row = fields(line)
            guard replyColumn < row.count else { continue }
            let id = row[replyColumn].trimmingWhitespace
            if let countColumn {
                guard countColumn < row.count, let count = Int(row[countColumn].trimmingWhitespace) else {
                    throw ConfigurationError(file: source, position: TextPosition(line: offset + 2, column: 1),
                                             message: "the count for '\(id)' is not a whole number")
                }
                counts[id, default: 0] += count
            } else {
                counts[id, default: 0] += 1
            }
        }
        var usage = UsageData(counts: counts, source: source)
        usage.includesCSV = true
        return usage
    }

    /// Comma-separated fields with double-quote quoting.
    static func fields(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" { quoted = false } else { current.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current)
        return result
    }
}
