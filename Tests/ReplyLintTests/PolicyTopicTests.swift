// Where a moderation policy covers each topic: found in headings, paragraphs and list items, not in the traps.

import Foundation
@testable import ReplyLint
import Testing

/// The topics of one policy, as `lint --explain` reports them.
private func coverage(_ text: String, fileName: String = "moderation.md", publicRecords: Bool = true) -> [String: PolicyTopicCoverage] {
    var problems: [FileProblem] = []
    let file = "policies/" + fileName
    let policy = PolicyLoader.parse(text, file: file, problems: &problems)
    var configuration = Configuration()
    if publicRecords {
        configuration.ruleOptions["policy-section-missing"] = ["require-public-records": .bool(true)]
    }
    let library = Library(configuration: configuration, policies: [policy], sources: [file: text])
    let topics = PolicySectionMissingRule.coverage(of: policy, in: LintContext(library: library))
    return Dictionary(uniqueKeysWithValues: topics.map { ($0.topic, $0) })
}

private func found(_ text: String, fileName: String = "moderation.md") -> Set<String> {
    Set(coverage(text, fileName: fileName).values.filter { $0.status == .found }.map(\.topic))
}

/// One documented phrasing of a topic, for the parameterised test.
struct DocumentedPhrase: CustomTestStringConvertible, Sendable {
    var topic: String
    var sentence: String
    var covers: Bool
    var testDescription: String { "\(topic) \(covers ? "is" : "is not") \"\(sentence)\"" }

    static var all: [DocumentedPhrase] {
        PolicySectionMissingRule.vocabulary.topics.flatMap { topic in
            topic.documentedPhrases.map { DocumentedPhrase(topic: topic.id, sentence: $0, covers: true) }
                + topic.counterExamples.map { DocumentedPhrase(topic: topic.id, sentence: $0, covers: false) }
        }
    }
}

@Suite("Policy topics")
struct PolicyTopicTests {
    @Test func theEnglishVocabularyLoadsWithEveryTopicAndItsDocs() {
        let vocabulary = PolicyTopicVocabulary.builtIn["en"]
        #expect(vocabulary?.topics.map(\.id) == ["respond", "leave-alone", "remove", "personal-information", "hours", "urgent", "public-records"])
        for topic in vocabulary?.topics ?? [] {
            #expect(topic.documentedPhrases.count >= 5, "\(topic.id) documents too few phrasings")
            #expect(topic.counterExamples.count >= 3, "\(topic.id) documents too few counter-examples")
            #expect(!topic.example.isEmpty && !topic.needs.isEmpty)
        }
        // Another language falls back to English until its file exists.
        #expect(PolicyTopicVocabulary.forLocale("fr-CA").language == "en")
    }

    /// The docs list these phrasings; each must do what the docs say, as one sentence in a plain-text policy.
    @Test(arguments: DocumentedPhrase.all)
    func documentedPhrasing(_ phrase: DocumentedPhrase) {
        let topics = found(phrase.sentence + "\n", fileName: "moderation.txt")
        #expect(topics.contains(phrase.topic) == phrase.covers, "found \(topics.sorted())")
    }

    @Test func theExampleSentenceOfEachTopicCoversIt() {
        for topic in PolicySectionMissingRule.vocabulary.topics {
            #expect(found(topic.example + "\n", fileName: "moderation.txt").contains(topic.id), "\(topic.id): \(topic.example)")
        }
    }

    @Test func aBadExpressionIsNamed() {
        #expect(throws: PolicyTopicVocabulary.FileError.self) {
            try PolicyTopicVocabulary.parse("language: xx\ntopics:\n  - id: hours\n    text: [\"(unclosed\"]\n")
        }
        #expect(throws: PolicyTopicVocabulary.FileError.self) {
            try PolicyTopicVocabulary.parse("language: xx\ntopics:\n  - id: hours\n    text: [\"{nowhere}\"]\n")
        }
    }

    // MARK: Traps a keyword matcher falls into

    @Test func notTheWayToMakeARecordsRequestIsNotPublicRecords() {
        #expect(!found("This page is not the way to make a public records request.\n", fileName: "moderation.txt").contains("public-records"))
        #expect(!found("To make a freedom of information request, please follow traditional channels.\n", fileName: "moderation.txt").contains("public-records"))
        #expect(!found("Please follow traditional channels to make a freedom of information (FOI) request.\n", fileName: "moderation.txt").contains("public-records"))
        // The same page saying what the records law does is coverage.
        #expect(found("This page is not the way to make a public records request. Messages sent to us may be public records.\n", fileName: "moderation.txt").contains("public-records"))
    }

    @Test func freedomOfInformationInAnotherSenseIsNotPublicRecords() {
        #expect(!found("We believe in freedom of information and open debate.\n", fileName: "moderation.txt").contains("public-records"))
        #expect(!found("We support freedom of speech and the free flow of information.\n", fileName: "moderation.txt").contains("public-records"))
        #expect(found("Comments may be released under the Freedom of Information Act.\n", fileName: "moderation.txt").contains("public-records"))
    }

    @Test func notReplyingToEveryMessageIsNotLeaveAlone() {
        let topics = found("We read everything, but we can't reply to every message.\nWe are not able to reply individually to all the messages we receive.\n", fileName: "moderation.txt")
        #expect(!topics.contains("leave-alone"))
        // Naming a kind is.
        #expect(found("We can't reply to every message, especially those that don't ask a question.\n", fileName: "moderation.txt").contains("leave-alone"))
    }

    @Test func aResponseTimeAloneIsNotMonitoringHours() {
        let topics = found("We aim to reply within 2 working days.\n", fileName: "moderation.txt")
        #expect(topics.contains("respond"))
        #expect(!topics.contains("hours"))
        #expect(!found("Blocks last 24 hours, 48 hours or 7 days. We post 2 to 10 times a day.\n", fileName: "moderation.txt").contains("hours"))
        #expect(found("We aim to reply within 2 working days. We check our accounts Monday to Friday, 9am to 5pm.\n", fileName: "moderation.txt").contains("hours"))
    }

    @Test func respondingWithAWarningIsNotRespond() {
        let text = """
            Moderators will first respond to such remarks with a warning.
            Our response may include issuing a warning or removing the content.
            We collect your email address only to respond to your request.
            """
        #expect(!found(text + "\n", fileName: "moderation.txt").contains("respond"))
    }

    @Test func policeAndEmergencyWordsAsRemovalGroundsAreNotUrgent() {
        let text = """
            We remove comments that:
            - compromise the safety of the public or interfere with emergency response;
            - are threats, which we report to the police and law enforcement.
            We post emergency information and urgent notifications of critical incidents.
            """
        let topics = found(text + "\n", fileName: "moderation.txt")
        #expect(topics.contains("remove"))
        #expect(!topics.contains("urgent"))
    }

    @Test func emergencyLinksInThePagesNavigationAreNotUrgent() {
        let page = """
            <html><head><title>Comment policy</title><meta name="replylint-kind" content="moderation"></head><body>
            <header><nav><ul><li><a href="/crime">Reporting crime</a></li><li><a href="/911">Emergencies: call 911</a></li></ul></nav></header>
            <main><h1>Comment policy</h1><p>We remove comments that are abusive or spam.</p></main>
            <footer><p>In an emergency, call 911.</p></footer>
            </body></html>
            """
        let topics = found(page, fileName: "comments.html")
        #expect(topics == ["remove"])
    }

    @Test func aCommentersAdviceIsNotATeamStance() {
        let topics = found("When you see bad behaviour, don't reply. Please be polite, even if you disagree.\n", fileName: "moderation.txt")
        #expect(!topics.contains("leave-alone"))
        #expect(!topics.contains("respond"))
    }

    // MARK: Where topics are found

    @Test func aListWithNoHeadingsCoversTopicsItemByItem() {
        let text = """
            ---
            kind: moderation
            ---
            - We answer questions about bins, roads and parking.
            - We don't respond to comments about elections or party politics.
            - We will delete posts that are abusive, racist or spam.
            - Please don't share your phone number or address in a comment.
            - Our accounts are monitored Monday to Friday, 9am to 5pm.
            - In an emergency, call 999. Don't report emergencies on social media.
            - Posts and messages may be public records.
            """
        let topics = coverage(text, fileName: "comments.md")
        #expect(topics.values.allSatisfy { $0.status == .found }, "\(topics.values.filter { $0.status == .missing }.map(\.topic))")
        #expect(topics["hours"]?.position == TextPosition(line: 8, column: 1))
        #expect(topics["hours"]?.text == "Our accounts are monitored Monday to Friday, 9am to 5pm.")
        #expect(topics["hours"]?.source == .text)
    }

    @Test func theSentenceIsFoundOnItsOwnLineInsideAParagraph() {
        let text = """
            # Comment policy

            Thanks for reading. We like hearing from you and we read
            everything. Our accounts are not monitored
            24/7, so please be patient.
            """
        let hours = coverage(text)["hours"]
        #expect(hours?.status == .found)
        #expect(hours?.position == TextPosition(line: 4, column: 13))
        #expect(hours?.text == "Our accounts are not monitored 24/7, so please be patient.")
    }

    @Test func inHTMLTheSentenceIsFoundAcrossTags() {
        let page = "<h1>Policy</h1>\n<p>We like comments.\n<b>We check our accounts</b> Monday to\nFriday.</p>\n"
        let hours = coverage(page, fileName: "moderation.html")["hours"]
        #expect(hours?.position == TextPosition(line: 3, column: 4))
    }

    @Test func aHeadingCountsWhenTheTextUnderItIsAboutItsTopic() {
        let covered = coverage("# Policy\n\n## Your privacy\nWe keep your details safe and delete them after a year.\n")["personal-information"]
        #expect(covered?.status == .found)
        #expect(covered?.source == .heading)
        #expect(covered?.position == TextPosition(line: 3, column: 1))
        // "Privacy" over a sentence that says nothing about personal information does not count.
        #expect(coverage("# Policy\n\n## Privacy\nThese accounts are not government websites.\n")["personal-information"]?.status == .missing)
        #expect(coverage("# Policy\n\n## Privacy Policy\nWe follow the [foundation's privacy policy](https://example.org/privacy).\n")["personal-information"]?.status == .missing)
    }

    @Test func anExplicitIDStillWins() {
        let topics = coverage("# Policy\n\n## Talking to us {#respond}\nBe kind.\n")
        #expect(topics["respond"]?.status == .found)
        #expect(topics["respond"]?.source == .id)
        let page = coverage("<h1>Policy</h1><h2 id=\"urgent\">Help now</h2><p>Ring us.</p>", fileName: "moderation.html")
        #expect(page["urgent"]?.source == .id)
    }

    @Test func publicRecordsIsReportedButOnlyRequiredWhenConfigured() {
        let topics = coverage("# Policy\n\nWe remove spam.\n", publicRecords: false)
        #expect(topics["public-records"]?.required == false)
        #expect(topics["public-records"]?.status == .missing)
        #expect(topics["remove"]?.required == true)
    }

    @Test func theMissingMessageSaysWhatReadersNeedAndGivesASentence() throws {
        let example = Example(policy: "# Comment policy\n\nWe remove spam and abuse.\n", fileName: "moderation.md")
        let findings = ExampleHarness.findings(of: "policy-section-missing", for: example)
        let hours = try #require(findings.first { $0.message.contains("when the accounts are monitored") })
        #expect(hours.message == "the policy does not say when the accounts are monitored: readers need to know when someone is watching, so they do not wait for an answer at night or at the weekend. Add a sentence such as \"We check our accounts Monday to Friday, 9am to 5pm, except public holidays.\" (or give a heading the id 'hours')")
        #expect(hours.range?.start == TextPosition(line: 1, column: 1))
        #expect(findings.count == 5)
    }
}
