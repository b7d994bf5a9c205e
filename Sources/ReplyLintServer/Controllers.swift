// The API's resources: health, channels, replies (list, one, render) and ad-hoc lint.

import Foundation
import HTTPTypes
import Hummingbird
import ReplyLint

struct HealthController {
    let store: LibraryStore
    let recorder: UsageRecorder?

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("healthz") { _, _ in
            // Always 200 while the process answers: a failed reload still serves the previous library.
            let snapshot = store.snapshot
            let error = store.reloadError
            // Degraded too while the served library holds files or replies it could not read within its
            // limits (a link out of it, a 10 GB file, partials that fan out): the rest is served, and the
            // first few are named so whoever maintains the library can see what to fix.
            let unread = snapshot.unread
            return Response.json(.object([
                ("status", .string(error == nil && unread.isEmpty ? "ok" : "degraded")),
                ("replies", .int(snapshot.index.count)),
                ("policies", .int(snapshot.library.policies.count)),
                ("generation", .int(snapshot.generation)),
                ("loadedAt", .string(UsageLog.timestamp(snapshot.loadedAt))),
                ("reloadError", error.map(JSONValue.string) ?? .null),
                ("unreadCount", .int(unread.count)),
                ("unread", .array(unread.prefix(10).map { finding in
                    .string("\(finding.file)\(finding.range.map { ":\($0.start.line)" } ?? ""): \(finding.message) (\(finding.ruleID))")
                })),
                // Renders never wait for the log: while it cannot be written they are kept (up to usage.buffer)
                // and the status stays "ok"; `dropped` counts renders lost because the buffer was full.
                ("usageLog", recorder.map { recorder in
                    let status = recorder.status
                    return .object([
                        ("backend", .string(recorder.log.backend)),
                        ("state", .string(status.failing ? "buffering" : "ok")),
                        ("buffered", .int(status.buffered)),
                        ("dropped", .int(status.dropped)),
                        ("error", status.error.map(JSONValue.string) ?? .null),
                    ])
                } ?? .null),
            ]))
        }
    }
}

struct ChannelsController {
    let store: LibraryStore

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("channels") { _, _ in
            let channels = store.snapshot.library.configuration.channels.values.sorted { $0.id < $1.id }
            return Response.json(.object([("channels", .array(channels.map(Self.json)))]))
        }
    }

    static func json(_ channel: Channel) -> JSONValue {
        .object([
            ("id", .string(channel.id)),
            ("platform", .string(channel.platform)),
            ("visibility", .string(channel.isPublic ? "public" : "private")),
            ("limit", channel.limit.map(JSONValue.int) ?? .null),
            ("unit", .string(channel.unit.rawValue)),
        ])
    }
}

struct RepliesController {
    let state: ServerState

    /// Fields of a render request body.
    static let renderFields = ["channel", "vars", "record", "override"]

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("replies") { request, _ in try list(request) }
        // Ids hold slashes (`waste/missed-collection-public`), so the id is the rest of the path.
        group.get("replies/**") { _, context in
            let components = context.parameters.getCatchAll()
            if components.last == "render", components.count > 1, state.store.snapshot.renderer.reply(try Self.id(components)) == nil {
                throw APIError(.methodNotAllowed, "rendering takes POST /v1/replies/{id}/render with a JSON body; GET /v1/replies/{id} reads the reply",
                               headers: [.allow: "POST"])
            }
            return try show(id: try Self.id(components))
        }
        group.post("replies/**") { request, context in
            var components = context.parameters.getCatchAll()
            guard components.last == "render" else {
                throw APIError(.notFound, "POST is for /v1/replies/{id}/render; to read a reply use GET /v1/replies/{id}")
            }
            components.removeLast()
            return try await render(id: try Self.id(components), request: request)
        }
    }

    static func id(_ components: [Substring]) throws -> String {
        let id = components.map { $0.removingPercentEncoding ?? String($0) }.joined(separator: "/")
        guard !id.isEmpty else { throw APIError(.notFound, "no reply id in the path; use /v1/replies/{id}") }
        return id
    }

    func list(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        let snapshot = state.store.snapshot
        var limit: Int?
        if let text = query["limit"] {
            guard let value = Int(text), value > 0 else { throw APIError(.badRequest, "'limit' must be a whole number above 0") }
            limit = value
        }
        let channel = query["channel"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let channel, snapshot.library.configuration.channels[channel] == nil {
            throw APIError(.badRequest, "unknown channel '\(channel)'\(Channel.hint(for: channel, in: snapshot.library.configuration.channels.keys))")
        }
        let tag = query["tag"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let matches = snapshot.index.search(query: query["q"].map(String.init), channel: channel, tag: tag)
        let replies = limit.map { Array(matches.prefix($0)) } ?? matches
        // Each item says how many errors `replylint lint` finds in the reply, so the page can mark it.
        let items = replies.map { reply in
            JSONValue.object(Self.summaryFields(reply) + [
                ("errors", .int(snapshot.findingsByReply[reply.id]?.count { $0.severity == .error } ?? 0)),
            ])
        }
        return .json(.object([
            ("replies", .array(items)),
            ("count", .int(replies.count)),
            ("total", .int(matches.count)),
        ]))
    }

    static func summaryFields(_ reply: Reply) -> [(String, JSONValue)] {
        [
            ("id", .string(reply.id)),
            ("title", reply.title.map(JSONValue.string) ?? .null),
            ("faq", reply.faq.map { .string($0.value) } ?? .null),
            ("channels", .array(reply.channelIDs.map(JSONValue.string))),
            ("tags", .array(reply.tags.map(JSONValue.string))),
        ]
    }

    func show(id: String) throws -> Response {
        let snapshot = state.store.snapshot
        guard let reply = snapshot.renderer.reply(id) else { throw Self.notFound(id, in: snapshot) }
        let placeholders = snapshot.renderer.placeholders(of: reply).map { info -> JSONValue in
            .object([
                ("name", .string(info.name)), ("required", .bool(info.required)), ("provided", .bool(info.provided)),
                ("example", info.example.map(JSONValue.string) ?? .null), ("max", info.max.map(JSONValue.int) ?? .null),
                ("personal", .bool(info.personal)),
            ])
        }
        return .json(.object(Self.summaryFields(reply) + [
            ("locale", .string(reply.locale ?? snapshot.library.configuration.locale)),
            ("file", .string(reply.file)),
            ("template", .string(reply.body)),
            ("placeholders", .array(placeholders)),
            ("diagnostics", .array((snapshot.findingsByReply[id] ?? []).map(JSONReporter.diagnostic))),
        ]))
    }

    func render(id: String, request: Request) async throws -> Response {
        let body = try await JSONBody.read(request, limit: state.settings.maxBodyBytes, allowed: Self.renderFields)
        let channel = try JSONBody.string(body, "channel")
        let record: Bool
        switch body["record"] {
        case nil, .null?: record = true
        case .bool(let flag)?: record = flag
        default: throw APIError(.badRequest, "'record' must be true or false (false: a preview, not recorded in the usage log)")
        }
        let override: Bool
        switch body["override"] {
        case nil, .null?: override = false
        case .bool(let flag)?: override = flag
        default: throw APIError(.badRequest, "'override' must be true or false (true: the text is used although it has an error finding)")
        }
        if override, !record {
            throw APIError(.badRequest, "'override' marks a recorded use of a text with errors; a preview (\"record\": false) cannot carry it")
        }
        var values = TemplateValue.object([:])
        switch body["vars"] {
        case nil, .null?: break
        case .object(let members)?:
            values = TemplateValue.placeholderValues(members)
        default:
            throw APIError(.badRequest, "'vars' must be an object of placeholder values, e.g. {\"customer.first_name\": \"Ana\"}")
        }
        let snapshot = state.store.snapshot
        let rendered: RenderedReply
        do {
            rendered = try snapshot.renderer.render(id: id, channel: channel, values: values)
        } catch {
            var extra: [(String, JSONValue)] = []
            switch error {
            case .missingValues(_, let names, _): extra.append(("missing", .array(names.map(JSONValue.string))))
            case .channelNotDeclared(_, _, let declared), .channelRequired(_, let declared): extra.append(("channels", .array(declared.map(JSONValue.string))))
            default: break
            }
            throw APIError(HTTPResponse.Status(code: error.httpStatus), error.description, extra: extra)
        }
        // `"record": false` is a preview (the page renders as the agent types); only real uses are counted.
        if record {
            // An override counts only when there was an error to override.
            let overridden = override && rendered.diagnostics.contains { $0.severity == .error }
            state.recorder?.record(UsageEvent(reply: rendered.id, channel: rendered.channel.id, agent: Self.agent(request), override: overridden))
        }
        return .json(RenderReporter.json(rendered))
    }

    /// The agent id from `X-Agent-Id`: the agent's own id, trimmed to something safe to store.
    static func agent(_ request: Request) -> String? {
        guard let name = HTTPField.Name("X-Agent-Id"), let value = request.headers[name] else { return nil }
        let cleaned = String(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(64)).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? nil : cleaned
    }

    static func notFound(_ id: String, in snapshot: LibrarySnapshot) -> APIError {
        APIError(.notFound, ReplyRenderError.replyNotFound(id, suggestion: Suggestion.closest(to: id, in: snapshot.library.replies.map(\.id))).description)
    }
}

struct LintController {
    let state: ServerState

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.post("lint") { request, _ in
            let body = try await JSONBody.read(request, limit: state.settings.maxBodyBytes, allowed: ["text", "channel"])
            guard let text = try JSONBody.string(body, "text") else {
                throw APIError(.badRequest, "'text' is required: the reply text to check")
            }
            let channel = try JSONBody.string(body, "channel")
            let result: TextCheckResult
            do {
                result = try state.store.snapshot.checker.check(text: text, channel: channel)
            } catch {
                throw APIError(.unprocessableContent, "\(error)")
            }
            return Response.json(TextCheckReporter.json(result))
        }
    }
}
