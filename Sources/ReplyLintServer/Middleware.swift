// What every request passes through: JSON errors, the bearer token, and a log line without
// customer values.

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ReplyLint

/// A request that cannot be answered, with the status and any extra fields for the JSON error.
struct APIError: Error {
    var status: HTTPResponse.Status
    var message: String
    var extra: [(String, JSONValue)] = []
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, extra: [(String, JSONValue)] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.extra = extra
        self.headers = headers
    }
}

extension Response {
    /// `value` as a JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            // Answers can hold customer names: no cache may keep them.
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: value.serialized())))
    }
}

/// Every error becomes `{"error": "..."}` with its status; nothing reaches the client as an empty 500.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            var response = Response.json(.object([("error", .string(error.message))] + error.extra), status: error.status)
            response.headers.append(contentsOf: error.headers)
            return response
        } catch let error as any HTTPResponseError {
            let message: String
            switch error.status {
            case .notFound: message = "no such endpoint: \(request.method) \(request.uri.path); see GET / for the page and /v1/replies for the API"
            case .methodNotAllowed: message = "\(request.method) is not allowed on \(request.uri.path)"
            case .contentTooLarge: message = "the request body is too large"
            default: message = (error as? HTTPError)?.body ?? error.status.reasonPhrase
            }
            var response = Response.json(.object([("error", .string(message))]), status: error.status)
            if let httpError = error as? HTTPError { response.headers.append(contentsOf: httpError.headers) }
            return response
        } catch {
            // The error's own description: library errors name files and reasons, never request bodies.
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))", "error": "\(error)"])
            return .json(.object([("error", .string("internal error; the server log has the details"))]), status: .internalServerError)
        }
    }
}

/// Requires `Authorization: Bearer <token>`, compared in constant time.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    init(token: String) { self.token = Array(token.utf8) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The scheme is case-insensitive (RFC 9110); the token is compared byte for byte.
        guard let header = request.headers[.authorization], header.prefix(7).lowercased() == "bearer ",
              Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), token)
        else {
            throw APIError(.unauthorized, "missing or wrong bearer token; send Authorization: Bearer <token> (the token is REPLYLINT_TOKEN or serve.token in replylint.yml)",
                           headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }

    /// Equal arrays in time that depends only on the lengths, so a wrong token's prefix leaks nothing.
    static func constantTimeEqual(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference: UInt8 = given.count == expected.count ? 0 : 1
        for index in expected.indices {
            let byte = index < given.count ? given[index] : 0
            difference |= byte ^ expected[index]
        }
        return difference == 0
    }
}

/// Without a token, answers only requests addressed to this machine by name: a page on another site
/// whose name is made to resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused.
struct LoopbackHostMiddleware<Context: RequestContext>: RouterMiddleware {
    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
    }

    /// Whether a request's Host (`localhost:8080`, `[::1]:8080`) names this machine; no Host is allowed.
    static func allows(authority: String?) -> Bool {
        guard let authority else { return true }
        var host = Substring(authority)
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            host = host[...close]
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        return isLoopback(String(host))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.allows(authority: request.head.authority) else {
            throw APIError(.misdirectedRequest, "this server answers requests to 127.0.0.1 or localhost only; set REPLYLINT_TOKEN to serve other names")
        }
        return try await next(request, context)
    }
}

/// One line per request: method, path (never the query or body, which may hold customer values),
/// status and time taken.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        if context.logger.logLevel <= .info {
            let elapsed = ContinuousClock.now - start
            let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
            context.logger.info("request", metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)",
                "status": "\(response.status.code)", "us": "\(micros)",
            ])
        }
        return response
    }
}

/// Reads a JSON object body strictly: size-limited, an object, only `allowed` keys.
enum JSONBody {
    static func read(_ request: Request, limit: Int, allowed: [String]) async throws -> [String: TemplateValue] {
        // Only JSON: a web page elsewhere can post a form or text/plain to this address without asking,
        // but not application/json (the browser asks first, and this server never says yes).
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
            throw APIError(.unsupportedMediaType, "send the body as JSON with Content-Type: application/json")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.contentTooLarge, "the request body is \(length) bytes; the limit is \(limit)")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the request body is over the limit of \(limit) bytes")
        } catch {
            // The client closed the connection early or sent a malformed body.
            throw APIError(.badRequest, "the request body could not be read completely; send the whole body its Content-Length announces")
        }
        guard buffer.readableBytes > 0 else {
            throw APIError(.badRequest, "the request needs a JSON object body with \(allowed.joined(separator: ", "))")
        }
        let value: TemplateValue
        do {
            value = try TemplateValue.parseJSON(buffer.readableBytesView)
        } catch {
            throw APIError(.badRequest, "the body is not valid JSON: \(error)")
        }
        guard case .object(let members) = value else {
            throw APIError(.badRequest, "the body must be a JSON object with \(allowed.joined(separator: ", "))")
        }
        for key in members.keys.sorted() where !allowed.contains(key) {
            throw APIError(.badRequest, "unknown field '\(key)'\(Suggestion.hint(for: key, in: allowed)); the body takes \(allowed.joined(separator: ", "))")
        }
        return members
    }

    static func string(_ members: [String: TemplateValue], _ key: String) throws -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw APIError(.badRequest, "'\(key)' must be a string")
        }
    }
}
