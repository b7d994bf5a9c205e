// Inline switches in a reply's body: `{{! replylint-disable RULE }}` and `{{! replylint-disable-next-line RULE }}`.

import Foundation

struct Suppressions {
    struct Directive {
        /// Empty means every rule.
        var rules: Set<String>
        var position: TextPosition
        var nextLineOnly: Bool
    }

    var directives: [Directive]
    var frontMatterRules: Set<String>
    var bodyStartLine: Int

    init(reply: Reply) {
        frontMatterRules = reply.disabledRules
        bodyStartLine = reply.bodyStart.line
        directives = Self.directives(in: reply.body).map { directive in
            var directive = directive
            directive.position = reply.filePosition(ofBody: directive.position)
            return directive
        }
    }

    func suppresses(_ finding: Finding) -> Bool {
        if frontMatterRules.contains(finding.ruleID) { return true }
        guard let start = finding.range?.start else { return false }
        for directive in directives where directive.rules.isEmpty || directive.rules.contains(finding.ruleID) {
            if directive.nextLineOnly {
                if start.line == directive.position.line + 1 { return true }
            } else if start >= directive.position {
                return true
            } else if start.line < bodyStartLine, directive.position.line == bodyStartLine {
                // A disable comment at the top of the body covers findings placed in the front matter too.
                return true
            }
        }
        return false
    }

    /// Whether `reply` switches anything off (a `disable:` in front matter, a `replylint-disable` comment): when it
    /// does not, its suppressions need not be read.
    static func switchesAnythingOff(_ reply: Reply) -> Bool {
        !reply.disabledRules.isEmpty || reply.bodyMayHoldDirectives
    }

    /// Scans `body` for suppression comments; positions are body positions.
    static func directives(in body: String) -> [Directive] {
        guard Reply.mayHoldDirectives(body) else { return [] }
        var result: [Directive] = []
        var line = 1
        for text in Lines.split(body) {
            var searchStart = text.startIndex
            while let open = text[searchStart...].range(of: "{{!") {
                guard let close = text[open.upperBound...].range(of: "}}") else { break }
                let comment = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                for (keyword, nextLine) in [("replylint-disable-next-line", true), ("replylint-disable", false)]
                where comment == keyword || comment.hasPrefix(keyword + " ") {
                    let list = comment.dropFirst(keyword.count)
                    let rules = list.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                    let column = text.unicodeScalars.distance(from: text.startIndex, to: open.lowerBound) + 1
                    result.append(Directive(rules: Set(rules), position: TextPosition(line: line, column: column), nextLineOnly: nextLine))
                    break
                }
                searchStart = close.upperBound
            }
            line += 1
        }
        return result
    }
}
