// A transport wrapper that knows which requests are still unanswered, so the server can answer
// everything it was asked before it stops at the end of its input.
//
// The SDK's server ends its loop as soon as input closes, while requests it has already read are
// still being handled on their own tasks. A client that writes its requests and closes its end
// (`printf '…' | replylint mcp`) would otherwise lose the answers.

import Foundation
import Logging
import MCP

actor DrainingTransport: Transport {
    private let base: any Transport
    nonisolated let logger: Logger
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var forwarding: Task<Void, Never>?
    private var unanswered = Set<ID>()

    init(_ base: any Transport, logger: Logger) {
        self.base = base
        self.logger = logger
        (stream, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
    }

    func connect() async throws {
        try await base.connect()
        let upstream = await base.receive()
        forwarding = Task { [continuation] in
            do {
                for try await message in upstream {
                    self.received(message)
                    continuation.yield(message)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
    }

    func disconnect() async {
        forwarding?.cancel()
        continuation.finish()
        await base.disconnect()
    }

    func send(_ data: Data) async throws {
        try await base.send(data)
        for envelope in Self.envelopes(in: data) where envelope.method == nil {
            if let id = envelope.id { unanswered.remove(id) }
        }
    }

    nonisolated func receive() -> AsyncThrowingStream<Data, any Error> { stream }

    /// Waits until every request read so far has been answered, or `timeout` has passed.
    func drain(timeout: Duration) async {
        let deadline = ContinuousClock.now + timeout
        while !unanswered.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        if !unanswered.isEmpty {
            logger.warning("stopping with \(unanswered.count) request(s) unanswered")
        }
    }

    private func received(_ data: Data) {
        for envelope in Self.envelopes(in: data) {
            guard let method = envelope.method else { continue }
            if let id = envelope.id {
                unanswered.insert(id)
            } else if method == CancelledNotification.name, let id = envelope.cancelled {
                // A cancelled request gets no answer.
                unanswered.remove(id)
            }
        }
    }

    /// Just enough of a JSON-RPC message (or of each in a batch) to pair requests with answers.
    private struct Envelope: Decodable {
        var id: ID?
        var method: String?
        /// `params.requestId` of a cancellation.
        var cancelled: ID?

        private enum Keys: String, CodingKey { case id, method, params, requestId }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            id = try? container.decodeIfPresent(ID.self, forKey: .id)
            method = try? container.decodeIfPresent(String.self, forKey: .method)
            cancelled = try? container.nestedContainer(keyedBy: Keys.self, forKey: .params).decodeIfPresent(ID.self, forKey: .requestId)
        }
    }

    private static func envelopes(in data: Data) -> [Envelope] {
        let decoder = JSONDecoder()
        if let one = try? decoder.decode(Envelope.self, from: data) { return [one] }
        return (try? decoder.decode([Envelope].self, from: data)) ?? []
    }
}
