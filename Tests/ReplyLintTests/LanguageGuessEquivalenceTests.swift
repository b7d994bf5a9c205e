// LanguageGuess scores each word of a text once against every profile, from the words the privacy and tone
// rules read, and keeps a word's scores for the rest of a lint (issue 20: it was a quarter of a whole lint).
// The reading below is the first one — PersonalDataText's words, each compared with every profile's lists — and
// both must give the same scores, word counts and languages on every text, with word scores kept or not.

import Foundation
@testable import ReplyLint
import Testing

@Suite struct LanguageGuessEquivalenceTests {
    /// The former reading, kept as the reference.
    enum Reference {
        static func scores(_ text: String) -> [String: Double] {
            var scores: [String: Double] = [:]
            for profile in LanguageGuess.profiles { scores[profile.code] = 0 }
            for word in PersonalDataText.words(text) where word.unicodeScalars.contains(where: \.isLetterLike) {
                let scalars = Array(word.unicodeScalars)
                for profile in LanguageGuess.profiles {
                    var points = 0.0
                    if profile.functionWords.contains(word) { points += 1 }
                    if profile.endings.contains(where: { ending in
                        let ending = Array(ending.unicodeScalars)
                        return scalars.count >= ending.count + 2 && scalars.suffix(ending.count).elementsEqual(ending)
                    }) { points += 1 }
                    if profile.letters.contains(where: { word.utf8.containsSequence(Array($0.utf8)) }) { points += 1 }
                    scores[profile.code, default: 0] += points
                }
            }
            for profile in LanguageGuess.profiles {
                for mark in profile.letters where mark.unicodeScalars.count == 1 && !mark.unicodeScalars.first!.isLetterLike {
                    scores[profile.code, default: 0] += Double(text.unicodeScalars.filter { $0 == mark.unicodeScalars.first! }.count)
                }
            }
            return scores
        }

        static func wordsWithLetters(_ text: String) -> Int {
            PersonalDataText.words(text).filter { $0.unicodeScalars.contains(where: \.isLetterLike) }.count
        }

        static func language(_ text: String) -> String? {
            var latin = 0
            var other = 0
            for scalar in text.unicodeScalars where scalar.isLetterLike {
                if scalar.value < 0x250 { latin += 1 } else { other += 1 }
            }
            if other > latin { return LanguageGuess.undetermined }
            let ranked = scores(text).sorted { $0.value > $1.value }
            guard let best = ranked.first, best.value >= 2 else { return nil }
            let second = ranked.count > 1 ? ranked[1].value : 0
            // Two languages tied at the top give no language whichever comes first.
            return best.value >= second * 1.5 ? best.key : nil
        }
    }

    static func texts() throws -> [String] {
        var texts = [
            "", " ", "¿Dónde está tu pedido? ¡Gracias!", "¿¿¡¡", "We'll sort it — don't worry, it's fixed.",
            "Wir bedauern die Komplikationen außerordentlich.", "ご迷惑をおかけしております。", "Здравствуйте, спасибо за сообщение",
            "Nous regrettons sincèrement les complications.", "İstanbul ΣΟΦΙΑ ǅungla straße STRASSE l'été c’est",
            "thinking nicely happiness clarity  ship-wards: th wh sh ñ á", "a1b2c3 4th 21st O’Brien's ’quoted’",
        ]
        let fixtures = CLI.packageRoot.appendingPathComponent("Tests/ReplyLintTests/Fixtures")
        for name in ["personal-data-classes.yml", "personal-data-labelled.yml", "spanish-labelled.yml"] {
            let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            // `- text: '…'` (labelled sets) and `- {public: no, text: "…"}` (classes): the text to the end of the line.
            for line in text.split(separator: "\n") {
                if let range = line.range(of: "text: ") { texts.append(String(line[range.upperBound...])) }
            }
        }
        let replies = CLI.packageRoot.appendingPathComponent("replies")
        for case let file as String in FileManager.default.enumerator(atPath: replies.path)! where file.hasSuffix(".md") {
            texts.append(try String(contentsOf: replies.appendingPathComponent(file), encoding: .utf8))
        }
        for rule in RuleRegistry.descriptions {
            texts += (rule.triggering + rule.nonTriggering).map(\.plainText)
        }
        var generator = SeededGenerator(seed: 20261207)
        let alphabet = Array("abcthwshingly ñáéíóúç¿¡ äöüß'’ .,!?\n-XYZ0129ÉİΣσǅ😀١ж語")
        for _ in 0..<1_500 {
            texts.append(String((0..<Int(generator.next() % 80)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        return texts
    }

    @Test func onePassScoresAsTheWordByWordReading() throws {
        let texts = try Self.texts()
        #expect(texts.count > 2_500)
        for text in texts {
            let analysis = LanguageGuess.analyse(text)
            #expect(analysis.scores == Reference.scores(text), "\(text.debugDescription)")
            #expect(analysis.wordsWithLetters == Reference.wordsWithLetters(text), "\(text.debugDescription)")
            #expect(LanguageGuess.language(of: text) == Reference.language(text), "\(text.debugDescription)")
        }
    }

    /// tone-readability and locale-mismatch skip a reply with fewer tokens than their minimum of words: that holds only
    /// while neither counts more words than the tokens the privacy and tone rules read.
    @Test func noCountOfWordsExceedsTheTokens() throws {
        let texts = try Self.texts() + ["dogs' bowls", "’quoted’ isn't", "see https://example.com/a-b_c?d=e now", "www.example.com it", "U.S. 3.5 e.g. #1 ##"]
        for text in texts {
            let tokens = PersonalDataText(text).tokens.count
            #expect(Readability.score(text).words <= tokens, "\(text.debugDescription)")
            #expect(LanguageGuess.analyse(text).wordsWithLetters <= tokens, "\(text.debugDescription)")
        }
    }

    /// A lint keeps each word's scores from reply to reply (LanguageGuess.WordScores): read with scores that are
    /// already warm, every text scores as it does read on its own.
    @Test func keptWordScoresScoreAsReadingAfresh() throws {
        let texts = try Self.texts()
        let kept = LanguageGuess.WordScores()
        for pass in 0..<2 {
            for text in texts {
                let parsed = PersonalDataText(text)
                let warm = LanguageGuess.analyse(parsed, scores: kept)
                #expect(warm.scores == LanguageGuess.analyse(parsed).scores, "pass \(pass): \(text.debugDescription)")
                #expect(warm.wordsWithLetters == Reference.wordsWithLetters(text), "pass \(pass): \(text.debugDescription)")
            }
        }
    }
}

private extension String.UTF8View {
    func containsSequence(_ needle: [UInt8]) -> Bool {
        let bytes = Array(self)
        guard !needle.isEmpty else { return true }
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
