// A finding's identity that survives edits elsewhere in the file: rule, reply, channel and the
// text of the offending line — not its line number. Baselines and SARIF's partialFingerprints use it.

public enum Fingerprint {
    public static func of(_ finding: Finding, sources: [String: String]) -> String {
        var lines = LineCache()
        return of(finding, sources: sources, lines: &lines)
    }

    /// The fingerprints of `findings`, in order. Each file is split into lines once, each line
    /// normalised once, and each (rule, reply, channel, line) hashed once: splitting the file, or
    /// hashing the whole line, again for every finding made a file with thousands of findings on one
    /// long line quadratic (a SARIF report or a baseline of 15,000 findings on one line took 33 s).
    public static func all(_ findings: [Finding], sources: [String: String]) -> [String] {
        var lines = LineCache()
        return findings.map { of($0, sources: sources, lines: &lines) }
    }

    struct LineCache {
        var files: [String: [Substring]] = [:]
        var normalised: [String: [Int: String]] = [:]
        var hashed: [LineKey: String] = [:]

        struct LineKey: Hashable {
            let rule: String, owner: String, channel: String, file: String, line: Int
        }

        mutating func content(of line: Int, in file: String, source: String) -> String? {
            if let known = normalised[file]?[line] { return known }
            let lines = files[file] ?? Lines.split(source)
            files[file] = lines
            guard line >= 1 && line <= lines.count else { return nil }
            let text = lines[line - 1].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            normalised[file, default: [:]][line] = text
            return text
        }
    }

    static func of(_ finding: Finding, sources: [String: String], lines: inout LineCache) -> String {
        var content = finding.message
        var lineKey: LineCache.LineKey?
        if let line = finding.range?.start.line, let source = sources[finding.file] {
            let key = LineCache.LineKey(rule: finding.ruleID, owner: finding.replyID ?? finding.file, channel: finding.channel ?? "", file: finding.file, line: line)
            if let known = lines.hashed[key] { return known }
            if let text = lines.content(of: line, in: finding.file, source: source) {
                content = text
                lineKey = key
            }
        }
        let fingerprint = hash(finding, content: content)
        if let lineKey { lines.hashed[lineKey] = fingerprint }
        return fingerprint
    }

    private static func hash(_ finding: Finding, content: String) -> String {
        let key = [finding.ruleID, finding.replyID ?? finding.file, finding.channel ?? "", content].joined(separator: "\u{0}")
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
