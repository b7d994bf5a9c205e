// The values a template is rendered with: what `--var`, `--vars FILE.json` and the HTTP API supply.

public indirect enum TemplateValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// Mustache's falsey values: false, null, the empty list — and, for replies, the empty string,
    /// so an optional section around an empty value disappears instead of printing "Your case number is .".
    public var isFalsey: Bool {
        switch self {
        case .bool(let value): !value
        case .null: true
        case .list(let items): items.isEmpty
        case .string(let text): text.isEmpty
        default: false
        }
    }

    /// The text an interpolation prints.
    public var text: String {
        switch self {
        case .string(let text): text
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 { String(Int64(value)) } else { String(value) }
        case .bool(let value): value ? "true" : "false"
        case .null: ""
        case .list, .object: ""
        }
    }

    /// Characters no placeholder value may hold: C0 and C1 controls (line breaks and tabs among them),
    /// DEL, and the Unicode line and paragraph separators. A value is a name, a date, a number: a line
    /// break in one would let it pose as a line of the reply.
    public static func isControlCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// "true", "a list", "an object": what this value is when it is not text (a string, a number or null).
    public var nonTextKind: String? {
        switch self {
        case .string, .number, .null: nil
        case .bool(let value): "\(value)"
        case .list: "a list"
        case .object: "an object"
        }
    }

    public subscript(key: String) -> TemplateValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Sets `value` at a dotted path (`customer.first_name`), creating objects on the way.
    public mutating func set(_ value: TemplateValue, at path: String) {
        set(value, at: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)[...])
    }

    private mutating func set(_ value: TemplateValue, at path: ArraySlice<String>) {
        guard let head = path.first else {
            self = value
            return
        }
        var members: [String: TemplateValue]
        if case .object(let existing) = self { members = existing } else { members = [:] }
        var child = members[head] ?? .null
        child.set(value, at: path.dropFirst())
        members[head] = child
        self = .object(members)
    }

    /// Placeholder values from the names callers send, dotted (`{"customer.first_name": "Ana"}`) or
    /// nested (`{"customer": {"first_name": "Ana"}}`) in any mix: objects merge, so
    /// `{"customer": {…}, "customer.last_name": …}` keeps both whatever order the keys come in.
    public static func placeholderValues(_ named: [String: TemplateValue]) -> TemplateValue {
        var values = TemplateValue.object([:])
        let names = named.keys.sorted { lhs, rhs in
            let (left, right) = (lhs.split(separator: ".").count, rhs.split(separator: ".").count)
            return left != right ? left < right : lhs < rhs
        }
        for name in names { values.set(merging(values.value(at: name), named[name]!), at: name) }
        return values
    }

    /// `overlay` over `base`: objects are merged member by member, anything else replaces.
    public static func merging(_ base: TemplateValue?, _ overlay: TemplateValue) -> TemplateValue {
        guard case .object(var members)? = base, case .object(let extra) = overlay else { return overlay }
        for (key, value) in extra { members[key] = merging(members[key], value) }
        return .object(members)
    }

    /// The value at a dotted path, or nil when any step is missing.
    public func value(at path: String) -> TemplateValue? {
        var current: TemplateValue? = self
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            current = current?[String(part)]
        }
        return current
    }
}

extension TemplateValue: Decodable {
    /// Any JSON value: objects, arrays, strings, numbers, booleans and null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([TemplateValue].self) {
            self = .list(items)
        } else {
            self = .object(try container.decode([String: TemplateValue].self))
        }
    }
}
