// `replylint list`: the library's replies — ids, channels, titles — optionally searched.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    package struct List: ParsableCommand {
        package init() {}

        package static let configuration = CommandConfiguration(
            commandName: "list",
            _superCommandName: "replylint",
            abstract: "List the saved replies (id, channels, title), or those matching a search.",
            discussion: "QUERY matches words in a reply's id, title, FAQ id, tags or text, as the agents' page searches. Use an id with `replylint render`.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: ArgumentHelp("Words to search for.", valueName: "QUERY"))
        var query: [String] = []

        @Option(help: "Only replies written for this channel, e.g. x-reply.")
        var channel: String?

        @Option(help: "Only replies with this tag.")
        var tag: String?

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @OptionGroup var library: LibraryOptions

        package func run() throws {
            let loader = try library.loader()
            if let channel, loader.configuration.channels[channel] == nil {
                let known = loader.configuration.channels.keys
                throw LoadError("unknown channel '\(channel)'\(Channel.hint(for: channel, in: known)); channels: \(known.sorted().joined(separator: ", "))")
            }
            let loaded = try loader.load()
            let replies = ReplyIndex(replies: loaded.replies)
                .search(query: query.isEmpty ? nil : query.joined(separator: " "), channel: channel, tag: tag)
            switch format {
            case .json:
                let items: [JSONValue] = replies.map { reply in
                    .object([
                        ("id", .string(reply.id)), ("title", reply.title.map(JSONValue.string) ?? .null),
                        ("faq", reply.faq.map { .string($0.value) } ?? .null),
                        ("channels", .array(reply.channelIDs.map(JSONValue.string))), ("tags", .array(reply.tags.map(JSONValue.string))),
                        ("file", .string(reply.file)),
                    ])
                }
                print(JSONValue.object([("replies", .array(items)), ("count", .int(items.count))]).serialized(pretty: true))
            case .text:
                guard !replies.isEmpty else {
                    standardError("replylint: no reply matches\(query.isEmpty ? "" : " '\(query.joined(separator: " "))'")\(channel.map { " on \($0)" } ?? "")")
                    throw ExitCode(1)
                }
                let idWidth = replies.map(\.id.count).max() ?? 0
                let channelsWidth = replies.map { $0.channelIDs.joined(separator: ", ").count }.max() ?? 0
                for reply in replies {
                    let channels = reply.channelIDs.joined(separator: ", ")
                    print(reply.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0)
                        + channels.padding(toLength: channelsWidth + 2, withPad: " ", startingAt: 0)
                        + (reply.title ?? ""))
                }
            }
        }
    }
}
