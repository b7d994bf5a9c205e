// Rendering a saved reply for one customer and one channel: values, refusals, and the checks
// that run again on the real text.

public struct RenderedReply: Sendable {
    public var id: String
    public var channel: Channel
    public var text: String
    public var length: Length
    public var diagnostics: [Finding]
}

/// Why a reply was not rendered. The CLI exits 2 and the HTTP API answers 404 or 422.
public enum ReplyRenderError: Error, Sendable, Hashable, CustomStringConvertible {
    case replyNotFound(String, suggestion: String?)
    /// Several replies share the id (`reply-id-duplicate`): which one was meant cannot be known.
    case ambiguousID(String, files: [String])
    /// The reply has several channels and none was chosen.
    case channelRequired(reply: String, channels: [String])
    /// The channel is not one the reply declares: a private reply must not reach a public channel by accident.
    case channelNotDeclared(reply: String, channel: String, declared: [String])
    /// The reply itself does not parse (front matter or template).
    case replyBroken(reply: String, reason: String)
    /// Required values missing, empty or only spaces, by name; `hints` says where a value comes from
    /// when the caller cannot give it (`dm_link` needs an account id in config).
    case missingValues(reply: String, names: [String], hints: [String: String] = [:])
    /// The output would carry an unfilled tag, a fill-in marker or an empty greeting.
    case unsafeOutput(reply: String, reason: String)

    public var description: String {
        switch self {
        case .replyNotFound(let id, let suggestion):
            return "no reply with id '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .ambiguousID(let id, let files):
            return "\(files.count) replies have the id '\(id)' (\(files.joined(separator: ", "))); give each its own `id:` before rendering it"
        case .channelRequired(let reply, let channels):
            return "reply '\(reply)' is written for \(channels.joined(separator: ", ")); choose one of them as the channel"
        case .channelNotDeclared(let reply, let channel, let declared):
            return "reply '\(reply)' is not written for channel '\(channel)'\(Channel.hint(for: channel, in: declared)) (it is for \(declared.joined(separator: ", "))); rendering it there is refused"
        case .replyBroken(let reply, let reason):
            return "reply '\(reply)' cannot be rendered: \(reason)"
        case .missingValues(let reply, let names, let hints):
            let listed = names.map { name in hints[name].map { "\(name) (\($0))" } ?? name }
            return "reply '\(reply)' needs a value for \(listed.joined(separator: ", "))"
        case .unsafeOutput(let reply, let reason):
            return "reply '\(reply)' was not rendered: \(reason)"
        }
    }

    /// The HTTP status the API answers with.
    public var httpStatus: Int {
        switch self {
        case .replyNotFound: 404
        default: 422
        }
    }
}

public struct ReplyRenderer: Sendable {
    public let library: Library
    private let templates: TemplateRenderer
    private let repliesByID: [String: Reply]
    /// Ids more than one reply has, with their files.
    private let sharedIDs: [String: [String]]
    /// The checks that run again on the real text: rendering's one door to the rules.
    private let checks: RenderedTextChecks

    public init(library: Library, checks: RenderedTextChecks? = nil) {
        self.library = library
        self.checks = checks ?? RenderedTextChecks(library: library)
        self.templates = TemplateRenderer(partials: library.partials, strict: true, limits: library.configuration.limits)
        var byID: [String: Reply] = [:]
        var files: [String: [String]] = [:]
        for reply in library.replies {
            if byID[reply.id] == nil { byID[reply.id] = reply }
            files[reply.id, default: []].append(reply.file)
        }
        self.repliesByID = byID
        self.sharedIDs = files.filter { $0.value.count > 1 }
    }

    public func reply(_ id: String) -> Reply? { repliesByID[id] }

    /// Renders reply `id` for `channelID` (optional when the reply has one channel) with `values`,
    /// an object of placeholder values (`{"customer": {"first_name": "Ana"}}`).
    public func render(id: String, channel channelID: String?, values: TemplateValue) throws(ReplyRenderError) -> RenderedReply {
        guard let reply = repliesByID[id] else {
            throw .replyNotFound(id, suggestion: Suggestion.closest(to: id, in: repliesByID.keys))
        }
        if let files = sharedIDs[id] { throw .ambiguousID(id, files: files) }
        if let problem = reply.problems.first(where: { $0.kind == .syntax || $0.kind == .limit }) {
            throw .replyBroken(reply: id, reason: "\(reply.file):\(problem.position.line): \(problem.message)")
        }
        if let problem = reply.template.problems.first {
            let at = reply.filePosition(ofBody: problem.start)
            throw .replyBroken(reply: id, reason: "\(reply.file):\(at.line):\(at.column): \(problem.message)")
        }
        let declared = reply.channelIDs
        if declared.isEmpty {
            throw .replyBroken(reply: id, reason: "it names no channel; add `channels:` to its front matter")
        }
        let chosen: String
        if let channelID {
            guard declared.contains(channelID) else { throw .channelNotDeclared(reply: id, channel: channelID, declared: declared) }
            chosen = channelID
        } else {
            guard declared.count == 1 else { throw .channelRequired(reply: id, channels: declared) }
            chosen = declared[0]
        }
        guard let channel = library.configuration.channels[chosen] else {
            throw .replyBroken(reply: id, reason: "channel '\(chosen)' is not a known channel")
        }

        if let reason = refusal(of: values, channel: channel) { throw .unsafeOutput(reply: id, reason: reason) }
        let context = self.context(for: reply, channel: channel, values: values)
        let missing = missingValues(reply: reply, channel: channel, context: context)
        if !missing.isEmpty {
            throw .missingValues(reply: id, names: missing.map(\.name), hints: Dictionary(missing.compactMap { entry in entry.hint.map { (entry.name, $0) } }) { a, _ in a })
        }

        let text: String
        do {
            text = try templates.render(reply.template, context: context)
        } catch {
            // A value that is not text is the caller's to fix; anything else is the reply's.
            if case .notText = error { throw .unsafeOutput(reply: id, reason: error.description) }
            throw .replyBroken(reply: id, reason: error.description)
        }
        let trimmed = Lines.trimmingBlankLines(text)
        if let reason = Self.unsafeReason(in: trimmed) { throw .unsafeOutput(reply: id, reason: reason) }

        let checked = checks.check(RenderedText(reply: reply, channel: channel, text: trimmed))
        // Asking for a password or a PIN must not reach anyone, even by an agent who ignores the exit status.
        if let refusal = checked.refusal { throw .unsafeOutput(reply: id, reason: refusal) }
        return RenderedReply(id: id, channel: channel, text: trimmed, length: checked.length, diagnostics: checked.findings)
    }

    /// The names a caller may fill for `reply` on `channelID` (its first channel when nil), in the
    /// order the template uses them, then declared-only names: what the web page and MCP tools offer.
    public func placeholders(of reply: Reply, channel channelID: String? = nil) -> [PlaceholderInfo] {
        var order: [String] = []
        var guardedNames = Set<String>()
        var visited = Set<String>()
        visitVariables(in: reply.template, visited: &visited) { name, enclosing in
            if !order.contains(name) { order.append(name) }
            if enclosing.contains(where: { $0 == name || name.hasPrefix($0 + ".") }) { guardedNames.insert(name) }
        }
        for name in reply.placeholders.keys.sorted() where !order.contains(name) { order.append(name) }
        let channel = (channelID ?? reply.channelIDs.first).flatMap { library.configuration.channels[$0] }
        let filled: TemplateValue
        let missing: Set<String>
        if let channel {
            filled = context(for: reply, channel: channel, values: .object([:]))
            missing = Set(missingValues(reply: reply, channel: channel, context: filled).map(\.name))
        } else {
            filled = .object([:])
            missing = Set(order.filter { !guardedNames.contains($0) })
        }
        return order.map { name in
            let declaration = Placeholders.declaration(of: name, in: reply, configuration: library.configuration)
            var provided = false
            if let value = filled.value(at: name), value != .null {
                if case .string(let text) = value { provided = !text.allSatisfy(\.isWhitespace) } else { provided = true }
            }
            return PlaceholderInfo(
                name: name, required: missing.contains(name) || declaration?.required == true, provided: provided,
                example: declaration?.example, max: declaration?.max, personal: declaration?.personal == true)
        }
    }

    /// The longest value accepted for one placeholder: far beyond any name or address, and short enough
    /// that the checks after filling stay quick.
    public static let maximumValueLength = 2_000

    /// Why the caller's values cannot be used, if they cannot: a value for a name config fills (the DM
    /// link must point at the team's own account), a control character, or a value longer than any name.
    func refusal(of values: TemplateValue, channel: Channel) -> String? {
        var configured: [String] = []
        if library.configuration.teamName != nil { configured.append("team.name") }
        if DMLink.link(for: channel, configuration: library.configuration) != nil { configured.append("dm_link") }
        for name in configured where values.value(at: name) != nil {
            return "\(name) comes from replylint.yml and cannot be given as a value; leave it out"
        }
        var problem: String?
        func visit(_ value: TemplateValue, _ path: String) {
            guard problem == nil else { return }
            switch value {
            case .string(let text):
                // Only spaces and tabs is a blank value: missing, and named as such below.
                if !text.allSatisfy(\.isWhitespace), let scalar = text.unicodeScalars.first(where: TemplateValue.isControlCharacter) {
                    let what = scalar == "\n" || scalar == "\r" || scalar.value == 0x2028 || scalar.value == 0x2029 ? "a line break" : "a control character"
                    problem = "the value for \(path) holds \(what); send one line of plain text"
                } else if text.unicodeScalars.count > Self.maximumValueLength {
                    problem = "the value for \(path) is \(text.unicodeScalars.count) characters; values are limited to \(Self.maximumValueLength)"
                }
            case .list(let items): for item in items { visit(item, path) }
            case .object(let members): for key in members.keys.sorted() { visit(members[key]!, path.isEmpty ? key : path + "." + key) }
            default: break
            }
        }
        visit(values, "")
        return problem
    }

    /// Values in order of precedence, lowest first: built-ins from config (`team.name`, `dm_link`),
    /// declared defaults, then the caller's values; then declared fallbacks for what is still missing or blank.
    func context(for reply: Reply, channel: Channel, values: TemplateValue) -> TemplateValue {
        var context = TemplateValue.object([:])
        if let team = library.configuration.teamName { context.set(.string(team), at: "team.name") }
        if let link = DMLink.link(for: channel, configuration: library.configuration) { context.set(.string(link), at: "dm_link") }
        let declarations = library.configuration.placeholders.merging(reply.placeholders) { _, reply in reply }
        for (name, declaration) in declarations {
            if let value = declaration.defaultValue { context.set(.string(value), at: name) }
        }
        if case .object(let members) = values {
            for (key, value) in members { context.set(TemplateValue.merging(context[key], value), at: key) }
        }
        // A fallback stands in for a value that is missing, empty or only spaces, as in the helpdesk tools.
        for (name, declaration) in declarations {
            guard let fallback = declaration.fallback else { continue }
            switch context.value(at: name) {
            case nil, .null?: context.set(.string(fallback), at: name)
            case .string(let text)? where text.allSatisfy(\.isWhitespace): context.set(.string(fallback), at: name)
            default: break
            }
        }
        return context
    }

    /// Names that would print empty: every name declared `required: true`, and every name printed
    /// outside a section for it (so "Hi {{customer.first_name}}," never goes out as "Hi ,") unless it
    /// has a default or is declared `required: false`.
    func missingValues(reply: Reply, channel: Channel, context: TemplateValue) -> [(name: String, hint: String?)] {
        var required: [String] = []
        func consider(_ name: String, guarded: Bool) {
            let declaration = reply.placeholders[name] ?? library.configuration.placeholders[name]
            let isRequired = declaration?.required ?? !guarded
            if isRequired, !required.contains(name) { required.append(name) }
        }
        for name in reply.placeholders.keys.sorted() where reply.placeholders[name]?.required == true { consider(name, guarded: true) }
        var visited = Set<String>()
        visitVariables(in: reply.template, visited: &visited) { name, enclosing in
            consider(name, guarded: enclosing.contains { $0 == name || name.hasPrefix($0 + ".") })
        }
        return required.compactMap { name in
            if let value = context.value(at: name), value != .null {
                guard case .string(let text) = value, text.allSatisfy(\.isWhitespace) else { return nil }
            }
            if name == "dm_link" { return (name, DMLink.missingHint(for: channel, configuration: library.configuration)) }
            if name == "team.name" { return (name, "set `team: {name: …}` in replylint.yml") }
            return (name, nil)
        }
    }

    /// Each variable tag in the template and the partials it includes, with its enclosing section names.
    /// Each partial is visited once, however often it is included: partials that include each other
    /// three times over would otherwise be visited 3^depth times.
    private func visitVariables(in template: ParsedTemplate, visited: inout Set<String>, _ visit: (String, [String]) -> Void) {
        for entry in template.tags() {
            switch entry.kind {
            case .variable where entry.tag.name != ".":
                // Inside a section, a plain name may be a field of the section's value; only top-level names are checked.
                if entry.enclosingSections.isEmpty || entry.tag.name.contains(".") || Placeholders.builtIn[entry.tag.name] != nil {
                    visit(entry.tag.name, entry.enclosingSections)
                }
            case .partial where entry.enclosingSections.isEmpty:
                if let partial = library.partials[entry.tag.name], visited.insert(entry.tag.name).inserted {
                    visitVariables(in: partial.template, visited: &visited, visit)
                }
            default:
                break
            }
        }
    }

    /// Whatever must never reach a customer: a leftover tag, a fill-in marker, an empty greeting.
    static func unsafeReason(in text: String) -> String? {
        if text.containsBytes("{{") || text.containsBytes("}}") { return "the output still holds '{{' or '}}' (a value contains template braces)" }
        if let marker = FillInMarkers.first(in: text) { return "the output holds the fill-in marker '\(marker.text)'" }
        if let greeting = FillInMarkers.emptyGreeting(in: text) { return "the output starts with an empty greeting '\(greeting)'" }
        if text.allSatisfy(\.isWhitespace) { return "the output is empty" }
        return nil
    }
}

/// One name a caller may fill in a reply, for forms and tool schemas.
public struct PlaceholderInfo: Sendable, Hashable {
    public var name: String
    /// Rendering is refused without a value for it.
    public var required: Bool
    /// Filled without the caller: a built-in from config (`team.name`, `dm_link`) or a declared default.
    public var provided: Bool
    public var example: String?
    public var max: Int?
    /// Holds personal data (`customer.email`, or declared `personal: true`).
    public var personal: Bool
}
