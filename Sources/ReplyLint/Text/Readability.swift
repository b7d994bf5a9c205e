// Reading grade: Flesch–Kincaid with an English syllable counter, on prose with links and placeholders left out.

public struct ReadabilityScore: Sendable, Hashable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int

    /// Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    public var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }
}

public enum Readability {
    /// Whether `text` reads as English, or gives no clear sign of another language: the grade formula
    /// means nothing for other languages. See LanguageGuess.
    public static func looksEnglish(_ text: String) -> Bool {
        let language = LanguageGuess.language(of: text)
        return language == nil || language == "en"
    }

    public static func score(_ text: String) -> ReadabilityScore {
        var words = 0
        var syllables = 0
        var sentences = 0
        var sawWordInSentence = false
        var word = String.UnicodeScalarView()
        var wordHasLetter = false
        func endWord() {
            guard !word.isEmpty else { return }
            if wordHasLetter {
                words += 1
                syllables += Syllables.count(String(word))
                sawWordInSentence = true
            }
            word = String.UnicodeScalarView()
            wordHasLetter = false
        }
        var skippingLink = false
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if skippingLink {
                if scalar == " " || scalar == "\n" || scalar == "\t" { skippingLink = false }
                previous = scalar
                continue
            }
            let letter = scalar.isLetterLike
            if letter || scalar.isDigitLike || (scalar == "'" || scalar == "\u{2019}") && !word.isEmpty {
                word.append(scalar)
                if letter { wordHasLetter = true }
            } else {
                if (scalar == ":" && (String(word) == "http" || String(word) == "https")) || (scalar == "." && String(word) == "www") {
                    word = String.UnicodeScalarView()
                    wordHasLetter = false
                    skippingLink = true
                    continue
                }
                endWord()
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == "\n", sawWordInSentence {
                    // "U.S." and "3.5": a dot right after a capital or inside a number is not a sentence end.
                    if !(scalar == "." && previous.isUppercaseLetter) {
                        sentences += 1
                        sawWordInSentence = false
                    }
                }
            }
            previous = scalar
        }
        endWord()
        if sawWordInSentence { sentences += 1 }
        return ReadabilityScore(words: words, sentences: sentences, syllables: syllables)
    }
}

/// English syllables by vowel groups, with the common corrections (silent e, -le, -ed, -es, diphthongs).
public enum Syllables {
    static let exceptions: [String: Int] = [
        "the": 1, "are": 1, "were": 1, "where": 1, "there": 1, "here": 1, "one": 1, "once": 1, "some": 1, "come": 1,
        "done": 1, "gone": 1, "give": 1, "live": 1, "have": 1, "love": 1, "move": 1, "sure": 1, "whole": 1, "every": 2,
        "everyone": 3, "everything": 3, "business": 2, "different": 3, "evening": 2, "area": 3, "idea": 3, "real": 1,
        "being": 2, "going": 2, "doing": 2, "create": 2, "created": 3, "people": 2, "little": 2, "table": 2, "able": 2,
        "fire": 1, "hour": 1, "hours": 1, "our": 1, "ours": 1, "poem": 2, "quiet": 2, "science": 2, "via": 2, "dm": 2,
        "faq": 3, "ok": 2, "pm": 2, "am": 1, "sms": 3, "id": 2, "app": 1, "apps": 1, "online": 2, "website": 2,
        "someone": 2, "something": 2, "sometimes": 2, "anyone": 3, "whenever": 3, "wednesday": 2, "business's": 3,
    ]

    public static func count(_ raw: String) -> Int {
        // Lower-case ASCII letters only; apostrophes and a possessive "'s" dropped.
        var letters: [UInt8] = []
        letters.reserveCapacity(raw.utf8.count)
        var nonASCII = 0
        for scalar in raw.unicodeScalars {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if byte >= 0x41 && byte <= 0x5A { letters.append(byte | 0x20) } else if byte >= 0x61 && byte <= 0x7A { letters.append(byte) } else if byte == 0x27 { letters.append(byte) }
            } else if scalar == "\u{2019}" {
                letters.append(0x27)
            } else if scalar.isLetterLike {
                nonASCII += 1
            }
        }
        if letters.count >= 2 && letters[letters.count - 2] == 0x27 && letters[letters.count - 1] == 0x73 { letters.removeLast(2) }
        letters.removeAll { $0 == 0x27 }
        if letters.isEmpty { return nonASCII > 0 ? max(1, nonASCII / 3) : (raw.unicodeScalars.contains { $0.isDigitLike } ? 1 : 0) }
        let word = String(decoding: letters, as: UTF8.self)
        if let known = exceptions[word] { return known }
        if letters.count <= 3 { return 1 }
        func isVowel(_ byte: UInt8) -> Bool { byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79 }
        func ends(_ suffix: String) -> Bool { letters.count >= suffix.utf8.count && letters.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        func has(_ part: String) -> Bool {
            let p = Array(part.utf8)
            guard letters.count >= p.count else { return false }
            for start in 0...(letters.count - p.count) where letters[start..<(start + p.count)].elementsEqual(p) { return true }
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
