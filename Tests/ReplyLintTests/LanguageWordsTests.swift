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

    /// Sections a language may leave empty on purpose (its file says why): a rule then finds nothing of that kind in it.
    static let mayBeEmpty: [String: Set<String>] = [
        "en": ["acronyms", "signoff-words", "purpose-leaders", "dm-conditional-negations", "phone-national-lengths"],
        "es": ["cliche-request-swaps", "cliche-request-leaders", "fill-in-compound-heads", "fill-in-compound-tails",
               // Request and route mechanisms English word order needs and Spanish does not (words-es.txt says why).
               "brand-number-words", "public-numbers", "place-back-references", "request-gerunds", "gerund-leaders",
               "verbs-needing-object", "willingness", "conditional-leaders", "past-suffixes", "existence-questions",
               "document-leaders", "have-pronoun-questions", "modals", "modal-subjects", "modal-verbs", "modal-pronoun-verbs", "modal-question-words", "pronoun-objects",
               "pronoun-request-verbs", "pronoun-object-fillers", "pronoun-enders", "private-route-verbs",
               "public-answer-pointers", "dm-not-after-owned", "dm-route-objects", "dm-articles", "dm-customer-pronouns",
               "dm-statement-prepositions", "dm-team-subjects", "dm-invitations",
               // English set C's classes, not yet written for Spanish.
               "proximity-words", "birthday-owners", "another-words", "yes-no-leaders", "ability-modals", "privacy-reasons",
               "slash-abbreviations",
               // English set M's classes, not yet written for Spanish.
               "change-verbs", "change-verb-leaders", "changing-verbs", "dropped-subject-modals", "dropped-subject-leaders",
               // India's postal PIN code (set E): an English-language class.
               "postal-pin-leaders", "payment-words", "reported-askers", "asking-things",
               // English sets F and G's classes, not yet written for Spanish.
               "giving-verbs", "any-words", "any-question-purposes", "typed-in-verbs",
               "reading-link-leaders", "reading-link-topics", "kind-question-words",
               "route-link-leaders", "giving-objects", "bare-document-next", "articles", "object-pronouns", "destination-words"],
    ]

    @Test(arguments: LanguageWords.codes)
    func everySectionTheRulesReadIsInEveryLanguageFile(_ code: String) throws {
        let asked = try Self.sectionsAskedFor()
        #expect(asked.count >= 60)
        let words = try #require(LanguageWords.embedded(code))
        let present = Set(words.sectionNames)
        #expect(asked.subtracting(present).isEmpty, "missing from words-\(code).txt: \(asked.subtracting(present).sorted())")
        for section in asked.subtracting(Self.mayBeEmpty[code] ?? []) {
            #expect(!words.strings(section).isEmpty, "\(section) is empty in words-\(code).txt")
        }
    }

    @Test func alternativesExpandInOrder() {
        #expect(LanguageWords.expand("(order|booking) (number|#)") == ["order number", "order #", "booking number", "booking #"])
        #expect(LanguageWords.expand("como ya (le|te) (dijimos|indicamos)") == ["como ya le dijimos", "como ya le indicamos", "como ya te dijimos", "como ya te indicamos"])
        #expect(LanguageWords.expand("plain  entry") == ["plain  entry"])
        #expect(LanguageWords.expand(" (a |b)  c ") == ["a c", "b c"])
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
        for locale in ["es", "es-MX", "es-US", "es-ES", "es_AR", "ES-419"] {
            #expect(LanguageWords.forLocale(locale)?.code == "es", "\(locale)")
            #expect(Language.forLocale(locale).code == "es", "\(locale)")
        }
        // A language with no words: the rules that need words find nothing in it.
        #expect(LanguageWords.forLocale("de-DE") == nil)
        #expect(Language.forLocale("de-DE").words.sectionNames.isEmpty)
    }

    @Test func aReplyIsReadInItsOwnLocaleElseTheConfiguredOne() {
        func reply(_ locale: String?) -> Reply {
            let front = locale.map { "locale: \($0)\n" } ?? ""
            return ReplyParser.parse("---\nfaq: a\nchannels: [x-reply]\n\(front)---\nHola", file: "replies/a.md", defaultID: "a", knownRules: RuleRegistry.ids, mediaExists: { _ in true })
        }
        var configuration = Configuration()
        #expect(LintContext(library: Library(configuration: configuration)).language(of: reply(nil)).code == "en")
        #expect(LintContext(library: Library(configuration: configuration)).language(of: reply("es-MX")).code == "es")
        configuration.locale = "es-US"
        #expect(LintContext(library: Library(configuration: configuration)).language(of: reply(nil)).code == "es")
        #expect(LintContext(library: Library(configuration: configuration)).language(of: reply("en-GB")).code == "en")
    }

    @Test func everyProfileHasAllThreeLists() {
        for profile in LanguageGuess.profiles {
            #expect(!profile.functionWords.isEmpty && !profile.endings.isEmpty && !profile.letters.isEmpty, "\(profile.code)")
        }
        #expect(Set(LanguageGuess.profiles.map(\.code)).isSuperset(of: ["en", "es", "de", "fr"]))
    }

    /// The files are read as bytes for speed (a one-reply render reads the whole English file). This reads them
    /// as the format is written down — whole Characters, split, trimmed and joined as Strings — and every entry,
    /// written entry, item phrase and word set must come out the same.
    @Test func readingBytesGivesTheEntriesReadingCharactersGives() {
        struct Reading: Equatable {
            var entries: [String: [String]] = [:]
            var written: [String: [String]] = [:]
            /// Every item's entries, expanded, in file order.
            var itemPhrases: [String] = []
        }
        func expandByCharacters(_ entry: String) -> [String] {
            guard entry.contains("(") else { return [entry] }
            var results = [""]
            var rest = Substring(entry)
            while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
                let head = rest[..<open]
                let alternatives = rest[rest.index(after: open)..<close].split(separator: "|")
                results = results.flatMap { prefix in alternatives.map { prefix + head + $0 } }
                rest = rest[rest.index(after: close)...]
            }
            if results == [""] { return [entry] }
            return results.map { ($0 + rest).split(separator: " ").joined(separator: " ") }
        }
        func readByCharacters(_ text: String, only: Set<String>? = nil) -> Reading {
            var reading = Reading()
            var section = ""
            var inItem = false
            for rawLine in text.split(separator: "\n") {
                let line = String(rawLine).trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
                if line.isEmpty || line.hasPrefix("#") { continue }
                if line.hasPrefix("[") && line.hasSuffix("]") {
                    let header = line.dropFirst().dropLast().split(separator: " ").map(String.init)
                    section = header.first ?? ""
                    inItem = section == "item" && header.count >= 4
                    continue
                }
                if let only, !only.contains(section) { continue }
                let entries = line.contains("=>") ? [line] : line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for entry in entries {
                    if inItem {
                        reading.itemPhrases += expandByCharacters(entry)
                    } else {
                        reading.entries[section, default: []] += expandByCharacters(entry)
                        reading.written[section, default: []].append(entry)
                    }
                }
            }
            return reading
        }
        let files: [(String, String)] = LanguageWords.codes.map { ($0, LanguageWords.resource($0)!) }
            + [("profiles", String(decoding: PackageResources.language_profiles_txt, as: UTF8.self))]
        for (code, text) in files {
            for only in [nil, Set(["fill-in-words", "empty-greetings", "request-verbs"])] as [Set<String>?] {
                let bytes = LanguageWords(code: code, text: text, only: only)
                let characters = readByCharacters(text, only: only)
                #expect(bytes.entries == characters.entries, "\(code): entries")
                #expect(bytes.written == characters.written, "\(code): written entries")
                for (section, entries) in characters.entries {
                    let words = entries.filter { !$0.contains("=>") }.map(PersonalDataText.words).filter { !$0.isEmpty }
                    #expect(bytes.phrases(section) == words, "\(code): \(section) as words")
                    #expect(bytes.words(section) == Set(words.map { $0.joined(separator: " ") }), "\(code): \(section) as a set")
                }
            }
            // Item phrases: the same words, item by item.
            let phrases = LanguageWords(code: code, text: text).items.flatMap { item in item.phrases.map { $0.joined(separator: " ") } }
            let reference = readByCharacters(text).itemPhrases.map(PersonalDataText.words).filter { !$0.isEmpty }.map { $0.joined(separator: " ") }
            #expect(phrases == reference, "\(code): item phrases")
        }
    }

    /// The words of a phrase, split byte by byte, are what the scalar check and the tokenizer give: for every
    /// entry of every shipped file, and the edges (capitals, `#`, apostrophes, other scripts, spaces at the ends).
    @Test func phrasesSplitByBytesAsByScalars() throws {
        func reference(_ text: String) -> [String] {
            if text.unicodeScalars.allSatisfy({ $0 == " " || ($0.isLetterOrDigit && !$0.properties.changesWhenLowercased) }) {
                return text.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            }
            return PersonalDataText(text).tokens.map(\.text)
        }
        var phrases = ["", " ", "order #", "O'Brien", "don't", "Order Number", "e-mail", " a  b ", "número de pedido",
                       "Número", "ñandú cédula", "straße", "ΑΒΓ", "abc\u{2019}s", "a1 b2", "tel.", "x"]
        for code in LanguageWords.codes {
            let words = try #require(LanguageWords.embedded(code))
            for section in words.sectionNames { phrases += words.strings(section) }
        }
        #expect(phrases.count > 9_000)
        for phrase in phrases {
            #expect(PersonalDataText.words(phrase) == reference(phrase), "\(phrase)")
        }
    }
}
