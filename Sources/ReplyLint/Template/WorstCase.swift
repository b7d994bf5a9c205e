// The longest text a template can render to: every placeholder at its maximum, every optional section present.

import Foundation

public struct WorstCaseText: Sendable, Hashable {
    /// The text with each placeholder replaced by a filler of its maximum length (links by a link).
    public var text: String
    /// The placeholders that were filled, with the length assumed for each, longest first.
    public var placeholders: [(name: String, max: Int)]

    public static func == (lhs: WorstCaseText, rhs: WorstCaseText) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

public enum WorstCase {
    /// The worst case of `reply` on `channel`. Sections render once; where a section and its inverse
    /// stand side by side (`{{#x}}A{{/x}}{{^x}}B{{/x}}`) only the longer counts, since only one can print.
    /// A partial that includes itself is expanded once.
    public static func text(of reply: Reply, channel: Channel, library: Library) -> WorstCaseText {
        var state = State(reply: reply, channel: channel, library: library)
        var output = ""
        state.walk(reply.template.nodes, into: &output, partialStack: [])
        let placeholders = state.filled.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (name: $0.key, max: $0.value) }
        return WorstCaseText(text: output, placeholders: placeholders)
    }

    private struct State {
        let reply: Reply
        let channel: Channel
        let library: Library
        var filled: [String: Int] = [:]

        mutating func walk(_ nodes: [TemplateNode], into output: inout String, partialStack: [String]) {
            var index = 0
            while index < nodes.count {
                let node = nodes[index]
                switch node {
                case .text(let text):
                    output += text
                case .comment:
                    break
                case .variable(let tag):
                    output += filler(for: tag.name)
                case .section(let tag, let inverted, let children):
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
                    guard !partialStack.contains(tag.name), let partial = library.partials[tag.name] else { break }
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

        mutating func filler(for name: String) -> String {
            if name == "dm_link", let link = DMLink.link(for: channel, configuration: library.configuration) {
                filled[name] = link.unicodeScalars.count
                return link
            }
            if name == "team.name", let team = library.configuration.teamName {
                filled[name] = team.unicodeScalars.count
                return team
            }
            let max = Placeholders.declaration(of: name, in: reply, configuration: library.configuration)?.max ?? Placeholders.defaultMax
            filled[name] = max
            if Placeholders.isLink(name) {
                let base = "https://example.com/"
                return base + String(repeating: "x", count: Swift.max(0, max - base.count))
            }
            return String(repeating: "x", count: max)
        }
    }
}

/// The `{{dm_link}}` of a channel: its own private-message link, or for a public channel the link
/// of the private channel it routes to, with the account id from config.
public enum DMLink {
    public static func link(for channel: Channel, configuration: Configuration) -> String? {
        let target = channel.dmLinkTemplate != nil ? channel : channel.privateRoute.flatMap { configuration.channels[$0] }
        guard let target, let template = target.dmLinkTemplate else { return nil }
        guard template.contains("{account}") else { return template }
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
