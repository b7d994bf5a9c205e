// The placeholder names ReplyLint knows, what each may hold, and how a reply's declarations combine with them.

public struct BuiltInPlaceholder: Sendable, Hashable {
    public var name: String
    /// The longest value assumed for worst-case length when a reply declares no `max`.
    public var max: Int
    /// Personal data: allowed only in replies whose channels are all private.
    public var personal: Bool
    public var summary: String
}

public enum Placeholders {
    public static let builtIn: [String: BuiltInPlaceholder] = Dictionary(uniqueKeysWithValues: [
        BuiltInPlaceholder(name: "customer.first_name", max: 30, personal: false, summary: "the customer's first name"),
        BuiltInPlaceholder(name: "customer.last_name", max: 30, personal: false, summary: "the customer's last name"),
        BuiltInPlaceholder(name: "customer.handle", max: 16, personal: false, summary: "the customer's @handle on the platform"),
        BuiltInPlaceholder(name: "agent.first_name", max: 20, personal: false, summary: "the agent's first name"),
        BuiltInPlaceholder(name: "agent.full_name", max: 40, personal: false, summary: "the agent's full name, for the sign-off"),
        BuiltInPlaceholder(name: "dm_link", max: 60, personal: false, summary: "the channel's private-message deep link, built from `accounts:` in config"),
        BuiltInPlaceholder(name: "team.name", max: 40, personal: false, summary: "the team's name, from `team.name` in config"),
        BuiltInPlaceholder(name: "customer.email", max: 64, personal: true, summary: "the customer's email address"),
        BuiltInPlaceholder(name: "customer.phone", max: 20, personal: true, summary: "the customer's phone number"),
        BuiltInPlaceholder(name: "customer.address", max: 80, personal: true, summary: "the customer's postal address"),
        BuiltInPlaceholder(name: "order.number", max: 20, personal: true, summary: "an order number"),
        BuiltInPlaceholder(name: "account.number", max: 20, personal: true, summary: "an account number"),
        BuiltInPlaceholder(name: "case.number", max: 20, personal: true, summary: "a case or ticket number"),
    ].map { ($0.name, $0) })

    /// The longest value assumed for a placeholder nobody declared a `max` for.
    public static let defaultMax = 40

    /// Names whose values are links: on X they count as 23 whatever their length.
    public static func isLink(_ name: String) -> Bool {
        // The last non-empty dotted part (as `split(separator: ".").last`), found without splitting.
        var end = name.endIndex
        while end > name.startIndex, name.utf8[name.utf8.index(before: end)] == UInt8(ascii: ".") { end = name.utf8.index(before: end) }
        let start = name.utf8[..<end].lastIndex(of: UInt8(ascii: ".")).map { name.utf8.index(after: $0) } ?? name.startIndex
        let last = end == name.startIndex ? name : String(name[start..<end]).lowercased()
        return name == "dm_link" || last.hasSuffix("url") || last.hasSuffix("link")
    }

    /// What is known about `name` for `reply`: its front matter first, then config, then the built-ins.
    public static func declaration(of name: String, in reply: Reply?, configuration: Configuration) -> PlaceholderDeclaration? {
        let builtIn = builtIn[name]
        let declared = reply?.placeholders[name] ?? configuration.placeholders[name]
        guard declared != nil || builtIn != nil else { return nil }
        var result = declared ?? PlaceholderDeclaration(name: name)
        if result.max == nil { result.max = builtIn?.max }
        if builtIn?.personal == true { result.personal = true }
        return result
    }

    public static func isKnown(_ name: String, in reply: Reply?, configuration: Configuration) -> Bool {
        builtIn[name] != nil || reply?.placeholders[name] != nil || configuration.placeholders[name] != nil
    }

    public static func isPersonal(_ name: String, in reply: Reply?, configuration: Configuration) -> Bool {
        declaration(of: name, in: reply, configuration: configuration)?.personal == true
    }

    /// Every name a template can print, with its tag, resolving names used inside sections
    /// (`{{#order}}{{number}}{{/order}}` prints `order.number`).
    public static func uses(in template: ParsedTemplate) -> [(name: String, tag: TemplateTag, kind: ParsedTemplate.TagKind, enclosing: [String])] {
        uses(tags: template.tags())
    }

    /// The same from a template's tags, listed already.
    static func uses(tags: ParsedTemplate.Tags) -> [(name: String, tag: TemplateTag, kind: ParsedTemplate.TagKind, enclosing: [String])] {
        tags.compactMap { entry in
            switch entry.kind {
            case .comment, .partial: return nil
            case .variable, .section, .invertedSection:
                return (entry.tag.name, entry.tag, entry.kind, entry.enclosingSections)
            }
        }
    }

    /// Whether `name`, used inside `enclosing` sections, is known: directly, or relative to a section
    /// (`{{#order}}{{number}}{{/order}}` is `order.number`), or as `.` (the section's own value).
    public static func resolves(_ name: String, enclosing: [String], in reply: Reply?, configuration: Configuration) -> Bool {
        if name == "." || isKnown(name, in: reply, configuration: configuration) { return true }
        // Relative to an enclosing section: `{{#order}}{{number}}{{/order}}` is `order.number`.
        for depth in stride(from: enclosing.count, to: 0, by: -1) {
            let prefix = enclosing[0..<depth].joined(separator: ".")
            if isKnown(prefix + "." + name, in: reply, configuration: configuration) { return true }
        }
        // Inside a section over a declared (not built-in) list, names are the items' fields.
        if let section = enclosing.last, Placeholders.builtIn[section] == nil, isKnown(section, in: reply, configuration: configuration) {
            return true
        }
        return false
    }

    /// Every known name, for "did you mean" hints.
    public static func knownNames(in reply: Reply?, configuration: Configuration) -> Set<String> {
        Set(builtIn.keys).union(reply?.placeholders.keys ?? [:].keys).union(configuration.placeholders.keys)
    }
}
