// Oversize request bodies: after the 413, read (and drop) a bounded amount more of the body, then close
// the connection.
//
// A client that does not wait for `Expect: 100-continue` (Python's urllib, a browser's fetch) sends its
// whole body before it reads the answer. Without this, the server answered 413 and then either stopped
// reading — the client, blocked writing into a full socket, waited for its own timeout — or read on
// without any bound. Now the rest of the body is drained up to a bound (so a client that sends a few
// megabytes reads a clean 413), then the connection is closed (so one that sends gigabytes gets a reset
// at once, not a hang).

import HTTPTypes
import NIOCore
import NIOHTTPTypes

final class RequestBodyLimitHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The largest body a request may have (`--max-body`).
    let limit: Int
    /// How much more of an oversize body is read and dropped after the answer before the connection closes.
    let drainLimit: Int
    /// How long the rest of an oversize body is waited for after the answer.
    let drainTimeout: TimeAmount

    private var received = 0
    private var oversize = false
    private var requestEnded = false
    /// The answer to an oversize request is written: what still comes of its body is dropped.
    private var draining = false
    private var drained = 0
    private var closing = false

    init(limit: Int, drainLimit: Int = 16 * 1024 * 1024, drainTimeout: TimeAmount = .seconds(5)) {
        self.limit = limit
        self.drainLimit = drainLimit
        self.drainTimeout = drainTimeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let head):
            received = 0
            requestEnded = false
            if let length = head.headerFields[.contentLength].flatMap(Int.init), length > limit { oversize = true }
        case .body(let buffer):
            received += buffer.readableBytes
            if received > limit { oversize = true }
            if draining {
                drained += buffer.readableBytes
                if drained > drainLimit { close(context) } else { context.read() }
                return
            }
        case .end:
            requestEnded = true
            if draining {
                close(context)
                return
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard oversize else {
            context.write(data, promise: promise)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var response):
            // The client is told the connection ends with this answer.
            response.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(response)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.write(data, promise: written)
            written.futureResult.assumeIsolated().whenComplete { [self] _ in
                if requestEnded {
                    close(context)
                    return
                }
                // Read on, dropping the rest of the body, until it ends, passes the bound, or stops coming.
                draining = true
                context.read()
                context.eventLoop.assumeIsolated().scheduleTask(in: drainTimeout) { [self] in close(context) }
            }
        }
    }

    private func close(_ context: ChannelHandlerContext) {
        guard !closing else { return }
        closing = true
        context.close(promise: nil)
    }
}
