// Rendering a parsed template to plain text (no HTML escaping) against a context of values.

public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template has syntax problems; nothing is rendered from a template that does not parse.
    case syntax([TemplateProblem])
    case missingPartial(String)
    /// Partials include each other deeper than the limit (a partial that includes itself).
    case partialDepth(String)

    public var description: String {
        switch self {
        case .syntax(let problems):
            let first = problems.first.map { "\($0.start): \($0.message)" } ?? ""
            return "the template does not parse (\(first)); run `replylint lint` on it"
        case .missingPartial(let name):
            return "partial '\(name)' does not exist in _partials/"
        case .partialDepth(let name):
            return "partials include each other more than \(TemplateRenderer.maximumPartialDepth) deep (at '\(name)'); a partial probably includes itself"
        }
    }
}

public struct TemplateRenderer: Sendable {
    public static let maximumPartialDepth = 20

    /// Partials by name, each source with its parse; only these can be included, so a name like
    /// `../../etc/passwd` reads nothing. Fixed at init, so the parses always match the sources.
    private let partials: [String: (source: String, template: ParsedTemplate)]
    /// When true (ReplyLint's own use), a missing partial is an error; the Mustache spec renders it as "".
    public let strict: Bool

    /// Partials given as sources, parsed here.
    public init(partials: [String: String], strict: Bool = true) {
        self.partials = partials.mapValues { ($0, ParsedTemplate(parsing: $0)) }
        self.strict = strict
    }

    /// A library's partials, parsed when it was loaded.
    public init(partials: [String: Partial], strict: Bool = true) {
        self.partials = partials.mapValues { ($0.text, $0.template) }
        self.strict = strict
    }

    public func render(_ template: ParsedTemplate, context: TemplateValue) throws(RenderError) -> String {
        if !template.problems.isEmpty { throw .syntax(template.problems) }
        var output = ""
        var stack: [TemplateValue] = [context]
        try render(template.nodes, stack: &stack, into: &output, depth: 0)
        return output
    }

    public func render(_ source: String, context: TemplateValue) throws(RenderError) -> String {
        try render(ParsedTemplate(parsing: source), context: context)
    }

    private func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], into output: inout String, depth: Int) throws(RenderError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .comment:
                break
            case .variable(let tag):
                output += Self.lookup(tag.name, in: stack)?.text ?? ""
            case .section(let tag, let inverted, let children):
                let value = Self.lookup(tag.name, in: stack) ?? .null
                if inverted {
                    if value.isFalsey { try render(children, stack: &stack, into: &output, depth: depth) }
                    continue
                }
                if value.isFalsey { continue }
                if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        try render(children, stack: &stack, into: &output, depth: depth)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    try render(children, stack: &stack, into: &output, depth: depth)
                    stack.removeLast()
                }
            case .partial(let tag, let indentation):
                guard depth < Self.maximumPartialDepth else { throw .partialDepth(tag.name) }
                guard let partial = partials[tag.name] else {
                    if strict { throw .missingPartial(tag.name) }
                    continue
                }
                // A standalone partial's lines take the tag's indentation, in its source (the spec's rule).
                let template = indentation.isEmpty ? partial.template : ParsedTemplate(parsing: Self.indent(partial.source, with: indentation))
                if !template.problems.isEmpty { throw .syntax(template.problems) }
                try render(template.nodes, stack: &stack, into: &output, depth: depth + 1)
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
