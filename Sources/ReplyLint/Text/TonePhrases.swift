// The phrase lists the tone rules use: data, extendable from config, not scattered through the rules.

public enum TonePhrases {
    /// Blaming or condescending phrases.
    public static let blame: [String] = [
        "as we already told you", "as we told you", "as we have already told you", "as we've already told you", "as we said",
        "as we already said", "as previously stated", "as stated previously", "as stated before", "as mentioned before",
        "as previously mentioned", "as already mentioned", "as i said", "as i already said", "as i mentioned", "per my last",
        "you failed to", "you didn't read", "you did not read", "if you had read",
        "if you'd read", "you need to read", "you were told", "you were already told", "we've already explained",
        "we have already explained", "obviously", "clearly you", "it's your responsibility", "it is your responsibility",
        "your fault", "you must have", "you forgot to", "as you should know", "as you know", "simply read",
        "it's not our fault", "it is not our fault", "that's not our problem", "not our problem", "calm down",
    ]

    /// "You should have" is blame only before what the customer failed to do ("you should have read the email");
    /// "you should have a reference number" is an expectation, not blame.
    public static let shouldHave: [String] = {
        let done = ["read", "checked", "called", "booked", "contacted", "known", "told", "waited", "used", "followed", "asked", "paid",
                    "ordered", "kept", "noticed", "made sure", "done", "looked", "cancelled", "canceled", "reported", "updated", "logged",
                    "registered", "applied", "arrived", "brought", "filled", "submitted", "saved", "listened"]
        return done.flatMap { ["you should have \($0)", "you should've \($0)"] }
    }()

    /// Words people write in capitals to raise their voice; one of these alone is shouting.
    public static let emphasis: Set<String> = [
        "NOT", "YOU", "YOUR", "NEVER", "ALWAYS", "ALL", "NOW", "VERY", "REALLY", "MUST", "ONLY", "NO", "DO", "DON'T", "PLEASE",
        "STILL", "FREE", "HUGE", "LOVE", "BEST", "THANK", "THANKS", "SO", "WILL", "CAN'T", "WON'T", "CANNOT", "IMPORTANT", "URGENT",
        "WARNING", "NOTE", "IMMEDIATELY", "TODAY", "EVERY", "EVERYONE", "NOTHING", "ANY", "NEW", "YES", "WE", "ARE", "IS", "THE",
        "AND", "MORE", "NEED", "HAVE", "SORRY", "AMAZING", "GREAT", "AWESOME", "WOW", "OMG", "ASAP", "BEFORE", "AFTER", "ONLINE",
    ]

    /// Corporate stock phrases, each with a plainer way to say it ("" means: just leave it out).
    public static let cliches: [(phrase: String, instead: String)] = [
        ("we apologize for any inconvenience caused", "sorry about this"),
        ("we apologise for any inconvenience caused", "sorry about this"),
        ("we apologize for any inconvenience", "sorry about this"),
        ("we apologise for any inconvenience", "sorry about this"),
        ("we apologize for the inconvenience", "sorry about this"),
        ("we apologise for the inconvenience", "sorry about this"),
        ("apologies for any inconvenience", "sorry about this"),
        ("sorry for any inconvenience", "sorry about this"),
        ("sorry for the inconvenience", "sorry about this"),
        ("any inconvenience caused", "the trouble"),
        ("please be advised that", ""),
        ("please be advised", ""),
        ("kindly", "please"),
        ("valued customer", "you"),
        ("per our policy", "our rules say"),
        ("as per our policy", "our rules say"),
        ("as per", "as in"),
        ("we regret to inform you that", "sorry,"),
        ("we regret to inform you", "sorry,"),
        ("your call is important to us", ""),
        ("your feedback is important to us", "thanks for telling us"),
        ("do not hesitate to contact us", "get in touch"),
        ("don't hesitate to contact us", "get in touch"),
        ("do not hesitate to reach out", "get in touch"),
        ("don't hesitate to reach out", "get in touch"),
        ("at this point in time", "now"),
        ("rest assured", ""),
        ("we appreciate your patience and understanding", "thanks for bearing with us"),
        ("thank you for your patience and understanding", "thanks for bearing with us"),
        ("thank you for bringing this to our attention", "thanks for telling us"),
        ("thanks for bringing this to our attention", "thanks for telling us"),
        ("we value your business", ""),
        ("for your convenience", ""),
        ("at your earliest convenience", "when you can"),
        ("needless to say", ""),
        ("we are unable to", "we can't"),
    ]

    /// The stock phrases `--fix` may swap for their plainer wording: ones whose replacement reads right
    /// wherever the phrase stands ("valued customer" → "you" does not: "Thank you, you.").
    public static let safeSwaps: Set<String> = [
        "we apologize for any inconvenience caused", "we apologise for any inconvenience caused",
        "we apologize for any inconvenience", "we apologise for any inconvenience", "we apologize for the inconvenience",
        "we apologise for the inconvenience", "apologies for any inconvenience", "sorry for any inconvenience",
        "sorry for the inconvenience", "kindly", "at your earliest convenience", "at this point in time",
        "we appreciate your patience and understanding", "thank you for your patience and understanding",
        "thank you for bringing this to our attention", "thanks for bringing this to our attention",
    ]

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
