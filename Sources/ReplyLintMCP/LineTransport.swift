// MCP's stdio transport — one JSON-RPC message per line — read in linear time, with a cap on a line.
//
// The SDK's StdioTransport searches its whole buffer for a newline after every 4 KiB read, and sleeps
// 10 ms whenever input is not ready: a 1 MB line took 3.9 s, a 5 MB one never got an answer. Here a
// thread blocks in read(2), each byte is looked at once, and a line longer than `maximumLineBytes` is
// dropped as it arrives and answered with a JSON-RPC error naming the limit.

import Foundation
import Logging
import MCP

actor LineTransport: Transport {
    nonisolated let logger: Logger
    /// The longest message accepted, in bytes, without its newline.
    nonisolated let maximumLineBytes: Int
    private let input: Int32
    private let output: Int32
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var started = false

    /// One mebibyte: far beyond any real call (values are limited to 2,000 characters, lint_text to 10,000).
    static let defaultMaximumLineBytes = 1 << 20

    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, maximumLineBytes: Int = defaultMaximumLineBytes, logger: Logger) {
        self.input = input
        self.output = output
        self.maximumLineBytes = maximumLineBytes
        self.logger = logger
        (stream, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
    }

    func connect() async throws {
        guard !started else { return }
        started = true
        let reader = LineReader(maximumLineBytes: maximumLineBytes) { [continuation] line in
            continuation.yield(line)
        } oversize: { [weak self] size, id in
            guard let self else { return }
            Task { await self.refuse(size: size, id: id) }
        }
        let input = self.input
        let thread = Thread { [continuation] in
            reader.read(from: input)
            continuation.finish()
        }
        thread.name = "replylint.mcp.stdin"
        thread.start()
    }

    func disconnect() async {
        continuation.finish()
    }

    func send(_ data: Data) async throws {
        var message = data
        message.append(UInt8(ascii: "\n"))
        try Self.writeAll(message, to: output)
    }

    nonisolated func receive() -> AsyncThrowingStream<Data, any Error> { stream }

    /// Answers a line over the cap: "Invalid Request", with the request's id when it could be read.
    private func refuse(size: Int, id: String?) {
        logger.warning("refused a message of \(size) bytes; the limit is \(maximumLineBytes)")
        let message = "the message is \(size) bytes, more than the \(maximumLineBytes) bytes replylint mcp reads on one line; send shorter arguments"
        // The message holds no quote or backslash: it goes into the JSON as it is.
        let body = #"{"jsonrpc":"2.0","id":\#(id ?? "null"),"error":{"code":-32600,"message":"\#(message)"}}"#
        try? Self.writeAll(Data(body.utf8) + [UInt8(ascii: "\n")], to: output)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count >= 0 {
                    offset += count
                    continue
                }
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    // Output left non-blocking by whoever started us: wait until it can take more.
                    var descriptorPoll = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptorPoll, 1, 1000)
                default:
                    throw MCPError.transportError(NSError(domain: NSPOSIXErrorDomain, code: Int(errno)))
                }
            }
        }
    }
}

/// Splits a byte stream into lines, each byte looked at once, dropping lines over the cap as they come.
struct LineReader: Sendable {
    let maximumLineBytes: Int
    let line: @Sendable (Data) -> Void
    /// A line over the cap: its size, and its JSON-RPC id as written (`1`, `"a"`) when found in its first bytes.
    let oversize: @Sendable (Int, String?) -> Void

    init(maximumLineBytes: Int, line: @escaping @Sendable (Data) -> Void, oversize: @escaping @Sendable (Int, String?) -> Void) {
        self.maximumLineBytes = maximumLineBytes
        self.line = line
        self.oversize = oversize
    }

    /// Reads `descriptor` to its end.
    func read(from descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var splitter = Splitter(reader: self)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count > 0 {
                buffer.withUnsafeBufferPointer { splitter.feed($0[0..<count]) }
                continue
            }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    var descriptorPoll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&descriptorPoll, 1, 1000)
                    continue
                }
            }
            break
        }
        splitter.finish()
    }

    struct Splitter {
        let reader: LineReader
        var pending: [UInt8] = []
        /// Set while the rest of a line over the cap is being dropped: its size so far.
        var dropped: Int?
        /// The first bytes of a line being dropped, to find its id in.
        var head: [UInt8] = []

        init(reader: LineReader) { self.reader = reader }

        mutating func feed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
            var start = bytes.startIndex
            while start < bytes.endIndex {
                let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
                let end = newline ?? bytes.endIndex
                append(bytes[start..<end])
                if newline != nil { endLine() }
                start = newline.map { $0 + 1 } ?? bytes.endIndex
            }
        }

        mutating func append(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
            if let size = dropped {
                dropped = size + bytes.count
                return
            }
            if pending.count + bytes.count > reader.maximumLineBytes {
                dropped = pending.count + bytes.count
                head = Array((pending + bytes).prefix(4096))
                pending = []
                return
            }
            pending += bytes
        }

        mutating func endLine() {
            if let size = dropped {
                reader.oversize(size, LineReader.topLevelID(in: head))
                dropped = nil
                head = []
                return
            }
            if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
            if !pending.isEmpty { reader.line(Data(pending)) }
            pending.removeAll(keepingCapacity: pending.count <= 64 * 1024)
        }

        mutating func finish() {
            if dropped != nil || !pending.isEmpty { endLine() }
        }
    }

    /// The value of the top-level `"id"` key in the start of a JSON object (`1`, `"abc"`), when it is there.
    static func topLevelID(in bytes: [UInt8]) -> String? {
        var depth = 0
        var index = 0
        var lastString: Range<Int>?
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < bytes.count else { return nil }
                lastString = start..<(index + 1)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                lastString = nil
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                lastString = nil
            case UInt8(ascii: ":"):
                if depth == 1, let key = lastString, bytes[key].elementsEqual(#""id""#.utf8) {
                    var valueStart = index + 1
                    while valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                    var valueEnd = valueStart
                    if valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: "\"") {
                        valueEnd += 1
                        while valueEnd < bytes.count, bytes[valueEnd] != UInt8(ascii: "\"") {
                            valueEnd += bytes[valueEnd] == UInt8(ascii: "\\") ? 2 : 1
                        }
                        guard valueEnd < bytes.count else { return nil }
                        valueEnd += 1
                    } else {
                        while valueEnd < bytes.count, bytes[valueEnd] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[valueEnd]) {
                            valueEnd += 1
                        }
                    }
                    guard valueEnd > valueStart, valueEnd <= bytes.count else { return nil }
                    return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                }
                lastString = nil
            case UInt8(ascii: ","):
                lastString = nil
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
