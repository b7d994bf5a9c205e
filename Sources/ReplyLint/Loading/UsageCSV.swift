// Reading a helpdesk's usage export (CSV) into usage counts, for `faq-unused`.

extension UsageData {
    /// Reads a CSV with a header naming a reply column (`reply`, `reply_id`, `id`) and a count column
    /// (`count`, `uses`, `used`); one row per reply, or one row per use when there is no count column.
    /// Quoted fields may span lines, as helpdesk exports write them.
    public static func parseCSV(_ text: String, source: String) throws(ConfigurationError) -> UsageData {
        let table: CSVTable
        do {
            table = try CSVTable.parse(text)
        } catch {
            throw ConfigurationError(file: source, position: TextPosition(line: error.line, column: error.column),
                                     message: "the usage CSV is not valid CSV: \(error.reason)")
        }
        guard !table.header.isEmpty else { var empty = UsageData(counts: [:], source: source); empty.includesCSV = true; return empty }
        guard let replyColumn = table.column(["reply", "reply_id", "reply-id", "id"]) else {
            throw ConfigurationError(file: source, position: TextPosition(line: 1, column: 1),
                                     message: "the usage CSV needs a header with a 'reply' column (and optionally 'count')")
        }
        let countColumn = table.column(["count", "uses", "used", "times"])
        var counts: [String: Int] = [:]
        for (line, row) in table.rows {
            guard replyColumn < row.count else { continue }
            let id = row[replyColumn].trimmingWhitespace
            if let countColumn {
                guard countColumn < row.count, let count = Int(row[countColumn].trimmingWhitespace) else {
                    throw ConfigurationError(file: source, position: TextPosition(line: line, column: 1),
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
}
