// fill-in-marker: hand fill-ins left in the text — `[NAME]`, `XXX`, `<insert …>`, `{name}`, `%FIRST_NAME%`, `____`.

public struct FillInMarkerRule: Rule {
    public static let description = RuleDescription(
        id: "fill-in-marker", severity: .error, category: .template,
        summary: "A hand fill-in marker left in the text: `[NAME]`, `XXX`, `<insert …>`, `<reporter>`, `{name}` with single braces, `%FIRST_NAME%`, `#NUMBER`, `ORDER_NUMBER`, `REPONAME`, `____`.",
        rationale: """
            Saved replies reaching customers with the blanks still in them is the most common complaint about \
            canned responses in helpdesk tools. Use a `{{placeholder}}`: `render` refuses to send it unfilled.
            """,
        blindSpots: [
            "Bracketed text counts only when it names what to fill in (NAME, DATE, insert, your …): \"[UPDATE]\" and \"[sic]\" are left alone, so \"[CITY]\" is missed.",
            "Lower-case \"xxx\" (kisses, in some teams' sign-offs) is not reported.",
            "A blank in capitals without brackets counts only joined by \"_\" (ORDER_NUMBER) or as a known head and tail run together (REPONAME, USERNAME, ORDERID): \"CITY\" alone is taken for shouting or an acronym. In a link's query (`?clk=SW_BTN`) it is a code, not a blank.",
            "`<word>` counts unless the word is an HTML tag (`<b>`, `<br>`): a tag the list does not know is taken for a blank.",
        ],
        triggering: [
            Example("Hi ↓[NAME], thanks for waiting."),
            Example("Your pickup is on ↓<insert date>."),
            Example("Hi ↓{first_name}, your case is ↓XXXX."),
            Example("Hi ↓%FIRST_NAME%, your reference is ↓______."),
            Example("Hola ↓[NOMBRE], tu enlace de seguimiento es ↓<insertar enlace>.", locale: "es-MX"),
            // Blanks written by hand in saved replies imported from other tools.
            Example("Thanks @↓<reporter>, this is tracked in ↓#NUMBER."),
            Example("Clone https://github.com/↓USERNAME/↓REPONAME and run ↓ORDER_ID again."),
        ],
        nonTriggering: [
            Example("[UPDATE] Hi {{customer.first_name}}, the road is open again. 50% of crews are out."),
            Example("Hi {{customer.first_name}}, thanks! <3"),
            Example("[ACTUALIZACIÓN] Hola {{customer.first_name}}, la avenida ya está abierta.", locale: "es-MX"),
            Example("Hi {{customer.first_name}}, stay safe #NHS. Line one<br>line two. Rebook here: https://example.com/change?clk=SW_CHG_BTN"),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let matches = FillInMarkers.find(in: reply.body)
        guard !matches.isEmpty else { return [] }
        // The tags only once a marker is found: most replies have none.
        let tagSpans = context.tags(of: reply).map { ($0.tag.start, $0.tag.end) }.sorted { $0.0 < $1.0 }
        let positions = TextPosition.of(offsets: matches.flatMap { [$0.range.lowerBound, $0.range.upperBound] }, in: reply.body)
        // Tags and matches are both in document order: walk them together.
        var tagIndex = 0
        return matches.enumerated().compactMap { index, match in
            let start = positions[2 * index]
            let end = positions[2 * index + 1]
            while tagIndex < tagSpans.count && tagSpans[tagIndex].1 <= start { tagIndex += 1 }
            // Text inside a tag (a comment, say) is not sent.
            if tagIndex < tagSpans.count && tagSpans[tagIndex].0 <= start { return nil }
            return Self.finding(
                "fill-in marker '\(match.text)' left in the reply; use a placeholder such as {{customer.first_name}} so it is filled for each customer",
                in: reply, at: reply.filePosition(ofBody: start), end: reply.filePosition(ofBody: end))
        }
    }
}
