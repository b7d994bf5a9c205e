// Finding, sentence by sentence, where a reply asks the customer for an item of personal data,
// and whether it sends them somewhere private to give it. The words come from the language's
// data (Resources/words-<code>.txt); this file holds only how they combine.

import Foundation

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
    /// Every request for an item of `vocabulary` in `text`.
    public static func find(in text: String, vocabulary: PersonalDataVocabulary = .standard) -> [DataRequest] {
        let parsed = PersonalDataText(text)
        let tokens = parsed.tokens
        let grammar = vocabulary.grammar
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
            if isNotData(item: item, at: index, end: end, tokens: tokens, grammar) { continue }
            guard isRequested(at: index, end: end, tokens: tokens, questions: parsed.sentenceIsQuestion, grammar) else { continue }
            let sentence = tokens[index].sentence
            let sentenceWords = tokens.filter { $0.sentence == sentence }.map(\.text)
            let wordsBefore = tokens[..<index].filter { $0.sentence == sentence }.map(\.text)
            requests.append(DataRequest(
                item: item, range: tokens[index].range.lowerBound..<tokens[end - 1].range.upperBound,
                invitesPublicAnswer: grammar.routes.invitesPublicAnswer(sentenceWords)
                    || (!grammar.routes.namesPrivateRoute(wordsBefore) && saysHere(after: end, tokens: tokens, scalars: parsed.scalars)),
                namesPrivateRoute: grammar.routes.namesPrivateRoute(sentenceWords), sentence: sentence))
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
    private static func isNotData(item: PersonalDataItem, at index: Int, end: Int, tokens: [PersonalDataText.Token], _ grammar: RequestGrammar) -> Bool {
        let words = phrase(tokens, index, end)
        // Only a word in the same clause counts: after a comma ("your name, address…") there is none.
        let previous = index > 0 && tokens[index - 1].clause == tokens[index].clause ? tokens[index - 1].text : ""
        let next = end < tokens.count && tokens[end].sentence == tokens[index].sentence ? tokens[end].text : ""
        switch item.id {
        case "email" where words.last != "address":
            if grammar.emailNotDataNext.contains(next) { return true }
            if previous == "the" && grammar.emailDataNext.contains(next) { return false }
            return !(grammar.emailOwners.contains(previous) || grammar.questionWords.contains(previous))
        case "address" where words == ["address"] || words == ["addresses"]:
            return !(grammar.owners.contains(previous) || grammar.addressKinds.contains(previous) || grammar.questionWords.contains(previous) || previous.isEmpty)
        case "order-number" where words == ["confirmation"] || words == ["tracking"]:
            // On their own these are data only as "your confirmation #" and the like, matched as a whole.
            return true
        default:
            return false
        }
    }

    private static func phrase(_ tokens: [PersonalDataText.Token], _ start: Int, _ end: Int) -> [String] {
        tokens[start..<end].map(\.text)
    }

    /// Whether the mention at `index` is asked of the customer in its clause.
    static func isRequested(at index: Int, end: Int, tokens: [PersonalDataText.Token], questions: [Bool], _ grammar: RequestGrammar) -> Bool {
        let sentence = tokens[index].sentence
        let clause = tokens[index].clause
        var start = index
        while start > 0 && tokens[start - 1].sentence == sentence && index - (start - 1) <= 12 { start -= 1 }
        let before = Array(tokens[start..<index])
        let clauseBefore = before.filter { $0.clause == clause }.map(\.text)
        let sentenceWords = tokens.filter { $0.sentence == sentence }.map(\.text)
        let isQuestion = questions.indices.contains(sentence) && questions[sentence]

        // An item further down a list ("send us your name, address and phone number") is asked for if the list's head is.
        if clauseBefore.allSatisfy(grammar.listWords.contains) {
            let previous = index - clauseBefore.count - 1
            if previous >= 0, tokens[previous].sentence == sentence, tokens[previous].clause != clause,
               isRequested(at: previous, end: previous + 1, tokens: tokens, questions: questions, grammar) { return true }
        }
        // Warnings and negations: "please don't share your account number here", "we'll never ask for your PIN".
        if clauseBefore.contains(where: grammar.negations.contains) || sentenceWords.contains("never") { return false }
        if clauseBefore.contains(where: grammar.keepVerbs.contains) && sentenceWords.contains(where: grammar.keepAdjectives.contains) { return false }

        // "what's your order number?", "which email is on the account?": the item follows closely.
        if let what = clauseBefore.lastIndex(where: grammar.questionWords.contains) {
            let between = clauseBefore[(what + 1)...]
            if between.count <= 4 && !between.contains(where: { grammar.breakers.contains($0) && !grammar.questionCopulas.contains($0) || grammar.requestVerbs.contains($0) }) { return true }
        }
        // "do you have a tracking number?", "have you got your booking reference?"
        if grammar.haveQuestions.contains(where: { containsPhrase(clauseBefore, $0) }) {
            return isQuestion
        }
        // "we'll need your postcode", "we need the order number"
        for need in grammar.needVerbs where clauseBefore.contains(need) {
            if let position = clauseBefore.lastIndex(of: need), clauseBefore[(position + 1)...].allSatisfy({ grammar.determiners.contains($0) || grammar.needFillers.contains($0) }) {
                return true
            }
        }
        // "can we get your email?", "may I have your booking reference?"
        for modal in grammar.modals {
            if let position = clauseBefore.lastIndex(of: modal), position + 2 < clauseBefore.count,
               grammar.modalSubjects.contains(clauseBefore[position + 1]), grammar.modalVerbs.contains(clauseBefore[position + 2]) {
                return true
            }
        }
        // Imperatives aimed at the customer: "send us your…", "please share the…", "could you confirm your…".
        for (offset, word) in clauseBefore.enumerated().reversed() where grammar.requestVerbs.contains(word) && !grammar.nonImperativeVerbs.contains(word) {
            // Between the verb and the item: a few words such as "us a DM with your", never a new clause ("if this is").
            let between = clauseBefore[(offset + 1)...]
            if between.count > 8 || between.contains(where: grammar.breakers.contains) { continue }
            // "email", "text", "message" are verbs here only when said to someone: "email us your…".
            let pleaded = offset > 0 && grammar.pleas.contains(clauseBefore[offset - 1])
            if grammar.verbsNeedingObject.contains(word), !pleaded, let next = between.first, !grammar.verbObjects.contains(next) { continue }
            if word == "let" && !between.contains("know") && !between.contains("have") { continue }
            // What comes before the verb must be nothing, or softeners that make it a request ("please", "can you").
            var chain: [String] = []
            var back = offset - 1
            while back >= 0 && grammar.softeners.contains(clauseBefore[back]) && !grammar.teamSubjects.contains(clauseBefore[back]) {
                chain.append(clauseBefore[back])
                back -= 1
            }
            // "DM us or just drop your order number below": after "or", "and", "but" a new request may start.
            let startsClause = back < 0 || grammar.clauseStarters.contains(clauseBefore[back])
            let softened = chain.contains(where: grammar.softenersThatAsk.contains)
            if back >= 0 && (grammar.teamSubjects.contains(clauseBefore[back]) || clauseBefore[back].hasSuffix("ed")) { continue }
            if startsClause || softened { return true }
        }
        // A bare question: "Order number?", "And your postcode?"; or "Account number please".
        let itemWords = tokens[index..<end].map(\.text)
        let rest = sentenceWords.filter { !grammar.determiners.contains($0) && !grammar.bareQuestionFillers.contains($0) }
        if isQuestion, rest.count <= itemWords.count { return true }
        if clauseBefore.allSatisfy({ grammar.determiners.contains($0) || $0 == "and" }), end < tokens.count, tokens[end].sentence == sentence,
           grammar.pleas.contains(tokens[end].text) { return true }
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
public struct Routes: Sendable {
    let privateWords: Set<String>
    let privatePhrases: [[String]]
    let publicPhrases: [[String]]

    init(_ language: LanguageWords) {
        privateWords = language.words("private-route-words")
        privatePhrases = language.phrases("private-route-phrases")
        publicPhrases = language.phrases("public-answer-phrases")
    }

    /// English routes, for callers that have no vocabulary at hand.
    public static let english = Routes(.english)

    /// Whether `text` as a whole offers the customer a private way to send data: a DM, email, phone,
    /// a form or a link (a URL or `{{dm_link}}`).
    public func offersPrivateRoute(_ text: String) -> Bool {
        if text.containsBytes("{{dm_link}}") || text.containsBytes("{{ dm_link }}") || Self.containsURL(text) { return true }
        // A team mailbox or phone line written out ("email help@…", "call 1-800-…", "call 311") is a route too.
        if PersonalDataLiterals.containsContact(text) { return true }
        return namesPrivateRoute(PersonalDataText.words(text))
    }

    func namesPrivateRoute(_ words: [String]) -> Bool {
        for (index, word) in words.enumerated() where privateWords.contains(word) {
            // "6 pm" is a time, not a private message.
            if word == "pm" && index > 0 && words[index - 1].allSatisfy(\.isNumber) { continue }
            return true
        }
        if words.contains("d") && words.contains("m") { return true }  // "D.M."
        return privatePhrases.contains { DataRequests.containsPhrase(words, $0) }
    }

    func invitesPublicAnswer(_ words: [String]) -> Bool {
        publicPhrases.contains { DataRequests.containsPhrase(words, $0) }
    }

    /// A link of any kind: `https://…`, `www.…`, or a short link such as `t.co/abc`.
    static func containsURL(_ text: String) -> Bool {
        if text.containsBytes("http://") || text.containsBytes("https://") || text.containsBytes("www.") { return true }
        return !TwitterURLExtractor.urlRanges(in: Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)).isEmpty
    }
}

/// How one language words a request for data: the lists of Resources/words-<code>.txt as sets.
struct RequestGrammar: Sendable {
    let requestVerbs, nonImperativeVerbs, verbsNeedingObject, verbObjects, pleas, softeners, softenersThatAsk: Set<String>
    let teamSubjects, clauseStarters, negations, breakers, questionCopulas, determiners, listWords, questionWords: Set<String>
    let needVerbs, needFillers, modals, modalSubjects, modalVerbs, bareQuestionFillers, keepVerbs, keepAdjectives: Set<String>
    let owners, emailOwners, emailNotDataNext, emailDataNext, addressKinds: Set<String>
    let haveQuestions: [[String]]
    let routes: Routes

    init(_ language: LanguageWords) {
        requestVerbs = language.words("request-verbs")
        nonImperativeVerbs = language.words("non-imperative-verbs")
        verbsNeedingObject = language.words("verbs-needing-object")
        verbObjects = language.words("verb-objects")
        pleas = language.words("pleas")
        softeners = language.words("softeners")
        softenersThatAsk = language.words("softeners-that-ask")
        teamSubjects = language.words("team-subjects")
        clauseStarters = language.words("clause-starters")
        negations = language.words("negations")
        breakers = language.words("breakers")
        questionCopulas = language.words("question-copulas")
        determiners = language.words("determiners")
        listWords = language.words("list-words")
        questionWords = language.words("question-words")
        needVerbs = language.words("need-verbs")
        needFillers = language.words("need-fillers")
        modals = language.words("modals")
        modalSubjects = language.words("modal-subjects")
        modalVerbs = language.words("modal-verbs")
        bareQuestionFillers = language.words("bare-question-fillers")
        keepVerbs = language.words("keep-verbs")
        keepAdjectives = language.words("keep-adjectives")
        owners = language.words("owners")
        emailOwners = language.words("email-owners")
        emailNotDataNext = language.words("email-not-data-next")
        emailDataNext = language.words("email-data-next")
        addressKinds = language.words("address-kinds")
        haveQuestions = language.phrases("have-questions")
        routes = Routes(language)
    }
}
