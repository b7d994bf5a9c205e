// The longest text a template can render to: every placeholder at its maximum, every optional section present.

import Foundation

public struct WorstCaseText: Sendable, Hashable {
    /// The text with each placeholder replaced by a filler of its maximum length (links by a link).
    public var text: String
    /// The placeholders that were filled, with the length assumed for each, longest first.
    public var placeholders: [(name: String, max: Int)]
    /// Set when the expansion stopped at a limit: `text` is then unfinished and must not be measured.
    public var breach: ExpansionBreach?

    public static func == (lhs: WorstCaseText, rhs: WorstCaseText) -> Bool { lhs.text == rhs.text && lhs.breach == rhs.breach }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// Why a template's worst case could not be expanded: it is larger than `limits.expansion`, its partials
/// nest deeper than `limits.partial-depth`, or a partial includes itself (with every section present, as
/// the worst case assumes, that never ends).
public struct ExpansionBreach: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case size, depth, recursion }
    public var kind: Kind
    /// The partials being expanded when it happened, outermost first (for recursion, ending with the one repeated).
    public var partials: [String]
    /// The tag of the template itself that led there (`{{> p0}}`), when it was a tag.
    public var tag: TemplateTag?

    /// "partials include each other in a loop (a → b → a)", for findings and render refusals.
    public func describe(_ limits: Limits) -> String {
        let chain = partials.joined(separator: " → ")
        switch kind {
        case .size:
            return "it can expand to more than \(limits.describe("expansion"))" + (partials.isEmpty ? "" : " through the partials \(chain)")
        case .depth:
            return "its partials nest more than \(limits.describe("partial-depth")) deep (\(chain))"
        case .recursion:
            return "partials include each other in a loop (\(chain)), which never ends when every section is present"
        }
    }
}

public enum WorstCase {
    /// The worst case of `reply` on `channel`. Sections render once; where a section and its inverse
    /// stand side by side (`{{#x}}A{{/x}}{{^x}}B{{/x}}`) only the longer counts, since only one can print.
    /// Bounded by the library's limits: it never builds more than `limits.expansion` characters (each
    /// tag visited counts as one), and stops at a partial deeper than `limits.partial-depth` or one that
    /// includes itself; `breach` then says why. Placeholder maxima are taken up to `limits.placeholder-max`.
    public static func text(of reply: Reply, channel: Channel, library: Library) -> WorstCaseText {
        text(of: reply.template, reply: reply, channel: channel, library: library)
    }

    /// The worst case of any template (a reply's, or a partial's on its own: `within` its own name) in `library`.
    public static func text(of template: ParsedTemplate, reply: Reply?, channel: Channel, library: Library, within partials: [String] = []) -> WorstCaseText {
        var state = State(reply: reply, channel: channel, library: library, limits: library.configuration.limits)
        var output = ""
        state.walk(template.nodes, into: &output, partialStack: partials)
        let placeholders = state.filled.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (name: $0.key, max: $0.value) }
        return WorstCaseText(text: output, placeholders: placeholders, breach: state.breach)
    }

    private struct State {
        let reply: Reply?
        let channel: Channel
        let library: Library
        let limits: Limits
        var filled: [String: Int] = [:]
        /// Characters (and tags) still allowed before `limits.expansion` is reached.
        var budget: Int
        var breach: ExpansionBreach?
        /// The tag of the template itself being expanded, for the breach's position.
        var topTag: TemplateTag?
        /// How many partials were open when the walk began (a partial walked on its own starts within itself).
        var baseDepth: Int?

        init(reply: Reply?, channel: Channel, library: Library, limits: Limits) {
            self.reply = reply
            self.channel = channel
            self.library = library
            self.limits = limits
            budget = limits.expansion
        }

        /// Takes `cost` from the budget; false (and a breach) when it runs out.
        mutating func spend(_ cost: Int, _ partialStack: [String]) -> Bool {
            guard breach == nil else { return false }
            budget -= cost
            if budget < 0 {
                breach = ExpansionBreach(kind: .size, partials: partialStack, tag: topTag)
                return false
            }
            return true
        }

        mutating func walk(_ nodes: [TemplateNode], into output: inout String, partialStack: [String]) {
            var index = 0
            while index < nodes.count, breach == nil {
                let node = nodes[index]
                if baseDepth == nil { baseDepth = partialStack.count }
                if partialStack.count == baseDepth {
                    switch node {
                    case .variable(let tag), .partial(let tag, _), .section(let tag, _, _): topTag = tag
                    case .text, .comment: break
                    }
                }
                switch node {
                case .text(let text):
                    guard spend(1 + text.unicodeScalars.count, partialStack) else { return }
                    output += text
                case .comment:
                    break
                case .variable(let tag):
                    guard let text = filler(for: tag.name, partialStack: partialStack) else { return }
                    output += text
                case .section(let tag, let inverted, let children):
                    guard spend(1, partialStack) else { return }
                    // A section followed (across blank text only) by its inverse: keep the longer branch.
                    if !inverted, let partner = inverse(of: tag.name, after: index, in: nodes) {
                        var first = ""
                        var second = ""
                        walk(children, into: &first, partialStack: partialStack)
                        if case .section(_, _, let otherChildren) = nodes[partner] {
                            walk(otherChildren, into: &second, partialStack: partialStack)
                        }
                        for skipped in (index + 1)..<partner { if case .text(let text) = nodes[skipped] { output += text } }
                        output += first.unicodeScalars.count >= second.unicodeScalars.count ? first : second
                        index = partner + 1
                        continue
                    }
                    walk(children, into: &output, partialStack: partialStack)
                case .partial(let tag, let indentation):
                    guard let partial = library.partials[tag.name] else { break }
                    if partialStack.contains(tag.name) {
                        breach = ExpansionBreach(kind: .recursion, partials: partialStack + [tag.name], tag: topTag)
                        return
                    }
                    if partialStack.count >= limits.partialDepth {
                        breach = ExpansionBreach(kind: .depth, partials: partialStack + [tag.name], tag: topTag)
                        return
                    }
                    // An indented partial is parsed again with its indentation: that work counts too.
                    guard spend(1 + (indentation.isEmpty ? 0 : partial.text.utf8.count), partialStack) else { return }
                    let template = indentation.isEmpty ? partial.template : ParsedTemplate(parsing: TemplateRenderer.indent(partial.text, with: indentation))
                    walk(template.nodes, into: &output, partialStack: partialStack + [tag.name])
                }
                index += 1
            }
        }

        func inverse(of name: String, after index: Int, in nodes: [TemplateNode]) -> Int? {
            var next = index + 1
            while next < nodes.count {
                switch nodes[next] {
                case .text(let text) where text.isBlankLine: next += 1
                case .comment: next += 1
                case .section(let tag, true, _) where tag.name == name: return next
                default: return nil
                }
            }
            return nil
        }

        /// The filler for `name`, or nil (and a breach) when it would go past the budget.
        mutating func filler(for name: String, partialStack: [String]) -> String? {
            if name == "dm_link", let link = DMLink.link(for: channel, configuration: library.configuration) {
                filled[name] = link.unicodeScalars.count
                return spend(1 + link.unicodeScalars.count, partialStack) ? link : nil
            }
            if name == "team.name", let team = library.configuration.teamName {
                filled[name] = team.unicodeScalars.count
                return spend(1 + team.unicodeScalars.count, partialStack) ? team : nil
            }
            let declared = Placeholders.declaration(of: name, in: reply, configuration: library.configuration)?.max ?? Placeholders.defaultMax
            // A larger `max:` is reported by limit-exceeded; the worst case takes the limit.
            let max = Swift.min(Swift.max(0, declared), limits.placeholderMax)
            filled[name] = max
            guard spend(1 + max, partialStack) else { return nil }
            if Placeholders.isLink(name) {
                let base = "https://example.com/"
                return base + Self.exes(Swift.max(0, max - base.count))
            }
            return Self.exes(max)
        }

        /// `count` x's, written in one go: `String(repeating:count:)` appended them one by one, 1 % of a lint.
        static func exes(_ count: Int) -> String {
            String(unsafeUninitializedCapacity: count) { buffer in
                buffer.initialize(repeating: UInt8(ascii: "x"))
                return count
            }
        }
    }
}

/// The `{{dm_link}}` of a channel: its own private-message link, or for a public channel the link
/// of the private channel it routes to, with the account id from config.
public enum DMLink {
    public static func link(for channel: Channel, configuration: Configuration) -> String? {
        let target = channel.dmLinkTemplate != nil ? channel : channel.privateRoute.flatMap { configuration.channels[$0] }
        guard let target, let template = target.dmLinkTemplate else { return nil }
        // By bytes: Foundation's `contains` on Linux went through CFString for every reply with a link.
        guard template.containsBytes("{account}") else { return template }
        guard let key = target.accountKey, let account = configuration.accounts[key] else { return nil }
        // Foundation's replacement is costly on Linux and this runs for every reply with a link:
        // an ASCII template is replaced byte by byte, with the same result.
        if template.utf8.allSatisfy({ $0 < 0x80 }) { return Self.replacing("{account}", with: account, in: template) }
        return template.replacingOccurrences(of: "{account}", with: account)
    }

    /// `text` with each occurrence of `target` (left to right, not overlapping) replaced by `replacement`.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let bytes = Array(text.utf8)
        let pattern = Array(target.utf8)
        guard !pattern.isEmpty else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + replacement.utf8.count)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// What to tell a user whose channel has no link: which `accounts:` key to set.
    public static func missingHint(for channel: Channel, configuration: Configuration) -> String {
        let target = channel.dmLinkTemplate != nil ? channel : channel.privateRoute.flatMap { configuration.channels[$0] }
        if let key = target?.accountKey {
            return "set `accounts: {\(key): <account id>}` in replylint.yml"
        }
        return "channel '\(channel.id)' has no private-message link; set `dm-link` for it under `channels:` in replylint.yml"
    }
}
