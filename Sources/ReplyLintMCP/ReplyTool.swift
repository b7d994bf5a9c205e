// The three tools an assistant sees: what each is for, written for the model that decides when to
// call it, and the arguments it takes.

import MCP

public enum ReplyTool: String, CaseIterable, Sendable {
    case searchReplies = "search_replies"
    case renderReply = "render_reply"
    case lintText = "lint_text"

    static let searchLimit = (minimum: 1, maximum: 100, defaultValue: 20)

    var title: String {
        switch self {
        case .searchReplies: "Search saved replies"
        case .renderReply: "Render a saved reply"
        case .lintText: "Check a reply's text"
        }
    }

    var description: String {
        switch self {
        case .searchReplies:
            """
            Find the team's approved saved replies (canned responses) for a customer's question. Use it \
            first whenever you answer a customer on social media or in a private message: search with a \
            few words from their question and give the channel you are answering on, so only replies \
            written for that channel come back. Each result has the reply's id, title, the FAQ entry it \
            answers, its channels and tags, and the placeholders you must fill to render it (name, \
            whether it is required, an example value, the longest value that fits). Then call \
            render_reply with the id; do not copy or paraphrase a reply's template yourself. \
            Returns JSON {"replies": [{"id", "title", "faq", "channels", "tags", "placeholders": [{"name", "required", "example", "max"}]}], "count", "total"}; when total is more than count, narrow the search.
            """
        case .renderReply:
            """
            Fill in one saved reply for one customer on one channel and check the finished text. Never \
            send a saved reply without rendering it with this tool. It fills the placeholders from \
            `vars` (e.g. {"customer.first_name": "Ana", "agent.full_name": "Jordan Reyes"}), refuses \
            a channel the reply was not written for (a reply for a private message must never land in \
            a public comment), refuses when a required value is missing or blank and names each one, \
            and checks the result again for length and personal data. Returns JSON {"id", "channel", \
            "text", "length": {"value", "limit", "unit"}, "diagnostics": [{"rule", "severity", \
            "message", …}]}. Send `text` exactly as returned; if a diagnostic has severity "error", do \
            not send it: fix the values or choose another reply. An error result explains what to \
            change (an unknown id suggests the closest one).
            """
        case .lintText:
            """
            Check text you wrote or edited yourself, before you send it to a customer, against the \
            team's privacy, length and tone rules. Give the channel you will post on: on public \
            channels (x-reply, facebook-comment, instagram-comment, …) it flags asking the customer to \
            post personal data such as an account number, address or email, and it measures the \
            length the way that platform counts it. Use render_reply instead for saved replies. \
            Returns JSON {"channel", "length": {"value", "limit", "unit"} or null without a channel, \
            "diagnostics": [{"rule", "severity", "message", "line", "column", …}]}; fix every \
            diagnostic with severity "error" before sending. Text may contain {{placeholders}}; it is \
            then measured at its longest.
            """
        }
    }

    /// The arguments, with the channel ids this library knows named in the channel's description.
    func parameters(channels: [String]) -> [ToolParameter] {
        let known = "Known channels: " + channels.joined(separator: ", ") + "."
        switch self {
        case .searchReplies:
            return [
                .string("query", "Words from the customer's question; every word must match the reply's id, title, FAQ entry, tags or text. Leave it out to list all replies."),
                .string("channel", "Only replies written for this channel, e.g. x-reply for a public reply on X or x-dm for an X Direct Message. " + known),
                .string("tag", "Only replies with this tag, e.g. waste."),
                .integer(
                    "limit", minimum: Self.searchLimit.minimum, maximum: Self.searchLimit.maximum,
                    defaultValue: Self.searchLimit.defaultValue, "The most replies to return, best matches first."),
            ]
        case .renderReply:
            return [
                .string("id", required: true, minLength: 1, "The reply's id, as search_replies returns it, e.g. waste/missed-collection-public."),
                .string("channel", "The channel the reply will be sent on; it must be one the reply is written for. May be left out when the reply has exactly one channel. " + known),
                .object("vars", "Placeholder values, by dotted name ({\"customer.first_name\": \"Ana\", \"agent.full_name\": \"Jordan Reyes\"}) or nested ({\"customer\": {\"first_name\": \"Ana\"}}). Strings, or booleans and lists for optional sections. team.name and dm_link are filled in for you."),
            ]
        case .lintText:
            return [
                .string("text", required: true, minLength: 1, "The text to check, exactly as it would be sent."),
                .string("channel", "The channel the text will be sent on; without it, length and channel-specific privacy rules are not checked. " + known),
            ]
        }
    }

    var annotations: Tool.Annotations {
        switch self {
        // Rendering writes one row to the usage log, so it is not read-only, but it changes nothing a user sees.
        case .renderReply: Tool.Annotations(title: title, readOnlyHint: false, destructiveHint: false, openWorldHint: false)
        default: Tool.Annotations(title: title, readOnlyHint: true, openWorldHint: false)
        }
    }

    func tool(channels: [String]) -> Tool {
        Tool(name: rawValue, title: title, description: description, inputSchema: inputSchema(parameters(channels: channels)), annotations: annotations)
    }
}
