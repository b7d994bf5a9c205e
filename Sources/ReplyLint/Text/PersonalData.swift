// The personal-data vocabulary: what a reply must not ask for in public, and what it must never ask for at all.

public struct PersonalDataItem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Fine to ask for in a private channel, never in public.
        case personal
        /// Never to be asked for, on any channel (passwords, PINs, one-time codes, full card numbers…).
        case secret
    }

    public var id: String
    /// How messages name it: "an order number".
    public var name: String
    public var kind: Kind
    /// Lower-case token sequences that mention it (`#` is a token of its own).
    public var phrases: [[String]]

    public init(id: String, name: String, kind: Kind, phrases: [[String]]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.phrases = phrases
    }
}

public struct PersonalDataVocabulary: Sendable {
    public var items: [PersonalDataItem]
    /// First token → (phrase, item index), longest phrase first.
    let index: [String: [([String], Int)]]

    public init(items: [PersonalDataItem]) {
        self.items = items
        var index: [String: [([String], Int)]] = [:]
        for (itemIndex, item) in items.enumerated() {
            for phrase in item.phrases where !phrase.isEmpty {
                index[phrase[0], default: []].append((phrase, itemIndex))
            }
        }
        self.index = index.mapValues { $0.sorted { $0.0.count > $1.0.count } }
    }

    /// This vocabulary plus extra never-ask items, e.g. from a moderation policy's "We will never ask for" list.
    public func addingSecrets(_ phrases: [String]) -> PersonalDataVocabulary {
        let extra = phrases.compactMap { phrase -> PersonalDataItem? in
            var tokens = PersonalDataText.words(phrase)
            while let first = tokens.first, ["your", "a", "an", "the", "any", "full", "of"].contains(first) { tokens.removeFirst() }
            guard !tokens.isEmpty else { return nil }
            return PersonalDataItem(id: "policy:" + tokens.joined(separator: "-"), name: tokens.joined(separator: " "), kind: .secret, phrases: [tokens])
        }
        return PersonalDataVocabulary(items: items + extra)
    }

    /// This vocabulary plus items from config (`rules.personal-data-public.extra-items`).
    public func addingPersonal(_ phrases: [String]) -> PersonalDataVocabulary {
        let extra = phrases.map { phrase in
            let tokens = PersonalDataText.words(phrase)
            return PersonalDataItem(id: "config:" + tokens.joined(separator: "-"), name: tokens.joined(separator: " "), kind: .personal, phrases: [tokens])
        }
        return PersonalDataVocabulary(items: items + extra)
    }

    static func variants(_ heads: [String], _ suffixes: [String]) -> [[String]] {
        heads.flatMap { head in suffixes.map { PersonalDataText.words(head + " " + $0) } }
    }

    static let numberWords = ["number", "#", "no", "num", "nr", "id", "code", "reference", "ref", "details", "info", "information"]

    public static let standard = PersonalDataVocabulary(items: [
        PersonalDataItem(id: "order-number", name: "an order number", kind: .personal, phrases:
            variants(["order", "booking", "reservation", "confirmation", "tracking", "purchase", "transaction", "invoice", "receipt", "shipment", "delivery", "parcel", "consignment"], numberWords)
            + [["confirmation"], ["tracking"], ["booking", "ref"], ["pnr"], ["record", "locator"], ["waybill"]].map { $0 }),
        PersonalDataItem(id: "account-number", name: "an account number", kind: .personal, phrases:
            variants(["account", "acct", "acc", "membership", "member", "customer", "loyalty", "rewards", "frequent flyer", "frequent flier", "policy", "subscriber", "user", "student", "employee", "staff", "library card", "badge", "meter", "vehicle registration", "registration", "licence plate", "license plate", "plate"], numberWords)
            + [["username"], ["user", "name"], ["user", "id"], ["userid"], ["login", "email"], ["account", "email"], ["account", "holder"], ["apple", "id"]]),
        PersonalDataItem(id: "case-number", name: "a case number", kind: .personal, phrases:
            variants(["case", "ticket", "claim", "reference", "ref", "incident", "complaint", "report", "service request", "sr"], ["number", "#", "no", "num", "nr", "id", "reference", "ref"])),
        PersonalDataItem(id: "email", name: "an email address", kind: .personal, phrases:
            [["email", "address"], ["e", "mail", "address"], ["email", "addy"], ["email"], ["e", "mail"], ["emails"]]),
        PersonalDataItem(id: "phone", name: "a phone number", kind: .personal, phrases:
            variants(["phone", "mobile", "cell", "cellphone", "contact", "telephone", "tel", "callback", "call back", "home phone", "contact telephone", "contact phone", "mobile phone", "cell phone", "daytime phone", "landline", "whatsapp"], ["number", "#", "no", "num", "nr"])
            + [["best", "number"], ["number", "to", "reach", "you"], ["number", "we", "can", "reach"], ["number", "to", "call"]]),
        PersonalDataItem(id: "address", name: "a postal address", kind: .personal, phrases:
            [["address"], ["addresses"], ["flat", "number"], ["house", "number"], ["apartment", "number"], ["apt", "number"], ["postcode"], ["post", "code"], ["postal", "code"], ["zip", "code"], ["zip"], ["zipcode"], ["eircode"]]),
        PersonalDataItem(id: "full-name", name: "a full name", kind: .personal, phrases:
            [["full", "name"], ["first", "and", "last", "name"], ["first", "and", "last", "names"], ["legal", "name"], ["name", "on", "the", "account"], ["account", "holder", "name"], ["full", "names"], ["surname"], ["last", "name"]]),
        PersonalDataItem(id: "date-of-birth", name: "a date of birth", kind: .personal, phrases:
            [["date", "of", "birth"], ["dob"], ["d", "o", "b"], ["birth", "date"], ["birthdate"], ["birthday"]]),
        PersonalDataItem(id: "payment", name: "card or bank details", kind: .personal, phrases:
            [["card", "details"], ["payment", "details"], ["billing", "details"], ["bank", "details"], ["bank", "account"], ["bank", "account", "number"], ["sort", "code"], ["routing", "number"], ["iban"], ["last", "four", "digits"], ["last", "4", "digits"], ["last", "4"], ["expiry", "date"], ["expiration", "date"]]),
        PersonalDataItem(id: "government-id", name: "a national ID number", kind: .secret, phrases:
            [["social", "security", "number"], ["social", "security"], ["ssn"], ["social", "insurance", "number"], ["sin", "number"], ["national", "insurance", "number"], ["national", "insurance"], ["ni", "number"], ["passport", "number"], ["passport", "details"], ["driver", "s", "license", "number"], ["drivers", "license", "number"], ["driving", "licence", "number"], ["license", "number"], ["licence", "number"], ["national", "id"], ["national", "id", "number"], ["id", "number"], ["tax", "id"], ["tax", "file", "number"], ["aadhaar"], ["pps", "number"], ["medicare", "number"], ["nhs", "number"]]),
        PersonalDataItem(id: "password", name: "a password", kind: .secret, phrases:
            [["password"], ["passwords"], ["passcode"], ["pass", "code"], ["login", "details"], ["login", "credentials"], ["credentials"], ["log", "in", "details"], ["memorable", "word"], ["memorable", "information"], ["security", "question"], ["security", "questions"], ["security", "answer"], ["security", "answers"], ["secret", "answer"], ["maiden", "name"], ["online", "banking", "details"]]),
        PersonalDataItem(id: "pin", name: "a PIN", kind: .secret, phrases: [["pin"], ["pin", "number"], ["pin", "code"], ["pins"]]),
        PersonalDataItem(id: "one-time-code", name: "a one-time code", kind: .secret, phrases:
            [["one", "time", "code"], ["one", "time", "password"], ["one", "time", "passcode"], ["otp"], ["verification", "code"], ["authentication", "code"], ["auth", "code"], ["2fa", "code"], ["sms", "code"], ["security", "code"], ["access", "code"], ["digit", "code"], ["code", "we", "sent"], ["code", "we", "texted"], ["code", "we", "just"]]),
        // A bare "card number" may be a loyalty or library card: personal, asked for in private. A payment card's is secret.
        PersonalDataItem(id: "card", name: "a card number", kind: .personal, phrases: [["card", "number"], ["card", "#"], ["card", "no"]]),
        PersonalDataItem(id: "card-number", name: "a full card number", kind: .secret, phrases:
            [["credit", "card", "number"], ["credit", "card", "#"], ["debit", "card", "#"], ["bank", "card", "number"], ["payment", "card", "number"], ["debit", "card", "number"], ["long", "card", "number"], ["full", "card", "number"], ["long", "number"], ["16", "digit", "number"], ["expiry", "date", "and", "cvv"], ["16", "digit", "card", "number"], ["cvv"], ["cvc"], ["cvv2"], ["cv2"], ["card", "verification"]]),
    ])
}

/// Lower-case word tokens with the scalar offsets they came from, in sentences and clauses.
struct PersonalDataText {
    struct Token {
        var text: String
        var range: Range<Int>
        var sentence: Int
        var clause: Int
    }

    var tokens: [Token]
    /// For each sentence, whether it ends with "?".
    var sentenceIsQuestion: [Bool]
    var scalars: [Unicode.Scalar]

    init(_ text: String) {
        var tokens: [Token] = []
        var questions: [Bool] = []
        var sentence = 0
        var clause = 0
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        var pendingSentenceEnd = false
        func flush() {
            if !current.isEmpty {
                tokens.append(Token(text: String(current).lowercased(), range: start..<offset, sentence: sentence, clause: clause))
                current = String.UnicodeScalarView()
            }
        }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            offset = index
            let isWordScalar = scalar.isLetterOrDigit
            let isApostropheInWord = (scalar == "'" || scalar == "\u{2019}") && !current.isEmpty
                && index + 1 < scalars.count && scalars[index + 1].isLetterLike
            if isWordScalar || isApostropheInWord {
                if pendingSentenceEnd {
                    while questions.count <= sentence { questions.append(false) }
                    sentence += 1
                    clause += 1
                    pendingSentenceEnd = false
                }
                if current.isEmpty { start = index }
                current.append(scalar == "\u{2019}" ? "'" : scalar)
                continue
            }
            flush()
            switch scalar {
            case "#":
                tokens.append(Token(text: "#", range: index..<(index + 1), sentence: sentence, clause: clause))
            case ".", "!", "?", "\n", "\u{FF01}", "\u{FF1F}", "\u{3002}":
                // "No." and "e.g." are not sentence ends when a digit or letter follows at once.
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if scalar == "." && (next.isLetterOrDigit) { break }
                if scalar == "?" {
                    while questions.count <= sentence { questions.append(false) }
                    questions[sentence] = true
                }
                pendingSentenceEnd = true
            case ",", ";", ":", "(", ")", "\u{2014}", "\u{2013}", "/", "&", "+":
                clause += 1
            default:
                break
            }
        }
        offset = scalars.count
        flush()
        while questions.count <= sentence { questions.append(false) }
        self.tokens = tokens
        self.sentenceIsQuestion = questions
        self.scalars = scalars
    }

    /// Just the words of `text`, lower-cased.
    static func words(_ text: String) -> [String] { PersonalDataText(text).tokens.map(\.text) }
}
