// Which language a text is in: the declared locale first, then the text's own signals — the
// function words, word endings and letters of each language in Resources/language-profiles.txt.
//
// Counting common English words (the former test) skipped the densest English, which has few of
// them; endings ("-ing", "-ly", "-ity") and letter pairs ("th", "wh") stay in even the most Latinate
// prose, while Spanish, German and French bring words, endings and letters English never has.

public enum LanguageGuess {
    struct Profile: Sendable {
        var code: String
        var functionWords: Set<String>
        var endings: [String]
        var letters: [String]
    }

    /// The profiles flattened for one pass over a text: which profiles each function word belongs to
    /// (one lookup per word instead of one per language), and every ending and letter as UTF-8 bytes
    /// with its profile. Comparing a word's bytes from the end is comparing its scalars: UTF-8 is
    /// self-synchronising, and every ending starts with a whole scalar.
    struct Tables: Sendable {
        var functionWordProfiles: [String: UInt32] = [:]
        var endings: [(profile: Int, bytes: [UInt8], scalars: Int)] = []
        var letters: [(profile: Int, bytes: [UInt8])] = []
        /// Marks that are no part of a word ("¿", "¡"), counted wherever they stand.
        var marks: [(profile: Int, scalar: Unicode.Scalar)] = []
        /// Indices into `endings` by an ending's last byte, and into `letters` by a letter's first byte:
        /// a word is compared only with the entries that can match it.
        var endingsByLastByte: [[Int]] = Array(repeating: [], count: 256)
        var lettersByFirstByte: [[Int]] = Array(repeating: [], count: 256)

        init(_ profiles: [Profile]) {
            precondition(profiles.count <= 32, "language profiles are counted in a 32-bit mask")
            for (index, profile) in profiles.enumerated() {
                for word in profile.functionWords { functionWordProfiles[word, default: 0] |= 1 << UInt32(index) }
                for ending in profile.endings where !ending.isEmpty {
                    endings.append((index, Array(ending.utf8), ending.unicodeScalars.count))
                }
                for letter in profile.letters where !letter.isEmpty {
                    letters.append((index, Array(letter.utf8)))
                    if letter.unicodeScalars.count == 1, let mark = letter.unicodeScalars.first, !mark.isLetterLike {
                        marks.append((index, mark))
                    }
                }
            }
            for (index, ending) in endings.enumerated() { endingsByLastByte[Int(ending.bytes.last!)].append(index) }
            for (index, letter) in letters.enumerated() { lettersByFirstByte[Int(letter.bytes[0])].append(index) }
        }
    }

    static let tables = Tables(profiles)

    /// What one pass over a text gives: each profile's points (in the order of `profiles`), how many
    /// of its words have a letter, and how many letters are Latin and how many of another script.
    struct Analysis {
        var points: [Double]
        var wordsWithLetters = 0
        var latinLetters = 0
        var otherLetters = 0

        var scores: [String: Double] {
            Dictionary(uniqueKeysWithValues: zip(LanguageGuess.profiles.map(\.code), points))
        }

        /// The best profile's code and points (the first of a tie, in the profiles' order), and the next best's
        /// points (0 with one profile): the first two of the profiles ranked by points. One pass, no arrays: it
        /// was sorted in full twice a reply.
        var leaders: (best: String, points: Double, second: Double)? {
            guard var best = points.indices.first else { return nil }
            for index in points.indices.dropFirst() where points[index] > points[best] { best = index }
            var second = 0.0
            for index in points.indices where index != best { second = Swift.max(second, points[index]) }
            return (LanguageGuess.profiles[best].code, points[best], second)
        }
    }

    /// Whether `bytes` ends with `suffix`.
    @inline(__always) static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        let start = bytes.count - suffix.count
        for offset in 0..<suffix.count where bytes[start + offset] != suffix[offset] { return false }
        return true
    }

    /// Whether `bytes` holds `needle` from `start`.
    @inline(__always) static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: [UInt8]) -> Bool {
        guard bytes.count - start >= needle.count else { return false }
        for offset in 0..<needle.count where bytes[start + offset] != needle[offset] { return false }
        return true
    }

    /// `text`'s words as PersonalDataText reads them (lower-cased, ’ as '), each scored against every
    /// profile — a point for a function word, one for an ending (the word at least two scalars longer than
    /// it), one for a letter group — and its marks and letters counted.
    static func analyse(_ text: String) -> Analysis { analyse(PersonalDataText(text)) }

    /// Which profiles a word scores for (its function words, endings and letters), kept by one worker of a lint
    /// across the replies it reads: most words come back reply after reply, and matching every ending and letter
    /// group again was most of the guess. Not shared between threads; bounded in size.
    final class WordScores: @unchecked Sendable {
        fileprivate var masks: [String: (functionWord: UInt32, ending: UInt32, letter: UInt32)] = [:]
        static let capacity = 1 << 16
    }

    /// The same from a text already read: a reply's words are split once for the language guess, the
    /// privacy rules and the tone rules (a pass of its own over each reply was 3 % of a lint).
    static func analyse(_ text: PersonalDataText, scores: WordScores? = nil) -> Analysis {
        let tables = Self.tables
        var analysis = Analysis(points: Array(repeating: 0, count: profiles.count))
        let scalars = text.scalars
        // Letters are counted everywhere, marks ("¿") only outside words; "#" is a token but not a word.
        var word = 0
        let tokens = text.tokens
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar.isLetterLike {
                if scalar.value < 0x250 { analysis.latinLetters += 1 } else { analysis.otherLetters += 1 }
            }
            while word < tokens.count && tokens[word].range.upperBound <= index { word += 1 }
            if word < tokens.count && tokens[word].range.lowerBound <= index && tokens[word].text != "#" { continue }
            for mark in tables.marks where mark.scalar == scalar { analysis.points[mark.profile] += 1 }
        }
        for token in tokens where token.text != "#" {
            guard scalars[token.range].contains(where: \.isLetterLike) else { continue }
            analysis.wordsWithLetters += 1
            let (functionWord, ending, letter) = scores?.masks[token.text] ?? wordMasks(token.text, tables, scores)
            guard functionWord | ending | letter != 0 else { continue }
            for index in analysis.points.indices {
                let bit: UInt32 = 1 << UInt32(index)
                analysis.points[index] += Double((functionWord & bit).nonzeroBitCount + (ending & bit).nonzeroBitCount + (letter & bit).nonzeroBitCount)
            }
        }
        return analysis
    }

    /// The profiles `word` scores for, as bit masks by profile: one of its function words, one of its endings (the
    /// word at least two scalars longer), one of its letter groups. Kept in `scores` when there is room.
    private static func wordMasks(_ word: String, _ tables: Tables, _ scores: WordScores?) -> (functionWord: UInt32, ending: UInt32, letter: UInt32) {
        var word = word
        let functionWord = tables.functionWordProfiles[word] ?? 0
        var ending: UInt32 = 0
        var letter: UInt32 = 0
        word.withUTF8 { bytes in
            var scalarCount = 0
            for byte in bytes where byte & 0xC0 != 0x80 { scalarCount += 1 }
            guard let last = bytes.last else { return }
            for index in tables.endingsByLastByte[Int(last)] {
                let entry = tables.endings[index]
                if scalarCount >= entry.scalars + 2, hasSuffix(bytes, entry.bytes) { ending |= 1 << UInt32(entry.profile) }
            }
            for start in bytes.indices {
                for index in tables.lettersByFirstByte[Int(bytes[start])] {
                    let entry = tables.letters[index]
                    if letter & (1 << UInt32(entry.profile)) == 0, hasPrefix(bytes, at: start, entry.bytes) { letter |= 1 << UInt32(entry.profile) }
                }
            }
        }
        if let scores, scores.masks.count < WordScores.capacity { scores.masks[word] = (functionWord, ending, letter) }
        return (functionWord, ending, letter)
    }

    static let profiles: [Profile] = {
        let data = LanguageWords(code: "profiles", text: String(decoding: PackageResources.language_profiles_txt, as: UTF8.self))
        var codes: [String] = []
        for section in data.sectionNames where section.hasSuffix("-function-words") {
            codes.append(String(section.dropLast("-function-words".count)))
        }
        return codes.map { code in
            Profile(code: code, functionWords: Set(data.strings("\(code)-function-words").map { $0.lowercased() }),
                    endings: data.strings("\(code)-endings").map { $0.lowercased() }, letters: data.strings("\(code)-letters").map { $0.lowercased() })
        }
    }()

    /// Languages' names in English, by code ("es" → "Spanish"), for messages.
    static let names: [String: String] = {
        let data = LanguageWords(code: "profiles", text: String(decoding: PackageResources.language_profiles_txt, as: UTF8.self))
        return Dictionary(data.pairs("names").map { ($0.phrase, $0.instead) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The code for a language with no profile here (ISO 639-2 "und").
    public static let undetermined = "und"

    /// The language code ("en", "es") of `locale` ("en-US", "es_MX").
    public static func code(ofLocale locale: String) -> String {
        // "en", "es": already a code. Every rule asks for every reply, and lower-casing and splitting made two strings.
        if locale.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return locale }
        return locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
    }

    /// The language a reply is read in: its declared locale, else what its text looks like, else `fallback`
    /// (the library's configured locale).
    public static func language(of text: String, declared: String?, fallback: String) -> String {
        if let declared, !declared.isEmpty { return code(ofLocale: declared) }
        return language(of: text) ?? code(ofLocale: fallback)
    }

    /// The language `text` looks most like, or nil when it gives no clear signal (too few words, or two
    /// languages nearly tied).
    public static func language(of text: String) -> String? { language(analysis: analyse(text)) }

    /// The same for a text already read.
    static func language(of text: PersonalDataText) -> String? { language(analysis: analyse(text)) }

    /// `language(of:)` from a text's analysis.
    static func language(analysis: Analysis) -> String? {
        // Mostly letters of another script (Japanese, Arabic, Cyrillic…): not any language profiled here, and not English.
        if analysis.otherLetters > analysis.latinLetters { return undetermined }
        guard let leaders = analysis.leaders, leaders.points >= 2 else { return nil }
        return leaders.points >= leaders.second * 1.5 ? leaders.best : nil
    }

    /// The language `text` is clearly written in, or nil: at least `minimumWords` words, and a score at least
    /// twice any other language's — a short line, or a text that mixes two languages, gives nil. Text mostly
    /// in another script gives nil too: no language profiled here can be named for it.
    public static func clearLanguage(of text: String, minimumWords: Int) -> String? {
        clearLanguage(of: PersonalDataText(text), minimumWords: minimumWords)
    }

    /// The same for a text already read.
    static func clearLanguage(of text: PersonalDataText, minimumWords: Int, scores: WordScores? = nil) -> String? {
        // Its words are some of its tokens: too few tokens, too few words, and nothing to score.
        guard text.tokens.count >= minimumWords else { return nil }
        let analysis = analyse(text, scores: scores)
        guard analysis.wordsWithLetters >= minimumWords else { return nil }
        guard let guessed = language(analysis: analysis), guessed != undetermined, let leaders = analysis.leaders else { return nil }
        return leaders.best == guessed && leaders.points >= 2 * leaders.second && leaders.points >= Double(minimumWords) / 2 ? guessed : nil
    }

    /// For each language, one point per word that is one of its function words, one per word with
    /// one of its endings, one per word with one of its letters, and one per mark of its own ("¿").
    static func scores(_ text: String) -> [String: Double] { analyse(text).scores }
}
