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
        /// `endings` as scalars, compared from the end of a word's scalars: `String.count` and
        /// `hasSuffix` walk graphemes, and made `locale-mismatch` two thirds of a whole lint.
        var endingScalars: [[Unicode.Scalar]] { endings.map { Array($0.unicodeScalars) } }
    }

    /// Each profile's endings as scalars, in the order of `profiles`.
    static let endingScalars: [[[Unicode.Scalar]]] = profiles.map(\.endingScalars)
    /// Each profile's letters as UTF-8 bytes, in the order of `profiles`.
    static let letterBytes: [[[UInt8]]] = profiles.map { $0.letters.map { Array($0.utf8) } }

    /// Whether `bytes` holds `needle` anywhere.
    static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            var matched = true
            for offset in 1..<needle.count where bytes[start + offset] != needle[offset] { matched = false; break }
            if matched { return true }
        }
        return false
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
        locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
    }

    /// The language a reply is read in: its declared locale, else what its text looks like, else `fallback`
    /// (the library's configured locale).
    public static func language(of text: String, declared: String?, fallback: String) -> String {
        if let declared, !declared.isEmpty { return code(ofLocale: declared) }
        return language(of: text) ?? code(ofLocale: fallback)
    }

    /// The language `text` looks most like, or nil when it gives no clear signal (too few words, or two
    /// languages nearly tied).
    public static func language(of text: String) -> String? { language(of: text, scores: nil) }

    /// `language(of:)` with the text's `scores` when they are already known.
    static func language(of text: String, scores known: [String: Double]?) -> String? {
        // Mostly letters of another script (Japanese, Arabic, Cyrillic…): not any language profiled here, and not English.
        var latin = 0
        var other = 0
        for scalar in text.unicodeScalars where scalar.isLetterLike {
            if scalar.value < 0x250 { latin += 1 } else { other += 1 }
        }
        if other > latin { return undetermined }
        let scores = known ?? self.scores(text)
        let ranked = scores.sorted { $0.value > $1.value }
        guard let best = ranked.first, best.value >= 2 else { return nil }
        let second = ranked.count > 1 ? ranked[1].value : 0
        return best.value >= second * 1.5 ? best.key : nil
    }

    /// The language `text` is clearly written in, or nil: at least `minimumWords` words, and a score at least
    /// twice any other language's — a short line, or a text that mixes two languages, gives nil. Text mostly
    /// in another script gives nil too: no language profiled here can be named for it.
    public static func clearLanguage(of text: String, minimumWords: Int) -> String? {
        let words = PersonalDataText.words(text).filter { $0.unicodeScalars.contains(where: \.isLetterLike) }
        guard words.count >= minimumWords else { return nil }
        let scores = self.scores(text)
        guard let guessed = language(of: text, scores: scores), guessed != undetermined else { return nil }
        let ranked = scores.sorted { $0.value > $1.value }
        let second = ranked.count > 1 ? ranked[1].value : 0
        return ranked[0].key == guessed && ranked[0].value >= 2 * second && ranked[0].value >= Double(minimumWords) / 2 ? guessed : nil
    }

    /// For each language, one point per word that is one of its function words, one per word with
    /// one of its endings, one per word with one of its letters.
    static func scores(_ text: String) -> [String: Double] {
        var scores: [String: Double] = [:]
        for profile in profiles { scores[profile.code] = 0 }
        for word in PersonalDataText.words(text) where word.unicodeScalars.contains(where: \.isLetterLike) {
            let scalars = Array(word.unicodeScalars)
            let bytes = Array(word.utf8)
            for (index, profile) in profiles.enumerated() {
                var points = 0.0
                if profile.functionWords.contains(word) { points += 1 }
                if endingScalars[index].contains(where: { scalars.count >= $0.count + 2 && scalars.suffix($0.count).elementsEqual($0) }) { points += 1 }
                if letterBytes[index].contains(where: { contains($0, in: bytes) }) { points += 1 }
                scores[profile.code, default: 0] += points
            }
        }
        // Marks that are no part of a word ("¿", "¡") count where they stand.
        for profile in profiles {
            for mark in profile.letters where mark.unicodeScalars.count == 1 && !mark.unicodeScalars.first!.isLetterLike {
                scores[profile.code, default: 0] += Double(text.unicodeScalars.filter { $0 == mark.unicodeScalars.first! }.count)
            }
        }
        return scores
    }
}
