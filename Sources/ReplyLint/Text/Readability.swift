// Reading grade on prose with links and placeholders left out: Flesch–Kincaid with an English syllable
// counter for English, Fernández-Huerta with a Spanish one for Spanish. A language's file names its
// formula (`[readability-formula]` in Resources/words-<code>.txt); a language with none is not graded.

import Foundation

/// A reading-ease or grade formula made for one language, with its own syllable counter.
public enum ReadabilityFormula: String, Sendable, CaseIterable {
    /// Flesch–Kincaid grade level (English): 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    case fleschKincaid = "flesch-kincaid"
    /// Fernández-Huerta reading ease (Spanish, 1959, as corrected by Law 2011):
    /// 206.84 − 60 × syllables per word − 1.02 × words per sentence; 0 (hardest) to 100 (easiest).
    case fernandezHuerta = "fernandez-huerta"

    /// The name messages give it.
    public var name: String {
        switch self {
        case .fleschKincaid: "Flesch–Kincaid"
        case .fernandezHuerta: "Fernández-Huerta"
        }
    }

    func syllables(_ word: String) -> Int {
        switch self {
        case .fleschKincaid: Syllables.count(word)
        case .fernandezHuerta: SpanishSyllables.count(word)
        }
    }

    func syllables(scalars word: [Unicode.Scalar]) -> Int {
        switch self {
        case .fleschKincaid: Syllables.count(scalars: word)
        case .fernandezHuerta: SpanishSyllables.count(FastText.string(word))
        }
    }

    /// Fernández-Huerta's own table: the score at the bottom of each band, the band's name and the school
    /// grade (US equivalent) that reads it. A score is turned into a grade by interpolating between bands,
    /// so that the bottom of "normal" (60, read in 7th–8th grade) is exactly grade 8.
    static let fernandezHuertaBands: [(score: Double, name: String, grade: Double)] = [
        (90, "muy fácil", 4), (80, "fácil", 5), (70, "algo fácil", 6), (60, "normal", 8),
        (50, "algo difícil", 12), (30, "difícil", 14), (0, "muy difícil", 16),
    ]

    /// The grade a Fernández-Huerta score stands for: 90 and above → 4, 80 → 5, 70 → 6, 60 → 8, 50 → 12,
    /// 30 → 14, 0 and below → 16, straight lines between.
    static func grade(fernandezHuerta ease: Double) -> Double {
        let bands = fernandezHuertaBands
        if ease >= bands[0].score { return bands[0].grade }
        for (upper, lower) in zip(bands, bands.dropFirst()) where ease >= lower.score {
            return lower.grade + (upper.grade - lower.grade) * (ease - lower.score) / (upper.score - lower.score)
        }
        return bands[bands.count - 1].grade
    }

    /// The band a Fernández-Huerta score falls in ("algo difícil").
    static func band(fernandezHuerta ease: Double) -> String {
        fernandezHuertaBands.first { ease >= $0.score }?.name ?? fernandezHuertaBands[fernandezHuertaBands.count - 1].name
    }
}

public struct ReadabilityScore: Sendable, Hashable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    public var formula: ReadabilityFormula = .fleschKincaid

    public init(words: Int, sentences: Int, syllables: Int, formula: ReadabilityFormula = .fleschKincaid) {
        self.words = words
        self.sentences = sentences
        self.syllables = syllables
        self.formula = formula
    }

    /// The school grade that reads the text: Flesch–Kincaid's grade, or Fernández-Huerta's score turned
    /// into a grade by its table.
    public var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        switch formula {
        case .fleschKincaid:
            return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
        case .fernandezHuerta:
            return ReadabilityFormula.grade(fernandezHuerta: ease ?? 100)
        }
    }

    /// A reading-ease score (0–100, higher is easier) for formulas that give one: Fernández-Huerta.
    public var ease: Double? {
        guard formula == .fernandezHuerta, words > 0, sentences > 0 else { return nil }
        return 206.84 - 60 * Double(syllables) / Double(words) - 1.02 * Double(words) / Double(sentences)
    }

    /// How messages state it: "grade 9.3 (Flesch–Kincaid)", "grade 10.1 (Fernández-Huerta 55.2, algo difícil)".
    public var statement: String {
        let grade = String(format: "%.1f", self.grade)
        guard let ease else { return "grade \(grade) (\(formula.name))" }
        return "grade \(grade) (\(formula.name) \(String(format: "%.1f", ease)), \(ReadabilityFormula.band(fernandezHuerta: ease)))"
    }
}

public enum Readability {
    /// Whether `text` reads as English, or gives no clear sign of another language: the grade formula
    /// means nothing for other languages. See LanguageGuess.
    public static func looksEnglish(_ text: String) -> Bool { isWritten(in: "en", text) }

    /// Whether `text` reads as the language `code`, or gives no clear sign of another one.
    public static func isWritten(in code: String, _ text: String) -> Bool {
        let language = LanguageGuess.language(of: text)
        return language == nil || language == code
    }

    /// Whether `texts` together may hold `count` words as `score` counts them: false only when they cannot. Each
    /// word `score` counts holds a run of letters of its own, and the runs are what is counted, so text too short
    /// to grade is passed over without reading it further.
    static func mayHaveWords<Texts: Sequence>(_ texts: Texts, atLeast count: Int) -> Bool where Texts.Element == String {
        guard count > 0 else { return true }
        var runs = 0
        for text in texts {
            var inRun = false
            for scalar in text.unicodeScalars {
                let letter = scalar.isLetterLike
                if letter && !inRun {
                    runs += 1
                    if runs >= count { return true }
                }
                inRun = letter
            }
        }
        return false
    }

    public static func score(_ text: String, formula: ReadabilityFormula = .fleschKincaid) -> ReadabilityScore {
        var words = 0
        var syllables = 0
        var sentences = 0
        var sawWordInSentence = false
        // The word's scalars in a reused buffer: a String built scalar by scalar cost more than the counting.
        var word: [Unicode.Scalar] = []
        word.reserveCapacity(32)
        var wordHasLetter = false
        func endWord() {
            guard !word.isEmpty else { return }
            if wordHasLetter {
                words += 1
                syllables += formula.syllables(scalars: word)
                sawWordInSentence = true
            }
            word.removeAll(keepingCapacity: true)
            wordHasLetter = false
        }
        func wordIs(_ text: String) -> Bool { word.elementsEqual(text.unicodeScalars) }
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
                if (scalar == ":" && (wordIs("http") || wordIs("https"))) || (scalar == "." && wordIs("www")) {
                    word.removeAll(keepingCapacity: true)
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
        return ReadabilityScore(words: words, sentences: sentences, syllables: syllables, formula: formula)
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
        count(scalars: raw.unicodeScalars)
    }

    static func count<Scalars: Collection>(scalars raw: Scalars) -> Int where Scalars.Element == Unicode.Scalar {
        // The letters in a buffer on the stack, read by byte: a word's array, the string for the exceptions and the
        // suffix lists made for every word were most of tone-readability's time. SyllablesTests compares this with
        // the former reading on every word of the corpus and on random words.
        let capacity = Swift.max(1, raw.count)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer -> Int in
            // Lower-case ASCII letters only; apostrophes and a possessive "'s" dropped.
            var n = 0
            var nonASCII = 0
            var apostrophes = 0
            for scalar in raw {
                if scalar.value < 0x80 {
                    let byte = UInt8(scalar.value)
                    if byte >= 0x41 && byte <= 0x5A { buffer[n] = byte | 0x20; n += 1 } else if byte >= 0x61 && byte <= 0x7A { buffer[n] = byte; n += 1 } else if byte == 0x27 { buffer[n] = byte; n += 1; apostrophes += 1 }
                } else if scalar == "\u{2019}" {
                    buffer[n] = 0x27; n += 1; apostrophes += 1
                } else if scalar.isLetterLike {
                    nonASCII += 1
                }
            }
            if n >= 2 && buffer[n - 2] == 0x27 && buffer[n - 1] == 0x73 { n -= 2; apostrophes -= 1 }
            if apostrophes > 0 {
                var kept = 0
                for index in 0..<n where buffer[index] != 0x27 { buffer[kept] = buffer[index]; kept += 1 }
                n = kept
            }
            if n == 0 { return nonASCII > 0 ? Swift.max(1, nonASCII / 3) : (raw.contains { $0.isDigitLike } ? 1 : 0) }
            let letters = UnsafeBufferPointer(rebasing: buffer[0..<n])
            if n <= longestException, let known = exceptions[String(decoding: letters, as: UTF8.self)] { return known }
            if n <= 3 { return 1 }
            func isVowel(_ byte: UInt8) -> Bool { byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79 }
            func ends(_ suffix: StaticString) -> Bool {
                let length = suffix.utf8CodeUnitCount
                guard n >= length else { return false }
                let bytes = suffix.utf8Start
                for offset in 0..<length where letters[n - length + offset] != bytes[offset] { return false }
                return true
            }
            func has(_ part: StaticString) -> Bool {
                let length = part.utf8CodeUnitCount
                guard n >= length else { return false }
                let bytes = part.utf8Start
                outer: for start in 0...(n - length) {
                    for offset in 0..<length where letters[start + offset] != bytes[offset] { continue outer }
                    return true
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
            // Silent final e ("make"), but not "-le" after a consonant ("table") nor "-ee" ("free").
            if ends("e"), !ends("le") || isVowel(letters[n - 3]), !ends("ee"), !ends("ie") { count -= 1 }
            // "-ed" is silent except after t or d ("booked" 1, "wanted" 2).
            if ends("ed"), n >= 3, letters[n - 3] != 0x74, letters[n - 3] != 0x64, !isVowel(letters[n - 3]) { count -= 1 }
            // "-es" is silent except after s, x, z, ch, sh, ge, ce ("makes" 1, "boxes" 2).
            if ends("es"), n >= 3, !(ends("ses") || ends("xes") || ends("zes") || ends("ches") || ends("shes") || ends("ges") || ends("ces")),
               !isVowel(letters[n - 3]) { count -= 1 }
            // Vowel pairs that are two syllables: "ia" (media), "io" (radio), "eo" (video), "ua" (actual).
            if !ends("tion") && !ends("sion") && !has("tio") && !has("cia") && !has("cio") {
                if has("ia") { count += 1 }
                if has("io") { count += 1 }
                if has("eo") { count += 1 }
                if has("ua") { count += 1 }
                if has("uo") { count += 1 }
                if has("iu") { count += 1 }
            }
            return Swift.max(1, count + nonASCII / 3)
        }
    }

    /// The longest exception, in letters: a longer word is not looked up.
    static let longestException = exceptions.keys.map(\.utf8.count).max() ?? 0
}

/// Spanish syllables: each vowel starts one, except a weak vowel (i, u, ü; y at the end of a word) next
/// to another vowel without an accent on it, which joins it in a diphthong ("cuidado" 3, "hoy" 1);
/// two strong vowels (a, e, o) are two ("leer" 2, "área" 3), and so is an accented í or ú beside a
/// vowel ("día" 2, "país" 2). A silent u in "que", "qui", "gue", "gui" joins the next vowel anyway.
public enum SpanishSyllables {
    public static func count(_ raw: String) -> Int {
        enum Vowel { case strong, weak, accentedWeak }
        func vowel(_ scalar: Unicode.Scalar, atEnd: Bool) -> Vowel? {
            switch scalar {
            case "a", "e", "o", "á", "é", "ó", "à", "è", "ò": return .strong
            case "i", "u", "ü", "ï": return .weak
            case "í", "ú": return .accentedWeak
            case "y": return atEnd ? .weak : nil
            default: return nil
            }
        }
        let letters = Array(raw.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
        guard !letters.isEmpty else { return raw.unicodeScalars.contains { $0.isDigitLike } ? 1 : 0 }
        var count = 0
        var previous: Vowel?
        for (index, letter) in letters.enumerated() {
            // "y" is a vowel only at the end of a word after a vowel ("hoy", "muy") or as the word "y".
            let atEnd = index == letters.count - 1
            guard let current = vowel(letter, atEnd: atEnd || letters.count == 1) else {
                previous = nil
                continue
            }
            if let before = previous {
                // A diphthong: a weak vowel without an accent on either side of the pair.
                let joins = (before == .weak && current != .accentedWeak) || (current == .weak && before != .accentedWeak)
                if !joins { count += 1 }
            } else {
                count += 1
            }
            previous = current
        }
        return max(1, count)
    }
}
