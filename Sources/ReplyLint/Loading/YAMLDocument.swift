// Reading YAML (front matter, collections, config) through Yams' node tree, keeping file positions.

import Yams

/// A YAML node together with the file line its document starts on, so positions are file positions.
struct YAMLValue {
    let node: Node
    /// Added to every Yams line (Yams counts from the first line of the YAML text).
    let lineOffset: Int

    var position: TextPosition {
        guard let mark = node.mark else { return TextPosition(line: lineOffset + 1, column: 1) }
        return TextPosition(line: mark.line + lineOffset, column: mark.column)
    }

    var string: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    var int: Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        return Int(scalar.string.replacingOccurrences(of: "_", with: ""))
    }

    var double: Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        return Double(scalar.string)
    }

    var bool: Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The items of a sequence.
    var sequence: [YAMLValue]? {
        guard case .sequence(let items) = node else { return nil }
        return items.map { YAMLValue(node: $0, lineOffset: lineOffset) }
    }

    /// The entries of a mapping, in the order written; the key's value keeps its own position.
    var mapping: [(key: String, keyPosition: TextPosition, value: YAMLValue)]? {
        guard case .mapping(let pairs) = node else { return nil }
        return pairs.map { pair in
            let key = YAMLValue(node: pair.key, lineOffset: lineOffset)
            return (key.string ?? "", key.position, YAMLValue(node: pair.value, lineOffset: lineOffset))
        }
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
        do {
            // The basic resolver: ReplyLint reads each scalar's text itself, so Yams' regular-expression
            // tag resolution (a third of the parse time) is not needed; an explicit encoding spares the
            // environment lookup Yams otherwise makes on every parse.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return nil }
            return YAMLValue(node: node, lineOffset: lineOffset)
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
