// Reading replies: front matter fields with positions, bodies, collections, and schema problems.

import ReplyLint
import Testing

@Suite struct ReplyParserTests {
    func parse(_ text: String) -> Reply {
        ReplyParser.parse(text, file: "replies/a.md", defaultID: "a", knownRules: RuleRegistry.ids, mediaExists: { _ in true })
    }

    @Test func fieldsPositionsAndBody() {
        let reply = parse("""
            ---
            title: Missed bin
            faq: missed-collection
            channels: [x-reply, x-dm]
            tags: [waste]
            placeholders:
              customer.first_name: {max: 30, example: Ana, required: true}
            media:
              - {path: media/calendar.png, alt: Bin days}
            disable: [media-alt-text]
            ---


            Hi {{customer.first_name}},
            we are on it.


            """)
        #expect(reply.id == "a")
        #expect(reply.faq == Located("missed-collection", at: TextPosition(line: 3, column: 6)))
        #expect(reply.channels.map(\.value) == ["x-reply", "x-dm"])
        #expect(reply.channels[1].position == TextPosition(line: 4, column: 21))
        #expect(reply.placeholders["customer.first_name"] == PlaceholderDeclaration(
            name: "customer.first_name", max: 30, required: true, example: "Ana", position: TextPosition(line: 7, column: 3)))
        #expect(reply.media.first?.alt == "Bin days")
        #expect(reply.disabledRules == ["media-alt-text"])
        // Blank lines around the body are not part of the reply.
        #expect(reply.body == "Hi {{customer.first_name}},\nwe are on it.")
        #expect(reply.bodyStart == TextPosition(line: 14, column: 1))
        #expect(reply.problems.isEmpty)
    }

    @Test func schemaProblemsAreWarningsWithPositions() {
        let reply = parse("---\nfaq: [a, b]\nchannels: x-reply\ncolour: blue\ndisable: [no-such-rule]\n---\nHi.")
        #expect(reply.channels.map(\.value) == ["x-reply"])  // a single value is read as a one-item list
        #expect(reply.problems.map(\.kind) == [.schema, .schema, .schema])
        #expect(reply.problems.map(\.position.line) == [2, 4, 5])
        #expect(reply.problems[1].message.hasPrefix("unknown front-matter key 'colour'"))
    }

    @Test func noFrontMatterMeansTheWholeFileIsTheBody() {
        let reply = parse("Hi {{customer.first_name}}.\n")
        #expect(reply.body == "Hi {{customer.first_name}}.")
        #expect(reply.faq == nil)
    }

    @Test func collectionRepliesKeepBodyPositions() throws {
        let text = """
            replies:
              - id: thanks-x
                title: Thanks
                faq: thanks
                channels: [x-reply]
                body: |
                  Hi {{customer.first_name}}, thank you.
                  Glad we could help.
              - title: No id
                faq: thanks
                channels: [x-dm]
                body: "Thanks!"
            """
        let replies = try ReplyParser.parseCollection(
            text, file: "replies/quick/thanks.yml", idPrefix: "quick/thanks", knownRules: [], mediaExists: { _ in true }).get()
        #expect(replies.map(\.id) == ["thanks-x", "quick/thanks#2"])
        #expect(replies[0].body == "Hi {{customer.first_name}}, thank you.\nGlad we could help.")
        #expect(replies[0].bodyStart == TextPosition(line: 7, column: 7))
        // The second line of the body maps back to its file column.
        #expect(replies[0].filePosition(ofBody: TextPosition(line: 2, column: 1)) == TextPosition(line: 8, column: 7))
        #expect(replies[1].body == "Thanks!")
        #expect(replies[1].problems.first?.message.contains("give this reply an 'id'") == true)
    }

    @Test func brokenCollectionIsOneProblem() {
        let result = ReplyParser.parseCollection("replies:\n  - {id: a\n", file: "x.yml", idPrefix: "x", knownRules: [], mediaExists: { _ in true })
        guard case .failure(let problem) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(problem.kind == .syntax)
        #expect(problem.position.line == 3)
    }
}
