// The HTTP API driven in-process through the router: every endpoint and every error status.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReplyLint
@testable import ReplyLintServer
import Testing

@Suite("HTTP API")
struct ServerTests {
    static let json: HTTPFields = [.contentType: "application/json"]
    static let renderBody = #"{"channel": "x-reply", "vars": {"customer.first_name": "Ana", "agent.full_name": "Jordan Reyes"}}"#

    @Test("health, the page, and unknown routes")
    func healthAndPage() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["status"] as? String == "ok")
                #expect(response.json["replies"] as? Int == 51)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
                #expect(response.text.contains(#"<script src="/app.js"></script>"#))
                #expect(response.text.hasPrefix("<!doctype html>"))
            }
            for (path, type) in [("/app.js", "text/javascript"), ("/app.css", "text/css")] {
                var etag = ""
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true)
                    #expect(response.body.readableBytes > 1_000)
                    #expect(response.headers[.cacheControl] == "no-cache")
                    etag = response.headers[.eTag] ?? ""
                }
                // The browser asks again on every load; an unchanged file costs no download.
                try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag]) { response in
                    #expect(response.status == .notModified)
                    #expect(response.body.readableBytes == 0)
                }
                try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"stale\""]) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/v1/channels", method: .get) { response in
                #expect(response.headers[.cacheControl] == "no-store")
            }
            try await client.execute(uri: "/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect((response.json["error"] as? String)?.contains("no such endpoint") == true)
            }
        }
    }

    @Test("list and search replies")
    func list() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/replies", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["count"] as? Int == 51)
                let first = (response.json["replies"] as? [[String: Any]])?.first
                #expect(Set(first?.keys.map { $0 } ?? []) == ["id", "title", "faq", "channels", "tags", "errors"])
            }
            try await client.execute(uri: "/v1/replies?q=missed%20bin&channel=x-reply", method: .get) { response in
                let ids = (response.json["replies"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(ids == ["waste/missed-collection-public"])
            }
            try await client.execute(uri: "/v1/replies?tag=waste&limit=2", method: .get) { response in
                #expect(response.json["count"] as? Int == 2)
                #expect((response.json["total"] as? Int ?? 0) > 2)
            }
            try await client.execute(uri: "/v1/replies?q=zzzzqqq", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["count"] as? Int == 0)
            }
            try await client.execute(uri: "/v1/replies?channel=x-replies", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect((response.json["error"] as? String)?.contains("did you mean 'x-reply'") == true)
            }
            try await client.execute(uri: "/v1/replies?limit=lots", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test("list items carry how many lint errors each saved reply has")
    func listCarriesErrors() async throws {
        let server = try TestServer(files: ServerFixtures.replyWithAnError)
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/replies", method: .get) { response in
                let items = response.json["replies"] as? [[String: Any]] ?? []
                let errors = Dictionary(uniqueKeysWithValues: items.map { ($0["id"] as? String ?? "", $0["errors"] as? Int) })
                #expect(errors.count == 52)
                #expect(errors["accounts/ask-in-public"] == 1)
                #expect(errors.filter { $0.value != 0 }.keys.sorted() == ["accounts/ask-in-public"])
            }
            // The same count as the reply's own diagnostics.
            try await client.execute(uri: "/v1/replies/accounts/ask-in-public", method: .get) { response in
                let diagnostics = response.json["diagnostics"] as? [[String: Any]] ?? []
                #expect(diagnostics.filter { $0["severity"] as? String == "error" }.map { $0["rule"] as? String } == ["personal-data-public"])
            }
        }
    }

    @Test("render with override: a text with an error used anyway is recorded as an override")
    func renderOverride() async throws {
        let server = try TestServer()
        let path = "/v1/replies/waste/missed-collection-public/render"
        // The agent's sign-off asks for an account number under a public post: a personal-data-public error.
        let asking = #""channel": "x-reply", "vars": {"customer.first_name": "Ana", "agent.full_name": "Jordan. Reply here with your account number"}"#
        let clean = #""channel": "x-reply", "vars": {"customer.first_name": "Ana", "agent.full_name": "Jordan Reyes"}"#
        try await server.application.test(.router) { client in
            try await client.execute(uri: path, method: .post, headers: Self.json, body: .json("{\(asking), \"override\": true}")) { response in
                #expect(response.status == .ok)
                let rules = (response.json["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }.map { $0["rule"] as? String }
                #expect(rules == ["personal-data-public"])
            }
            // Without the flag the API still renders (other clients read the findings themselves), but it is no override.
            try await client.execute(uri: path, method: .post, headers: Self.json, body: .json("{\(asking)}")) { response in
                #expect(response.status == .ok)
            }
            // Nothing to override: a clean text is an ordinary use.
            try await client.execute(uri: path, method: .post, headers: Self.json, body: .json("{\(clean), \"override\": true}")) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: path, method: .post, headers: Self.json, body: .json("{\(asking), \"override\": \"yes\"}")) { response in
                #expect(response.status == .badRequest)
                #expect((response.json["error"] as? String)?.contains("'override' must be true or false") == true)
            }
            try await client.execute(uri: path, method: .post, headers: Self.json, body: .json("{\(asking), \"override\": true, \"record\": false}")) { response in
                #expect(response.status == .badRequest)
                #expect((response.json["error"] as? String)?.contains("preview") == true)
            }
        }
        await server.recorder.writeQueued()
        let summary = try #require(try UsageLog.read(path: server.folder.appendingPathComponent(".replylint/usage.sqlite").path))
        #expect(summary.entries.map(\.reply) == ["waste/missed-collection-public"])
        #expect(summary.entries.first?.count == 3)
        #expect(summary.entries.first?.overrides == 1)
    }

    @Test("one reply with its template, placeholders and findings")
    func show() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/replies/waste/missed-collection-public", method: .get) { response in
                #expect(response.status == .ok)
                let json = response.json
                #expect((json["template"] as? String)?.hasPrefix("Hi {{customer.first_name}}") == true)
                let placeholders = json["placeholders"] as? [[String: Any]] ?? []
                let byName = Dictionary(uniqueKeysWithValues: placeholders.map { ($0["name"] as? String ?? "", $0) })
                #expect(byName["customer.first_name"]?["required"] as? Bool == true)
                #expect(byName["customer.first_name"]?["example"] as? String == "Ana")
                #expect(byName["dm_link"]?["provided"] as? Bool == true)
                #expect(json["diagnostics"] as? [Any] != nil)
            }
            // A slash encoded as %2F names the same reply.
            try await client.execute(uri: "/v1/replies/waste%2Fmissed-collection-public", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/replies/waste/missed-collection-publc", method: .get) { response in
                #expect(response.status == .notFound)
                #expect((response.json["error"] as? String)?.contains("did you mean 'waste/missed-collection-public'") == true)
            }
        }
    }

    @Test("render: the text, its length, and a usage record with the agent id")
    func render() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            var headers = HTTPFields()
            headers[HTTPField.Name("X-Agent-Id")!] = "agent-7"
            headers[.contentType] = "application/json; charset=utf-8"
            try await client.execute(uri: "/v1/replies/waste/missed-collection-public/render", method: .post, headers: headers, body: .json(Self.renderBody)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let json = response.json
                #expect((json["text"] as? String)?.hasPrefix("Hi Ana, sorry we missed your bin.") == true)
                let length = json["length"] as? [String: Any]
                #expect(length?["limit"] as? Int == 280)
                #expect(length?["unit"] as? String == "weighted")
                #expect(json["channel"] as? String == "x-reply")
            }
        }
        // A preview (`"record": false`, as the page sends while the agent types) is not a use.
        try await server.application.test(.router) { client in
            let preview = #"{"record": false, "channel": "x-reply", "vars": {"customer.first_name": "Ana", "agent.full_name": "Jordan Reyes"}}"#
            try await client.execute(uri: "/v1/replies/waste/missed-collection-public/render", method: .post, headers: Self.json, body: .json(preview)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/replies/waste/missed-collection-public/render", method: .post, headers: Self.json, body: .json(#"{"record": "no"}"#)) { response in
                #expect(response.status == .badRequest)
            }
        }
        await server.recorder.writeQueued()
        let summary = try #require(try UsageLog.read(path: server.folder.appendingPathComponent(".replylint/usage.sqlite").path))
        #expect(summary.counts == ["waste/missed-collection-public": 1])
    }

    @Test("render refusals: unknown id 404, missing values and wrong channel 422")
    func renderRefusals() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/replies/waste/no-such-reply/render", method: .post, headers: Self.json, body: .json(Self.renderBody)) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/replies/waste/missed-collection-public/render", method: .post, headers: Self.json,
                                     body: .json(#"{"channel": "x-reply", "vars": {"customer.first_name": "  "}}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(Set(response.json["missing"] as? [String] ?? []) == ["customer.first_name", "agent.full_name"])
                #expect((response.json["error"] as? String)?.contains("agent.full_name") == true)
            }
            // A reply written for private channels must not reach a public one.
            try await client.execute(uri: "/v1/replies/waste/missed-collection-dm/render", method: .post, headers: Self.json, body: .json(Self.renderBody)) { response in
                #expect(response.status == .unprocessableContent)
                #expect((response.json["error"] as? String)?.contains("refused") == true)
                #expect(response.json["channels"] as? [String] == ["x-dm", "messenger", "whatsapp"])
            }
            // A value that would leave a tag in the output.
            try await client.execute(uri: "/v1/replies/waste/missed-collection-public/render", method: .post, headers: Self.json,
                                     body: .json(#"{"channel": "x-reply", "vars": {"customer.first_name": "{{x}}", "agent.full_name": "Jordan Reyes"}}"#)) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
        await server.recorder.writeQueued()
        // Refused renders are not uses.
        let summary = try UsageLog.read(path: server.folder.appendingPathComponent(".replylint/usage.sqlite").path)
        #expect(summary?.total ?? 0 == 0)
    }

    @Test("bad bodies get 400 with a JSON error naming the problem", arguments: [
        ("{bad json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ("", "needs a JSON object body"),
        (#"{"chanel": "x-reply"}"#, "unknown field 'chanel' (did you mean 'channel'?)"),
        (#"{"channel": "x-reply", "channel": "sms"}"#, "appears twice"),
        (String(repeating: "[", count: 500), "nested deeper than 64"),
        (#"{"channel": 7}"#, "'channel' must be a string"),
        (#"{"channel": "x-reply", "vars": "Ana"}"#, "'vars' must be an object"),
    ])
    func badBodies(body: String, message: String) async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/replies/waste/missed-collection-public/render", method: .post, headers: Self.json, body: .json(body)) { response in
                #expect(response.status == .badRequest)
                #expect((response.json["error"] as? String)?.contains(message) == true, "\(response.text)")
            }
        }
    }

    @Test("a body over the limit gets 413")
    func oversize() async throws {
        let server = try TestServer(maxBodyBytes: 1024)
        let text = String(repeating: "a", count: 5000)
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/lint", method: .post, headers: Self.json, body: .json(#"{"text": "\#(text)"}"#)) { response in
                #expect(response.status == .contentTooLarge)
                #expect((response.json["error"] as? String)?.contains("limit") == true)
            }
        }
    }

    @Test("ad-hoc lint: personal data in public, a DM request passes, unknown channel 422")
    func lint() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/lint", method: .post, headers: Self.json, body: .json(#"{"text": "Hi Ana, please reply with your account number.", "channel": "x-reply"}"#)) { response in
                #expect(response.status == .ok)
                let diagnostics = response.json["diagnostics"] as? [[String: Any]] ?? []
                let rules = diagnostics.compactMap { $0["rule"] as? String }
                #expect(rules.contains("personal-data-public"))
                #expect(diagnostics.allSatisfy { $0["file"] == nil && $0["line"] as? Int == 1 })
                #expect((response.json["length"] as? [String: Any])?["limit"] as? Int == 280)
            }
            try await client.execute(uri: "/v1/lint", method: .post, headers: Self.json, body: .json(#"{"text": "Hi Ana, please DM us your order number and we'll check. — Jordan Reyes", "channel": "x-reply"}"#)) { response in
                let rules = (response.json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
                #expect(!rules.contains("personal-data-public"))
            }
            try await client.execute(uri: "/v1/lint", method: .post, headers: Self.json, body: .json(#"{"text": "Hi", "channel": "myspace"}"#)) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/v1/lint", method: .post, headers: Self.json, body: .json(#"{"channel": "x-reply"}"#)) { response in
                #expect(response.status == .badRequest)
                #expect((response.json["error"] as? String)?.contains("'text' is required") == true)
            }
        }
    }

    @Test("values config fills, control characters and overlong values are refused; previews and forms are not JSON")
    func valueRefusals() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            for (vars, message) in [
                (#"{"customer.first_name": "Ana", "agent.full_name": "Jordan Reyes", "dm_link": "https://evil.example"}"#, "dm_link comes from replylint.yml"),
                (#"{"customer.first_name": "Ana\u0000", "agent.full_name": "Jordan Reyes"}"#, "control character"),
                (#"{"customer.first_name": "\#(String(repeating: "a", count: 2_001))", "agent.full_name": "Jordan Reyes"}"#, "limited to 2000"),
            ] {
                try await client.execute(uri: "/v1/replies/waste/missed-collection-public/render", method: .post, headers: Self.json,
                                         body: .json(#"{"channel": "x-reply", "vars": \#(vars)}"#)) { response in
                    #expect(response.status == .unprocessableContent)
                    #expect((response.json["error"] as? String)?.contains(message) == true, "\(response.text)")
                }
            }
            // A cross-site form post cannot send JSON without asking first; a body of another type is refused.
            try await client.execute(uri: "/v1/lint", method: .post, headers: [.contentType: "text/plain"], body: .json(#"{"text": "Hi"}"#)) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/v1/lint", method: .post, headers: Self.json,
                                     body: .json(#"{"text": "\#(String(repeating: "a ", count: 5_001))", "channel": "x-reply"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect((response.json["error"] as? String)?.contains("checks take up to 10000") == true)
            }
            // A disable comment in checked text does not switch the checks off.
            try await client.execute(uri: "/v1/lint", method: .post, headers: Self.json,
                                     body: .json(#"{"text": "{{! replylint-disable personal-data-never, personal-data-public }}Please reply with your password.", "channel": "x-reply"}"#)) { response in
                let rules = (response.json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
                #expect(rules.contains("personal-data-never"))
            }
        }
    }

    @Test("without a token, only requests addressed to this machine by name are answered (DNS rebinding)")
    func loopbackHosts() {
        for allowed in ["localhost", "localhost:8080", "127.0.0.1:9", "[::1]:8080", "LOCALHOST", nil] {
            #expect(LoopbackHostMiddleware<BasicRequestContext>.allows(authority: allowed), "\(String(describing: allowed))")
        }
        for refused in ["evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example:80", "[::2]:80"] {
            #expect(!LoopbackHostMiddleware<BasicRequestContext>.allows(authority: refused), "\(refused)")
        }
    }

    @Test("channels list the built-in channels with limits")
    func channels() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/channels", method: .get) { response in
                let channels = response.json["channels"] as? [[String: Any]] ?? []
                let xReply = channels.first { $0["id"] as? String == "x-reply" }
                #expect(xReply?["limit"] as? Int == 280)
                #expect(xReply?["visibility"] as? String == "public")
            }
        }
    }

    @Test("a token guards /v1 (401 without it or with a wrong one), not the page or health")
    func token() async throws {
        let server = try TestServer(token: "s3cret-token")
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/replies", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect((response.json["error"] as? String)?.contains("bearer token") == true)
            }
            // Including a token 256 bytes longer: a length folded into one byte would compare equal.
            for wrong in ["Bearer s3cret-tokeN", "Bearer s3cret", "Bearer s3cret-token-and-more", "Basic s3cret-token", "s3cret-token",
                          "Bearer s3cret-token" + String(repeating: "x", count: 256), "Bearer " + String(repeating: "s", count: 12 + 256)] {
                try await client.execute(uri: "/v1/replies", method: .get, headers: [.authorization: wrong]) { response in
                    #expect(response.status == .unauthorized, "\(wrong)")
                }
            }
            try await client.execute(uri: "/v1/replies", method: .get, headers: [.authorization: "Bearer s3cret-token"]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/replies", method: .get, headers: [.authorization: "bearer s3cret-token"]) { response in
                #expect(response.status == .ok, "the scheme is case-insensitive")
            }
            try await client.execute(uri: "/v1/replies", method: .get) { response in
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    @Test("request logs carry method, path and status, never customer values")
    func logsWithoutCustomerValues() async throws {
        let server = try TestServer()
        try await server.application.test(.router) { client in
            try await client.execute(uri: "/v1/replies/waste/missed-collection-public/render", method: .post, headers: Self.json,
                                     body: .json(#"{"channel": "x-reply", "vars": {"customer.first_name": "Zanzibarina", "agent.full_name": "Jordan Reyes"}}"#))
            try await client.execute(uri: "/v1/replies?q=Zanzibarina", method: .get)
            try await client.execute(uri: "/v1/lint", method: .post, headers: Self.json, body: .json(#"{"text": "Zanzibarina, call 555-0100", "channel": "x-reply"}"#))
        }
        let logs = server.logs.all
        #expect(logs.count >= 3)
        #expect(logs.contains { $0.contains("/v1/replies/waste/missed-collection-public/render") && $0.contains("200") })
        #expect(!logs.contains { $0.contains("Zanzibarina") || $0.contains("555-0100") })
    }

    @Test("reloads: a changed file is served; a broken config keeps the last good library and says so")
    func reload() async throws {
        let server = try TestServer()
        let store = server.store
        #expect(store.reloadIfChanged().isUnchanged)
        let newReply = server.folder.appendingPathComponent("replies/waste/new-reply.md")
        try "---\ntitle: Brand new\nfaq: missed-collection\nchannels: [x-dm]\n---\nHi {{customer.first_name}}, we are on it. — {{agent.full_name}}\n"
            .write(to: newReply, atomically: true, encoding: .utf8)
        // A change is loaded once the files look the same on two looks in a row.
        #expect(store.reloadIfChanged().isUnchanged, "a change is not read half way")
        guard case .reloaded(let snapshot) = store.reloadIfChanged() else { Issue.record("no reload after a new file"); return }
        #expect(snapshot.generation == 2)

        let config = server.folder.appendingPathComponent("replylint.yml")
        let goodConfig = try String(contentsOf: config, encoding: .utf8)
        try "rules: [this is not a mapping\n".write(to: config, atomically: true, encoding: .utf8)
        _ = store.reloadIfChanged()
        guard case .failed(let message) = store.reloadIfChanged() else { Issue.record("a broken config did not fail the reload"); return }
        #expect(message.contains("replylint.yml"))
        #expect(store.reloadIfChanged().isUnchanged, "the same failure is reported once, not every poll")

        // The reply folder disappearing (a checkout half done) is a failed reload, not an empty library.
        try goodConfig.write(to: config, atomically: true, encoding: .utf8)
        let replies = server.folder.appendingPathComponent("replies")
        let aside = server.folder.appendingPathComponent("replies-aside")
        try FileManager.default.moveItem(at: replies, to: aside)
        _ = store.reloadIfChanged()
        guard case .failed(let missing) = store.reloadIfChanged() else { Issue.record("a missing reply folder was served"); return }
        #expect(missing.contains("reply folder 'replies' is missing"))
        #expect(store.snapshot.index.count == 52)

        try await server.application.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.json["status"] as? String == "degraded")
                #expect((response.json["reloadError"] as? String)?.contains("missing") == true)
                #expect(response.json["generation"] as? Int == 2)
            }
            // Still served from the last good library, which has the new reply.
            try await client.execute(uri: "/v1/replies/waste/new-reply", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("random bodies and paths never get a 500")
    func noCrashes() async throws {
        let server = try TestServer()
        // Seeded, so a failure can be replayed.
        var generator = SeededGenerator(seed: 20_261_121)
        let pieces = ["{", "}", "[", "]", "\"", ":", ",", "channel", "vars", "text", "null", "1e999", "-0", "\\u0000", "\u{FFFF}", "é", "{{", "}}", "true", " ", "\n"]
        let bodies = (0..<300).map { _ in
            (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        try await server.application.test(.router) { client in
            for (round, body) in bodies.enumerated() {
                let uri = ["/v1/lint", "/v1/replies/waste/missed-collection-public/render", "/v1/replies/%ZZ/render", "/v1/replies/../../etc/passwd"][round % 4]
                try await client.execute(uri: uri, method: .post, headers: Self.json, body: .json(body)) { response in
                    #expect(response.status.code < 500, "\(uri) \(body): \(response.text)")
                    #expect(response.json["error"] != nil || response.status == .ok, "\(body)")
                }
            }
        }
    }
}

extension LibraryStore.ReloadOutcome {
    var isUnchanged: Bool {
        if case .unchanged = self { return true }
        return false
    }
}

