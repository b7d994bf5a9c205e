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
    static let commonEnglish: Set<String> = [
        "the", "a", "an", "and", "or", "to", "of", "in", "on", "for", "with", "is", "are", "was", "be", "we", "you", "your", "our",
        "it", "this", "that", "can", "will", "please", "us", "i", "at", "by", "if", "have", "has", "not", "from", "as", "so", "do",
    ]

    /// Whether at least one word in six is a common English word: the grade formula means nothing for other languages.
    public static func looksEnglish(_ text: String) -> Bool {
        let words = PersonalDataText.words(text)
        guard !words.isEmpty else { return false }
        return words.filter(commonEnglish.contains).count * 6 >= words.count
    }

    public static func score(_ text: String) -> ReadabilityScore {
        var words = 0
        var syllables = 0
        var sentences = 0
        var sawWordInSentence = false
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            if word.contains(where: \.isLetter) {
                words += 1
                syllables += Syllables.count(word)
                sawWordInSentence = true
            }
            word = ""
        }
        var skippingLink = false
        var previous: Character = " "
        for character in text {
            if skippingLink {
                if character.isWhitespace { skippingLink = false }
                previous = character
                continue
            }
            if character.isLetter || character.isNumber || (character == "'" || character == "’") && !word.isEmpty {
                word.append(character)
            } else {
                if (character == ":" && (word == "http" || word == "https")) || (character == "." && word == "www") {
                    word = ""
                    skippingLink = true
                    continue
                }
                endWord()
                if ".!?\n".contains(character) && sawWordInSentence {
                    // "e.g." and "3.5": a dot inside a word is not a sentence end.
                    if !(character == "." && previous.isLetter && previous.isUppercase) {
                        sentences += 1
                        sawWordInSentence = false
                    }
                }
            }
            previous = character
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
        var word = raw.lowercased().filter { $0.isLetter || $0 == "'" }
        if word.hasSuffix("'s") { word.removeLast(2) }
        word = word.filter(\.isLetter)
        guard !word.isEmpty else { return raw.contains(where: \.isNumber) ? 1 : 0 }
        if let known = exceptions[word] { return known }
        if word.count <= 3 { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousVowel = false
        for character in word {
            let isVowel = vowels.contains(character)
            if isVowel && !previousVowel { count += 1 }
            previousVowel = isVowel
        }
        // Silent final e ("make"), but not "-le" after a consonant ("table") nor "-ee" ("free").
        if word.hasSuffix("e"), !word.hasSuffix("le") || vowels.contains(word.dropLast(2).last ?? "a"), !word.hasSuffix("ee"), !word.hasSuffix("ie") {
            count -= 1
        }
        // "-ed" is silent except after t or d ("booked" 1, "wanted" 2).
        if word.hasSuffix("ed"), let before = word.dropLast(2).last, before != "t", before != "d", !vowels.contains(before) {
            count -= 1
        }
        // "-es" is silent except after s, x, z, ch, sh, ge, ce ("makes" 1, "boxes" 2).
        if word.hasSuffix("es"), !["ses", "xes", "zes", "ches", "shes", "ges", "ces"].contains(where: { word.hasSuffix($0) }), let before = word.dropLast(2).last, !vowels.contains(before) {
            count -= 1
        }
        // Vowel pairs that are two syllables: "ia" (media), "io" (radio), "eo" (video), "ua" (actual), "uo".
        for pair in ["ia", "io", "eo", "ua", "uo", "iu"] where word.contains(pair) && !word.hasSuffix("tion") && !word.hasSuffix("sion") && !word.contains("tio") && !word.contains("cia") && !word.contains("cio") {
            count += 1
        }
        return max(1, count)
    }
}
