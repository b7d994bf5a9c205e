// Structured logs: one JSON object per line on standard error, for log shippers and `jq`.

import Foundation
import Logging
import ReplyLint

public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var pairs: [(String, JSONValue)] = [
            ("time", .string(UsageLog.timestamp(Date()))),
            ("level", .string(event.level.rawValue)),
            ("message", .string(event.message.description)),
            ("logger", .string(label)),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() { pairs.append((key, Self.json(merged[key]!))) }
        FileHandle.standardError.write(Data((JSONValue.object(pairs).serialized() + "\n").utf8))
    }

    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let value): .string(value.description)
        case .array(let items): .array(items.map(json))
        case .dictionary(let entries): .object(entries.keys.sorted().map { ($0, json(entries[$0]!)) })
        }
    }
}
