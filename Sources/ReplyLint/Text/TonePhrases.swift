// The phrase lists the tone rules use, for one language: its data (Resources/words-<code>.txt),
// extendable from config, not scattered through the rules. Acronyms that are no word of any one
// language stay here; each language adds its own (IMSS, DGT…) in its file.

public struct TonePhrases: Sendable {
    /// Blaming or condescending phrases.
    public let blame: [String]

    /// "You should have" is blame only before what the customer failed to do ("you should have read the email");
    /// "you should have a reference number" is an expectation, not blame.
    public let shouldHave: [String]

    /// Words people write in capitals to raise their voice; one of these alone is shouting.
    public let emphasis: Set<String>

    /// Corporate stock phrases, each with a plainer way to say it ("" means: just leave it out).
    public let cliches: [(phrase: String, instead: String)]

    /// The stock phrases `--fix` may swap for their plainer wording: ones whose replacement reads right
    /// wherever the phrase stands ("valued customer" → "you" does not: "Thank you, you.").
    public let safeSwaps: Set<String>

    /// Safe swaps that replace a whole clause: applied only where the clause is a sentence of its own.
    public let clauseSwaps: Set<String>

    /// Safe swaps that read right only where a request starts ("Kindly send…" → "Please send…", not
    /// "thank you kindly"): at the start of a sentence or clause, or after one of `requestSwapLeaders`.
    public let requestSwaps: Set<String>
    let requestSwapLeaders: Set<String>

    /// What may open a sentence before a clause swap ("Hi Ana, we apologize…"): greetings, lower case.
    let sentenceOpeners: [String]

    /// Capitalised words that are not shouting: the shared ones and the language's own.
    public let acronyms: Set<String>

    /// Words that close a reply just before a signature ("Atte. JLM", "Saludos JR"): initials after one
    /// of these are a sign-off even without a sigil.
    let signoffWords: Set<String>

    let blameMatcher: PhraseMatcher
    let clicheMatcher: PhraseMatcher

    init(_ language: LanguageWords) {
        blame = language.strings("blame")
        shouldHave = language.strings("blame-should-have-done").flatMap { done in language.strings("blame-should-have").map { "\($0) \(done)" } }
        emphasis = Set(language.strings("emphasis").map { $0.uppercased() })
        cliches = language.pairs("cliches")
        safeSwaps = Set(language.strings("cliche-safe-swaps"))
        clauseSwaps = Set(language.strings("cliche-clause-swaps"))
        requestSwaps = Set(language.strings("cliche-request-swaps"))
        requestSwapLeaders = language.words("cliche-request-leaders")
        sentenceOpeners = language.strings("sentence-openers").map { $0.lowercased() }
        acronyms = Self.sharedAcronyms.union(language.strings("acronyms").map { $0.uppercased() })
        signoffWords = language.words("signoff-words")
        blameMatcher = PhraseMatcher(blame + shouldHave)
        clicheMatcher = PhraseMatcher(cliches.map(\.phrase))
    }

    /// Capitalised words that are not shouting in any language.
    public static let sharedAcronyms: Set<String> = [
        "DM", "DMS", "PM", "AM", "FAQ", "FAQS", "ID", "PIN", "URL", "USA", "US", "UK", "EU", "ASAP", "FYI", "OK", "TV", "ETA", "ATM",
        "SMS", "MMS", "HTML", "PDF", "GPS", "IT", "NHS", "IRS", "DMV", "CEO", "CVV", "OTP", "SSN", "ZIP", "DOB", "VAT", "API", "APP",
        "IOS", "PC", "MAC", "USB", "WIFI", "HD", "4G", "5G", "LTE", "SIM", "ISP", "VPN", "IP", "RSVP", "NYC", "LA", "DC", "NY", "CA",
        "TX", "FL", "UPS", "DHL", "USPS", "FEDEX", "BBC", "CNN", "NFL", "NBA", "MLB", "NHL", "FIFA", "UEFA", "COVID", "A&E", "GP",
        "ER", "ICU", "EMS", "FBI", "CIA", "NASA", "UN", "WHO", "MP", "MPS", "HMRC", "DVLA", "TFL", "MTA", "BART", "DOT", "EPA",
        "HR", "PR", "QA", "FAQ'S", "OS", "PS", "TBC", "BST", "GMT", "EST", "PST", "CST", "MST", "EDT", "PDT", "UTC", "AC", "DC",
        "OMG", "LOL", "TLC", "VIP", "XL", "XXL", "ABC", "EV", "RV", "SUV", "MPH", "KM", "KG", "LB", "LBS", "OZ", "CM", "MM",
        "I", "A", "II", "III", "IV", "V", "VI", "X", "Q1", "Q2", "Q3", "Q4", "CD", "DVD", "NFC", "QR", "RSS", "SEO", "CRM",
        "POS", "SKU", "UPC", "ETA'S", "PNR", "ESTA", "TSA", "CBP", "DHS", "HOA", "LLC", "INC", "LTD", "PLC", "CO", "CVS",
    ]

    public static let english = TonePhrases(.english)
}

/// Finding phrases in text as whole-word, case-insensitive matches, with scalar offsets.
public struct PhraseMatcher: Sendable {
    let phrases: [[String]]
    let byFirst: [String: [Int]]

    public init(_ phrases: [String]) {
        let tokenized = phrases.map { PersonalDataText.words($0) }
        self.phrases = tokenized
        var byFirst: [String: [Int]] = [:]
        for (index, words) in tokenized.enumerated() where !words.isEmpty { byFirst[words[0], default: []].append(index) }
        self.byFirst = byFirst.mapValues { $0.sorted { tokenized[$0].count > tokenized[$1].count } }
    }

    /// Each match: which phrase, and its scalar range; longest first at a position, no overlaps.
    public func matches(in text: String) -> [(phrase: Int, range: Range<Int>)] {
        matches(in: PersonalDataText(text).tokens)
    }

    func matches(in tokens: [PersonalDataText.Token]) -> [(phrase: Int, range: Range<Int>)] {
        var result: [(Int, Range<Int>)] = []
        var index = 0
        outer: while index < tokens.count {
            for candidate in byFirst[tokens[index].text] ?? [] {
                let words = phrases[candidate]
                guard index + words.count <= tokens.count else { continue }
                if (0..<words.count).allSatisfy({ tokens[index + $0].text == words[$0] }) {
                    result.append((candidate, tokens[index].range.lowerBound..<tokens[index + words.count - 1].range.upperBound))
                    index += words.count
                    continue outer
                }
            }
            index += 1
        }
        return result
    }
}
