// English syllables are counted from a buffer on the stack (issue 20: tone-readability spent most of its
// time making a word's array, its string and the suffix lists for every word). The reading below is the one it
// replaced; both must give every word the same count.

import Foundation
@testable import ReplyLint
import Testing

@Suite struct SyllablesTests {
    /// The former reading, kept as the reference.
    enum Reference {
        static func referenceCount<Scalars: Collection>(scalars raw: Scalars) -> Int where Scalars.Element == Unicode.Scalar {
            // Lower-case ASCII letters only; apostrophes and a possessive "'s" dropped.
            var collected: [UInt8] = []
            collected.reserveCapacity(raw.count)
            var nonASCII = 0
            for scalar in raw {
                if scalar.value < 0x80 {
                    let byte = UInt8(scalar.value)
                    if byte >= 0x41 && byte <= 0x5A { collected.append(byte | 0x20) } else if byte >= 0x61 && byte <= 0x7A { collected.append(byte) } else if byte == 0x27 { collected.append(byte) }
                } else if scalar == "\u{2019}" {
                    collected.append(0x27)
                } else if scalar.isLetterLike {
                    nonASCII += 1
                }
            }
            if collected.count >= 2 && collected[collected.count - 2] == 0x27 && collected[collected.count - 1] == 0x73 { collected.removeLast(2) }
            collected.removeAll { $0 == 0x27 }
            // Read-only from here: the helpers below then read it without exclusivity checks.
            let letters = collected
            if letters.isEmpty { return nonASCII > 0 ? max(1, nonASCII / 3) : (raw.contains { $0.isDigitLike } ? 1 : 0) }
            let word = String(decoding: letters, as: UTF8.self)
            if let known = Syllables.exceptions[word] { return known }
            if letters.count <= 3 { return 1 }
            func isVowel(_ byte: UInt8) -> Bool { byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79 }
            func ends(_ suffix: String) -> Bool { letters.count >= suffix.utf8.count && letters.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
            func has(_ part: String) -> Bool {
                let p = part.utf8
                let length = p.count
                guard letters.count >= length else { return false }
                for start in 0...(letters.count - length) {
                    var offset = start
                    var matched = true
                    for byte in p {
                        if letters[offset] != byte { matched = false; break }
                        offset += 1
                    }
                    if matched { return true }
                }
                return false
            }
            var count = 0
            var previousVowel = false
            for byte in letters {
                let vowel = isVowel(byte)
                if vowel && !previousVowel { count += 1 }
                previousVowel = vowel
            }
            let n = letters.count
            // Silent final e ("make"), but not "-le" after a consonant ("table") nor "-ee" ("free").
            if ends("e"), !ends("le") || isVowel(letters[n - 3]), !ends("ee"), !ends("ie") { count -= 1 }
            // "-ed" is silent except after t or d ("booked" 1, "wanted" 2).
            if ends("ed"), n >= 3, letters[n - 3] != 0x74, letters[n - 3] != 0x64, !isVowel(letters[n - 3]) { count -= 1 }
            // "-es" is silent except after s, x, z, ch, sh, ge, ce ("makes" 1, "boxes" 2).
            if ends("es"), n >= 3, !["ses", "xes", "zes", "ches", "shes", "ges", "ces"].contains(where: ends), !isVowel(letters[n - 3]) { count -= 1 }
            // Vowel pairs that are two syllables: "ia" (media), "io" (radio), "eo" (video), "ua" (actual).
            if !ends("tion") && !ends("sion") && !has("tio") && !has("cia") && !has("cio") {
                for pair in ["ia", "io", "eo", "ua", "uo", "iu"] where has(pair) { count += 1 }
            }
            return max(1, count + nonASCII / 3)
        }
    }

    /// Every word of the equivalence texts (fixtures, sample replies, rule examples, random text), split as
    /// Readability does (letters, digits and apostrophes), plus random words with the letters the rules meet.
    static func words() throws -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        for text in try LanguageGuessEquivalenceTests.texts() {
            var word: [Unicode.Scalar] = []
            for scalar in text.unicodeScalars {
                if scalar.isLetterLike || scalar.isDigitLike || (scalar == "'" || scalar == "\u{2019}") && !word.isEmpty {
                    word.append(scalar)
                } else if !word.isEmpty {
                    words.append(word)
                    word = []
                }
            }
            if !word.isEmpty { words.append(word) }
        }
        var generator = SeededGenerator(seed: 20261206)
        let alphabet = Array("aeiouyaeioubcdgklmnrstxzhwEDSLTI'’s0ñéß語".unicodeScalars)
        for _ in 0..<20_000 {
            words.append((0..<Int(1 + generator.next() % 14)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
        for exception in Syllables.exceptions.keys { words.append(Array(exception.unicodeScalars)); words.append(Array(exception.uppercased().unicodeScalars)) }
        return words
    }

    @Test func theStackBufferCountsAsTheFormerReading() throws {
        let words = try Self.words()
        #expect(words.count > 25_000)
        for word in words {
            #expect(Syllables.count(scalars: word) == Reference.referenceCount(scalars: word), "\(String(String.UnicodeScalarView(word)).debugDescription)")
        }
        #expect(Syllables.count("business's") == Reference.referenceCount(scalars: "business's".unicodeScalars))
        #expect(Syllables.count("wanted") == 2 && Syllables.count("booked") == 1 && Syllables.count("boxes") == 2 && Syllables.count("radio") == 3)
    }

    /// policy-readability passes over a section that `mayHaveWords` says is too short to grade without reading it:
    /// that must never be a section `Readability.score` would count enough words in, alone or joined to another.
    @Test func aSectionPassedOverAsShortHasFewerWordsThanScoreCounts() throws {
        let texts = try LanguageGuessEquivalenceTests.texts()
        for (index, text) in texts.enumerated() {
            let words = Readability.score(text).words
            #expect(Readability.mayHaveWords([text], atLeast: words), "\(text.debugDescription)")
            let next = texts[(index + 1) % texts.count]
            let joined = Readability.score(PolicyReadabilityRule.asSentence(text) + " " + next).words
            #expect(Readability.mayHaveWords([text, next], atLeast: joined), "\(text.debugDescription) + \(next.debugDescription)")
        }
        // A number is no word: four.
        #expect(!Readability.mayHaveWords(["The answer to question 12."], atLeast: 5))
        #expect(Readability.mayHaveWords(["The answer to question 12."], atLeast: 4))
        #expect(!Readability.mayHaveWords(["", "4 5 6 ... !!"], atLeast: 1) && Readability.mayHaveWords([], atLeast: 0))
    }
}
