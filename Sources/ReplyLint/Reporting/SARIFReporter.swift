// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

public enum SARIFReporter {
    public static let informationURI = "https://github.com/replylint/replylint"

    public static func report(_ result: LintResult, rules: [RuleDescription], version: String) -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driver: JSONValue = .object([
            ("name", .string("ReplyLint")),
            ("informationUri", .string(informationURI)),
            ("version", .string(version)),
            ("rules", .array(rules.map(rule))),
        ])
        let results: [JSONValue] = zip(result.findings, Fingerprint.all(result.findings, sources: result.sources)).map { finding, fingerprint in
            let range = finding.range ?? TextRange(at: TextPosition(line: 1, column: 1))
            var region: [(String, JSONValue)] = [
                ("startLine", .int(range.start.line)), ("startColumn", .int(range.start.column)),
                ("endLine", .int(range.end.line)),
                // SARIF's end column is exclusive; a point finding still covers one character.
                ("endColumn", .int(max(range.end.column, range.start.column + (range.end.line == range.start.line ? 1 : 0)))),
            ]
            if finding.range == nil { region = [("startLine", .int(1))] }
            var pairs: [(String, JSONValue)] = [
                ("ruleId", .string(finding.ruleID)),
            ]
            if let index = ruleIndex[finding.ruleID] { pairs.append(("ruleIndex", .int(index))) }
            pairs += [
                ("level", .string(level(finding.severity))),
                ("message", .object([("text", .string(finding.message))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(uri(finding.file))), ("uriBaseId", .string("%SRCROOT%"))])),
                        ("region", .object(region)),
                    ])),
                ])])),
                ("partialFingerprints", .object([("replylint/v1", .string(fingerprint))])),
            ]
            // SARIF's fixes are proposals a viewer may offer: both the safe rewrite and the suggestion.
            let fixes = [finding.fix, finding.suggestion].compactMap { $0 }.map { fix -> JSONValue in
                .object([
                    ("description", .object([("text", .string(finding.message))])),
                    ("artifactChanges", .array([.object([
                        ("artifactLocation", .object([("uri", .string(uri(finding.file))), ("uriBaseId", .string("%SRCROOT%"))])),
                        ("replacements", .array([.object([
                            ("deletedRegion", .object([
                                ("startLine", .int(fix.range.start.line)), ("startColumn", .int(fix.range.start.column)),
                                ("endLine", .int(fix.range.end.line)), ("endColumn", .int(fix.range.end.column)),
                            ])),
                            ("insertedContent", .object([("text", .string(fix.replacement))])),
                        ])])),
                    ])])),
                ])
            }
            if !fixes.isEmpty { pairs.append(("fixes", .array(fixes))) }
            var properties: [(String, JSONValue)] = []
            if let reply = finding.replyID { properties.append(("reply", .string(reply))) }
            if let channel = finding.channel { properties.append(("channel", .string(channel))) }
            if !properties.isEmpty { pairs.append(("properties", .object(properties))) }
            return .object(pairs)
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).serialized(pretty: true) + "\n"
    }

    static func rule(_ rule: RuleDescription) -> JSONValue {
        var help = rule.rationale
        if !rule.blindSpots.isEmpty { help += "\n\nDoes not catch: " + rule.blindSpots.joined(separator: " ") }
        var markdown = "**\(rule.summary)**\n\n\(rule.rationale)"
        if let example = rule.triggering.first { markdown += "\n\nReported:\n\n```\n\(example.plainText)\n```" }
        if let example = rule.nonTriggering.first { markdown += "\n\nFine:\n\n```\n\(example.plainText)\n```" }
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(camelCase(rule.id))),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("help", .object([("text", .string(help)), ("markdown", .string(markdown))])),
            ("helpUri", .string(informationURI + "/blob/main/docs/rules.md#" + rule.id)),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object([("tags", .array([.string(rule.category.rawValue)]))])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// "personal-data-public" → "PersonalDataPublic": SARIF names are identifiers.
    static func camelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative URI: path segments percent-encoded where needed.
    static func uri(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-._~/".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
            }
        }
        return result
    }
}
