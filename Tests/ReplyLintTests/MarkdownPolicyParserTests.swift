// Tests for the Markdown policy parser: what a policy author sees in sections, text, list items and links.

import ReplyLint
import Testing

@Suite("Markdown policy parser")
struct MarkdownPolicyParserTests {
    private func parse(_ text: String, firstLine: Int = 1) -> ParsedPolicyContent {
        MarkdownPolicyParser.parse(text[...], firstLine: firstLine)
    }

    private func section(_ heading: String, in content: ParsedPolicyContent) throws -> PolicySection {
        try #require(content.sections.first { $0.heading == heading }, "no section \"\(heading)\"")
    }

    // MARK: Headings and sections

    @Test func atxHeadingsGiveSectionsWithLevelsSlugIDsAndLines() {
        let content = parse("""
            # Comment Policy
            ## When We're Online ##
            ### Questions about C#
            #hashtag is not a heading
            ###### Six
            ####### Seven is text
            """)
        let headings = content.sections.map { "\($0.level) \($0.heading) #\($0.id) @\($0.position)" }
        #expect(headings == [
            "1 Comment Policy #comment-policy @1:1",
            "2 When We're Online #when-were-online @2:1",
            "3 Questions about C# #questions-about-c @3:1",
            "6 Six #six @5:1",
        ])
        #expect(content.sections[2].paragraphs.map(\.text) == ["#hashtag is not a heading"])
        #expect(content.sections[3].paragraphs.map(\.text) == ["####### Seven is text"])
        #expect(content.sections.allSatisfy { !$0.hasExplicitID && $0.classes.isEmpty })
    }

    @Test func pandocAttributesGiveExplicitIDsAndClasses() throws {
        let content = parse("""
            ## Sensitive topics {#sensitive .sensitive .no-reply}
            ## Bin collection {.sensitive}
            ## Billing ## {#billing-faq}
            ## Braces {like this} stay
            ## Set notation {a, b}
            """)
        let sensitive = content.sections[0]
        #expect(sensitive.heading == "Sensitive topics")
        #expect(sensitive.id == "sensitive")
        #expect(sensitive.hasExplicitID)
        #expect(sensitive.classes == ["sensitive", "no-reply"])

        let bins = content.sections[1]
        #expect(bins.heading == "Bin collection")
        #expect(bins.id == "bin-collection")
        #expect(!bins.hasExplicitID)
        #expect(bins.classes == ["sensitive"])

        #expect(content.sections[2].heading == "Billing")
        #expect(content.sections[2].id == "billing-faq")
        #expect(content.sections[3].heading == "Braces {like this} stay")
        #expect(content.sections[4].heading == "Set notation {a, b}")
        #expect(!content.sections[4].hasExplicitID)
    }

    @Test func pandocAttributesAreReadFromTheHeadingsOwnText() {
        let content = parse("""
               ## Weekend *hours* {#weekend_hours .no_reply}
            ## Syntax `{#not-an-id}`
            > ## Quoted {#quoted}
            """)
        #expect(content.sections.map { "\($0.heading) #\($0.id) \($0.classes) @\($0.position)" } == [
            "Weekend hours #weekend_hours [\"no_reply\"] @1:4",
            "Syntax {#not-an-id} #syntax-not-an-id [] @2:1",
            "Quoted #quoted [] @3:3",
        ])
    }

    @Test func setextHeadings() {
        let content = parse("""
            Moderation Policy
            =================

            What we remove
            --------------
            Spam.

            A heading written
            over two lines
            ---

            Hours {#hours .important}
            ===
            """)
        let headings = content.sections.map { "\($0.level) \($0.heading) #\($0.id) @\($0.position)" }
        #expect(headings == [
            "1 Moderation Policy #moderation-policy @1:1",
            "2 What we remove #what-we-remove @4:1",
            "2 A heading written over two lines #a-heading-written-over-two-lines @8:1",
            "1 Hours #hours @12:1",
        ])
        #expect(content.sections[1].paragraphs.map(\.text) == ["Spam."])
        #expect(content.sections[3].classes == ["important"])
        #expect(content.title == "Moderation Policy")
    }

    @Test func textBeforeTheFirstHeadingIsALevelZeroSection() throws {
        let content = parse("""
            This policy applies to all city accounts.

            - Facebook
            - X

            # Policy
            Body.
            """)
        let preamble = try #require(content.sections.first)
        #expect(preamble.level == 0)
        #expect(preamble.heading == "")
        #expect(preamble.id == "")
        #expect(preamble.position == TextPosition(line: 1, column: 1))
        #expect(preamble.paragraphs.map(\.text) == ["This policy applies to all city accounts."])
        #expect(preamble.listItems.map(\.text) == ["Facebook", "X"])
        #expect(content.sections.map(\.level) == [0, 1])
        #expect(!content.anchors.contains(""))
    }

    @Test func noLevelZeroSectionWithoutTextBeforeTheFirstHeading() {
        let content = parse("""

            <!-- reviewed 2025-01 -->

            # Policy
            Body.
            """)
        #expect(content.sections.map(\.heading) == ["Policy"])
    }

    @Test func duplicateHeadingIDsAreKeptAsWritten() {
        let content = parse("""
            ## Contact
            ## Contact
            ## Other {#contact}
            """)
        #expect(content.sections.map(\.id) == ["contact", "contact", "contact"])
        #expect(content.anchors == ["contact"])
    }

    @Test func titleIsTheFirstLevelOneHeading() {
        #expect(parse("## Intro\n# First title\n# Second title\n").title == "First title")
        #expect(parse("## Only level two\n").title == nil)
        #expect(parse("# *Comment* `Policy`\n").title == "Comment Policy")
        #expect(parse("# Title\n").declaredKind == nil)
    }

    @Test func anchorsAreSectionIDs() {
        let content = parse("""
            # Policy {#top}
            ## What we remove
            text
            """)
        #expect(content.anchors == ["top", "what-we-remove"])
    }

    // MARK: Paragraphs and positions

    @Test func paragraphsJoinTheirLinesAndStartAtTheirFirstCharacter() throws {
        let content = parse("""
            # Hours

              We monitor our accounts
            Monday to Friday,   8 a.m.
               to 5 p.m.

            Outside those hours, call 311.
            """)
        let hours = try section("Hours", in: content)
        #expect(hours.paragraphs.map(\.text) == [
            "We monitor our accounts Monday to Friday, 8 a.m. to 5 p.m.",
            "Outside those hours, call 311.",
        ])
        #expect(hours.paragraphs.map(\.position) == [
            TextPosition(line: 3, column: 3), TextPosition(line: 7, column: 1),
        ])
    }

    @Test func firstLineOffsetsEveryLine() throws {
        let file = """
            ---
            kind: moderation
            title: Comment policy
            ---
            # What we remove
            Spam and [scams](https://example.org/scams).

            - Threats
            """
        let fifthLine = file.split(separator: "\n", omittingEmptySubsequences: false)[4]
        let content = MarkdownPolicyParser.parse(file[fifthLine.startIndex...], firstLine: 5)
        let remove = try section("What we remove", in: content)
        #expect(remove.position == TextPosition(line: 5, column: 1))
        #expect(remove.paragraphs.first?.position == TextPosition(line: 6, column: 1))
        #expect(remove.listItems.first?.position == TextPosition(line: 8, column: 1))
        #expect(content.links.first?.position == TextPosition(line: 6, column: 10))
    }

    @Test func windowsLineEndings() throws {
        let content = parse("# Policy\r\n\r\nFirst line\r\nsecond line\r\n\r\n- item\r\n")
        let policy = try section("Policy", in: content)
        #expect(policy.paragraphs.map(\.text) == ["First line second line"])
        #expect(policy.listItems.map(\.text) == ["item"])
        #expect(policy.listItems.first?.position == TextPosition(line: 6, column: 1))
    }

    @Test func aByteOrderMarkAndNULsDoNotShiftColumns() throws {
        let content = parse("\u{FEFF}# Title\nA\u{0}B [link](/x)\n")
        #expect(content.sections.first?.position == TextPosition(line: 1, column: 1))
        #expect(content.sections.first?.paragraphs.map(\.text) == ["A\u{FFFD}B link"])
        #expect(content.links.first?.position == TextPosition(line: 2, column: 5))
    }

    @Test func columnsCountUnicodeCodePoints() throws {
        // "👍🏽" is two code points (one grapheme); "é" is written precomposed.
        let content = parse("Café 👍🏽 — see [the FAQ](faq.md)\n")
        let link = try #require(content.links.first)
        #expect(link.position == TextPosition(line: 1, column: 15))
    }

    // MARK: Lists

    @Test func listItemsWithContinuationsAndNesting() throws {
        let content = parse("""
            ## What we remove

            - Spam or
              advertising
            * Threats,
            harassment
            + Personal information:
              - phone numbers
              - home addresses
                of residents
            - Off-topic posts

              that derail a thread
            1. Numbered one
            2) Numbered two
            """)
        let remove = try section("What we remove", in: content)
        #expect(remove.listItems.map(\.text) == [
            "Spam or advertising",
            "Threats, harassment",
            "Personal information:",
            "phone numbers",
            "home addresses of residents",
            "Off-topic posts that derail a thread",
            "Numbered one",
            "Numbered two",
        ])
        #expect(remove.listItems.map(\.position.line) == [3, 5, 7, 8, 9, 11, 14, 15])
        #expect(remove.listItems[3].position.column == 3)
        #expect(remove.paragraphs.isEmpty)
    }

    @Test func listEndsAtUnindentedTextAfterABlankLine() throws {
        let content = parse("""
            # Rules
            - one
            - two

            After the list.
            """)
        let rules = try section("Rules", in: content)
        #expect(rules.listItems.map(\.text) == ["one", "two"])
        #expect(rules.paragraphs.map(\.text) == ["After the list."])
        #expect(rules.paragraphs.first?.position.line == 5)
    }

    @Test func onlyABulletOrANumberOneInterruptsAParagraph() throws {
        let content = parse("""
            # Facts
            The policy was adopted in
            2019. It was revised
            - in 2023
            """)
        let facts = try section("Facts", in: content)
        #expect(facts.paragraphs.map(\.text) == ["The policy was adopted in 2019. It was revised"])
        #expect(facts.listItems.map(\.text) == ["in 2023"])
    }

    @Test func blockquotesHoldParagraphsAndListItems() throws {
        let content = parse("""
            # Quoted
            > We respond to questions
            > about city services.
            >
            > - Bins
            > - Parking
            """)
        let quoted = try section("Quoted", in: content)
        #expect(quoted.paragraphs.map(\.text) == ["We respond to questions about city services."])
        #expect(quoted.paragraphs.first?.position == TextPosition(line: 2, column: 3))
        #expect(quoted.listItems.map(\.text) == ["Bins", "Parking"])
        #expect(quoted.listItems.first?.position == TextPosition(line: 5, column: 3))
    }

    // MARK: Skipped blocks

    @Test func fencedCodeIsSkipped() throws {
        let content = parse("""
            # Example
            Before.
            ```yaml
            # not a heading
            - not an item
            ```
            ~~~~
            ```
            still code
            ~~~~
            After.
            """)
        #expect(content.sections.map(\.heading) == ["Example"])
        let example = try section("Example", in: content)
        #expect(example.paragraphs.map(\.text) == ["Before.", "After."])
        #expect(example.listItems.isEmpty)
    }

    @Test func htmlCommentsAreSkippedEvenOverSeveralLines() throws {
        let content = parse("""
            # Policy
            Visible <!-- hidden --> text.
            <!--
            # Draft heading
            - draft item
            -->
            Also visible.
            """)
        #expect(content.sections.map(\.heading) == ["Policy"])
        let policy = try section("Policy", in: content)
        #expect(policy.paragraphs.map(\.text) == ["Visible text.", "Also visible."])
        #expect(policy.listItems.isEmpty)
    }

    @Test func thematicBreaksAreNotText() throws {
        let content = parse("""
            # Policy
            - item
            ***
            Paragraph
            ___
            - - -
            * * *
            End.
            """)
        let policy = try section("Policy", in: content)
        #expect(policy.listItems.map(\.text) == ["item"])
        #expect(policy.paragraphs.map(\.text) == ["Paragraph", "End."])
    }

    @Test func htmlTagLinesAreMarkupAndTheirIDsAreAnchors() throws {
        let content = parse("""
            <a id="hours"></a>
            <div class="note">

            ## Hours
            Call <b>311</b>, or write <insert name here>.<br>Thanks.
            </div>
            """)
        #expect(content.sections.map(\.heading) == ["Hours"])
        let hours = try section("Hours", in: content)
        #expect(hours.paragraphs.map(\.text) == ["Call 311, or write <insert name here>. Thanks."])
        #expect(content.anchors == ["hours"])
    }

    // MARK: Inline text

    @Test func inlineMarkupIsStrippedFromText() throws {
        let content = parse(#"""
            Use *our* **official** _accounts_ and __only__ ***those***.
            Placeholders like `{{customer.first_name}}` and `a * b` stay; so do snake_case_names.
            5 * 3 = 15, \*not emphasis\*, Q&amp;A &mdash; &#39;quoted&#x27;.
            An *unclosed emphasis stays.
            """#)
        let paragraphs = try #require(content.sections.first).paragraphs.map(\.text)
        #expect(paragraphs == [
            "Use our official accounts and only those. "
                + "Placeholders like {{customer.first_name}} and a * b stay; so do snake_case_names. "
                + "5 * 3 = 15, *not emphasis*, Q&A — 'quoted'. "
                + "An *unclosed emphasis stays.",
        ])
    }

    // MARK: Links

    @Test func inlineLinksImagesAndAutolinksWithPositions() {
        let content = parse("""
            # Contact
            See [our FAQ](https://city.gov/faq "Frequently asked") or [the *form*](<forms/contact us.pdf>).
              ![City seal](img/seal.png) <https://city.gov/help> <help@city.gov>
            [Parens](https://en.wikipedia.org/wiki/Bin_(container)) and [empty]()
            """)
        let links = content.links.map { "\($0.position) \($0.target) | \($0.text)" }
        #expect(links == [
            "2:5 https://city.gov/faq | our FAQ",
            "2:59 forms/contact us.pdf | the form",
            "3:3 img/seal.png | City seal",
            "3:30 https://city.gov/help | https://city.gov/help",
            "3:54 mailto:help@city.gov | help@city.gov",
            "4:1 https://en.wikipedia.org/wiki/Bin_(container) | Parens",
            "4:61  | empty",
        ])
        #expect(content.sections[0].paragraphs.map(\.text) == [
            "See our FAQ or the form. City seal https://city.gov/help help@city.gov Parens and empty",
        ])
    }

    @Test func referenceLinksResolveAgainstDefinitionsAnywhere() throws {
        let content = parse("""
            [early]: https://city.gov/early

            # Links
            Read [the guide][Guide], the [FAQ][], the [hours] and [early one][early].
            An [unknown][nowhere] reference and [brackets] stay text.

            [guide]: https://city.gov/guide "The guide"
            [faq]: <https://city.gov/faq>
            [Hours]: /hours
            [^1]: A footnote is not a definition.
            """)
        let links = content.links.map { "\($0.position) \($0.target) | \($0.text)" }
        #expect(links == [
            "4:6 https://city.gov/guide | the guide",
            "4:30 https://city.gov/faq | FAQ",
            "4:43 /hours | hours",
            "4:55 https://city.gov/early | early one",
        ])
        let paragraphs = try section("Links", in: content).paragraphs
        #expect(paragraphs.map(\.text) == [
            "Read the guide, the FAQ, the hours and early one. An [unknown][nowhere] reference and [brackets] stay text.",
            "[^1]: A footnote is not a definition.",
        ])
        // cmark reports a paragraph that begins with definitions at the first definition's line.
        #expect(paragraphs.map(\.position) == [TextPosition(line: 4, column: 1), TextPosition(line: 10, column: 1)])
        #expect(content.sections.map(\.level) == [1], "a definition alone is not text before the first heading")
    }

    @Test func aDefinitionCannotInterruptAParagraph() throws {
        // CommonMark 4.7: the lines under "Read …" continue its paragraph, so nothing is defined.
        let content = parse("""
            Read [the guide][guide] and the [FAQ][].
            [guide]: /guide
            [faq]: /faq
            """)
        #expect(content.links.isEmpty)
        #expect(content.sections.first?.paragraphs.map(\.text) == [
            "Read [the guide][guide] and the [FAQ][]. [guide]: /guide [faq]: /faq",
        ])
    }

    @Test func linksInHeadingsAndListItemsAreInDocumentOrder() throws {
        let content = parse("""
            ## [Report a problem](https://city.gov/report)
            - Parent with [one](/1)
              - Child with [two](/2)

              Parent again with [three](/3)
            - Sibling [four](/4)
            """)
        #expect(content.links.map(\.target) == ["https://city.gov/report", "/1", "/2", "/3", "/4"])
        #expect(content.sections[0].heading == "Report a problem")
        #expect(content.sections[0].id == "report-a-problem")
        #expect(content.sections[0].listItems.map(\.text) == [
            "Parent with one Parent again with three", "Child with two", "Sibling four",
        ])
    }

    @Test func linkSyntaxInsideCodeIsNotALink() {
        let content = parse("Write `[text](url)` to link, or\n\n```\n[x](y)\n```\n")
        #expect(content.links.isEmpty)
        #expect(content.sections[0].paragraphs.map(\.text) == ["Write [text](url) to link, or"])
    }

    // MARK: CommonMark where the old hand-written parser was not

    @Test func lazyContinuationLinesStayInTheirParagraph() throws {
        let content = parse("""
            # Quoted
            > We respond to questions
            about city services, with [a link](/x) on the lazy line.

            - An item
            continued lazily
            """)
        let quoted = try section("Quoted", in: content)
        #expect(quoted.paragraphs.map(\.text) == ["We respond to questions about city services, with a link on the lazy line."])
        #expect(quoted.paragraphs.map(\.position) == [TextPosition(line: 2, column: 3)])
        #expect(quoted.listItems.map(\.text) == ["An item continued lazily"])
        #expect(content.links.map(\.position) == [TextPosition(line: 3, column: 27)])
    }

    @Test func aSetextUnderlineInAListItemMakesAHeadingNotText() throws {
        let content = parse("""
            # Rules
            - Spam
              ====
              Ads and links to shops.
            - Threats
            """)
        let rules = try section("Rules", in: content)
        #expect(rules.listItems.map(\.text) == ["Spam Ads and links to shops.", "Threats"])
        #expect(content.sections.map(\.heading) == ["Rules"], "a heading inside a list item is part of the item")
    }

    @Test func htmlBlocksAreReadAsHTML() throws {
        let content = parse("""
            # Policy
            <div class="note">
            Please *be kind*: <a href="rules.md">read the rules</a>.
            </div>

            <details>
            <summary>Why we hide comments</summary>

            We hide comments that **share** personal details.

            </details>
            """)
        let policy = try section("Policy", in: content)
        // Inside an HTML block `*` is not emphasis: a reader sees the asterisks.
        #expect(policy.paragraphs.map(\.text) == [
            "Please *be kind*: read the rules.", "Why we hide comments", "We hide comments that share personal details.",
        ])
        #expect(policy.paragraphs.map(\.position) == [
            TextPosition(line: 3, column: 1), TextPosition(line: 7, column: 1), TextPosition(line: 9, column: 1),
        ])
        #expect(content.links.map { "\($0.position) \($0.target) | \($0.text)" } == ["3:19 rules.md | read the rules"])
    }

    @Test func codeIsNeverAHeadingOrText() throws {
        let content = parse("""
            # Examples
            - A step

              ```
              # not a heading
              ```
            > ```
            > # code until the quote ends

            ## After the quote
                # indented code, not a heading

            Text.
            """)
        #expect(content.sections.map(\.heading) == ["Examples", "After the quote"])
        #expect(try section("Examples", in: content).listItems.map(\.text) == ["A step"])
        #expect(try section("After the quote", in: content).paragraphs.map(\.text) == ["Text."])
    }

    @Test func entityReferencesAreDecoded() throws {
        let content = parse("&frac12; price for &Eacute;tudiants &hearts; &#x1F44D; &#0; &notanentity; &amp;copy;\n")
        #expect(content.sections.first?.paragraphs.map(\.text) == [
            "½ price for Étudiants ♥ 👍 \u{FFFD} &notanentity; &copy;",
        ])
    }

    @Test func hardLineBreaksSeparateWords() throws {
        let content = parse("First line  \nsecond line\\\nthird line<br>fourth\n")
        #expect(content.sections.first?.paragraphs.map(\.text) == ["First line second line third line fourth"])
    }

    @Test func crlfLineEndingsEverywhere() throws {
        let content = parse(
            "Title\r\n=====\r\n\r\n```\r\n# code\r\n```\r\n- item with [a link](/x)\r\n  and [another](/y)\r\n\r\n## Next {#next}\r\n")
        #expect(content.sections.map { "\($0.level) \($0.heading) #\($0.id) @\($0.position)" } == [
            "1 Title #title @1:1", "2 Next #next @10:1",
        ])
        #expect(content.sections[0].listItems.map(\.text) == ["item with a link and another"])
        #expect(content.sections[0].listItems.map(\.position) == [TextPosition(line: 7, column: 1)])
        #expect(content.links.map(\.position) == [TextPosition(line: 7, column: 13), TextPosition(line: 8, column: 7)])
    }

    @Test func nestedListsFollowTheirContentIndent() throws {
        let content = parse("""
            1. First
               - under first
                 continued
            2. Second
              - not under second: its content starts in column 4
            10. Ten
                - under ten
            """)
        let items = try #require(content.sections.first).listItems
        #expect(items.map(\.text) == [
            "First", "under first continued", "Second", "not under second: its content starts in column 4", "Ten",
            "under ten",
        ])
        #expect(items.map(\.position) == [
            TextPosition(line: 1, column: 1), TextPosition(line: 2, column: 4), TextPosition(line: 4, column: 1),
            TextPosition(line: 5, column: 3), TextPosition(line: 6, column: 1), TextPosition(line: 7, column: 5),
        ])
    }

    // MARK: GitHub's extensions

    @Test func tableCellsAreParagraphsAsInHTML() throws {
        let content = parse("""
            ## Response times

            | Channel | Reply within      |
            |---------|-------------------|
            | X       | [2 hours](#hours) |
            | Email   | 2 *working* days  |
            """)
        let times = try section("Response times", in: content)
        #expect(times.paragraphs.map(\.text) == ["Channel", "Reply within", "X", "2 hours", "Email", "2 working days"])
        #expect(times.paragraphs.map(\.position).prefix(3) == [
            TextPosition(line: 3, column: 3), TextPosition(line: 3, column: 13), TextPosition(line: 5, column: 3),
        ])
        #expect(content.links.map { "\($0.position) \($0.target)" } == ["5:13 #hours"])
    }

    @Test func bareURLsAreLinksWithPositions() throws {
        let content = parse("""
            Visit www.riverton.gov or https://riverton.gov/311.
            > Or write to help@riverton.gov, ~~not~~ fax.
            """)
        #expect(content.links.map { "\($0.position) \($0.target) | \($0.text)" } == [
            "1:7 http://www.riverton.gov | www.riverton.gov",
            "1:27 https://riverton.gov/311 | https://riverton.gov/311",
            "2:15 mailto:help@riverton.gov | help@riverton.gov",
        ])
        #expect(content.sections[0].paragraphs.map(\.text) == [
            "Visit www.riverton.gov or https://riverton.gov/311.", "Or write to help@riverton.gov, not fax.",
        ])
    }

    @Test func taskListItemsAreTheirText() throws {
        let content = parse("- [ ] Check the rules\n- [x] Done\n")
        #expect(content.sections.first?.listItems.map(\.text) == ["Check the rules", "Done"])
    }

    // MARK: Positions cmark-gfm reports wrongly (see InlineLocator)

    @Test func linkPositionsAfterDefinitionsIndentationAndMultiLineTitles() throws {
        let content = parse("""
            [a]: /a
            [b]: /b
            Text with [a link](/x) on the
              next line [another](/y) and <https://x.org>.

            [one](/1 "a title
            over two lines") then [two](/2)
            and [three](/3).
            """)
        #expect(content.links.map { "\($0.position) \($0.target)" } == [
            "3:11 /x", "4:13 /y", "4:31 https://x.org", "6:1 /1", "7:23 /2", "8:5 /3",
        ])
        #expect(content.sections.first?.paragraphs.first?.position == TextPosition(line: 3, column: 1))
    }

    // MARK: Robustness

    @Test func emptyAndBlankBodies() {
        #expect(parse("") == ParsedPolicyContent())
        #expect(parse("\n\n   \n\t\n") == ParsedPolicyContent())
        #expect(parse("```\nunclosed fence\n# heading") == ParsedPolicyContent())
        #expect(parse("<!-- unclosed comment\n# heading") == ParsedPolicyContent())
    }

    @Test(.timeLimit(.minutes(1)))
    func pathologicalInlineInputFinishes() throws {
        let body = String(repeating: "[a](", count: 50_000) + "\n"
            + String(repeating: "[", count: 50_000) + "\n"
            + String(repeating: "`a ``b ", count: 20_000) + "\n"
            + String(repeating: "*a _b ", count: 20_000) + "\n"
            + String(repeating: "<", count: 50_000)
        let content = parse(body)
        #expect(content.sections.count == 1)
        #expect(content.sections[0].paragraphs.count == 1)
    }

    @Test(.timeLimit(.minutes(1)))
    func deepNestingAndLongLinesFinish() throws {
        let quotes = parse(String(repeating: ">", count: 100_000) + " deep [link](/x)\n")
        #expect(quotes.sections.first?.paragraphs.map(\.text) == ["deep link"])
        #expect(quotes.links.first?.position == TextPosition(line: 1, column: 100_007))
        let lists = parse(String(repeating: "- ", count: 20_000) + "deep\n")
        #expect(lists.sections.first?.listItems.map(\.text) == ["deep"])
        let emphasis = parse(String(repeating: "*", count: 20_000) + "strong" + String(repeating: "*", count: 20_000) + "\n")
        #expect(emphasis.sections.first?.paragraphs.map(\.text) == ["strong"])
        // Columns on a long line are counted on from the link before, not from the start each time.
        let line = parse("Café " + String(repeating: "[a](/x) ", count: 40_000) + "\n")
        #expect(line.links.count == 40_000)
        #expect(line.links.last?.position == TextPosition(line: 1, column: 6 + 39_999 * 8))
    }

    @Test(.timeLimit(.minutes(1)))
    func aLargeDocumentKeepsEverySectionAndLine() throws {
        var body = ""
        let count = 6_000
        for index in 1...count {
            body += "## Topic \(index) {#t\(index)}\n\nAnswer *\(index)* with [a link](#t\(index)).\n\n- item \(index)\n  - nested\n\n"
        }
        #expect(body.utf8.count > 500_000)
        let content = parse(body)
        #expect(content.sections.count == count)
        #expect(content.links.count == count)
        let last = try #require(content.sections.last)
        #expect(last.id == "t\(count)")
        #expect(last.position.line == (count - 1) * 7 + 1)
        #expect(last.paragraphs.map(\.text) == ["Answer \(count) with a link."])
        #expect(last.listItems.map(\.text) == ["item \(count)", "nested"])
    }
}
