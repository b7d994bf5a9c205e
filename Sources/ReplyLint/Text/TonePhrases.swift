// The phrase lists the tone rules use: the language's data (Resources/words-<code>.txt), extendable
// from config, not scattered through the rules. Acronyms are not words of one language: they stay here.

public enum TonePhrases {
    /// Blaming or condescending phrases.
    public static let blame: [String] = LanguageWords.english.strings("blame")

    /// "You should have" is blame only before what the customer failed to do ("you should have read the email");
    /// "you should have a reference number" is an expectation, not blame.
    public static let shouldHave: [String] = {
        let english = LanguageWords.english
        return english.strings("blame-should-have-done").flatMap { done in english.strings("blame-should-have").map { "\($0) \(done)" } }
    }()

    /// Words people write in capitals to raise their voice; one of these alone is shouting.
    public static let emphasis: Set<String> = Set(LanguageWords.english.strings("emphasis").map { $0.uppercased() })

    /// Corporate stock phrases, each with a plainer way to say it ("" means: just leave it out).
    public static let cliches: [(phrase: String, instead: String)] = LanguageWords.english.pairs("cliches")

    /// The stock phrases `--fix` may swap for their plainer wording: ones whose replacement reads right
    /// wherever the phrase stands ("valued customer" → "you" does not: "Thank you, you.").
    public static let safeSwaps: Set<String> = Set(LanguageWords.english.strings("cliche-safe-swaps"))

    /// Safe swaps that replace a whole clause: applied only where the clause is a sentence of its own.
    public static let clauseSwaps: Set<String> = [
        "we apologize for any inconvenience caused", "we apologise for any inconvenience caused",
        "we apologize for any inconvenience", "we apologise for any inconvenience", "we apologize for the inconvenience",
        "we apologise for the inconvenience", "apologies for any inconvenience", "sorry for any inconvenience",
        "sorry for the inconvenience", "we appreciate your patience and understanding", "thank you for your patience and understanding",
        "thank you for bringing this to our attention", "thanks for bringing this to our attention",
    ]

    /// Capitalised words that are not shouting.
    public static let acronyms: Set<String> = [
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
