// The words the text rules read come from Resources/words-<code>.txt: every list a rule asks for must
// be there (a misspelt section would silently be empty and switch a check off), and the format's
// expansions and pairs must read as documented.

import Foundation
@testable import ReplyLint
import Testing

@Suite struct LanguageWordsTests {
    /// Section names the code asks for: `words("…")`, `phrases("…")`, `strings("…")`, `pairs("…")`.
    static func sectionsAskedFor() throws -> Set<String> {
        let sources = CLI.packageRoot.appendingPathComponent("Sources/ReplyLint")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        var names = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"\b(?:words|phrases|strings|pairs)\("([a-z0-9-]+)"\)"#)
        for file in files where !file.hasSuffix("LanguageGuess.swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { names.insert(String(text[range])) }
            }
        }
        return names
    }

    @Test func everySectionTheRulesReadIsInTheEnglishFile() throws {
        let asked = try Self.sectionsAskedFor()
        #expect(asked.count >= 60)
        let present = Set(LanguageWords.english.sectionNames)
        #expect(asked.subtracting(present).isEmpty, "missing from words-en.txt: \(asked.subtracting(present).sorted())")
        for section in asked {
            #expect(!LanguageWords.english.strings(section).isEmpty, "\(section) is empty")
        }
    }

    @Test func itemsExpandAlternatives() throws {
        let order = try #require(LanguageWords.english.items.first { $0.id == "order-number" })
        #expect(order.kind == .personal)
        #expect(order.phrases.contains(["booking", "#"]))
        #expect(order.phrases.contains(["6", "letter", "code"]))
        let never = LanguageWords.english.items.filter { $0.kind == .secret }.map(\.id)
        #expect(Set(never) == ["government-id", "password", "pin", "one-time-code", "card-number"])
    }

    @Test func pairsKeepWhatToSayInstead() {
        let cliches = Dictionary(LanguageWords.english.pairs("cliches").map { ($0.phrase, $0.instead) }, uniquingKeysWith: { first, _ in first })
        #expect(cliches["kindly"] == "please")
        #expect(cliches["we regret to inform you"] == "sorry,")
        #expect(cliches["rest assured"] == "")
    }

    @Test func aLocalePicksItsLanguage() {
        #expect(LanguageWords.forLocale("en-US")?.code == "en")
        #expect(LanguageWords.forLocale("en_GB")?.code == "en")
        // Spanish words come with the Spanish rules; until then a Spanish reply has no words of its own.
        #expect(LanguageWords.forLocale("es-MX") == nil)
    }

    @Test func everyProfileHasAllThreeLists() {
        for profile in LanguageGuess.profiles {
            #expect(!profile.functionWords.isEmpty && !profile.endings.isEmpty && !profile.letters.isEmpty, "\(profile.code)")
        }
        #expect(Set(LanguageGuess.profiles.map(\.code)).isSuperset(of: ["en", "es", "de", "fr"]))
    }
}
