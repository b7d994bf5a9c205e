// Import and export: each tool's records in its real shape to replies, bad input, and every export
// format read back to the same replies.

import Foundation
import ReplyLint
import Testing

@Suite struct InterchangeImportTests {
    static let folder = CLI.fixtures.appendingPathComponent("interchange")

    func batch(_ file: String, as format: InterchangeFormat) throws -> ImportBatch {
        try Interchange.decode(String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8), as: format)
    }

    func record(_ batch: ImportBatch, titled title: String) throws -> ImportedRecord {
        try #require(batch.records.first { $0.reply.title == title }, "no record titled \(title) in \(batch.records.map(\.reply.title))")
    }

    @Test func zendeskMacrosBecomeRepliesWithBuiltInNamesFoldersTagsAndUsage() throws {
        let batch = try batch("zendesk-macros.json", as: .zendesk)
        #expect(batch.records.count == 3)
        let late = try record(batch, titled: "Refund ::  Late delivery")
        #expect(late.reply.body == "Hi {{customer.first_name}},\n\nSorry your parcel is late. We have refunded the delivery charge; it reaches your account in 3 to 5 days.\n\n{{agent.full_name}}")
        #expect(late.reply.folders == ["Refund"])
        #expect(late.reply.tags == ["refund", "late_delivery"])
        #expect(late.reply.usage == 41)
        #expect(late.channelEvidence == .unknown)
        #expect(late.notes.contains { $0.contains("status") })

        // comment_value_html: paragraphs and <br> kept, the link kept as text, the Liquid if/else read as a fallback.
        let order = try record(batch, titled: "Orders::Where is my order")
        #expect(order.reply.body == """
            Hi {{customer.first_name}},

            You can follow your parcel on our tracking page (https://example.com/track).
            If it has not moved in two days, reply with your order number and your email address so we can look into it.

            Thanks,
            {{agent.first_name}}
            """)
        #expect(order.reply.placeholders == [InterchangePlaceholder(name: "customer.first_name", fallback: "there"), InterchangePlaceholder(name: "agent.first_name")])

        // ["channel:all", text], `| default:`, a condition Mustache cannot say (kept and reported), a custom field.
        let status = try record(batch, titled: "Orders::Status update")
        #expect(status.reply.body.hasPrefix("Hi {{customer.first_name}}, {% if ticket.status == 'pending' %}"))
        #expect(status.reply.body.hasSuffix("Your ticket number is {{case.number}}. {{ticket.ticket_field_360011}}"))
        #expect(status.reply.placeholders.contains(InterchangePlaceholder(name: "customer.first_name", fallback: "there")))
        #expect(status.notes.contains("Liquid {% if ticket.status == 'pending' %} kept as text; review it"))
        #expect(status.notes.contains("inactive in Zendesk"))

        let reasons = Dictionary(uniqueKeysWithValues: batch.skipped.map { ($0.label, $0.reason) })
        #expect(reasons["macro 360001237 'Escalate::Tier 2'"]?.contains("internal note") == true)
        #expect(reasons["macro 360001238 'Close as spam'"]?.contains("not a reply") == true)
        #expect(reasons["macro 360001239 (untitled)"] == "has no title")
    }

    @Test func helpScoutVariablesKeepTheirFallbacksAndAnEmptyOneIsKeptToBeReported() throws {
        let batch = try batch("helpscout-saved-replies.json", as: .helpscout)
        let reset = try record(batch, titled: "Password reset")
        #expect(reset.reply.body == "Hi {{customer.first_name}},\n\nYou can reset your password from the sign-in page (https://example.com/reset). For your safety, never send us your password.\n\n{{agent.full_name}}")
        #expect(reset.reply.placeholders.first == InterchangePlaceholder(name: "customer.first_name", fallback: "there"))
        #expect(reset.channelEvidence == .visibility(.private))
        #expect(reset.notes.contains { $0.contains("chatText") })
        let refund = try record(batch, titled: "Refund timing")
        #expect(refund.reply.placeholders.first == InterchangePlaceholder(name: "customer.first_name", fallback: ""))
        #expect(refund.reply.body.contains("Your conversation number is {{case.number}}."))
        #expect(batch.skipped.map(\.reason).first?.contains("only a preview") == true)
    }

    @Test func freshdeskFoldersHTMLAndAttachments() throws {
        let batch = try batch("freshdesk-canned-responses.json", as: .freshdesk)
        let received = try record(batch, titled: "We’ve received your request")
        #expect(received.reply.folders == ["Billing"])
        #expect(received.reply.body == "Thank you for reaching out to us, {{customer.first_name}}. Our team will look into your request and get back to you shortly.\n\nYou can check the status of your request here:\n{{ticket.url}}\n\nRegards,\n{{agent.full_name}}")
        let card = try record(batch, titled: "Card details")
        #expect(card.notes.contains { $0.contains("attachment") })
        #expect(batch.skipped.map(\.reason) == ["has no title"])
    }

    @Test func frontIntercomAndChatwootNamesMapToBuiltIns() throws {
        let front = try record(batch("front-message-templates.json", as: .front), titled: "Follow-up")
        #expect(front.reply.body == "Hi {{customer.first_name}},\n\nJust following up on your request. Let us know if you have any questions.\n\n{{agent.full_name}}")
        #expect(front.notes.contains { $0.contains("subject") })

        let intercom = try batch("intercom-macros.json", as: .intercom)
        let ready = try record(intercom, titled: "Order Status Update")
        #expect(ready.reply.body == "Hi {{customer.first_name}}, your order is ready!")
        #expect(ready.reply.placeholders == [InterchangePlaceholder(name: "customer.first_name", fallback: "there")])
        #expect(ready.channelEvidence == .visibility(.private))
        // Without body_text, the <attribute key default/> form of the HTML body is read.
        let refund = try record(intercom, titled: "Refund Process Explanation")
        #expect(refund.reply.placeholders.contains(InterchangePlaceholder(name: "user.custom_attributes.payment_method", fallback: "original payment method")))
        #expect(refund.reply.body.contains("order #{{conversation.custom_attributes.order_number}}."))

        let chatwoot = try batch("chatwoot-canned-responses.json", as: .chatwoot)
        #expect(try record(chatwoot, titled: "greet").reply.body == "Hi {{customer.first_name}}, thanks for reaching out! I'm {{agent.full_name}} and I'll help you today.")
        #expect(chatwoot.skipped.map(\.reason) == ["has no short_code"])
    }

    @Test func githubJSONCSVAndMarkdown() throws {
        let github = try batch("github-replies.yml", as: .github)
        #expect(try record(github, titled: "Needs More Info").reply.body.hasPrefix("Thanks for the report @{{customer.handle}}!"))
        #expect(github.records.allSatisfy { $0.channelEvidence == .visibility(.public) })
        #expect(github.skipped.map(\.reason) == ["has no body"])

        let json = try batch("replies.json", as: .json)
        #expect(json.records.map(\.reply.title) == ["Holiday closure", "Opening hours"])

        // A quoted field across three lines stays one body; the row without a title is reported with its line.
        let csv = try batch("replies.csv", as: .csv)
        #expect(try record(csv, titled: "Bin missed").reply.body == "Hi {{customer.first_name}},\nsorry we missed your bin.\nWe will come back tomorrow.")
        #expect(try record(csv, titled: "Pothole").reply.tags == ["streets"])
        #expect(csv.skipped.map(\.label) == ["row on line 6"])

        let markdown = try batch("saved-replies.md", as: .markdown)
        #expect(markdown.records.map(\.reply.title) == ["Already fixed (v1)", "Duplicate (v1)"])
        #expect(try record(markdown, titled: "Duplicate (v1)").reply.body == "Thanks for reporting this issue. However this issue is a duplicate of #<ISSUE_NUMBER>.")
        #expect(markdown.skipped.count == 2)
    }

    @Test func liquidConditionsBecomeSectionsAndUnreadableExpressionsBecomeMarkers() {
        let converted = ZendeskMacros.dialect.toReplyLint(
            "{% if ticket.requester.first_name %}Hi {{ticket.requester.first_name}}{% elsif current_user.name %}Hello{% else %}Hello there{% endif %}! {{ 'now' | date: '%Y' }} {{ticket.requester.first_name | capitalize}}")
        #expect(converted.body == "{{#customer.first_name}}Hi {{customer.first_name}}{{/customer.first_name}}{{^customer.first_name}}{{#agent.full_name}}Hello{{/agent.full_name}}{{^agent.full_name}}Hello there{{/agent.full_name}}{{/customer.first_name}}! [insert: 'now' | date: '%Y'] {{customer.first_name}}")
        #expect(ParsedTemplate(parsing: converted.body).problems.isEmpty)
        #expect(converted.notes.contains { $0.contains("capitalize") })
        #expect(converted.notes.contains { $0.contains("fill-in marker") })
    }
}

@Suite struct InterchangeBadInputTests {
    @Test func brokenJSONNamesTheFormatAndWhereItBroke() {
        let text = "{\"macros\": [\n  {\"title\": \"Broken\", \"actions\": [\n    {\"field\": \"comment_value\" \"value\": \"x\"}\n  ]}\n]}\n"
        #expect {
            try Interchange.decode(text, as: .zendesk)
        } throws: { error in
            let error = error as? InterchangeError
            return error?.line == 3 && error?.column == 31 && error?.message.contains("Zendesk macros") == true
        }
    }

    @Test func aFileOfAnotherShapeIsRefusedSayingWhatWasExpected() {
        #expect {
            try Interchange.decode("{\"tickets\": [], \"count\": 0}", as: .zendesk)
        } throws: { error in
            (error as? InterchangeError)?.message.contains("found an object with keys count, tickets") == true
        }
        #expect(throws: InterchangeError.self) { try Interchange.decode("replies: 3\n", as: .github) }
        #expect(throws: InterchangeError.self) { try Interchange.decode("question,answer\nA,b\n", as: .csv) }
        #expect(throws: InterchangeError.self) { try Interchange.decode("no headings at all\n", as: .markdown) }
    }

    @Test func brokenCSVQuotingIsReportedWithLineAndColumn() {
        #expect {
            try Interchange.decode("title,body\nA,\"never closed\nB,c\n", as: .csv)
        } throws: { error in
            let error = error as? InterchangeError
            return error?.line == 2 && error?.column == 3
        }
        #expect {
            try Interchange.decode("title,body\nA,\"closed\" then text\n", as: .csv)
        } throws: { error in
            (error as? InterchangeError)?.line == 2
        }
    }

    @Test func oneBadRecordIsReportedAndTheOthersImported() throws {
        let batch = try Interchange.decode("[{\"title\": \"Good\", \"body\": \"Hi {{customer.first_name}}\"}, 42, {\"title\": \"No body\"}]", as: .json)
        #expect(batch.records.map(\.reply.title) == ["Good"])
        #expect(batch.skipped.count == 2)
    }
}

@Suite struct InterchangeRoundTripTests {
    /// Replies that use what exports must carry: fallbacks, a custom name, sections, tags, channels.
    static let crafted: [InterchangeReply] = [
        InterchangeReply(
            title: "Refund :: Late", body: "Hi {{customer.first_name}},\n\nYour refund for {{order.reference}} is on its way.\n\n{{agent.full_name}}",
            channels: ["x-dm", "messenger"], tags: ["refunds", "orders"],
            placeholders: [InterchangePlaceholder(name: "customer.first_name", fallback: "there"), InterchangePlaceholder(name: "order.reference"), InterchangePlaceholder(name: "agent.full_name")],
            faq: "refund-timing", id: "orders/refund-late"),
        InterchangeReply(
            title: "Missed bin", body: "Hi {{customer.first_name}}, sorry we missed your bin. {{#case.number}}Your case is {{case.number}}.{{/case.number}}",
            channels: ["x-reply"], tags: ["waste"],
            placeholders: [InterchangePlaceholder(name: "customer.first_name", fallback: "friend"), InterchangePlaceholder(name: "case.number")],
            faq: "missed-collection", id: "waste/missed-bin"),
    ]

    /// What each format carries back; Help Scout and GitHub have no field for channels, tags or the FAQ entry.
    static func carriesMetadata(_ format: InterchangeFormat) -> Bool { ![.helpscout, .github].contains(format) }

    func roundTrip(_ replies: [InterchangeReply], _ format: InterchangeFormat, partials: [String: String] = [:]) throws -> (ExportOutput, ImportBatch) {
        let output = try #require(Interchange.encode(replies, as: format, partials: partials))
        return (output, try Interchange.decode(output.text, as: format))
    }

    @Test(arguments: InterchangeFormat.exportable)
    func anExportReadBackGivesTheSameReplies(_ format: InterchangeFormat) throws {
        let (output, batch) = try roundTrip(Self.crafted, format)
        #expect(batch.skipped.isEmpty)
        try #require(batch.records.count == Self.crafted.count)
        for (original, record) in zip(Self.crafted, batch.records) {
            let back = record.reply
            #expect(back.title == original.title, "\(format)")
            if format == .helpscout && original.body.contains("{{#") {
                // Help Scout has no conditional text: the section is written out, and the notes say so.
                #expect(output.notes.contains { $0.contains(original.id!) && $0.contains("conditional") })
                continue
            }
            #expect(back.body == original.body, "\(format)")
            #expect(back.placeholders.sorted() == original.placeholders.sorted(), "\(format)")
            if Self.carriesMetadata(format) {
                #expect(record.channelEvidence == .stated(original.channels), "\(format)")
                #expect(back.tags == original.tags, "\(format)")
                #expect(back.faq == original.faq, "\(format)")
            } else {
                // What the tool cannot hold is said, not dropped in silence.
                #expect(output.notes.contains { $0.contains(original.id!) && $0.contains("channels") }, "\(format)")
            }
        }
    }

    @Test(arguments: InterchangeFormat.exportable)
    func theSampleLibraryExportsAndReadsBack(_ format: InterchangeFormat) throws {
        let configuration = try LibraryLoader.loadConfiguration(root: CLI.packageRoot.path, explicitFile: nil, displayBase: CLI.packageRoot.path, rules: RuleRegistry.descriptions)
        let library = try LibraryLoader(root: CLI.packageRoot.path, displayBase: CLI.packageRoot.path, configuration: configuration, knownRules: RuleRegistry.ids).load()
        let (replies, skipped) = Interchange.replies(of: library)
        #expect(skipped.isEmpty)
        let (output, batch) = try roundTrip(replies, format, partials: library.partials.mapValues(\.text))
        #expect(batch.records.count == replies.count)
        for (original, record) in zip(replies, batch.records) {
            #expect(record.reply.title == original.title)
            let template = ParsedTemplate(parsing: original.body)
            let plain = template.tags().allSatisfy { $0.kind == .variable }
            // A body with partials, comments or sections is rewritten for a tool (and the notes say so);
            // ReplyLint's own formats keep it exactly.
            if [.json, .csv, .markdown].contains(format) || plain {
                #expect(record.reply.body == original.body, "\(format) \(original.id ?? "")")
                #expect(record.reply.placeholders.sorted() == original.placeholders.sorted(), "\(format) \(original.id ?? "")")
            } else if record.reply.body != original.body {
                #expect(output.notes.contains { $0.hasPrefix(original.id! + ":") }, "\(format) \(original.id ?? ""): \(record.reply.body)")
            }
            if Self.carriesMetadata(format) {
                #expect(record.channelEvidence == .stated(original.channels))
                #expect(record.reply.tags == original.tags.map { format == .zendesk ? $0.replacingOccurrences(of: " ", with: "_") : $0 })
            }
        }
    }
}

@Suite struct ImportPlanTests {
    func plan(_ records: [ImportedRecord], channels: [String]? = ["x-reply"], configText: String? = nil, usageText: String? = nil, configuration: Configuration = Configuration()) throws -> ImportPlan {
        try ImportPlanner(format: .zendesk, configuration: configuration, channels: channels, configText: configText, usageText: usageText, date: "2026-01-02")
            .plan([ImportSource(name: "macros.json", batch: ImportBatch(records: records))])
    }

    static func record(_ title: String, folders: [String] = [], evidence: ChannelEvidence = .unknown, usage: Int? = nil) -> ImportedRecord {
        ImportedRecord(
            reply: InterchangeReply(title: title, body: "Hi {{customer.first_name}}, {{order.reference}}", folders: folders,
                                    placeholders: [InterchangePlaceholder(name: "customer.first_name", fallback: "there"), InterchangePlaceholder(name: "order.reference")],
                                    usage: usage),
            channelEvidence: evidence, label: "macro '\(title)'", notes: ["Liquid {% for %} kept as text; review it"])
    }

    @Test func replyFilesParseAndDeclareTheirPlaceholdersAndFallbacks() throws {
        let plan = try plan([Self.record("Refund::Late", folders: ["Refund"]), Self.record("Refund::Late", folders: ["Refund"])])
        #expect(plan.entries.map(\.path) == ["replies/imported/zendesk/refund/late.md", "replies/imported/zendesk/refund/late-2.md"])
        let text = try #require(plan.files.first?.contents)
        let reply = ReplyParser.parse(text, file: "replies/imported/zendesk/refund/late.md", defaultID: "imported/zendesk/refund/late", knownRules: RuleRegistry.ids, mediaExists: { _ in true })
        #expect(reply.problems.isEmpty)
        #expect(reply.title == "Refund::Late")
        #expect(reply.faq?.value == "imported-zendesk-refund-late")
        #expect(reply.channelIDs == ["x-reply"])
        #expect(reply.placeholders["customer.first_name"]?.fallback == "there")
        #expect(reply.placeholders["order.reference"] != nil)
        #expect(text.contains("# Review: Liquid {% for %} kept as text; review it"))
    }

    @Test func channelsComeFromTheSourceOrAreCountedAsGuesses() throws {
        var configuration = Configuration()
        configuration.usageCSV = nil
        let plan = try plan([
            Self.record("A", evidence: .stated(["email"])), Self.record("B", evidence: .visibility(.private)), Self.record("C"),
        ], channels: ["x-reply", "x-dm"])
        #expect(plan.entries.map(\.record.reply.channels) == [["email"], ["x-dm"], ["x-reply", "x-dm"]])
        #expect((plan.channelsStated, plan.channelsFromVisibility, plan.channelsGuessed) == (1, 1, 1))
        #expect(throws: ImportPlanError.self) { try self.plan([Self.record("C")], channels: nil) }
    }

    @Test func usageCountsGoToACSVThatConfigPointsAt() throws {
        let plan = try plan([Self.record("A", usage: 41), Self.record("B")], configText: "locale: en\n")
        let usage = try #require(plan.files.first { $0.path == "imported-usage.csv" })
        #expect(usage.contents == "reply,count\nimported/zendesk/a,41\n")
        let config = try #require(plan.files.first { $0.path == "replylint.yml" })
        let parsed = try Configuration.parse(config.contents, file: "replylint.yml", rules: RuleRegistry.descriptions)
        #expect(parsed.locale == "en" && parsed.usageCSV == "imported-usage.csv")
        // Imported again, the counts replace the earlier ones instead of adding to them.
        let again = try self.plan([Self.record("A", usage: 50)], usageText: usage.contents)
        #expect(again.files.first { $0.path == "imported-usage.csv" }?.contents == "reply,count\nimported/zendesk/a,50\n")
    }

    @Test func theFAQStubListsEveryImportedReplyForReview() throws {
        let plan = try plan([Self.record("Refund::Late", folders: ["Refund"]), Self.record("Opening hours")])
        let stub = try #require(plan.files.first { $0.path == "policies/imported-zendesk-faq.md" })
        var problems: [FileProblem] = []
        let policy = PolicyLoader.parse(stub.contents, file: stub.path, problems: &problems)
        #expect(problems.isEmpty)
        #expect(policy.kind == .faq)
        #expect(policy.sections.filter { $0.level == 2 }.map(\.id) == ["imported-zendesk-refund-late", "imported-zendesk-opening-hours"])
    }
}
