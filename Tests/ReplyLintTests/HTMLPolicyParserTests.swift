// Tests for the HTML policy parser: real policy pages are tag soup, and they must read like their Markdown twins.

import ReplyLint
import Testing

@Suite("HTML policy parser")
struct HTMLPolicyParserTests {
    private func section(_ heading: String, in content: ParsedPolicyContent) throws -> PolicySection {
        try #require(content.sections.first { $0.heading == heading }, "no section \"\(heading)\"")
    }

    /// A city's comment policy page as content management systems write them: a nav menu, nested
    /// layout divs, unclosed `<p>` and `<li>`, `<br>`, inline scripts and styles, entities.
    private static let cityCommentPolicy = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Social Media Comment Policy | City of Springfield</title>
        <meta name="replylint-kind" content="moderation">
        <style>p { color: #333 }</style>
        <script>var menu = "<li>Not an item</li><p>Not a paragraph";</script>
        </head>
        <body>
        <div id="top-nav" class="nav"><ul class="menu"><li><a href="/">Home</a><li><a href="/services">Services</a><li><a href="/contact">Contact us</a></ul></div>
        <div class="content"><div class="inner">
        <h1>Social Media Comment Policy</h1>
        The City of Springfield welcomes your comments.
        <p>Our accounts are moderated.
        <p>We read every message<br>during office hours.
        <h2 id="remove" class="policy  sensitive">What we remove</h2>
        <ul>
        <li>Spam or <b>advertising</b>
        <li>Threats &amp; harassment
        <li>Personal information, such as:
          <ul><li>phone numbers<li>home addresses</ul>
        <li>Off-topic posts
        </ul>
        <a name="hours"></a>
        <h2>Hours of monitoring</h2>
        <p>We monitor our accounts Monday&ndash;Friday, 8&nbsp;a.m. to 5&nbsp;p.m. See our <a href="https://springfield.gov/hours?lang=en&amp;view=all">hours page</a>.
        <script>document.write("<p>Injected</p>")</script>
        <p>For emergencies call <a
           href="tel:911">911</a>.
        </div></div>
        <div class="footer">&copy; City of Springfield<div>Contact: <a href="mailto:social@springfield.gov">social@springfield.gov</a></div>Last updated 2025</div>
        </body>
        </html>
        """#

    // MARK: The realistic page

    @Test func cityPageSectionsHeadingsAndLines() throws {
        let content = HTMLPolicyParser.parse(Self.cityCommentPolicy)
        #expect(content.title == "Social Media Comment Policy | City of Springfield")
        #expect(content.declaredKind == "moderation")
        let headings = content.sections.map { "\($0.level) \($0.heading) #\($0.id) @\($0.position)" }
        #expect(headings == [
            "1 Social Media Comment Policy #social-media-comment-policy @13:1",
            "2 What we remove #remove @17:1",
            "2 Hours of monitoring #hours @26:1",
        ])
        let remove = try section("What we remove", in: content)
        #expect(remove.hasExplicitID)
        #expect(remove.classes == ["policy", "sensitive"])
        let hours = try section("Hours of monitoring", in: content)
        #expect(hours.hasExplicitID, "the <a name> right before the heading names it")
        #expect(content.anchors == ["top-nav", "social-media-comment-policy", "remove", "hours"])
    }

    @Test func cityPageNavMenuAndFooterAreNotPolicyText() throws {
        let content = HTMLPolicyParser.parse(Self.cityCommentPolicy)
        let first = try #require(content.sections.first)
        #expect(first.level == 1, "the site's menu is not text before the first heading")
        let texts = content.sections.flatMap { $0.paragraphs.map(\.text) + $0.listItems.map(\.text) }
        #expect(!texts.contains { $0.contains("Home") || $0.contains("Services") || $0.contains("©") || $0.contains("Last updated") })
        #expect(!texts.contains { $0.contains("Not an item") || $0.contains("Not a paragraph") }, "the script's \"<li>\" and \"<p>\" strings are not content")
    }

    @Test func cityPageUnclosedParagraphsAndLooseText() throws {
        let content = HTMLPolicyParser.parse(Self.cityCommentPolicy)
        let intro = try section("Social Media Comment Policy", in: content)
        #expect(intro.paragraphs.map(\.text) == [
            "The City of Springfield welcomes your comments.",
            "Our accounts are moderated.",
            "We read every message during office hours.",
        ])
        #expect(intro.paragraphs.map(\.position) == [
            TextPosition(line: 14, column: 1), TextPosition(line: 15, column: 1), TextPosition(line: 16, column: 1),
        ])
        #expect(intro.listItems.isEmpty)

        let hours = try section("Hours of monitoring", in: content)
        #expect(hours.paragraphs.map(\.text) == [
            "We monitor our accounts Monday–Friday, 8 a.m. to 5 p.m. See our hours page.",
            "For emergencies call 911.",
        ])
        #expect(hours.paragraphs.map(\.position.line) == [27, 29])
        #expect(hours.paragraphs[0].position.column == 1)
        #expect(!hours.paragraphs.contains { $0.text.contains("Injected") })
    }

    @Test func cityPageUnclosedListItemsAndNestedList() throws {
        let content = HTMLPolicyParser.parse(Self.cityCommentPolicy)
        let remove = try section("What we remove", in: content)
        #expect(remove.listItems.map(\.text) == [
            "Spam or advertising",
            "Threats & harassment",
            "Personal information, such as:",
            "phone numbers",
            "home addresses",
            "Off-topic posts",
        ])
        #expect(remove.listItems.map(\.position) == [
            TextPosition(line: 19, column: 1), TextPosition(line: 20, column: 1), TextPosition(line: 21, column: 1),
            TextPosition(line: 22, column: 7), TextPosition(line: 22, column: 24), TextPosition(line: 23, column: 1),
        ])
        #expect(remove.paragraphs.isEmpty)
    }

    @Test func cityPageLinksWithLinesAndColumns() {
        let content = HTMLPolicyParser.parse(Self.cityCommentPolicy)
        let links = content.links.map { "\($0.position) \($0.target) | \($0.text)" }
        // The menu's and the footer's links are the site's, not the policy's.
        #expect(links == [
            "27:84 https://springfield.gov/hours?lang=en&view=all | hours page",
            "29:25 tel:911 | 911",
        ])
    }

    // MARK: Tag soup

    @Test func unclosedListItemsAreSeparateItems() throws {
        // Foundation's XMLDocument reads this as one item "ab".
        let content = HTMLPolicyParser.parse("<ul><li>a<li>b</ul>")
        #expect(content.sections.count == 1)
        #expect(content.sections[0].listItems.map(\.text) == ["a", "b"])
        #expect(content.sections[0].listItems.map(\.position) == [
            TextPosition(line: 1, column: 5), TextPosition(line: 1, column: 10),
        ])
    }

    @Test func unclosedParagraphsLandInTheirSections() throws {
        let content = HTMLPolicyParser.parse("""
            <h2>We respond to</h2>
            <p>Questions about services
            <p>Reports of problems
            <h2>We leave alone</h2>
            <p>Opinions
            <h3>Details</h3>
            <p>Criticism of the city
            """)
        #expect(content.sections.map(\.heading) == ["We respond to", "We leave alone", "Details"])
        #expect(content.sections.map(\.level) == [2, 2, 3])
        #expect(content.sections.map { $0.paragraphs.map(\.text) } == [
            ["Questions about services", "Reports of problems"], ["Opinions"], ["Criticism of the city"],
        ])
        #expect(content.sections.map { $0.paragraphs.map(\.position.line) } == [[2, 3], [5], [7]])
    }

    @Test func anUnclosedListDoesNotSwallowTheNextSection() throws {
        // libxml2 keeps the heading and paragraph inside the last <li>; they are still a section and a paragraph.
        let content = HTMLPolicyParser.parse("""
            <h2>What we remove</h2>
            <ul><li>Spam
            <li>Threats
            <h2>Hours</h2>
            <p>Weekdays only
            """)
        let remove = try section("What we remove", in: content)
        #expect(remove.listItems.map(\.text) == ["Spam", "Threats"])
        let hours = try section("Hours", in: content)
        #expect(hours.position.line == 4)
        #expect(hours.paragraphs.map(\.text) == ["Weekdays only"])
        #expect(hours.listItems.isEmpty)
    }

    @Test func listItemTextExcludesNestedListsButKeepsItsOwnParagraphs() throws {
        let content = HTMLPolicyParser.parse("""
            <h2>Topics</h2>
            <ol>
              <li><p>Waste</p><p>and recycling</p>
                <ul><li>Bins</li><li>Bulky items</li></ul>
                collection
              </li>
              <li>Parking</li>
            </ol>
            """)
        let topics = try section("Topics", in: content)
        #expect(topics.listItems.map(\.text) == ["Waste and recycling collection", "Bins", "Bulky items", "Parking"])
        #expect(topics.listItems.map(\.position.line) == [3, 4, 4, 7])
        #expect(topics.paragraphs.isEmpty)
    }

    @Test func looseTextIsNeverDropped() throws {
        let content = HTMLPolicyParser.parse("""
            <h2>Soup</h2>
            <div>Directly in a div<div>nested div</div>after the nested div</div>
            <table><tr><td>Cell one<td>Cell <i>two</i></table>
            <ul>Stray list text<li>Item</ul>
            <dl><dt>Term<dd>Definition</dl>
            <span>Bare span</span> text
            <blockquote>Quoted <p>Quoted paragraph</blockquote>
            """)
        let soup = try section("Soup", in: content)
        #expect(soup.paragraphs.map(\.text) == [
            "Directly in a div", "nested div", "after the nested div", "Cell one", "Cell two", "Stray list text",
            "Term", "Definition", "Bare span text", "Quoted", "Quoted paragraph",
        ])
        #expect(soup.paragraphs.map(\.position) == [
            TextPosition(line: 2, column: 6), TextPosition(line: 2, column: 28), TextPosition(line: 2, column: 44),
            TextPosition(line: 3, column: 16), TextPosition(line: 3, column: 28), TextPosition(line: 4, column: 5),
            TextPosition(line: 5, column: 5), TextPosition(line: 5, column: 13), TextPosition(line: 6, column: 7),
            TextPosition(line: 7, column: 13), TextPosition(line: 7, column: 20),
        ])
        #expect(soup.listItems.map(\.text) == ["Item"])
    }

    @Test func scriptsStylesTemplatesAndCommentsAreSkipped() throws {
        let content = HTMLPolicyParser.parse("""
            <h2>Policy</h2>
            <p>Visible<script>var hidden = 1;</script> text</p>
            <style>.x { content: "hidden" }</style>
            <template><p>Template text</p></template>
            <noscript><p>Enable JavaScript</p></noscript>
            <!-- <p>Commented out</p> -->
            <p>End</p>
            """)
        let policy = try section("Policy", in: content)
        #expect(policy.paragraphs.map(\.text) == ["Visible text", "End"])
        #expect(policy.paragraphs.map(\.position.line) == [2, 7])
    }

    @Test func whitespaceCollapsesAndEntitiesDecode() throws {
        let content = HTMLPolicyParser.parse("<p>  Fees &amp; fines:\n\t&ldquo;late&rdquo;&nbsp;&nbsp;payments  </p><p>&nbsp;</p><p>   </p>")
        #expect(content.sections.count == 1)
        #expect(content.sections[0].paragraphs.map(\.text) == ["Fees & fines: “late” payments"])
    }

    // MARK: Headings

    @Test func headingIDsClassesAndAnchors() {
        let content = HTMLPolicyParser.parse("""
            <h1 class="page-title">FAQ</h1>
            <h2 id="bins">Missed bins</h2>
            <h2><a id="parking"></a>Parking <em>permits</em></h2>
            <a name="old-anchor"></a>
            <h2>Old style</h2>
            <h2>When We&rsquo;re Online</h2>
            <h4 id="">Empty id</h4>
            """)
        let headings = content.sections.map { "\($0.level) \($0.heading) #\($0.id) \($0.hasExplicitID) \($0.classes)" }
        #expect(headings == [
            "1 FAQ #faq false [\"page-title\"]",
            "2 Missed bins #bins true []",
            "2 Parking permits #parking true []",
            "2 Old style #old-anchor true []",
            "2 When We’re Online #when-were-online false []",
            "4 Empty id #empty-id false []",
        ])
        #expect(content.sections.map(\.position.line) == [1, 2, 3, 5, 6, 7])
        #expect(content.anchors == ["faq", "bins", "parking", "old-anchor", "when-were-online", "empty-id"])
    }

    @Test func titleFallsBackToTheFirstH1() {
        #expect(HTMLPolicyParser.parse("<h2>Intro</h2><h1>Comment policy</h1><h1>Other</h1>").title == "Comment policy")
        #expect(HTMLPolicyParser.parse("<title>  </title><h1>From h1</h1>").title == "From h1")
        #expect(HTMLPolicyParser.parse("<title>Page\n  title</title><h1>Heading</h1>").title == "Page title")
        #expect(HTMLPolicyParser.parse("<p>No headings</p>").title == nil)
    }

    @Test func declaredKindComesFromTheMetaTag() {
        #expect(HTMLPolicyParser.parse(#"<meta name="ReplyLint-Kind" content=" faq "><h2>Q</h2>"#).declaredKind == "faq")
        #expect(HTMLPolicyParser.parse(#"<meta name="description" content="faq"><h2>Q</h2>"#).declaredKind == nil)
        #expect(HTMLPolicyParser.parse("<h2>Q</h2>").declaredKind == nil)
    }

    @Test func textBeforeTheFirstHeadingOnlyWhenThereIsSome() {
        #expect(HTMLPolicyParser.parse("<body>\n  <div> </div>\n<h1>Title</h1><p>x</p>").sections.map(\.level) == [1])
        let content = HTMLPolicyParser.parse("<body>\n<p>Preamble</p>\n<h1>Title</h1>")
        #expect(content.sections.map(\.level) == [0, 1])
        #expect(content.sections[0].position == TextPosition(line: 2, column: 1))
    }

    // MARK: Links

    @Test func linksKeepTheirTargetsAsWrittenWithPositions() {
        let content = HTMLPolicyParser.parse("""
            <p>Café 👍🏽 <a href="#hours">hours</a> and <a href="../faq.html" title="FAQ">the <b>FAQ</b></a>
            <p><a href="">empty</a> <a name="no-href">not a link</a> <img src="seal.png" alt="City seal"> <img src="x.gif">
            <p><a href="https://example.org/a"><img src="logo.png" alt="Logo"></a>
            """)
        let links = content.links.map { "\($0.position) \($0.target) | \($0.text)" }
        #expect(links == [
            "1:12 #hours | hours",
            "1:43 ../faq.html | the FAQ",
            "2:4  | empty",
            "2:58 seal.png | City seal",
            "2:95 x.gif | ",
            "3:4 https://example.org/a | Logo",
            "3:36 logo.png | Logo",
        ])
        #expect(content.anchors == ["no-href"])
    }

    @Test func linkTextSeparatesBlocksInsideTheLink() {
        let content = HTMLPolicyParser.parse(#"<a href="/bins"><div>Missed bins</div><div>Report it</div></a>"#)
        #expect(content.links.map(\.text) == ["Missed bins Report it"])
    }

    @Test func aByteOrderMarkDoesNotShiftColumns() {
        let content = HTMLPolicyParser.parse("\u{FEFF}<h1>Policy</h1><p>See <a href=\"#x\">x</a>")
        #expect(content.sections.map(\.position) == [TextPosition(line: 1, column: 1)])
        #expect(content.sections.first?.paragraphs.first?.position == TextPosition(line: 1, column: 16))
        #expect(content.links.first?.position == TextPosition(line: 1, column: 23))
    }

    @Test func positionsPastLine65535() throws {
        // libxml2 2.9 stores lines in 16 bits; positions are found again in the source.
        var html = "<body>\n"
        for index in 0..<70_000 { html += "<p>line \(index)</p>\n" }
        html += "<h2>End</h2>\n<p>Last <a href=\"#end\">link</a></p>\n"
        let content = HTMLPolicyParser.parse(html)
        let end = try section("End", in: content)
        #expect(end.position == TextPosition(line: 70_002, column: 1))
        #expect(end.paragraphs.first?.position == TextPosition(line: 70_003, column: 1))
        #expect(content.links.first?.position == TextPosition(line: 70_003, column: 9))
        #expect(content.sections.first?.paragraphs.count == 70_000)
        #expect(content.sections.first?.paragraphs.last?.position.line == 70_001)
    }

    // MARK: Robustness

    @Test func emptyAndGarbageInputDoNotCrash() {
        #expect(HTMLPolicyParser.parse("") == ParsedPolicyContent())
        #expect(HTMLPolicyParser.parse("   \n\t").sections.isEmpty)
        #expect(HTMLPolicyParser.parse("<<<>>></ul></li></p><li").sections.count <= 1)
        _ = HTMLPolicyParser.parse("text\u{0}with\u{0}nulls<p>and \u{0} more")
        _ = HTMLPolicyParser.parse("<p><a href=\"unterminated")
        _ = HTMLPolicyParser.parse(String(repeating: "<div>", count: 5_000) + "deep" + String(repeating: "</div>", count: 5_000))

        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20 {
            let bytes = (0..<4_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let content = HTMLPolicyParser.parse(String(decoding: bytes, as: UTF8.self))
            for position in content.sections.flatMap({ $0.paragraphs + $0.listItems }).map(\.position) {
                #expect(position.line >= 1 && position.column >= 1)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func pathologicalTagSoupFinishes() {
        let unclosed = HTMLPolicyParser.parse("<p>start" + String(repeating: "<template>x<object>y<p>z", count: 30_000))
        #expect(unclosed.sections.first?.paragraphs.first?.text == "start")
        let implied = HTMLPolicyParser.parse(String(repeating: "text <td>cell <dd>item ", count: 30_000))
        #expect(implied.sections.count == 1)
        let comment = HTMLPolicyParser.parse("<h1>Title</h1><!-- never closed " + String(repeating: "<p>x ", count: 30_000))
        #expect(comment.sections.map(\.heading) == ["Title"])
    }

    @Test(.timeLimit(.minutes(1)))
    func aOneMegabyteTagSoupPage() throws {
        var html = "<html><body>\n"
        var sections = 0
        while html.utf8.count < 1_000_000 {
            sections += 1
            html += "<h2 id=\"s\(sections)\">Section \(sections)</h2>\n<p>Paragraph \(sections) with <a href=\"#s\(sections)\">a link</a>\n<ul><li>first<li>second</ul>loose \(sections)<br>\n"
        }
        let content = HTMLPolicyParser.parse(html)
        #expect(content.sections.count == sections)
        #expect(content.links.count == sections)
        let last = try #require(content.sections.last)
        #expect(last.id == "s\(sections)")
        #expect(last.position.line == 3 * sections - 1)
        #expect(last.paragraphs.map(\.text) == ["Paragraph \(sections) with a link", "loose \(sections)"])
        #expect(last.listItems.map(\.text) == ["first", "second"])
    }

    @Test(.timeLimit(.minutes(1)))
    func aOneMegabytePageOnASingleLine() {
        let html = "<ul>" + String(repeating: "<li>item <a href=\"#x\">link</a>", count: 40_000) + "</ul>"
        let content = HTMLPolicyParser.parse(html)
        #expect(content.sections.first?.listItems.count == 40_000)
        #expect(content.links.last?.position == TextPosition(line: 1, column: 5 + 39_999 * 30 + 9))
    }

    // MARK: Threads

    @Test func pagesParsedOnManyThreadsAtOnceReadAsWhenParsedOneByOne() async {
        let pages = (0..<300).map { index in
            "<title>Page \(index)</title><h2 id=\"s\(index)\">Section \(index)</h2><p>Text &amp; <a href=\"#s\(index)\">link</a>"
                + "<ul><li>one<li>two \(index)</ul><!-- note -->"
        }
        // In parallel first, so that the first parse of a run may well be one of these.
        let parallel = await withTaskGroup(of: (Int, ParsedPolicyContent).self) { group in
            for (index, page) in pages.enumerated() {
                group.addTask { (index, HTMLPolicyParser.parse(page)) }
            }
            var results = [ParsedPolicyContent?](repeating: nil, count: pages.count)
            for await (index, content) in group { results[index] = content }
            return results
        }
        let serial = pages.map { HTMLPolicyParser.parse($0) }
        #expect(parallel.compactMap { $0 } == serial)
        #expect(serial[42].title == "Page 42")
        #expect(serial[42].sections.first?.listItems.map(\.text) == ["one", "two 42"])
    }

    // MARK: One model for both formats

    @Test func markdownAndHTMLVersionsOfAPolicyReadTheSame() {
        let markdown = MarkdownPolicyParser.parse("""
            # Comment policy

            Welcome.

            ## What we remove {#remove .sensitive}

            - Spam and *advertising*
            - Threats
              - against staff

            See [the rules](https://city.gov/rules).
            """[...], firstLine: 1)
        let html = HTMLPolicyParser.parse("""
            <h1>Comment policy</h1>
            <p>Welcome.
            <h2 id="remove" class="sensitive">What we remove</h2>
            <ul><li>Spam and <em>advertising</em><li>Threats<ul><li>against staff</ul></ul>
            <p>See <a href="https://city.gov/rules">the rules</a>.
            """)
        func shape(_ content: ParsedPolicyContent) -> [String] {
            content.sections.map {
                "\($0.level) \($0.heading) #\($0.id) \($0.hasExplicitID) \($0.classes) "
                    + "\($0.paragraphs.map(\.text)) \($0.listItems.map(\.text))"
            } + content.links.map { "\($0.target) \($0.text)" } + [content.title ?? "-"] + content.anchors.sorted()
        }
        #expect(shape(markdown) == shape(html))
    }
}

