// Reading YAML (front matter, collections, config) through Yams' node tree, keeping file positions.

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
        return Int(string.replacingOccurrences(of: "_", with: ""))
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
}

enum YAMLDocument {
    /// Parses `text`, whose first line is file line `lineOffset + 1`. Returns nil for an empty document.
    static func parse(_ text: String, lineOffset: Int) throws(YAMLSyntaxError) -> YAMLValue? {
        // Most front matter is a few flat keys: read those directly, and leave anything else to Yams.
        if let value = FlatYAML.parse(text, lineOffset: lineOffset) { return value }
        return try parseWithYams(text, lineOffset: lineOffset)
    }

    /// `parse` without the fast path, for the test that compares the two.
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
