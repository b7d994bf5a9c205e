// Every rule over random text made of the characters scanners trip on: it must finish, and not crash.
// (A scanner that did not step past "(" once hung on "alert(1)".)

import ReplyLint
import Testing

@Test(.timeLimit(.minutes(1)))
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
    var replies: [Reply] = []
    for index in 0..<1_500 {
        let length = Int(random.next() % 40)
        let body = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        let text = "---\nfaq: missed-collection\nchannels: [x-reply, sms, email]\n---\n" + body
        replies.append(ReplyParser.parse(text, file: "replies/r\(index).md", defaultID: "r\(index)", knownRules: RuleRegistry.ids, mediaExists: { _ in true }))
    }
    let result = Linter().lint(Library(replies: replies, policies: [ExampleHarness.faq]))
    #expect(result.replyCount == 1_500)
}

@Test func parenthesisAfterALetterIsNotAPhoneNumber() {
    #expect(PersonalDataLiterals.find(in: "alert(1) and f(2) or x+1").isEmpty)
}
