// `--format junit`: one test case per reply or policy file, for CI test report viewers.

public enum JUnitReporter {
    public static func report(_ result: LintResult) -> String {
        var byFile: [String: [Finding]] = [:]
        for finding in result.findings { byFile[finding.file, default: []].append(finding) }
        let files = Set(result.sources.keys).union(byFile.keys).sorted()
        var cases = ""
        var failures = 0
        for file in files {
            let findings = byFile[file] ?? []
            let failing = findings.filter { $0.severity != .info }
            let className = file.split(separator: "/").dropLast().joined(separator: ".")
            cases += "    <testcase classname=\"\(escape(className.isEmpty ? "replylint" : className))\" name=\"\(escape(file))\" file=\"\(escape(file))\">\n"
            if !failing.isEmpty {
                failures += 1
                let worst = failing.map(\.severity).max() ?? .warning
                let summary = failing.count == 1 ? failing[0].message : "\(failing.count) problems"
                cases += "      <failure type=\"\(worst.rawValue)\" message=\"\(escape(summary))\">\(escape(failing.map(line).joined(separator: "\n")))</failure>\n"
            }
            let notes = findings.filter { $0.severity == .info }
            if !notes.isEmpty {
                cases += "      <system-out>\(escape(notes.map(line).joined(separator: "\n")))</system-out>\n"
            }
            cases += "    </testcase>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="replylint" tests="\(files.count)" failures="\(failures)" errors="0">
              <testsuite name="replylint" tests="\(files.count)" failures="\(failures)" errors="0" skipped="0">

            """ + cases + """
              </testsuite>
            </testsuites>

            """
    }

    /// "replies/a.md:3:5 error [x-reply] message (rule-id)".
    static func line(_ finding: Finding) -> String {
        let position = finding.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
        let channel = finding.channel.map { " [\($0)]" } ?? ""
        return "\(finding.file)\(position) \(finding.severity.rawValue)\(channel) \(finding.message) (\(finding.ruleID))"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 forbids most control characters, even escaped.
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { result += "\u{FFFD}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
