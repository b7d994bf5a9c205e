// Every rule over random text made of the characters scanners trip on: it must finish, and not crash.
// (A scanner that did not step past "(" once hung on "alert(1)".)

import Foundation
import ReplyLint
import Testing

// Alone it takes about 5 s in a debug build; the limit allows for a loaded machine running the whole suite.
@Test(.timeLimit(.minutes(3)))
func rulesFinishOnRandomText() {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            return z ^ (z >> 27)
        }
    }
    var random = Generator(state: 7)
    let pieces = ["(", ")", "+", "1", "12", "555", "-", ".", " ", "\n", "{{", "}}", "{", "}", "[", "]", "<", ">", "%", "_", "#", "@",
                  "!", "?", "a", "Hi", "DM", "your", "order", "number", "email", "X", "XXX", "é", "👍", "’", "http://", "t.co/x", "^JD",
                  "{{customer.first_name}}", "{{#a}}", "{{/a}}", "{{> signature}}", "{{! note }}", "0800 123", "4111 1111 1111 1111"]
    var library = Library(policies: [ExampleHarness.faq])
    library.configuration.accounts = ["x": "1490000000000000000"]
    for index in 0..<1_500 {
        let length = Int(random.next() % 40)
        let body = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        let text = "---\nfaq: missed-collection\nchannels: [x-reply, sms, email]\n---\n" + body
        let file = "replies/r\(index).md"
        library.replies.append(ReplyParser.parse(text, file: file, defaultID: "r\(index)", knownRules: RuleRegistry.ids, mediaExists: { _ in true }))
        library.sources[file] = text
    }
    let result = Linter().lint(library)
    #expect(result.replyCount == 1_500)
    #expect(!result.findings.isEmpty)

    // Every finding points inside its file, with a known rule and a message a person can act on.
    for finding in result.findings {
        #expect(RuleRegistry.ids.contains(finding.ruleID))
        #expect(!finding.message.isEmpty && finding.message == finding.message.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let range = finding.range, let source = library.sources[finding.file] else { continue }
        let lines = Lines.split(source)
        #expect(range.start.line >= 1 && range.start.line <= lines.count, "\(finding.file):\(range.start) is outside the file (\(finding.ruleID))")
        if range.start.line >= 1 && range.start.line <= lines.count {
            #expect(range.start.column >= 1 && range.start.column <= lines[range.start.line - 1].unicodeScalars.count + 1,
                    "\(finding.file):\(range.start) is past the end of its line (\(finding.ruleID))")
        }
    }
    // The text report shows each of them on a line of its own, and the same library lints the same way twice.
    let report = TextReporter.report(result)
    let locationLines = report.split(separator: "\n").filter { $0.hasPrefix("replies/r") }
    #expect(locationLines.count == result.findings.count)
    #expect(Linter().lint(library).findings == result.findings)

    // Rendering any of them either gives text with nothing left unfilled, or refuses with a reason.
    let renderer = ReplyRenderer(library: library)
    let values = TemplateValue.object(["customer": .object(["first_name": .string("Ana")]), "agent": .object(["full_name": .string("Jordan Reyes")]), "a": .bool(true)])
    var rendered = 0
    for reply in library.replies {
        for channel in reply.channelIDs {
            do {
                let output = try renderer.render(id: reply.id, channel: channel, values: values)
                #expect(!output.text.contains("{{") && !output.text.allSatisfy(\.isWhitespace))
                rendered += 1
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }
    #expect(rendered > 0)
}

@Test func parenthesisAfterALetterIsNotAPhoneNumber() {
    #expect(PersonalDataLiterals.find(in: "alert(1) and f(2) or x+1").isEmpty)
}
