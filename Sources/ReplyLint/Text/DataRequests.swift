// Finding, sentence by sentence, where a reply asks the customer for an item of personal data,

import Foundation
// and whether it sends them somewhere private to give it.

public struct DataRequest: Sendable, Hashable {
    public var item: PersonalDataItem
    /// Scalar offsets of the item's mention in the text.
    public var range: Range<Int>
    /// The request's own sentence invites a public answer ("reply here", "below", "in the comments").
    public var invitesPublicAnswer: Bool
    /// The request's own sentence names a private route ("DM us your …", "email us with …").
    public var namesPrivateRoute: Bool
    /// Which sentence of the text it is in, so requests for several items in one sentence can be reported together.
    public var sentence: Int
}

public enum DataRequests {
    /// Verbs that, said to the customer, ask them to hand something over.
    static let requestVerbs: Set<String> = [
        "send", "share", "provide", "give", "tell", "confirm", "include", "post", "drop", "leave", "comment", "type",
        "enter", "submit", "supply", "reply", "respond", "forward", "attach", "add", "write", "list", "pop", "put",
        "verify", "dm", "pm", "message", "inbox", "email", "text", "tweet", "mention", "note", "state", "specify", "advise",
        "let", "know", "need", "require", "have", "get", "grab", "see", "check", "quote",
    ]
    /// Words that may stand between the start of a request and its verb ("please just send").
    static let softeners: Set<String> = ["please", "pls", "plz", "kindly", "just", "also", "simply", "now", "quickly", "first", "feel", "free", "to", "be", "sure", "so", "can", "could", "would", "will", "you", "u", "if", "possible", "mind", "able", "are", "we", "may", "i", "us", "me", "ask", "that", "gently", "once", "again", "do"]
    /// Before a verb, these make it the team's own action ("we'll send your tracking number").
    static let teamSubjects: Set<String> = ["we", "we'll", "we've", "we're", "we'd", "i", "i'll", "i've", "i'm", "i'd", "they", "they'll", "it", "it'll", "he", "she", "team", "will", "who", "which", "that"]
    static let negations: Set<String> = ["don't", "dont", "do not", "never", "not", "no", "avoid", "without", "won't", "wont", "shouldn't", "refrain", "nor", "isn't", "aren't", "cannot", "can't", "needn't"]
    /// Words that start a new thought between a verb and an item ("verify if this is your account number").
    static let breakers: Set<String> = ["if", "whether", "is", "are", "was", "were", "that", "when", "where", "why", "how", "what", "which", "because", "since", "while", "on", "in", "at", "for", "about", "referring"]
    static let determiners: Set<String> = ["your", "ur", "the", "that", "this", "those", "these", "any", "some", "its", "their", "his", "her", "our", "a", "an", "full", "correct", "right", "registered", "associated", "relevant", "best", "current", "new", "old", "previous", "original", "order", "account"]

    /// Every request for an item of `vocabulary` in `text`.
    public static func find(in text: String, vocabulary: PersonalDataVocabulary = .standard) -> [DataRequest] {
        let parsed = PersonalDataText(text)
        let tokens = parsed.tokens
        var requests: [DataRequest] = []
        var index = 0
        while index < tokens.count {
            guard let (phrase, itemIndex) = match(at: index, in: tokens, vocabulary: vocabulary) else {
                index += 1
                continue
            }
            let end = index + phrase.count
            defer { index = end }
            let item = vocabulary.items[itemIndex]
            if isNotData(item: item, at: index, end: end, tokens: tokens) { continue }
            guard isRequested(at: index, end: end, tokens: tokens, questions: parsed.sentenceIsQuestion) else { continue }
            let sentence = tokens[index].sentence
            let sentenceWords = tokens.filter { $0.sentence == sentence }.map(\.text)
            let wordsBefore = tokens[..<index].filter { $0.sentence == sentence }.map(\.text)
            requests.append(DataRequest(
                item: item, range: tokens[index].range.lowerBound..<tokens[end - 1].range.upperBound,
                invitesPublicAnswer: Routes.invitesPublicAnswer(sentenceWords)
                    || (!Routes.namesPrivateRoute(wordsBefore) && saysHere(after: end, tokens: tokens, scalars: parsed.scalars)),
                namesPrivateRoute: Routes.namesPrivateRoute(sentenceWords), sentence: sentence))
        }
        return requests
    }

    /// "Share your reservation number here": "here" just after the item, unless it introduces a link ("here: https://…").
    static func saysHere(after end: Int, tokens: [PersonalDataText.Token], scalars: [Unicode.Scalar]) -> Bool {
        var index = end
        while index < tokens.count && index - end <= 2 && tokens[index].sentence == tokens[end - 1].sentence {
            if tokens[index].text == "here" {
                var next = tokens[index].range.upperBound
                while next < scalars.count && scalars[next] == " " { next += 1 }
                let rest = next < scalars.count ? String(String.UnicodeScalarView(scalars[next..<min(scalars.count, next + 8)])) : ""
                return !(rest.hasPrefix(":") || rest.hasPrefix("http") || rest.hasPrefix("{{dm_link"))
            }
            index += 1
        }
        return false
    }

    private static func match(at index: Int, in tokens: [PersonalDataText.Token], vocabulary: PersonalDataVocabulary) -> ([String], Int)? {
        guard let candidates = vocabulary.index[tokens[index].text] else { return nil }
        for (phrase, item) in candidates where index + phrase.count <= tokens.count {
            var matches = true
            for offset in 1..<max(1, phrase.count) where tokens[index + offset].text != phrase[offset] || tokens[index + offset].sentence != tokens[index].sentence {
                matches = false
                break
            }
            if matches { return (phrase, item) }
        }
        return nil
    }

    /// Mentions that are not the data: "send us an email" (a message), "email us" (a route),
    /// "to address your concern" (a verb), "IP address", "tracking" on its own.
    private static func isNotData(item: PersonalDataItem, at index: Int, end: Int, tokens: [PersonalDataText.Token]) -> Bool {
        let words = phrase(tokens, index, end)
        // Only a word in the same clause counts: after a comma ("your name, address…") there is none.
        let previous = index > 0 && tokens[index - 1].clause == tokens[index].clause ? tokens[index - 1].text : ""
        let next = end < tokens.count && tokens[end].sentence == tokens[index].sentence ? tokens[end].text : ""
        switch item.id {
        case "email" where words.last != "address":
            if ["us", "me", "them", "from", "to", "back"].contains(next) { return true }
            if previous == "the" && ["you", "on", "associated", "linked", "used", "registered", "we", "address"].contains(next) { return false }
            return !(emailOwners.contains(previous) || ["what", "which"].contains(previous))
        case "address" where words == ["address"] || words == ["addresses"]:
            return !(owners.contains(previous) || addressKinds.contains(previous) || ["what", "which", ""].contains(previous))
        case "order-number" where words == ["confirmation"] || words == ["tracking"]:
            // On their own these are data only as "your confirmation #" and the like, matched as a whole.
            return true
        default:
            return false
        }
    }

    /// Words before "email" or "address" that make it the customer's own.
    static let owners: Set<String> = ["your", "ur", "correct", "registered", "associated", "best", "current", "new", "old", "account", "contact", "login", "primary", "preferred", "personal", "work", "valid", "full", "the", "and"]
    /// "the email" is usually a message ("forward us the email"); "your email" is an address.
    static let emailOwners: Set<String> = ["your", "ur", "correct", "registered", "associated", "best", "current", "new", "old", "account", "contact", "login", "primary", "preferred", "personal", "work", "valid"]
    static let addressKinds: Set<String> = ["street", "home", "postal", "mailing", "service", "billing", "delivery", "shipping", "property", "residential", "house", "installation", "supply"]

    private static func phrase(_ tokens: [PersonalDataText.Token], _ start: Int, _ end: Int) -> [String] {
        tokens[start..<end].map(\.text)
    }

    /// Whether the mention at `index` is asked of the customer in its clause.
    static func isRequested(at index: Int, end: Int, tokens: [PersonalDataText.Token], questions: [Bool]) -> Bool {
        let sentence = tokens[index].sentence
        let clause = tokens[index].clause
        var start = index
        while start > 0 && tokens[start - 1].sentence == sentence && index - (start - 1) <= 12 { start -= 1 }
        let before = Array(tokens[start..<index])
        let clauseBefore = before.filter { $0.clause == clause }.map(\.text)
        let sentenceWords = tokens.filter { $0.sentence == sentence }.map(\.text)

        // An item further down a list ("send us your name, address and phone number") is asked for if the list's head is.
        let listWords: Set<String> = ["and", "or", "also", "your", "ur", "the", "a", "an", "any", "plus", "maybe", "possibly"]
        if clauseBefore.allSatisfy(listWords.contains) {
            let previous = index - clauseBefore.count - 1
            if previous >= 0, tokens[previous].sentence == sentence, tokens[previous].clause != clause,
               isRequested(at: previous, end: previous + 1, tokens: tokens, questions: questions) { return true }
        }
        // Warnings and negations: "please don't share your account number here", "we'll never ask for your PIN".
        if clauseBefore.contains(where: { negations.contains($0) }) || sentenceWords.contains(where: { $0 == "never" }) { return false }
        if containsPhrase(clauseBefore, ["keep"]) && sentenceWords.contains("private") { return false }

        // "what's your order number?", "which email is on the account?": the item follows closely.
        if let what = clauseBefore.lastIndex(where: { ["what", "what's", "whats", "which"].contains($0) }) {
            let between = clauseBefore[(what + 1)...]
            if between.count <= 4 && !between.contains(where: { breakers.contains($0) && !["is", "was", "are"].contains($0) || requestVerbs.contains($0) }) { return true }
        }
        // "do you have a tracking number?", "have you got your booking reference?"
        if containsPhrase(clauseBefore, ["do", "you", "have"]) || containsPhrase(clauseBefore, ["have", "you", "got"]) || containsPhrase(clauseBefore, ["do", "you", "know"]) {
            return questions.indices.contains(sentence) && questions[sentence]
        }
        // "we'll need your postcode", "we need the order number"
        for need in ["need", "require", "needs", "requires"] where clauseBefore.contains(need) {
            if let position = clauseBefore.lastIndex(of: need), clauseBefore[(position + 1)...].allSatisfy({ determiners.contains($0) || $0 == "to" || $0 == "know" || $0 == "see" || $0 == "have" || $0 == "get" || $0 == "us" || $0 == "you" || $0 == "confirm" || $0 == "check" || $0 == "verify" }) {
                return true
            }
        }
        // "can we get your email?", "may I have your booking reference?"
        for modal in ["can", "could", "may", "might"] {
            if let position = clauseBefore.lastIndex(of: modal), position + 2 < clauseBefore.count,
               ["we", "i"].contains(clauseBefore[position + 1]), ["have", "get", "grab", "take", "see", "ask", "check", "confirm"].contains(clauseBefore[position + 2]) {
                return true
            }
        }
        // Imperatives aimed at the customer: "send us your…", "please share the…", "could you confirm your…".
        for (offset, word) in clauseBefore.enumerated().reversed() where requestVerbs.contains(word) && !["need", "require", "have", "get", "see", "check", "know"].contains(word) {
            // Between the verb and the item: a few words such as "us a DM with your", never a new clause ("if this is").
            let between = clauseBefore[(offset + 1)...]
            if between.count > 8 || between.contains(where: breakers.contains) { continue }
            // "email", "text", "message" are verbs here only when said to someone: "email us your…".
            let pleaded = offset > 0 && ["please", "pls", "plz", "kindly"].contains(clauseBefore[offset - 1])
            if ["email", "text", "message", "dm", "pm", "inbox", "tweet"].contains(word), !pleaded, let next = between.first, !["us", "me", "it", "them", "your", "the", "back"].contains(next) { continue }
            if word == "let" && !between.contains("know") && !between.contains("have") { continue }
            // What comes before the verb must be nothing, or softeners that make it a request ("please", "can you").
            var chain: [String] = []
            var back = offset - 1
            while back >= 0 && softeners.contains(clauseBefore[back]) && !teamSubjects.contains(clauseBefore[back]) {
                chain.append(clauseBefore[back])
                back -= 1
            }
            // "DM us or just drop your order number below": after "or", "and", "but" a new request may start.
            let startsClause = back < 0 || ["or", "and", "but", "then"].contains(clauseBefore[back])
            let softened = chain.contains { ["please", "pls", "plz", "kindly", "you", "u"].contains($0) }
            if back >= 0 && (teamSubjects.contains(clauseBefore[back]) || clauseBefore[back].hasSuffix("ed")) { continue }
            if startsClause || softened { return true }
        }
        // A bare question: "Order number?", "And your postcode?"; or "Account number please".
        let itemWords = tokens[index..<end].map(\.text)
        let rest = sentenceWords.filter { !determiners.contains($0) && !["and", "also", "please", "pls", "plus", "hi", "hey", "thanks", "the"].contains($0) }
        if questions.indices.contains(sentence), questions[sentence], rest.count <= itemWords.count { return true }
        if clauseBefore.allSatisfy({ determiners.contains($0) || $0 == "and" }), end < tokens.count, tokens[end].sentence == sentence,
           ["please", "pls", "plz"].contains(tokens[end].text) { return true }
        return false
    }

    static func containsPhrase(_ words: [String], _ phrase: [String]) -> Bool {
        guard words.count >= phrase.count else { return false }
        // Compared in place: slicing into a new array at every position was a top cost of a render.
        outer: for start in 0...(words.count - phrase.count) {
            for offset in phrase.indices where words[start + offset] != phrase[offset] { continue outer }
            return true
        }
        return false
    }
}

/// Where a reply sends the customer: a private route (DM, email, phone, a form or link) or a public answer.
public enum Routes {
    static let privateWords: Set<String> = ["dm", "dms", "pm", "pms", "inbox", "messenger", "whatsapp", "privately", "private", "direct", "chat", "link", "securely", "secure", "webchat", "livechat", "helpline", "hotline"]
    static let privatePhrases: [[String]] = [
        ["message", "us"], ["message", "me"], ["email", "us"], ["e", "mail", "us"], ["email", "me"], ["call", "us"], ["call", "me"], ["give", "us", "a", "call"],
        ["ring", "us"], ["phone", "us"], ["text", "us"], ["contact", "us"], ["get", "in", "touch", "with", "our"], ["follow", "us"], ["follow", "and"],
        ["send", "us", "a", "message"], ["drop", "us", "a", "message"], ["drop", "us", "a", "line"], ["via", "the", "link"], ["this", "link"], ["the", "link", "below"],
        ["our", "website"], ["online", "form"], ["web", "form"], ["customer", "service", "team"], ["support", "team"], ["call", "our"], ["email", "our"],
        ["contact", "our"], ["visit", "our"], ["fill", "out"], ["fill", "in"], ["help", "centre"], ["help", "center"],
        ["this", "form"], ["the", "form", "below"], ["our", "form"], ["online", "form"], ["by", "phone"], ["over", "the", "phone"], ["on", "the", "phone"],
        ["by", "email"], ["via", "email"], ["by", "e", "mail"], ["phone", "our"], ["give", "them", "a", "call"], ["ring", "our"],
    ]
    static let publicPhrases: [[String]] = [
        ["reply", "here"], ["replying", "here"], ["here", "with"], ["here", "or"], ["or", "here"], ["below"], ["in", "the", "comments"], ["in", "this", "thread"],
        ["publicly"], ["reply", "to", "this"], ["comment", "with"], ["in", "a", "reply"], ["on", "this", "thread"], ["in", "the", "replies"],
        ["post", "it", "here"], ["tweet", "us"], ["tweet", "it"],
    ]

    /// Whether `text` as a whole offers the customer a private way to send data: a DM, email, phone,
    /// a form or a link (a URL or `{{dm_link}}`).
    public static func offersPrivateRoute(_ text: String) -> Bool {
        if text.containsBytes("{{dm_link}}") || text.containsBytes("{{ dm_link }}") || containsURL(text) { return true }
        // A team mailbox or phone line written out ("email help@…", "call 1-800-…", "call 311") is a route too.
        if PersonalDataLiterals.containsContact(text) { return true }
        return namesPrivateRoute(PersonalDataText.words(text))
    }

    static func namesPrivateRoute(_ words: [String]) -> Bool {
        for (index, word) in words.enumerated() where privateWords.contains(word) {
            // "6 pm" is a time, not a private message.
            if word == "pm" && index > 0 && words[index - 1].allSatisfy(\.isNumber) { continue }
            return true
        }
        if words.contains("d") && words.contains("m") { return true }  // "D.M."
        return privatePhrases.contains { DataRequests.containsPhrase(words, $0) }
    }

    static func invitesPublicAnswer(_ words: [String]) -> Bool {
        publicPhrases.contains { DataRequests.containsPhrase(words, $0) }
    }

    /// A link of any kind: `https://…`, `www.…`, or a short link such as `t.co/abc`.
    static func containsURL(_ text: String) -> Bool {
        if text.containsBytes("http://") || text.containsBytes("https://") || text.containsBytes("www.") { return true }
        return !TwitterURLExtractor.urlRanges(in: Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)).isEmpty
    }
}
