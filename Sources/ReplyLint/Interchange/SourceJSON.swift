// Reading a tool's JSON export: the strict reader's line and column on bad JSON, then the record
// list wherever the tool's API puts it, and forgiving field access (ids as numbers or strings).

enum SourceJSON {
    /// The file's JSON, or where it stops being JSON.
    static func parse(_ text: String, format: InterchangeFormat) throws(InterchangeError) -> TemplateValue {
        do {
            return try TemplateValue.parseJSON(Array(text.utf8))
        } catch {
            throw InterchangeError("not valid JSON (\(error.reason)); expected \(format.displayName): \(format.expectedShape)", line: error.line, column: error.column)
        }
    }

    /// The records: the root list, or the list under the first of `keys` (a dotted path) the root holds.
    static func records(in root: TemplateValue, keys: [String], format: InterchangeFormat) throws(InterchangeError) -> [TemplateValue] {
        if case .list(let items) = root { return items }
        for key in keys {
            if let value = root.value(at: key), case .list(let items) = value { return items }
        }
        let found: String
        switch root {
        case .object(let members): found = "an object with " + (members.isEmpty ? "no keys" : "keys " + members.keys.sorted().prefix(6).joined(separator: ", "))
        default: found = "a single value"
        }
        throw InterchangeError("this is not \(format.displayName): found \(found); expected \(format.expectedShape)", line: 1, column: 1)
    }
}

extension TemplateValue {
    /// A text field; numbers are written as whole numbers where they are whole (ids).
    func text(_ key: String) -> String? {
        switch self[key] {
        case .string(let value)?: return value
        case .number(let value)?: return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        default: return nil
        }
    }

    func integer(_ key: String) -> Int? {
        switch self[key] {
        case .number(let value)? where value.rounded() == value && abs(value) < 1e15: return Int(value)
        case .string(let value)?: return Int(value.stripping(" "))
        default: return nil
        }
    }

    /// `true`/`false`, or the same as text (Zendesk writes `"true"` in some exports).
    func flag(_ key: String) -> Bool? {
        switch self[key] {
        case .bool(let value)?: return value
        case .string(let value)?:
            switch value.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// A list of texts, or one text split at commas (`"a, b"`).
    func texts(_ key: String) -> [String]? {
        switch self[key] {
        case .list(let items)?: return items.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
        case .string(let value)?: return value.split(separator: ",").map { $0.stripping(" ") }.filter { !$0.isEmpty }
        default: return nil
        }
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
