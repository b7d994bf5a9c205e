// One language as the rules read it: its words (Resources/words-<code>.txt) and what is built from
// them once — tone phrases, greetings, its reading formula. A reply is read in the language of its
// `locale` (front matter, else the configured one): see LintContext.language(of:).
//
// A third language is a words-<code>.txt and a policy-topics-<code>.yml, its code in LanguageWords
// (`codes`, `resource`, `embedded`), Language.embedded and PolicyTopicVocabulary.builtIn: no rule changes.

public final class Language: Sendable {
    public let words: LanguageWords
    /// The language's code: "en", "es".
    public var code: String { words.code }
    public let tone: TonePhrases
    let greetings: Greetings
    /// The reading formula made for the language, or nil when it has none (the text is then not graded).
    public let readability: ReadabilityFormula?
    /// The language's items of personal data and how it words a request and a route.
    public let personalData: PersonalDataVocabulary
    /// What dm-link-missing looks for: the cues that send the customer to a private message, and the words around them.
    let dmCues: [[String]]
    let dmCueWords: DMCueWords
    /// Team mailboxes and phone lines, for personal-data-literal.
    let contacts: ContactWords

    init(_ words: LanguageWords) {
        self.words = words
        tone = TonePhrases(words)
        greetings = Greetings(words)
        readability = words.strings("readability-formula").first.flatMap(ReadabilityFormula.init(rawValue:))
        personalData = words.code == "en" ? .standard : PersonalDataVocabulary(language: words)
        dmCues = words.phrases("dm-cues")
        dmCueWords = DMCueWords(words)
        contacts = words.code == "en" ? .english : ContactWords(words)
    }

    public static let english = Language(.english)
    public static let spanish = Language(.spanish)

    /// A language ReplyLint has words for, by code; built the first time it is asked for.
    public static func embedded(_ code: String) -> Language? {
        switch code {
        case "en": english
        case "es": spanish
        default: nil
        }
    }

    /// Builds the English words and tables, and the fill-in markers of every language, on a thread of their
    /// own, for a command that will read them once it has parsed its arguments and loaded the library: a
    /// one-reply `render` spent a third of its time building them, with a core idle. Whichever thread asks
    /// first builds each one; the other waits for it (Swift's lazy statics), so nothing is built twice.
    public static func prepareInBackground() {
        _ = Background { () -> Bool in
            _ = Language.english
            _ = FillInMarkers.languages
            _ = LanguageGuess.tables
            return true
        }
    }

    /// Every language ReplyLint has words for, English first (for the docs).
    public static var all: [Language] { LanguageWords.codes.compactMap(embedded) }

    /// A language ReplyLint has no words for: the rules that need words find nothing in it, and the
    /// checks that need none (capitals, exclamation marks, initials, fill-in markers) still run.
    static let unsupported = Language(LanguageWords(code: LanguageGuess.undetermined, text: ""))

    /// The language of a locale: "es", "es-MX", "es_US" → Spanish; "en-GB" → English; anything else has no words.
    public static func forLocale(_ locale: String) -> Language {
        embedded(LanguageGuess.code(ofLocale: locale)) ?? unsupported
    }

    /// The language's name in English ("Spanish"), for messages; the code when it has none.
    public static func name(of code: String) -> String { LanguageGuess.names[code] ?? code }
}

/// The words tone-impersonal reads: greetings, what may stand between a greeting and a name, forms of
/// address that name nobody, and the opening it suggests.
struct Greetings: Sendable {
    let openers: Set<String>
    let notNames: Set<String>
    let fillers: Set<String>
    /// Capitalised words that open a reply before a comma without being a name ("Unfortunately,", "Claro,").
    let notVocatives: Set<String>
    let suggestion: String

    init(_ words: LanguageWords) {
        openers = words.words("greetings")
        notNames = words.words("greeting-not-names")
        fillers = words.words("greeting-fillers")
        notVocatives = words.words("not-vocatives")
        suggestion = (words.strings("greeting-suggestion").first ?? "Hi {{customer.first_name}}") + ","
    }
}
