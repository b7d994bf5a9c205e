// Rendering a parsed template to plain text (no HTML escaping) against a context of values.

public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template has syntax problems; nothing is rendered from a template that does not parse.
    case syntax([TemplateProblem])
    case missingPartial(String)
    /// Partials include each other deeper than `limits.partial-depth` (a partial that includes itself).
    case partialDepth(String, limit: Int)
    /// The text would be longer than `limits.expansion` (values, lists and partials multiply it).
    case expansion(limit: Int)
    /// A value that is not text (true/false, a list, an object) where text is printed.
    case notText(name: String, found: String)

    public var description: String {
        switch self {
        case .syntax(let problems):
            let first = problems.first.map { "\($0.start): \($0.message)" } ?? ""
            return "the template does not parse (\(first)); run `replylint lint` on it"
        case .missingPartial(let name):
            return "partial '\(name)' does not exist in _partials/"
        case .partialDepth(let name, let limit):
            return "partials include each other more than \(limit) deep (at '\(name)', limits.partial-depth); a partial probably includes itself"
        case .expansion(let limit):
            return "the text would be longer than \(Limits.grouped(limit)) characters (limits.expansion); check the values given for lists and the partials"
        case .notText(let name, let found):
            return "the value for \(name) is \(found), not text; send a string (or a number) for every name the reply prints"
        }
    }
}

public struct TemplateRenderer: Sendable {
    /// Partial depth and output size: every render stops at them, whatever the values.
    public let limits: Limits

    /// Partials by name, each source with its parse; only these can be included, so a name like
    /// `../../etc/passwd` reads nothing. Fixed at init, so the parses always match the sources.
    private let partials: [String: (source: String, template: ParsedTemplate)]
    /// When true (ReplyLint's own use), a missing partial is an error, and so is printing a value that is
    /// not text (`false` would print "Hi false", an object nothing); the Mustache spec renders both.
    public let strict: Bool

    /// Partials given as sources, parsed here.
    public init(partials: [String: String], strict: Bool = true, limits: Limits = Limits()) {
        self.partials = partials.mapValues { ($0, ParsedTemplate(parsing: $0)) }
        self.strict = strict
        self.limits = limits
    }

    /// A library's partials, parsed when it was loaded.
    public init(partials: [String: Partial], strict: Bool = true, limits: Limits = Limits()) {
        self.partials = partials.mapValues { ($0.text, $0.template) }
        self.strict = strict
        self.limits = limits
    }

    public func render(_ template: ParsedTemplate, context: TemplateValue) throws(RenderError) -> String {
        if !template.problems.isEmpty { throw .syntax(template.problems) }
        var output = ""
        var stack: [TemplateValue] = [context]
        var budget = limits.expansion
        try render(template.nodes, stack: &stack, into: &output, depth: 0, budget: &budget)
        return output
    }

    public func render(_ source: String, context: TemplateValue) throws(RenderError) -> String {
        try render(ParsedTemplate(parsing: source), context: context)
    }

    /// `budget` is what is left of `limits.expansion`: each node visited costs one, each character printed one.
    private func render(
        _ nodes: [TemplateNode], stack: inout [TemplateValue], into output: inout String, depth: Int, budget: inout Int
    ) throws(RenderError) {
        func spend(_ cost: Int) throws(RenderError) {
            budget -= cost
            if budget < 0 { throw .expansion(limit: limits.expansion) }
        }
        for node in nodes {
            try spend(1)
            switch node {
            case .text(let text):
                try spend(text.unicodeScalars.count)
                output += text
            case .comment:
                break
            case .variable(let tag):
                let value = Self.lookup(tag.name, in: stack)
                if strict, let value, let kind = value.nonTextKind { throw .notText(name: tag.name, found: kind) }
                let text = value?.text ?? ""
                try spend(text.unicodeScalars.count)
                output += text
            case .section(let tag, let inverted, let children):
                let value = Self.lookup(tag.name, in: stack) ?? .null
                if inverted {
                    if value.isFalsey { try render(children, stack: &stack, into: &output, depth: depth, budget: &budget) }
                    continue
                }
                if value.isFalsey { continue }
                if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        try render(children, stack: &stack, into: &output, depth: depth, budget: &budget)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    try render(children, stack: &stack, into: &output, depth: depth, budget: &budget)
                    stack.removeLast()
                }
            case .partial(let tag, let indentation):
                guard depth < limits.partialDepth else { throw .partialDepth(tag.name, limit: limits.partialDepth) }
                guard let partial = partials[tag.name] else {
                    if strict { throw .missingPartial(tag.name) }
                    continue
                }
                // A standalone partial's lines take the tag's indentation, in its source (the spec's rule);
                // parsing it again is work, and counts.
                if !indentation.isEmpty { try spend(partial.source.utf8.count) }
                let template = indentation.isEmpty ? partial.template : ParsedTemplate(parsing: Self.indent(partial.source, with: indentation))
                if !template.problems.isEmpty { throw .syntax(template.problems) }
                try render(template.nodes, stack: &stack, into: &output, depth: depth + 1, budget: &budget)
            }
        }
    }

    /// Mustache name resolution: `.` is the top of the stack; the first part of a dotted name is
    /// looked up from the top of the stack down, the rest inside what it found.
    static func lookup(_ name: String, in stack: [TemplateValue]) -> TemplateValue? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first else { return nil }
        guard var value = stack.reversed().lazy.compactMap({ $0[first] }).first else { return nil }
        for part in parts.dropFirst() {
            guard let next = value[part] else { return nil }
            value = next
        }
        return value
    }

    /// Prefixes each line of a standalone partial's source with the tag's indentation.
    static func indent(_ source: String, with indentation: String) -> String {
        var result = ""
        var atLineStart = true
        for scalar in source.unicodeScalars {
            if atLineStart {
                result += indentation
                atLineStart = false
            }
            result.unicodeScalars.append(scalar)
            if scalar == "\n" { atLineStart = true }
        }
        return result
    }
}
