// CSV as helpdesks export it (RFC 4180: quoted fields may hold commas, quotes and line breaks), read by
// the CSV.swift package, with the line each row starts on and where a malformed file breaks.

import CSV
import Foundation

public struct CSVTable: Sendable {
    /// Lower-cased, trimmed header names.
    public var header: [String]
    /// Data rows (the header excluded), each with the file line it starts on.
    public var rows: [(line: Int, fields: [String])]

    /// A file that is not CSV: an unclosed quote, or text after a closing quote.
    public struct Problem: Error, Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var reason: String
    }

    public func column(_ names: [String]) -> Int? {
        for name in names { if let index = header.firstIndex(of: name) { return index } }
        return nil
    }

    /// Reads `text`; blank lines between rows are skipped.
    public static func parse(_ text: String) throws(Problem) -> CSVTable {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let starts = try rowStarts(body)
        var all: [[String]] = []
        do {
            let reader = try CSVReader(string: String(body), hasHeaderRow: false)
            while let row = reader.next() { all.append(row) }
        } catch {
            throw Problem(line: 1, column: 1, reason: "the CSV cannot be read")
        }
        // The package and the row scan agree on rows; pair each row with its line.
        var rows: [(Int, [String])] = []
        for (index, fields) in all.enumerated() {
            let line = index < starts.count ? starts[index] : (starts.last ?? 1)
            if fields.count == 1, fields[0].allSatisfy(\.isWhitespace) { continue }
            rows.append((line, fields))
        }
        guard let first = rows.first else { return CSVTable(header: [], rows: []) }
        let header = first.1.map { $0.stripping(" \t").lowercased() }
        return CSVTable(header: header, rows: Array(rows.dropFirst()))
    }

    /// The line each row starts on, and the first place the quoting is broken. The package reads a
    /// broken quote without complaint (a stray quote becomes text, an unclosed one swallows the rest of
    /// the file), so the scan is what turns those into an error with a position.
    static func rowStarts(_ text: Substring) throws(Problem) -> [Int] {
        var starts = [1]
        var line = 1
        var column = 0
        var quoted = false
        var quoteOpened = (line: 1, column: 1)
        var fieldStart = true
        var afterClosingQuote = false
        var previousWasCR = false
        for character in text.unicodeScalars {
            column += 1
            if character == "\n" && previousWasCR {
                previousWasCR = false
                column = 0
                continue
            }
            previousWasCR = character == "\r"
            let isBreak = character == "\n" || character == "\r"
            if quoted {
                if character == "\"" {
                    quoted = false
                    afterClosingQuote = true
                } else if isBreak {
                    line += 1
                    column = 0
                }
                continue
            }
            if afterClosingQuote {
                if character == "\"" {
                    // A doubled quote inside a quoted field.
                    quoted = true
                    afterClosingQuote = false
                    continue
                }
                guard character == "," || isBreak else {
                    throw Problem(line: line, column: column, reason: "text after a closing quote; a quote inside a quoted field is written twice (\"\")")
                }
                afterClosingQuote = false
            }
            if character == "\"" {
                guard fieldStart else {
                    throw Problem(line: line, column: column, reason: "a quote in the middle of an unquoted field; quote the whole field and double the quote (\"\")")
                }
                quoted = true
                quoteOpened = (line, column)
                fieldStart = false
            } else if character == "," {
                fieldStart = true
            } else if isBreak {
                line += 1
                column = 0
                fieldStart = true
                starts.append(line)
            } else {
                fieldStart = false
            }
        }
        if quoted {
            throw Problem(line: quoteOpened.line, column: quoteOpened.column, reason: "a quoted field is never closed")
        }
        return starts
    }
}

extension CSVTable {
    /// Rows as CSV text (RFC 4180 quoting, LF line ends), written by the CSV.swift package.
    public static func write(_ rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        guard let writer = try? CSVWriter(stream: stream) else { return "" }
        for row in rows { try? writer.write(row: row) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
