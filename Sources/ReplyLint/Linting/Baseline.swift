// Baselines: the findings a team accepted when adopting ReplyLint, so only new ones fail the build.

import Foundation
// Findings are matched by rule, reply, channel and the text of their line (see Fingerprint), not by
// line number, so edits elsewhere in a file do not bring them back.

public struct Baseline: Sendable {
    /// How many accepted findings share each fingerprint.
    public var counts: [String: Int]

    public init(counts: [String: Int] = [:]) { self.counts = counts }

    public init(result: LintResult) {
        counts = [:]
        for key in Fingerprint.all(result.findings, sources: result.sources) { counts[key, default: 0] += 1 }
    }

    /// The baseline file: version 1, one entry per finding, readable in a diff.
    public static func file(for result: LintResult) -> String {
        let entries: [JSONValue] = zip(result.findings, Fingerprint.all(result.findings, sources: result.sources)).map { finding, fingerprint in
            var pairs: [(String, JSONValue)] = [
                ("rule", .string(finding.ruleID)), ("file", .string(finding.file)),
            ]
            if let reply = finding.replyID { pairs.append(("reply", .string(reply))) }
            if let channel = finding.channel { pairs.append(("channel", .string(channel))) }
            pairs += [("fingerprint", .string(fingerprint)), ("message", .string(finding.message))]
            return .object(pairs)
        }
        return JSONValue.object([("version", .int(1)), ("findings", .array(entries))]).serialized(pretty: true) + "\n"
    }

    /// Reads a baseline file written by `file(for:)`.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> Baseline {
        struct Entry: Decodable { var fingerprint: String }
        struct Document: Decodable { var version: Int; var findings: [Entry] }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        } catch {
            throw ConfigurationError(file: file, position: nil, message: "not a ReplyLint baseline (\(JSONErrorDescription.describe(error))); write one with --write-baseline")
        }
        guard document.version == 1 else {
            throw ConfigurationError(file: file, position: nil, message: "baseline version \(document.version) is not supported; write it again with --write-baseline")
        }
        var counts: [String: Int] = [:]
        for entry in document.findings { counts[entry.fingerprint, default: 0] += 1 }
        return Baseline(counts: counts)
    }

    /// Removes the findings the baseline accepts (each entry accepts one finding); returns how many.
    public func apply(to result: inout LintResult) -> Int {
        var remaining = counts
        var kept: [Finding] = []
        for (finding, key) in zip(result.findings, Fingerprint.all(result.findings, sources: result.sources)) {
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                kept.append(finding)
            }
        }
        let removed = result.findings.count - kept.count
        result.findings = kept
        result.baselined += removed
        return removed
    }
}
