// How much of anything a library may hold or expand to: a library is untrusted input (anyone with a
// pull request can change it, and `serve` reloads it live), so every walk, file and expansion is bounded.

public struct Limits: Sendable, Hashable {
    /// The largest file read, in bytes; larger files are reported and not read. Also the most a YAML
    /// file's anchors and aliases may expand it to.
    public var fileSize = 1024 * 1024
    /// The most files and folders one walk of a configured folder visits; the rest are reported, not read.
    public var files = 500_000
    /// The most characters a template may expand to, partials and placeholders at their maximum
    /// included (each tag visited counts as one more), in lint's worst case and in a render.
    public var expansion = 100_000
    /// How deep partials may include partials.
    public var partialDepth = 10
    /// The largest `max:` a placeholder may declare, in characters.
    public var placeholderMax = 10_000

    public init() {}

    /// One setting under `limits:` in `replylint.yml`, with its name, what it bounds and how far it may be raised.
    public struct Setting: Sendable {
        public var key: String
        public var path: WritableKeyPath<Limits, Int> & Sendable
        /// What it counts, for messages: "bytes", "files and folders".
        public var unit: String
        /// Raising a limit past this is refused: a config that anyone can change must not unbound the tool.
        public var ceiling: Int
        public var summary: String
    }

    public static let settings: [Setting] = [
        Setting(key: "file-size", path: \.fileSize, unit: "bytes", ceiling: 1 << 30,
                summary: "the largest reply, partial, policy or config file read; also what YAML aliases may expand a file to"),
        Setting(key: "files", path: \.files, unit: "files and folders", ceiling: 10_000_000,
                summary: "the most files and folders read under each replies or policies folder"),
        Setting(key: "expansion", path: \.expansion, unit: "characters", ceiling: 10_000_000,
                summary: "the most characters a template may expand to, partials and placeholders at their maximum included"),
        Setting(key: "partial-depth", path: \.partialDepth, unit: "levels", ceiling: 100,
                summary: "how deep partials may include partials"),
        Setting(key: "placeholder-max", path: \.placeholderMax, unit: "characters", ceiling: 1_000_000,
                summary: "the largest `max:` a placeholder may declare"),
    ]

    public static func setting(_ key: String) -> Setting? { settings.first { $0.key == key } }

    /// "limits.expansion (100,000 characters)", for messages that say which limit was reached.
    public func describe(_ key: String) -> String {
        guard let setting = Self.setting(key) else { return "limits.\(key)" }
        return "limits.\(key) (\(Self.grouped(self[keyPath: setting.path])) \(setting.unit))"
    }

    /// 100000 → "100,000".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
