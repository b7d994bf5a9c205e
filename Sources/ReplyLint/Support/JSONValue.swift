// A small JSON emitter that keeps keys in the order PRODUCT.md documents them.
//
// Foundation's JSONEncoder orders keys either alphabetically or not at all; reports are read by
// people as well as scripts, so ReplyLint writes them in the documented order.

public enum JSONValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Key–value pairs in the order they are written.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Compact JSON, or indented with two spaces when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? String(value) : "null"
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            Self.writeArray(count: items.count, { items[$0] }, to: &output, pretty: pretty, indent: indent)
        case .object(let pairs):
            Self.writeObject(count: pairs.count, key: { pairs[$0].0 }, value: { index, output, indent in
                pairs[index].1.write(to: &output, pretty: pretty, indent: indent)
            }, to: &output, pretty: pretty, indent: indent)
        }
    }

    private static func writeArray(count: Int, _ item: (Int) -> JSONValue, to output: inout String, pretty: Bool, indent: Int) {
        guard count > 0 else { output += "[]"; return }
        output += "["
        for index in 0..<count {
            if index > 0 { output += "," }
            if pretty { output += lineBreak(indent + 1) }
            item(index).write(to: &output, pretty: pretty, indent: indent + 1)
        }
        if pretty { output += lineBreak(indent) }
        output += "]"
    }

    /// The closures are not escaping: writing an object allocates nothing for them.
    private static func writeObject(count: Int, key: (Int) -> String, value: (Int, inout String, Int) -> Void,
                                    to output: inout String, pretty: Bool, indent: Int) {
        guard count > 0 else { output += "{}"; return }
        output += "{"
        for index in 0..<count {
            if index > 0 { output += "," }
            if pretty { output += lineBreak(indent + 1) }
            Self.writeString(key(index), to: &output)
            output += pretty ? ": " : ":"
            value(index, &output, indent + 1)
        }
        if pretty { output += lineBreak(indent) }
        output += "}"
    }

    /// A line end and `indent` levels of two spaces, made once per depth: built for every line, they were most of
    /// the allocations of writing a report.
    private static let lineBreaks = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    private static func lineBreak(_ indent: Int) -> String {
        indent < lineBreaks.count ? lineBreaks[indent] : "\n" + String(repeating: "  ", count: indent)
    }

    /// `writeArray` of the streamed items, the items written in parallel in batches and joined in order: the same
    /// text, written by every core (the report was written on one while the others waited). A batch at a time, so
    /// that only one batch's text is held twice.
    private static func writeStreamedArray(_ streamed: Streamed, to output: inout String, pretty: Bool, indent: Int) {
        guard streamed.count >= 512 else {
            writeArray(count: streamed.count, streamed.item, to: &output, pretty: pretty, indent: indent)
            return
        }
        output += "["
        var start = 0
        while start < streamed.count {
            let end = min(streamed.count, start + batchSize)
            let pieces = Parallel.mapChunks(Array(start..<end), minimumChunk: 64) { chunk -> String in
                var text = ""
                for index in chunk {
                    if index > 0 { text += "," }
                    if pretty { text += lineBreak(indent + 1) }
                    streamed.item(index).write(to: &text, pretty: pretty, indent: indent + 1)
                }
                return text
            }
            for piece in pieces { output += piece }
            start = end
        }
        if pretty { output += lineBreak(indent) }
        output += "]"
    }

    private static let batchSize = 4096

    /// A value that is written as `.array` of `count` items would be, each item made by `item` only when it is
    /// written and dropped after: a report of 100,000 findings held every one as a value before writing any.
    /// `item` may be called from several threads at once and in any order (a long array is written in parallel
    /// batches): it must depend on nothing but its index.
    public struct Streamed: Sendable {
        let count: Int
        let item: @Sendable (Int) -> JSONValue

        public init(count: Int, item: @escaping @Sendable (Int) -> JSONValue) {
            self.count = count
            self.item = item
        }
    }

    /// `.object(pairs).serialized(pretty:)` with `streamed` as the value of key `key` (placed where that key is in
    /// `pairs`, whose own value for it is ignored), and `suffix` after, in a string sized for `expectedLength` so it
    /// does not grow by copying.
    public static func serializedObject(_ pairs: [(String, JSONValue)], streaming key: String, as streamed: Streamed,
                                        pretty: Bool, suffix: String = "", expectedLength: Int = 0) -> String {
        var output = ""
        output.reserveCapacity(expectedLength)
        writeObject(count: pairs.count, key: { pairs[$0].0 }, value: { index, output, indent in
            if pairs[index].0 == key {
                writeStreamedArray(streamed, to: &output, pretty: pretty, indent: indent)
            } else {
                pairs[index].1.write(to: &output, pretty: pretty, indent: indent)
            }
        }, to: &output, pretty: pretty, indent: 0)
        output += suffix
        return output
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        // Most strings need no escape (none of `"`, `\`, controls, or the E2 lead byte of U+2028/2029):
        // copied whole rather than scalar by scalar.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
