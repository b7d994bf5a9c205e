// Reading YAML (front matter, collections, config) through Yams' node tree, keeping file positions.

import CYaml
import Yams

/// A YAML node with its file position. Built from Yams' node tree, or directly by `FlatYAML` for the
/// plain front matter nearly every reply has; the two are compared over every fixture (FlatYAMLTests).
struct YAMLValue: Equatable {
    /// How a scalar is written, as Yams reports it.
    enum Style: Equatable {
        case any, plain, singleQuoted, doubleQuoted, literal, folded
    }

    enum Node: Equatable {
        case scalar(String, Style)
        case sequence([YAMLValue])
        case mapping([Pair])
        case alias
    }

    struct Pair: Equatable {
        var key: YAMLValue
        var value: YAMLValue
    }

    let node: Node
    let position: TextPosition

    init(node: Node, position: TextPosition) {
        self.node = node
        self.position = position
    }

    /// `node` read from Yams; `lineOffset` is added to every Yams line (Yams counts from the first line of the YAML text).
    init(_ node: Yams.Node, lineOffset: Int) {
        position = node.mark.map { TextPosition(line: $0.line + lineOffset, column: $0.column) } ?? TextPosition(line: lineOffset + 1, column: 1)
        switch node {
        case .scalar(let scalar):
            let style: Style = switch scalar.style {
            case .any: .any
            case .plain: .plain
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            }
            self.node = .scalar(scalar.string, style)
        case .sequence(let items):
            self.node = .sequence(items.map { YAMLValue($0, lineOffset: lineOffset) })
        case .mapping(let pairs):
            self.node = .mapping(pairs.map { Pair(key: YAMLValue($0.key, lineOffset: lineOffset), value: YAMLValue($0.value, lineOffset: lineOffset)) })
        case .alias:
            self.node = .alias
        }
    }

    /// The style of a scalar; nil for anything else.
    var scalarStyle: Style? {
        guard case .scalar(_, let style) = node else { return nil }
        return style
    }

    var string: String? {
        guard case .scalar(let string, _) = node else { return nil }
        return string
    }

    var isNull: Bool {
        guard case .scalar(let string, .plain) = node else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(string)
    }

    var int: Int? {
        guard case .scalar(let string, .plain) = node else { return nil }
        // Foundation's replacing bridged every number to an NSString: 1 % of a 10,000-reply lint, for the rare `1_000`.
        return string.utf8.contains(UInt8(ascii: "_")) ? Int(string.replacingOccurrences(of: "_", with: "")) : Int(string)
    }

    var double: Double? {
        guard case .scalar(let string, .plain) = node else { return nil }
        return Double(string)
    }

    var bool: Bool? {
        guard case .scalar(let string, .plain) = node else { return nil }
        switch string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The items of a sequence.
    var sequence: [YAMLValue]? {
        guard case .sequence(let items) = node else { return nil }
        return items
    }

    /// The entries of a mapping, in the order written; the key's value keeps its own position.
    var mapping: [(key: String, keyPosition: TextPosition, value: YAMLValue)]? {
        guard case .mapping(let pairs) = node else { return nil }
        return pairs.map { pair in (pair.key.string ?? "", pair.key.position, pair.value) }
    }

    /// A list of strings, accepting a single string as a one-item list.
    var stringList: [Located<String>]? {
        if let items = sequence {
            var result: [Located<String>] = []
            for item in items {
                guard let text = item.string, item.sequence == nil else { return nil }
                result.append(Located(text, at: item.position))
            }
            return result
        }
        if let text = string, !isNull { return [Located(text, at: position)] }
        return nil
    }

    /// A short description of the node's type for "expected a list, found …" messages.
    var typeName: String {
        switch node {
        case .scalar: isNull ? "nothing" : "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// A YAML syntax error with a file position and a one-line message.
struct YAMLSyntaxError: Error {
    let message: String
    let position: TextPosition
    /// Set when the YAML parses but expands past the size allowed (anchors and aliases).
    var isLimit = false
}

enum YAMLDocument {
    /// Parses `text`, whose first line is file line `lineOffset + 1`. Returns nil for an empty document.
    /// `maxExpandedSize` bounds what its aliases may expand it to (`limits.file-size`): one anchor
    /// referenced many times, or anchors of anchors, would otherwise hand the rules gigabytes.
    static func parse(_ text: String, lineOffset: Int, maxExpandedSize: Int = Limits().fileSize) throws(YAMLSyntaxError) -> YAMLValue? {
        // Without a '*' there is no alias, and the document is no larger than its text.
        if text.utf8.contains(UInt8(ascii: "*")), let alias = firstAliasPast(maxExpandedSize, in: text) {
            throw YAMLSyntaxError(
                message: "its YAML aliases expand it to more than \(Limits.grouped(maxExpandedSize)) bytes (limits.file-size); write the values out, or use fewer aliases",
                position: TextPosition(line: alias.line + lineOffset, column: alias.column), isLimit: true)
        }
        // Most front matter is a few flat keys: read those directly, and leave anything else to Yams.
        if let value = FlatYAML.parse(text, lineOffset: lineOffset) { return value }
        return try parseWithYams(text, lineOffset: lineOffset)
    }

    /// `parse` without the fast path (and without the bound on aliases), for the test that compares the two.
    static func parseWithYams(_ text: String, lineOffset: Int) throws(YAMLSyntaxError) -> YAMLValue? {
        do {
            // The basic resolver: ReplyLint reads each scalar's text itself, so Yams' regular-expression
            // tag resolution (a third of the parse time) is not needed; an explicit encoding spares the
            // environment lookup Yams otherwise makes on every parse.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return nil }
            return YAMLValue(node, lineOffset: lineOffset)
        } catch let error as YamlError {
            throw describe(error, lineOffset: lineOffset)
        } catch {
            throw YAMLSyntaxError(message: "YAML does not parse: \(error)", position: TextPosition(line: lineOffset + 1, column: 1))
        }
    }

    /// Reads `text`'s events with libyaml, before anything is composed, adding up the size of the document
    /// with every alias replaced by its anchor (scalar bytes, plus one per node). Returns the position
    /// (1-based, within `text`) of the alias that takes it past `limit`, or nil when it stays within it
    /// (or does not parse: composing it then reports that).
    static func firstAliasPast(_ limit: Int, in text: String) -> (line: Int, column: Int)? {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            var anchorSizes: [String: Int] = [:]
            /// Open collections: their anchor and the running total when they started.
            var open: [(anchor: String?, start: Int)] = []
            var total = 0
            func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: $0) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_SCALAR_EVENT:
                    let size = 1 + Int(event.data.scalar.length)
                    total += size
                    if let anchor = name(event.data.scalar.anchor) { anchorSizes[anchor] = size }
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), total))
                    total += 1
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), total))
                    total += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let collection = open.popLast(), let anchor = collection.anchor { anchorSizes[anchor] = total - collection.start }
                case YAML_ALIAS_EVENT:
                    total += name(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? 0
                    // Every anchor's size is at most the total so far, so this never overflows.
                    if total > limit { return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1) }
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    break
                }
            }
        }
    }

    private static func describe(_ error: YamlError, lineOffset: Int) -> YAMLSyntaxError {
        func at(_ mark: Mark) -> TextPosition { TextPosition(line: mark.line + lineOffset, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return YAMLSyntaxError(message: "YAML does not parse: \(detail)", position: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return YAMLSyntaxError(
                message: "YAML key '\(duplicates.first ?? "?")' is written twice; keep one",
                position: at(context.mark))
        case .reader(let problem, _, _, _):
            return YAMLSyntaxError(message: "YAML cannot be read: \(problem)", position: TextPosition(line: lineOffset + 1, column: 1))
        default:
            return YAMLSyntaxError(message: "YAML does not parse: \(error)", position: TextPosition(line: lineOffset + 1, column: 1))
        }
    }
}
