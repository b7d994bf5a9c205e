// A tool's parameters, declared once: they give the JSON Schema clients see and the checks each
// call's arguments go through, so the two cannot drift apart.

import Foundation
import MCP
import ReplyLint

/// A mistake in a tool call that the caller can fix: answered as a tool error (`isError: true`)
/// with this one-line message, so an assistant reads it and tries again.
struct ToolFailure: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}

struct ToolParameter: Sendable {
    enum Kind: Sendable {
        case string(minLength: Int)
        case integer(minimum: Int, maximum: Int, defaultValue: Int)
        case object
    }

    var name: String
    var kind: Kind
    var required: Bool
    var description: String

    static func string(_ name: String, required: Bool = false, minLength: Int = 0, _ description: String) -> Self {
        Self(name: name, kind: .string(minLength: minLength), required: required, description: description)
    }

    static func integer(_ name: String, minimum: Int, maximum: Int, defaultValue: Int, _ description: String) -> Self {
        Self(name: name, kind: .integer(minimum: minimum, maximum: maximum, defaultValue: defaultValue), required: false, description: description)
    }

    static func object(_ name: String, _ description: String) -> Self {
        Self(name: name, kind: .object, required: false, description: description)
    }

    var schema: Value {
        var schema: [String: Value] = ["description": .string(description)]
        switch kind {
        case .string(let minLength):
            schema["type"] = "string"
            if minLength > 0 { schema["minLength"] = .int(minLength) }
        case .integer(let minimum, let maximum, let defaultValue):
            schema["type"] = "integer"
            schema["minimum"] = .int(minimum)
            schema["maximum"] = .int(maximum)
            schema["default"] = .int(defaultValue)
        case .object:
            schema["type"] = "object"
        }
        return .object(schema)
    }

    var typeName: String {
        switch kind {
        case .string: "a string"
        case .integer: "an integer"
        case .object: "an object"
        }
    }
}

/// The JSON Schema of a tool's arguments: exactly these names, these types, nothing else.
func inputSchema(_ parameters: [ToolParameter]) -> Value {
    var schema: [String: Value] = [
        "type": "object",
        "properties": .object(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.schema) })),
        "additionalProperties": false,
    ]
    let required = parameters.filter(\.required).map { Value.string($0.name) }
    // JSON Schema draft 4 (which some clients still use) rejects an empty `required`.
    if !required.isEmpty { schema["required"] = .array(required) }
    return .object(schema)
}

/// One call's arguments after checking them against the tool's parameters.
struct ToolArguments: Sendable {
    private let values: [String: Value]

    init(_ arguments: [String: Value]?, parameters: [ToolParameter], tool: String) throws(ToolFailure) {
        let known = parameters.map(\.name)
        var values: [String: Value] = [:]
        for (name, value) in (arguments ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let parameter = parameters.first(where: { $0.name == name }) else {
                throw ToolFailure("\(tool) has no argument '\(name)'\(Suggestion.hint(for: name, in: known)); it takes \(known.joined(separator: ", "))")
            }
            // Some clients send null for an argument left out; an optional argument takes it as absent.
            if value.isNull, !parameter.required { continue }
            values[name] = try Self.check(value, against: parameter)
        }
        for parameter in parameters where parameter.required && values[parameter.name] == nil {
            throw ToolFailure("\(tool) needs the argument '\(parameter.name)' (\(parameter.typeName))")
        }
        self.values = values
    }

    private static func check(_ value: Value, against parameter: ToolParameter) throws(ToolFailure) -> Value {
        func wrongType() -> ToolFailure {
            ToolFailure("'\(parameter.name)' must be \(parameter.typeName), not \(describe(value))")
        }
        switch parameter.kind {
        case .string(let minLength):
            guard let text = value.stringValue ?? value.dataURLText else { throw wrongType() }
            if text.count < minLength { throw ToolFailure("'\(parameter.name)' must not be empty") }
            return .string(text)
        case .integer(let minimum, let maximum, _):
            var number = value.intValue
            if number == nil, let double = value.doubleValue, double.rounded() == double, abs(double) < 1e15 { number = Int(double) }
            guard let number else { throw wrongType() }
            guard (minimum...maximum).contains(number) else {
                throw ToolFailure("'\(parameter.name)' must be between \(minimum) and \(maximum), not \(number)")
            }
            return .int(number)
        case .object:
            guard value.objectValue != nil else { throw wrongType() }
            return value
        }
    }

    static func describe(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string, .data: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// A string argument; a blank one counts as left out (a filter of "" filters nothing).
    func string(_ name: String) -> String? {
        guard let text = values[name]?.stringValue, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }

    /// The text of a required string argument, exactly as given.
    func text(_ name: String) -> String { values[name]?.stringValue ?? "" }

    func integer(_ name: String, in parameters: [ToolParameter]) -> Int {
        if let number = values[name]?.intValue { return number }
        guard let parameter = parameters.first(where: { $0.name == name }), case .integer(_, _, let defaultValue) = parameter.kind else { return 0 }
        return defaultValue
    }

    func object(_ name: String) -> [String: Value] { values[name]?.objectValue ?? [:] }
}

extension Value {
    /// The MCP SDK decodes a string that looks like a `data:` URL as data; a caller meant the text.
    var dataURLText: String? {
        guard case .data = self, let encoded = try? JSONEncoder().encode(self) else { return nil }
        return try? JSONDecoder().decode(String.self, from: encoded)
    }
}

/// Placeholder values as the renderer takes them, from `vars` in either form callers use:
/// flat dotted names (`{"customer.first_name": "Ana"}`) or nested objects (`{"customer": {"first_name": "Ana"}}`).
func templateValues(_ vars: [String: Value]) -> TemplateValue {
    TemplateValue.placeholderValues(vars.mapValues(templateValue))
}

func templateValue(_ value: Value) -> TemplateValue {
    switch value {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .int(let number): .number(Double(number))
    case .double(let number): .number(number)
    case .string(let text): .string(text)
    case .data: .string(value.dataURLText ?? "")
    case .array(let items): .list(items.map(templateValue))
    case .object(let members): .object(members.mapValues(templateValue))
    }
}

/// ReplyLint's ordered JSON as an MCP value, for `structuredContent`.
func mcpValue(_ json: JSONValue) -> Value {
    switch json {
    case .string(let text): .string(text)
    case .int(let number): .int(number)
    case .double(let number): .double(number)
    case .bool(let flag): .bool(flag)
    case .null: .null
    case .array(let items): .array(items.map(mcpValue))
    case .object(let pairs): .object(Dictionary(pairs.map { ($0.0, mcpValue($0.1)) }, uniquingKeysWith: { _, last in last }))
    }
}
