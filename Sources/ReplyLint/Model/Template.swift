// A parsed Mustache template: nodes with the position of every tag, and what was wrong with the syntax.

public struct TemplateTag: Sendable, Hashable {
    /// The name inside the tag (`customer.first_name`, `.`, a partial's name).
    public var name: String
    /// Position of the tag's opening delimiter, in template coordinates (1-based).
    public var start: TextPosition
    /// Position just after the closing delimiter.
    public var end: TextPosition
}

public indirect enum TemplateNode: Sendable, Hashable {
    case text(String)
    /// `{{name}}`, `{{{name}}}` or `{{& name}}`; plain-text output makes them the same.
    case variable(TemplateTag)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateTag, inverted: Bool, children: [TemplateNode])
    /// `{{> name}}`; `indentation` is the whitespace before a standalone partial tag.
    case partial(TemplateTag, indentation: String)
    /// `{{! … }}`: renders to nothing.
    case comment(TemplateTag, text: String)
}

/// A syntax problem: reported by `placeholder-syntax`, and a reason `render` refuses the template.
public struct TemplateProblem: Sendable, Hashable {
    public var message: String
    public var start: TextPosition
    public var end: TextPosition
}

public struct ParsedTemplate: Sendable {
    public var nodes: [TemplateNode]
    public var problems: [TemplateProblem]

    public init(nodes: [TemplateNode], problems: [TemplateProblem] = []) {
        self.nodes = nodes
        self.problems = problems
    }

    /// Tags in document order, each with the names of the sections around it (outermost first).
    public typealias Tags = [(tag: TemplateTag, kind: TagKind, enclosingSections: [String])]

    /// Every tag in document order, each with the names of the sections around it (outermost first).
    public func tags() -> Tags {
        var result: [(TemplateTag, TagKind, [String])] = []
        func walk(_ nodes: [TemplateNode], _ sections: [String]) {
            for node in nodes {
                switch node {
                case .text: break
                case .variable(let tag): result.append((tag, .variable, sections))
                case .section(let tag, let inverted, let children):
                    result.append((tag, inverted ? .invertedSection : .section, sections))
                    walk(children, sections + [tag.name])
                case .partial(let tag, _): result.append((tag, .partial, sections))
                case .comment(let tag, _): result.append((tag, .comment, sections))
                }
            }
        }
        walk(nodes, [])
        return result
    }

    public enum TagKind: Sendable, Hashable {
        case variable, section, invertedSection, partial, comment
    }
}
