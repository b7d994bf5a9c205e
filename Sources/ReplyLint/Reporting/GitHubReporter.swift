// `--format github`: GitHub Actions workflow commands, which annotate the pull request's lines.

import Foundation

public enum GitHubReporter {
    public static func report(_ result: LintResult) -> String {
        var output = ""
        for finding in result.findings {
            var properties = ["file=\(property(finding.file))"]
            if let range = finding.range {
                properties += ["line=\(range.start.line)", "col=\(range.start.column)", "endLine=\(range.end.line)", "endColumn=\(range.end.column)"]
            }
            properties.append("title=\(property(finding.ruleID))")
            let channel = finding.channel.map { " [\($0)]" } ?? ""
            output += "::\(command(finding.severity)) \(properties.joined(separator: ","))::\(data(finding.message + channel))\n"
        }
        return output
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// Workflow command escaping for the message.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Workflow command escaping for a property value, which also may not hold ':' or ','.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
