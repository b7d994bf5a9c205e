// reply-id-duplicate: two replies with the same id, so agents and suppressions reach only one of them.

public struct ReplyIDDuplicateRule: Rule {
    public static let description = RuleDescription(
        id: "reply-id-duplicate", severity: .error, category: .library,
        summary: "Two replies have the same id (a file's path and another reply's `id:`, or two items of a YAML collection).",
        rationale: """
            Agents, the API and suppressions find a reply by its id. With two replies under one id, one of them \
            can never be rendered, and which one an agent gets depends on the order files happen to load. \
            Each reply is reported, naming the other, and `render` refuses the id until one is renamed.
            """,
        triggering: [
            Example(replies: [
                "---\n↓id: bins/missed\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, sorry we missed your bin.",
                "---\n↓id: bins/missed\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, please send us your address.",
            ]),
        ],
        nonTriggering: [
            Example(replies: [
                "---\nid: bins/missed-public\nfaq: missed-collection\nchannels: [x-reply]\n---\nHi {{customer.first_name}}, sorry we missed your bin.",
                "---\nid: bins/missed-dm\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, please send us your address.",
            ]),
        ])

    public init() {}

    public func checkLibrary(in context: LintContext) -> [Finding] {
        // Ids counted first, by index, and only the replies of a shared id gathered: grouping the replies copied
        // every one of them.
        let all = context.library.replies
        var counts: [String: Int] = [:]
        for index in all.indices { counts[all[index].id, default: 0] += 1 }
        var groups: [String: [Reply]] = [:]
        for index in all.indices where counts[all[index].id]! > 1 { groups[all[index].id, default: []].append(all[index]) }
        var findings: [Finding] = []
        for (id, replies) in groups {
            for reply in replies where context.reports(reply.file, rule: Self.description.id) {
                let others = replies.filter { $0.file != reply.file || $0.position != reply.position }
                    .map { $0.file == reply.file ? "line \($0.position.line) of this file" : $0.file }
                findings.append(Self.finding(
                    "another reply has the id '\(id)' (\(others.joined(separator: ", "))); agents can render only one of them: give each its own `id:`",
                    in: reply, at: reply.idPosition ?? reply.position))
            }
        }
        return findings
    }
}
