// twitter-text's conformance suite (validate.yml, extract.yml, tlds.yml at commit 30e2430d) run
// against TwitterText.weightedLength and TwitterURLExtractor. The YAML is read at test time from
// Fixtures/conformance/twitter-text, so every case shows under its own name.

import Foundation
import Testing
import Yams

@testable import ReplyLint

// MARK: - Fixtures

/// Reads the twitter-text conformance files from this test target's fixture folder.
enum TwitterTextConformance {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/conformance/twitter-text")

    /// `tests.<group>` of a conformance file, as YAML dictionaries.
    static func cases(_ file: String, _ group: String) throws -> [[String: Any]] {
        let yaml = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        guard let root = try Yams.load(yaml: yaml) as? [String: Any],
              let tests = root["tests"] as? [String: Any],
              let cases = tests[group] as? [[String: Any]]
        else { throw FixtureError.missingGroup(file: file, group: group) }
        return cases
    }

    static func weightedLengthCases() throws -> [WeightedLengthCase] {
        try ["WeightedTweetsCounterTest", "WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest"]
            .flatMap { group in
                try cases("validate.yml", group).map { entry in
                    guard let expected = entry["expected"] as? [String: Any], let length = expected["weightedLength"] as? Int else {
                        throw FixtureError.malformed(entry["description"] as? String ?? "?")
                    }
                    return WeightedLengthCase(group: group, name: try string(entry, "description"),
                                              text: try string(entry, "text"), weightedLength: length)
                }
            }
    }

    /// extract.yml groups whose `expected` is a list of URLs.
    static func urlCases(_ group: String) throws -> [URLCase] {
        try cases("extract.yml", group).map { entry in
            URLCase(name: try string(entry, "description"), text: try string(entry, "text"),
                    expected: entry["expected"] as? [String] ?? [])
        }
    }

    /// extract.yml groups whose `expected` lists URLs with their code-point indices.
    static func indexedURLCases(_ group: String) throws -> [IndexedURLCase] {
        try cases("extract.yml", group).map { entry in
            let expected = (entry["expected"] as? [[String: Any]] ?? []).map { url in
                IndexedURL(url: url["url"] as? String ?? "", indices: url["indices"] as? [Int] ?? [])
            }
            return IndexedURLCase(name: try string(entry, "description"), text: try string(entry, "text"), expected: expected)
        }
    }

    /// tlds.yml: one URL per TLD, country then generic.
    static func tldCases() throws -> [URLCase] {
        try ["country", "generic"].flatMap { group in
            try cases("tlds.yml", group).map { entry in
                URLCase(name: try string(entry, "description"), text: try string(entry, "text"),
                        expected: entry["expected"] as? [String] ?? [])
            }
        }
    }

    private static func string(_ entry: [String: Any], _ key: String) throws -> String {
        guard let value = entry[key] as? String else { throw FixtureError.malformed("\(key) in \(entry)") }
        return value
    }

    struct WeightedLengthCase: Sendable, CustomTestStringConvertible {
        var group: String
        var name: String
        var text: String
        var weightedLength: Int
        var testDescription: String { "\(group): \(name)" }
        /// validate.yml's plain counter runs with config v2; the emoji and directional-marker groups with v3.
        var configuration: TwitterText.Configuration { group == "WeightedTweetsCounterTest" ? .v2 : .v3 }
    }

    struct URLCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var expected: [String]
        var testDescription: String { name }
    }

    struct IndexedURL: Sendable, Equatable, CustomStringConvertible {
        var url: String
        var indices: [Int]
        var description: String { "\(url) \(indices)" }
    }

    struct IndexedURLCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var expected: [IndexedURL]
        var testDescription: String { name }
    }

    enum FixtureError: Error {
        case missingGroup(file: String, group: String)
        case malformed(String)
    }
}

// MARK: - Weighted length

@Suite("twitter-text weighted length (validate.yml)")
struct TwitterTextWeightedLengthTests {
    @Test("all 44 weighted-length cases are present")
    func caseCount() throws {
        let cases = try TwitterTextConformance.weightedLengthCases()
        #expect(cases.count == 44)
        #expect(cases.filter { $0.group == "WeightedTweetsCounterTest" }.count == 20)
        #expect(cases.filter { $0.group == "WeightedTweetsWithDiscountedEmojiCounterTest" }.count == 22)
        #expect(cases.filter { $0.group == "UnicodeDirectionalMarkerCounterTest" }.count == 2)
    }

    @Test(arguments: try TwitterTextConformance.weightedLengthCases())
    func weightedLength(_ testCase: TwitterTextConformance.WeightedLengthCase) {
        #expect(TwitterText.weightedLength(testCase.text, configuration: testCase.configuration) == testCase.weightedLength)
    }
}

// MARK: - URL extraction

@Suite("twitter-text URL extraction (extract.yml, tlds.yml)")
struct TwitterURLExtractorTests {
    @Test("the URL groups have all their cases")
    func caseCounts() throws {
        #expect(try TwitterTextConformance.urlCases("urls").count == 91)
        #expect(try TwitterTextConformance.urlCases("tco_urls_with_params").count == 5)
        #expect(try TwitterTextConformance.indexedURLCases("urls_with_indices").count == 10)
        #expect(try TwitterTextConformance.indexedURLCases("urls_with_directional_markers").count == 2)
        #expect(try TwitterTextConformance.tldCases().count == 1574)
    }

    @Test(arguments: try TwitterTextConformance.urlCases("urls") + TwitterTextConformance.urlCases("tco_urls_with_params"))
    func urls(_ testCase: TwitterTextConformance.URLCase) {
        #expect(TwitterURLExtractor.extractURLs(testCase.text) == testCase.expected)
    }

    @Test(arguments: try TwitterTextConformance.indexedURLCases("urls_with_indices")
        + TwitterTextConformance.indexedURLCases("urls_with_directional_markers"))
    func urlsWithIndices(_ testCase: TwitterTextConformance.IndexedURLCase) {
        let scalars = Array(testCase.text.unicodeScalars)
        let found = TwitterURLExtractor.urlRanges(in: scalars).map { range in
            TwitterTextConformance.IndexedURL(url: String(String.UnicodeScalarView(scalars[range])), indices: [range.lowerBound, range.upperBound])
        }
        #expect(found == testCase.expected)
    }

    @Test(arguments: try TwitterTextConformance.tldCases())
    func tlds(_ testCase: TwitterTextConformance.URLCase) {
        #expect(TwitterURLExtractor.extractURLs(testCase.text) == testCase.expected)
    }
}

// MARK: - Beyond the conformance files

/// Behaviour of twitter-text's Java implementation that the conformance files do not pin down,
/// checked against a transcription of its regexes (Python `re`, nameprep from `encodings.idna`).
@Suite("twitter-text port: cases beyond the conformance files")
struct TwitterTextPortTests {
    struct LengthCase: Sendable, CustomTestStringConvertible {
        var text: String
        var weightedLength: Int
        var why: String
        var testDescription: String { why }
    }

    static let lengthCases: [LengthCase] = [
        LengthCase(text: "\u{263A}", weightedLength: 2, why: "☺ alone is an emoji"),
        LengthCase(text: "\u{263A}\u{FE0E}", weightedLength: 4, why: "☺ before U+FE0E is text: 2 + 2"),
        LengthCase(text: "\u{A9}", weightedLength: 1, why: "© alone is a Latin-1 character"),
        LengthCase(text: "\u{A9}\u{FE0F}", weightedLength: 2, why: "©️ is an emoji"),
        LengthCase(text: "1\u{FE0F}", weightedLength: 3, why: "a digit with U+FE0F but no keycap: 1 + a stray U+FE0F"),
        LengthCase(text: "#\u{FE0F}\u{20E3}", weightedLength: 2, why: "#️⃣ is one emoji"),
        LengthCase(text: "7\u{20E3} days", weightedLength: 7, why: "7⃣ without U+FE0F is one emoji too"),
        LengthCase(text: "Order #1234 *now*", weightedLength: 17, why: "#, * and digits outside a keycap are plain characters"),
        LengthCase(text: "\u{1F1E6}\u{1F1E6}", weightedLength: 4, why: "two regional indicators that are no flag"),
        LengthCase(text: "\u{1F468}\u{200D}\u{1F4BB}", weightedLength: 2, why: "man technologist (Emoji 4) is one emoji"),
        LengthCase(text: "\u{2764}\u{FE0F}\u{200D}\u{1F525}", weightedLength: 5,
                   why: "heart on fire (Emoji 13.1) is not in twitter-text's data: ❤️ + ZWJ + 🔥"),
        LengthCase(text: "see http://foo.com/1\u{20E3}", weightedLength: 29,
                   why: "a keycap that starts inside a URL: its U+20E3 counts alone"),
        LengthCase(text: "\u{1D400}\u{301}", weightedLength: 3,
                   why: "𝐀 + U+0301 stay apart under NFC (Foundation on Linux would make Á)"),
    ]

    @Test(arguments: lengthCases)
    func weightedLength(_ testCase: LengthCase) {
        #expect(TwitterText.weightedLength(testCase.text) == testCase.weightedLength)
    }

    @Test(arguments: [
        ("http://example.com/a.(b)", ["http://example.com/a"]),
        ("http://example.com/x(a)(b).", ["http://example.com/x(a)(b)"]),
        ("www.example.com/wiki/Primer_(film)", ["www.example.com/wiki/Primer_(film)"]),
        ("HTTP://EXAMPLE.COM:8080/x?y=1!", ["HTTP://EXAMPLE.COM:8080/x?y=1"]),
        ("http://xn--\u{DF}t.co/", ["http://xn--\u{DF}t.co/"]),  // nameprep folds ß to ss: an ASCII label
        ("http://\u{E9}\u{E0041}\u{301}.com", []),  // a tag character is prohibited in a host
    ])
    func urls(_ text: String, _ expected: [String]) {
        #expect(TwitterURLExtractor.extractURLs(text) == expected)
    }
}
