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
    /// How the language words a request and a route.
    let grammar: RequestGrammar
    /// First token → (phrase, item index), longest phrase first.
    let index: [String: [([String], Int)]]
    /// What "your <Brand> number" asks for: the account-number item (or the first personal one).
    let brandNumberItem: PersonalDataItem

    public init(items: [PersonalDataItem], language: LanguageWords = .english) {
        self.init(items: items, grammar: RequestGrammar(language))
    }

    init(items: [PersonalDataItem], grammar: RequestGrammar) {
        self.items = items
        self.grammar = grammar
        var index: [String: [([String], Int)]] = [:]
        for (itemIndex, item) in items.enumerated() {
            for phrase in item.phrases where !phrase.isEmpty {
                index[phrase[0], default: []].append((phrase, itemIndex))
            }
        }
        self.index = index.mapValues { $0.sorted { $0.0.count > $1.0.count } }
        brandNumberItem = items.first { $0.id == "account-number" } ?? PersonalDataItem(id: "account-number", name: "an account number", kind: .personal, phrases: [])
    }

    /// A language's own items and request words.
    public init(language: LanguageWords) {
        self.init(items: language.items, language: language)
    }

    /// This vocabulary plus extra never-ask items, e.g. from a moderation policy's "We will never ask for" list.
    public func addingSecrets(_ phrases: [String]) -> PersonalDataVocabulary {
        let extra = phrases.compactMap { phrase -> PersonalDataItem? in
            var tokens = PersonalDataText.words(phrase)
            while let first = tokens.first, grammar.itemPrefixes.contains(first) { tokens.removeFirst() }
            guard !tokens.isEmpty else { return nil }
            return PersonalDataItem(id: "policy:" + tokens.joined(separator: "-"), name: tokens.joined(separator: " "), kind: .secret, phrases: [tokens])
        }
        return PersonalDataVocabulary(items: items + extra, grammar: grammar)
    }

    /// This vocabulary plus items from config (`rules.personal-data-public.extra-items`).
    public func addingPersonal(_ phrases: [String]) -> PersonalDataVocabulary {
        let extra = phrases.map { phrase in
            let tokens = PersonalDataText.words(phrase)
            return PersonalDataItem(id: "config:" + tokens.joined(separator: "-"), name: tokens.joined(separator: " "), kind: .personal, phrases: [tokens])
        }
        return PersonalDataVocabulary(items: items + extra, grammar: grammar)
    }

    /// The English items and request words (Resources/words-en.txt).
    public static let standard = PersonalDataVocabulary(language: .english)
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
        // The token's UTF-8 bytes: appending scalars to a String one by one cost more than the rest.
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var start = 0
        var offset = 0
        var pendingSentenceEnd = false
        func flush() {
            if !current.isEmpty {
                tokens.append(Token(text: FastText.lowercased(current), range: start..<offset, sentence: sentence, clause: clause))
                current.removeAll(keepingCapacity: true)
            }
        }
        let scalars = FastText.scalars(text)
        for (index, scalar) in scalars.enumerated() {
            offset = index
            if Self.isWordScalar(at: index, in: scalars, inWord: !current.isEmpty) {
                if pendingSentenceEnd {
                    while questions.count <= sentence { questions.append(false) }
                    sentence += 1
                    clause += 1
                    pendingSentenceEnd = false
                }
                if current.isEmpty { start = index }
                Self.appendWordScalar(scalar, to: &current)
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

    /// Whether the scalar at `index` belongs to a word: a letter or a digit, or an apostrophe (' or ’) inside a word
    /// with a letter after it ("don't", "O’Brien"). The duplicate check's word hashes read words by the same rule.
    @inline(__always) static func isWordScalar(at index: Int, in scalars: [Unicode.Scalar], inWord: Bool) -> Bool {
        let scalar = scalars[index]
        if scalar.isLetterOrDigit { return true }
        return (scalar == "'" || scalar == "\u{2019}") && inWord && index + 1 < scalars.count && scalars[index + 1].isLetterLike
    }

    /// A word's scalar as a token holds it: ’ as '.
    @inline(__always) static func appendWordScalar(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        FastText.appendUTF8(scalar == "\u{2019}" ? "'" : scalar, to: &bytes)
    }

    /// Just the words of `text`, lower-cased.
    static func words(_ text: String) -> [String] {
        // Phrases from the language files are mostly plain lower-case words and spaces: split them directly, in
        // one pass over the bytes (thousands are read at start-up, and `render` waits for them). Any other ASCII
        // byte (`#`, `'`, a capital) fails the check for other scripts too, so it goes to the tokenizer at once.
        enum Reading { case words([String]), otherScript, tokenizer }
        let reading = text.utf8.withContiguousStorageIfAvailable { bytes -> Reading in
            var words: [String] = []
            let spaces = bytes.reduce(0) { $1 == 0x20 ? $0 + 1 : $0 }
            if spaces > 0 { words.reserveCapacity(spaces + 1) }
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == 0x20 {
                    if index > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                    start = index + 1
                } else if byte >= 0x80 {
                    return .otherScript
                } else if !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)) {
                    return .tokenizer
                }
            }
            if start == 0 { return .words(text.isEmpty ? [] : [text]) }
            if bytes.count > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return .words(words)
        } ?? .otherScript
        switch reading {
        case .words(let words):
            return words
        case .otherScript where text.unicodeScalars.allSatisfy({ $0 == " " || ($0.isLetterOrDigit && !$0.properties.changesWhenLowercased) }):
            if !text.utf8.contains(0x20) { return text.isEmpty ? [] : [text] }
            return text.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        case .otherScript, .tokenizer:
            return PersonalDataText(text).tokens.map(\.text)
        }
    }
}
