// A finding's identity that survives edits elsewhere in the file: rule, reply, channel and the
// text of the offending line — not its line number. Baselines and SARIF's partialFingerprints use it.

public enum Fingerprint {
    public static func of(_ finding: Finding, sources: [String: String]) -> String {
        var content = finding.message
        if let line = finding.range?.start.line, let source = sources[finding.file] {
            let lines = Lines.split(source)
            if line >= 1 && line <= lines.count {
                content = lines[line - 1].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
        }
        let key = [finding.ruleID, finding.replyID ?? finding.file, finding.channel ?? "", content].joined(separator: "\u{0}")
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
