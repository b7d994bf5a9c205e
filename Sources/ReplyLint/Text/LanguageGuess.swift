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
    public static func language(of text: String) -> String? {
        // Mostly letters of another script (Japanese, Arabic, Cyrillic…): not any language profiled here, and not English.
        var latin = 0
        var other = 0
        for scalar in text.unicodeScalars where scalar.isLetterLike {
            if scalar.value < 0x250 { latin += 1 } else { other += 1 }
        }
        if other > latin { return undetermined }
        let scores = self.scores(text)
        let ranked = scores.sorted { $0.value > $1.value }
        guard let best = ranked.first, best.value >= 2 else { return nil }
        let second = ranked.count > 1 ? ranked[1].value : 0
        return best.value >= second * 1.5 ? best.key : nil
    }

    /// For each language, one point per word that is one of its function words, one per word with
    /// one of its endings, one per word with one of its letters.
    static func scores(_ text: String) -> [String: Double] {
        var scores: [String: Double] = [:]
        for profile in profiles { scores[profile.code] = 0 }
        for word in PersonalDataText.words(text) where word.unicodeScalars.contains(where: \.isLetterLike) {
            for profile in profiles {
                var points = 0.0
                if profile.functionWords.contains(word) { points += 1 }
                if profile.endings.contains(where: { word.count >= $0.count + 2 && word.hasSuffix($0) }) { points += 1 }
                if profile.letters.contains(where: { word.containsBytes($0) }) { points += 1 }
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
