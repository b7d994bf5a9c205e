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
        let reader = RequestReader(text, vocabulary: vocabulary)
        return reader.requests()
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

    /// Whether `words` ends with `phrase`.
    static func endsWith(_ words: ArraySlice<String>, _ phrase: [String]) -> Bool {
        words.count >= phrase.count && words.suffix(phrase.count).elementsEqual(phrase)
    }
}

/// One text read for requests: its tokens, the items mentioned in it, and the language's grammar.
final class RequestReader {
    typealias Token = PersonalDataText.Token
    struct Mention {
        var start: Int
        var end: Int
        var item: PersonalDataItem
    }

    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    let questions: [Bool]
    let vocabulary: PersonalDataVocabulary
    let grammar: RequestGrammar
    /// The text starts in the middle of a sentence ("…email address and phone number. 2/2"): the rest
    /// of a request made in the part before, as a reply split into parts is posted.
    let isContinuation: Bool
    /// The text is a later part of a numbered reply ("… 2/3", "3/3 …") or opens with ">>" or "...": its first
    /// sentence may carry on a request made in the part before even when it opens with a capital.
    let isLaterPart: Bool
    /// First token of each sentence, by sentence number; -1 for a sentence with no token (see `sentenceStart(_:)`).
    /// An array: a dictionary cost a lookup per token of every reply read.
    private let firstTokens: [Int]
    private(set) var mentions: [Mention] = []
    /// Whether each token is inside a mention, by token index.
    private(set) var mentionTokens: [Bool] = []

    convenience init(_ text: String, vocabulary: PersonalDataVocabulary) {
        self.init(PersonalDataText(text), vocabulary: vocabulary)
    }

    init(_ parsed: PersonalDataText, vocabulary: PersonalDataVocabulary) {
        grammar = vocabulary.grammar
        tokens = Self.readingAbbreviations(parsed.tokens, scalars: parsed.scalars, grammar: vocabulary.grammar)
        scalars = parsed.scalars
        questions = parsed.sentenceIsQuestion
        self.vocabulary = vocabulary
        var starts = [Int](repeating: -1, count: (tokens.last?.sentence ?? -1) + 1)
        for (index, token) in tokens.enumerated() where starts[token.sentence] < 0 { starts[token.sentence] = index }
        firstTokens = starts
        // A part that opens in lower case, or with "and", "or", "us your…", carries on a sentence begun elsewhere.
        var first = 0
        while first < scalars.count && !scalars[first].isLetterOrDigit { first += 1 }
        let opensLower = first < scalars.count && scalars[first].isLetterLike && !scalars[first].isUppercaseLetter
            && scalars[first].properties.isLowercase
        isContinuation = opensLower && !tokens.isEmpty
        isLaterPart = !tokens.isEmpty && (Self.opensWithContinuationMark(scalars) || Self.hasLaterPartNumber(tokens, scalars))
        mentions = findMentions()
        mentionTokens = [Bool](repeating: false, count: tokens.count)
        for mention in mentions { for index in mention.start..<mention.end { mentionTokens[index] = true } }
    }

    /// The first token of `sentence`, if it has any.
    func sentenceStart(_ sentence: Int) -> Int? {
        sentence >= 0 && sentence < firstTokens.count && firstTokens[sentence] >= 0 ? firstTokens[sentence] : nil
    }

    func isQuestion(_ sentence: Int) -> Bool { questions.indices.contains(sentence) && questions[sentence] }

    /// "W/o posting your account number": two words with only "/" between them that stand for one ("without")
    /// become that word, in the clause of the second (the "/" no longer splits it).
    static func readingAbbreviations(_ tokens: [Token], scalars: [Unicode.Scalar], grammar: RequestGrammar) -> [Token] {
        guard !grammar.slashAbbreviations.isEmpty else { return tokens }
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            // Only "/" between the two, checked before the words are looked up (a lookup per word of every reply).
            if index + 1 < tokens.count, tokens[index + 1].range.lowerBound == tokens[index].range.upperBound + 1,
               scalars[tokens[index].range.upperBound] == "/", tokens[index].sentence == tokens[index + 1].sentence,
               let seconds = grammar.slashAbbreviations[tokens[index].text], let meaning = seconds[tokens[index + 1].text] {
                var merged = tokens[index + 1]
                merged.text = meaning
                merged.range = tokens[index].range.lowerBound..<tokens[index + 1].range.upperBound
                result.append(merged)
                index += 2
                continue
            }
            result.append(tokens[index])
            index += 1
        }
        return result
    }

    /// ">> birth to proceed", "...number, last top up": the text opens with a mark of a part carried on.
    static func opensWithContinuationMark(_ scalars: [Unicode.Scalar]) -> Bool {
        // Read in place: a string of the first scalars, trimmed, for every reply was 2 % of a lint.
        var start = 0
        while start < min(8, scalars.count) && (scalars[start] == " " || scalars[start] == "\t" || scalars[start] == "\n" || scalars[start] == "\r") { start += 1 }
        let opening = scalars[start..<min(8, scalars.count)]
        return opening.starts(with: [">", ">"]) || opening.starts(with: [".", ".", "."]) || opening.first == "\u{2026}"
    }

    /// "2/3", "3/3" (a part after the first) among the first two or the last four words.
    static func hasLaterPartNumber(_ tokens: [Token], _ scalars: [Unicode.Scalar]) -> Bool {
        guard tokens.count >= 2 else { return false }
        let candidates = Set(Array(0..<min(2, tokens.count - 1)) + Array(max(0, tokens.count - 5)..<(tokens.count - 1)))
        return candidates.contains { at in
            guard let part = Int(tokens[at].text), let of = Int(tokens[at + 1].text), part >= 2, part <= of, of <= 20 else { return false }
            let between = scalars[tokens[at].range.upperBound..<tokens[at + 1].range.lowerBound]
            return between.filter { $0 != " " } == ["/"]
        }
    }

    /// The sentence ends with a full stop: "Your confirmation number." (not a heading, not a question), and
    /// what follows starts a sentence of its own ("reference no. so you can keep track" is an abbreviation's dot).
    func endsWithFullStop(_ sentence: Int) -> Bool {
        guard let last = tokens.lastIndex(where: { $0.sentence == sentence }) else { return false }
        var at = tokens[last].range.upperBound
        while at < scalars.count && scalars[at] == " " { at += 1 }
        guard at < scalars.count && scalars[at] == "." else { return false }
        at += 1
        while at < scalars.count && (scalars[at] == " " || scalars[at] == ".") { at += 1 }
        return at == scalars.count || !scalars[at].properties.isLowercase
    }

    func isCapitalised(_ index: Int) -> Bool {
        let start = tokens[index].range.lowerBound
        return start < scalars.count && scalars[start].isUppercaseLetter
    }

    // MARK: Mentions

    /// Every mention of an item that is the customer's data, in order, not overlapping.
    private func findMentions() -> [Mention] {
        var result: [Mention] = []
        var index = 0
        while index < tokens.count {
            if let (phrase, itemIndex) = match(at: index) {
                let end = index + phrase.count
                let item = vocabulary.items[itemIndex]
                // "your full name, email and phone number": right after another item, in a list.
                let afterItem = result.last.map { last in
                    tokens[last.start].sentence == tokens[index].sentence
                        && (last.end == index || last.end == index - 1 && grammar.clauseStarters.contains(tokens[index - 1].text))
                } ?? false
                if !isNotData(item: item, at: index, end: end, afterItem: afterItem) { result.append(Mention(start: brandStart(before: index), end: end, item: item)) }
                index = end
            } else if let end = brandNumber(at: index) {
                result.append(Mention(start: index + 1, end: end, item: vocabulary.brandNumberItem))
                index = end
            } else {
                index += 1
            }
        }
        return result
    }

    private func match(at index: Int) -> ([String], Int)? {
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

    /// "your name and Nectar card number": one or two capitalised words just before an item, inside a
    /// sentence, name the brand whose number it is and belong to the mention.
    private func brandStart(before index: Int) -> Int {
        var start = index
        while start > 0, index - start < 2, tokens[start - 1].clause == tokens[index].clause, isCapitalised(start - 1),
              let sentenceStart = sentenceStart(tokens[index].sentence), start - 1 > sentenceStart,
              !grammar.functionWords.contains(tokens[start - 1].text), vocabulary.index[tokens[start - 1].text] == nil,
              tokens[start - 1].text.unicodeScalars.allSatisfy(\.isLetterLike) {
            start -= 1
        }
        return start
    }

    /// "forward it to the address in this article": where something goes; "are you referring to amend the passenger
    /// name?", "changing your email address": what is to be changed. Neither is asked for where it stands, but each stays
    /// a mention, so that a pronoun after it may still ask for it ("…to a new address? If so, please send it to us").
    /// Not "please confirm or update your phone number": a change verb counts only after "to" or as a gerund.
    private func isNotAskedWhereItStands(_ mention: Mention) -> Bool {
        guard let governing = wordBeforeDeterminers(mention.start) else { return false }
        let word = tokens[governing].text
        if grammar.changingVerbs.contains(word) { return true }
        if grammar.changeVerbs.contains(word), governing > 0, tokens[governing - 1].clause == tokens[governing].clause,
           grammar.changeVerbLeaders.contains(tokens[governing - 1].text) { return true }
        // An address or email after "to" and a determiner: "to the address below", "to your new email"; not "to address".
        return (mention.item.id == "address" || mention.item.id == "email") && governing < mention.start - 1
            && grammar.destinationWords.contains(word)
    }

    /// The word before the item and the determiners just before it, in the item's clause ("to" in "to the address",
    /// "amend" in "amend the passenger name"), as its token index; nil when the clause starts there.
    private func wordBeforeDeterminers(_ index: Int) -> Int? {
        var at = index - 1
        while at >= 0, tokens[at].clause == tokens[index].clause, grammar.determiners.contains(tokens[at].text) { at -= 1 }
        return at >= 0 && tokens[at].clause == tokens[index].clause ? at : nil
    }

    /// "your Idea number", "your Virgin Media no.": an operator's or brand's own customer number — one
    /// or two capitalised words the vocabulary does not know between "your" and a number word.
    /// Returns the end of the mention (after the number word); the mention starts after "your".
    private func brandNumber(at index: Int) -> Int? {
        // The capital after "your" is checked first: it is cheaper than looking the word up.
        guard index + 1 < tokens.count, isCapitalised(index + 1), grammar.possessives.contains(tokens[index].text) else { return nil }
        for length in 1...2 {
            let numberAt = index + 1 + length
            guard numberAt < tokens.count, tokens[numberAt].sentence == tokens[index].sentence else { return nil }
            let names = (index + 1)..<numberAt
            guard names.allSatisfy({ isCapitalised($0) && tokens[$0].clause == tokens[index].clause }) else { return nil }
            // A known item ("your Order Number") is the vocabulary's; a public thing ("your Flight number") is nobody's.
            if names.contains(where: { vocabulary.index[tokens[$0].text] != nil || grammar.publicNumbers.contains(tokens[$0].text) }) { return nil }
            if grammar.brandNumberWords.contains(tokens[numberAt].text) { return numberAt + 1 }
        }
        return nil
    }

    /// Mentions that are not the customer's data: "send us an email" (a message), "email us" (a route),
    /// "reply to the email" (a message), "to address your concern" (a verb), "IP address", the address
    /// of a store or the ZIP of an area (a place), the address an email came from, "tracking" on its own.
    private func isNotData(item: PersonalDataItem, at index: Int, end: Int, afterItem: Bool) -> Bool {
        let words = tokens[index..<end].map(\.text)
        // Only a word in the same clause counts: after a comma ("your name, address…") there is none.
        let previous = index > 0 && tokens[index - 1].clause == tokens[index].clause ? tokens[index - 1].text : ""
        let beforePrevious = index > 1 && tokens[index - 2].clause == tokens[index].clause ? tokens[index - 2].text : ""
        let next = end < tokens.count && tokens[end].sentence == tokens[index].sentence ? tokens[end].text : ""
        let after = wordsAfter(end, count: 8)
        // "reply back to ticket #10267422", "booking ref ABC123": the item with its value, which the team already has.
        if end < tokens.count, tokens[end].clause == tokens[end - 1].clause, tokens[end].text.unicodeScalars.count >= 4,
           tokens[end].text.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return true }
        switch item.id {
        case "email" where !words.contains(where: grammar.emailExplicitWords.contains):
            if grammar.emailNotDataNext.contains(next) { return true }
            // "reply to the email you received": the team's message, a route.
            if grammar.messageDeterminers.contains(previous) && grammar.messageVerbs.contains(beforePrevious) { return true }
            // "forward us the email you received": the message itself.
            if grammar.messageDeterminers.contains(previous) && clauseWords(before: index).contains(where: grammar.messageHandlingVerbs.contains) { return true }
            if grammar.emailDataDeterminers.contains(previous) && grammar.emailDataNext.contains(next) { return false }
            if !(grammar.emailOwners.contains(previous) || grammar.questionWords.contains(previous) || afterItem) { return true }
        case "address" where words.count == 1 && grammar.bareAddressWords.contains(words[0]):
            if !(grammar.owners.contains(previous) || grammar.addressKinds.contains(previous) || grammar.questionWords.contains(previous) || previous.isEmpty) { return true }
        case "date-of-birth" where words == ["birthday"]:
            // "Happy Birthday": an occasion; "your birthday", "your name and birthday": a date of birth.
            if !(grammar.birthdayOwners.contains(previous) || afterItem) { return true }
        case "pin" where words == ["pin", "code"] && isPostalPinCode(at: index, end: end):
            // "share your location along with pin code details", "the address of the store with PIN code", "the pin
            // code of your area": India's postal PIN code, not a card's.
            return true
        case "order-number" where words == ["confirmation"] || words == ["tracking"]:
            // On their own these are data only as "your confirmation #" and the like, matched as a whole.
            return true
        case "order-number" where words == ["booking"] || words == ["bookings"]:
            // "please provide us the booking", "may we have the correct bookings": its reference, given to the team —
            // a giving verb with "us" or "me" after it, or "have" after "may we" / "can I"; not "do you have a booking?",
            // "you can share the booking with friends", "manage your booking", "your booking is confirmed".
            var verb = index - 1
            while verb >= 0, tokens[verb].clause == tokens[index].clause, grammar.determiners.contains(tokens[verb].text) { verb -= 1 }
            let toTeam = verb >= 1 && tokens[verb].clause == tokens[index].clause && grammar.givingObjects.contains(tokens[verb].text)
                && grammar.givingVerbs.contains(tokens[verb - 1].text)
            let modalHave = verb >= 2 && tokens[verb].clause == tokens[index].clause && grammar.modalPronounVerbs.contains(tokens[verb].text)
                && grammar.modalSubjects.contains(tokens[verb - 1].text) && grammar.modals.contains(tokens[verb - 2].text)
            if !(toTeam || modalHave) || !isBareDocumentEnd(end, clause: tokens[index].clause) { return true }
        case "government-id" where words == ["passport"] || words == ["passports"]:
            // "DM us the passenger passport and…", "your passport / ID": the document, asked to be sent; not "passport
            // validity rules", "your passport must be valid", "provide your passport at the counter".
            if !isBareDocumentEnd(end, clause: tokens[index].clause) { return true }
        default:
            break
        }
        if item.id == "details" && words.count == 1 {
            // "your details", "the details requested"; not "more details", "the details of the fault".
            let owned = grammar.detailOwners.contains(previous) || grammar.detailsAfter.contains { after.starts(with: $0) }
            if !owned { return true }
        }
        // "our contact details", "our number": the team's own.
        if (item.id == "details" || item.id == "phone") && grammar.othersOwners.contains(previous) { return true }
        if item.id == "phone" && words == ["number"] {
            // A bare "number" is a phone number as "your number", "alternate number"; not "number of bags".
            if !grammar.bareNumberOwners.contains(previous) || grammar.bareNumberNotNext.contains(next) { return true }
        }
        // "We can't see flight 88 on that date. Could you send an alternate number?": another flight number, not a phone.
        if item.id == "phone", grammar.anotherWords.contains(words.count == 1 ? previous : words[0]), words.count <= 2,
           publicNumberNamed(before: index) { return true }
        if words.count == 2 && grammar.requestVerbs.contains(words[0]) && grammar.numberNotNext.contains(next) {
            // "confirm number of passengers": a verb and a count, not a misspelt "confirmation number".
            return true
        }
        // A place, not the person: "the store's postcode", "the ZIP of the store", "a postcode of this area".
        if item.id == "address" || item.id == "phone" {
            if isPlace(previous) || isPlace(beforePrevious) { return true }
            // "which postcode area are you in?": a general area, not where they live.
            if item.id == "address" && grammar.areaWords.contains(next) { return true }
            // "the nearest street address": the address nearest something else (a playground, a stop), a place.
            if item.id == "address" && (grammar.proximityWords.contains(previous) || grammar.proximityWords.contains(beforePrevious)) { return true }
            if let link = after.firstIndex(where: grammar.placeLinks.contains), link <= 1,
               after.dropFirst(link + 1).prefix(4).contains(where: isPlace) { return true }
            // "Did you visit a specific branch? If so, provide the address": "the address" of the place just named.
            if grammar.placeBackReferences.contains(previous) && placeNamed(before: index) { return true }
        }
        // Someone else's: "the email address this was sent from", "the sender's email".
        if item.id == "email" || item.id == "phone" {
            if grammar.senderWords.contains(previous) || grammar.senderWords.contains(beforePrevious) { return true }
            if grammar.cameFrom.contains(where: { DataRequests.containsPhrase(Array(after.prefix(6)), $0) }) { return true }
        }
        return false
    }

    /// Whether a bare "booking" or "passport" ends where it is named: its clause or sentence ends, or a word that cannot
    /// continue a noun follows ("and", "for", "to", "please", "here"), not a noun or verb ("booking confirmation",
    /// "passport must be valid").
    func isBareDocumentEnd(_ end: Int, clause: Int) -> Bool {
        guard end < tokens.count, tokens[end].clause == clause else { return true }
        return grammar.bareDocumentNext.contains(tokens[end].text)
    }

    /// "your location along with pin code", "the store with PIN code", "the pin code of your area": a place word joined
    /// to "pin code" by "with" (before it) or "of" (after it), in the same sentence, with no card or bank word in it.
    func isPostalPinCode(at index: Int, end: Int) -> Bool {
        let sentence = tokens[index].sentence
        let sentenceWords = tokens.lazy.filter { $0.sentence == sentence }.map(\.text)
        if sentenceWords.contains(where: grammar.paymentWords.contains) { return false }
        var before: [String] = []
        var at = index - 1
        while at >= 0 && index - at <= 6 && tokens[at].sentence == sentence { before.insert(tokens[at].text, at: 0); at -= 1 }
        if let with = before.lastIndex(of: "with"), before[..<with].contains(where: grammar.postalPinLeaders.contains) { return true }
        let after = wordsAfter(end, count: 3)
        return after.first == "of" && after.dropFirst().contains(where: grammar.postalPinLeaders.contains)
    }

    /// "store", "branch's", "station": a place the customer visited, not where they live.
    func isPlace(_ word: String) -> Bool {
        grammar.places.contains(word.hasSuffix("'s") ? String(word.dropLast(2)) : word)
    }

    /// A place (not an area, not "your location") named earlier in the sentence of `index` or in the one before
    /// (within 40 words).
    func placeNamed(before index: Int) -> Bool {
        let sentence = tokens[index].sentence
        var at = index - 1
        while at >= 0 && index - at <= 40 && tokens[at].sentence >= sentence - 1 {
            let word = tokens[at].text
            if isPlace(word) && !grammar.areaWords.contains(word) && !(at > 0 && grammar.possessives.contains(tokens[at - 1].text)) { return true }
            at -= 1
        }
        return false
    }

    /// "flight 88", "the seat number": a public numbered thing (a public-numbers word that is no item's first word,
    /// followed by a number or a number word) in the sentence of `index` or the one before, within 30 words.
    func publicNumberNamed(before index: Int) -> Bool {
        let sentence = tokens[index].sentence
        var at = index - 1
        while at >= 0 && index - at <= 30 && tokens[at].sentence >= sentence - 1 {
            let word = tokens[at].text
            if grammar.publicNumbers.contains(word), vocabulary.index[word] == nil, at + 1 < index {
                let following = tokens[at + 1].text
                if following.unicodeScalars.contains(where: { $0.properties.numericType != nil }) || grammar.brandNumberWords.contains(following) { return true }
            }
            at -= 1
        }
        return false
    }

    /// The words before `index` in its clause (the last `limit` of them).
    func clauseWords(before index: Int, limit: Int = .max) -> [String] {
        var start = index
        while start > 0 && index - start < limit && tokens[start - 1].clause == tokens[index].clause { start -= 1 }
        return tokens[start..<index].map(\.text)
    }

    /// "…reference no. so you can keep track": the customer is the subject of what follows the item — not
    /// "…telephone number. We'll contact you", where the team is, and "you" its object.
    func customerSubjectFollows(_ end: Int) -> Bool {
        let following = wordsAfter(end, count: 4)
        guard let customer = following.firstIndex(where: grammar.customerSubjects.contains) else { return false }
        return !following[..<customer].contains(where: grammar.teamSubjects.contains)
    }

    /// Up to `count` words from `start` in the same sentence.
    func wordsAfter(_ start: Int, count: Int) -> [String] {
        guard start < tokens.count else { return [] }
        let sentence = tokens[start].sentence
        var words: [String] = []
        var index = start
        while index < tokens.count && words.count < count && tokens[index].sentence == sentence {
            words.append(tokens[index].text)
            index += 1
        }
        return words
    }

    // MARK: Requests

    func requests() -> [DataRequest] {
        // Most replies mention no item: nothing to ask for, and no pronoun can stand for one.
        guard !mentions.isEmpty else { return [] }
        var result: [DataRequest] = []
        var requested = Set<Int>()
        for (number, mention) in mentions.enumerated() where !isNotAskedWhereItStands(mention) && isRequested(at: mention.start, end: mention.end) {
            requested.insert(number)
            result.append(request(for: mention.item, at: mention.start, end: mention.end))
        }
        // "Did they give you a reference number? Can you send it to us?": the pronoun stands for the item.
        for (verb, pronoun, possession) in pronounRequests() {
            let sentence = tokens[verb].sentence
            let antecedent = mentions.indices.last { number in
                let mention = mentions[number]
                return mention.end <= verb && tokens[mention.start].sentence >= sentence - 1 && !requested.contains(number)
            }
            guard let antecedent, !result.contains(where: { $0.sentence == sentence }) else { continue }
            // "We've sent your tracking number. Do you have it?" asks whether it arrived, not for the number.
            if possession && clauseWords(before: mentions[antecedent].start, limit: 12).contains(where: grammar.teamSubjects.contains) { continue }
            let mention = mentions[antecedent]
            // The finding points at the pronoun, in the sentence that asks.
            result.append(request(for: mention.item, at: pronoun.lowerBound, end: pronoun.upperBound))
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func request(for item: PersonalDataItem, at index: Int, end: Int) -> DataRequest {
        let sentence = tokens[index].sentence
        let sentenceWords = tokens.filter { $0.sentence == sentence }.map(\.text)
        let wordsBefore = tokens[..<index].filter { $0.sentence == sentence }.map(\.text)
        let routes = grammar.routes
        return DataRequest(
            item: item, range: tokens[index].range.lowerBound..<tokens[end - 1].range.upperBound,
            invitesPublicAnswer: routes.invitesPublicAnswer(sentenceWords)
                || (!routes.namesPrivateRoute(wordsBefore) && saysHere(after: end)),
            namesPrivateRoute: routes.namesPrivateRoute(sentenceWords), sentence: sentence)
    }

    /// "Share your reservation number here": "here" just after the item, unless it points at a link
    /// ("here: https://…", "share your details here so we can help? https://…/requests/new").
    func saysHere(after end: Int) -> Bool {
        var index = end
        while index < tokens.count && index - end <= 2 && tokens[index].sentence == tokens[end - 1].sentence {
            if grammar.hereWords.contains(tokens[index].text) {
                // The rest of this sentence and the next: a link there is what "here" means.
                let from = tokens[index].range.upperBound
                var to = from
                var sentencesSeen = 0
                while to < scalars.count && sentencesSeen < 2 {
                    if scalars[to] == "?" || scalars[to] == "!" || scalars[to] == "\n" || scalars[to] == "." && (to + 1 == scalars.count || scalars[to + 1] == " ") { sentencesSeen += 1 }
                    to += 1
                }
                let rest = String(String.UnicodeScalarView(scalars[from..<max(from, to)]))
                return !(rest.containsBytes("{{dm_link") || Routes.containsURL(rest))
            }
            index += 1
        }
        return false
    }

    /// Whether the item mentioned at `index` is one never to be asked for (a password, PIN, code…).
    func isSecret(at index: Int) -> Bool {
        mentions.first { $0.start <= index && index < $0.end }?.item.kind == .secret
    }

    /// Whether the mention at `index` is asked of the customer in its clause.
    func isRequested(at index: Int, end: Int, depth: Int = 0) -> Bool {
        let sentence = tokens[index].sentence
        let clause = tokens[index].clause
        let sentenceStart = sentenceStart(sentence) ?? 0
        var start = index
        while start > sentenceStart && index - (start - 1) <= 12 { start -= 1 }
        let clauseIndices = (start..<index).filter { tokens[$0].clause == clause }
        var clauseBefore = clauseIndices.map { tokens[$0].text }
        // The clause with the other items of a list left out: "your full name and postcode please".
        let listView = clauseIndices.filter { !mentionTokens[$0] }.map { tokens[$0].text }
        let sentenceWords = tokens[sentenceStart...].prefix { $0.sentence == sentence }.map(\.text)

        // "if not, what is your phone number": a condition, not a negation.
        for phrase in grammar.conditionalNegations where DataRequests.containsPhrase(clauseBefore, phrase) {
            if let at = (0...(clauseBefore.count - phrase.count)).first(where: { Array(clauseBefore[$0..<($0 + phrase.count)]) == phrase }) {
                clauseBefore.removeSubrange(at..<(at + phrase.count))
            }
        }
        // Warnings and negations: "please don't share your account number here", "we'll never ask for your PIN".
        if clauseBefore.contains(where: grammar.negations.contains) || sentenceWords.contains(where: grammar.sentenceNegations.contains) { return false }
        if clauseBefore.contains(where: grammar.keepVerbs.contains) && sentenceWords.contains(where: grammar.keepAdjectives.contains) { return false }
        // "…post your card number. This page is public. (2/2)": the part starts mid-sentence
        // (its "please don't" was in the part before) and goes on to say the data is private or the page public.
        if isContinuation && sentence == tokens[0].sentence && laterSentencesGivePrivacyReason(after: sentence) { return false }
        // "Enter your order number on our tracking page": typed into a self-service tool, not given to the team.
        if let verb = clauseBefore.last(where: grammar.requestVerbs.contains), grammar.selfServiceVerbs.contains(verb) {
            let following = wordsAfter(end, count: 6)
            if let leader = following.firstIndex(where: grammar.selfServiceLeaders.contains), leader <= 1,
               following.dropFirst(leader + 1).prefix(4).contains(where: grammar.selfServicePlaces.contains) { return false }
        }

        // "Just enter your email address so we can notify you": typed into a form or app, not sent to the team,
        // unless it says "here" or "below".
        if let verb = clauseBefore.last(where: grammar.requestVerbs.contains), grammar.typedInVerbs.contains(verb), !saysHere(after: end),
           tokens.contains(where: { grammar.selfServicePlaces.contains($0.text) }) { return false }

        // The first words of a part that carries on a sentence: "…email address and phone number. 2/2".
        // What follows must not make it the customer's own use ("…reference no. so you can keep track").
        if isContinuation && sentence == tokens[0].sentence && index - sentenceStart <= 12
            && tokens[sentenceStart..<index].allSatisfy({ grammar.listWords.contains($0.text) || grammar.verbObjects.contains($0.text) || grammar.determiners.contains($0.text) })
            && (depth > 0 || !customerSubjectFollows(end))
            // "date of birth is stated as 29 Apr 1991.": the item as the subject of a statement.
            && (end >= tokens.count || tokens[end].sentence != sentence || !grammar.verbsAfterSubject.contains(tokens[end].text)) { return true }
        // "Your full name & address, the store you visited… 2/3": a later part that opens with a list of items,
        // the item ending its clause or followed by "and", in a sentence with no verb of its own ("Your order number
        // and PIN are in the email. 2/2" is a statement).
        // "Your booking reference. You'll need it at the desk": the customer's own use follows, in the item's
        // clause or at the start of the next sentence (not "…, the shop you went to").
        let customerUseFollows = end < tokens.count && (tokens[end].sentence != sentence
            ? customerSubjectFollows(end)
            : tokens[end..<min(tokens.count, end + 4)].prefix { $0.clause == clause }.contains { grammar.customerSubjects.contains($0.text) })
        // Only items open it: when a list is followed back to the first words of a capitalised later part, a word
        // of the team's own sentence ("I'd suggest you try sending the parcel to another town/address. 2/2") is none.
        if isLaterPart && !isContinuation && mentionTokens[index] && sentence == tokens[0].sentence && index - sentenceStart <= 3
            && tokens[sentenceStart..<index].allSatisfy({ grammar.listWords.contains($0.text) || grammar.determiners.contains($0.text) })
            && (depth > 0 || (end >= tokens.count || tokens[end].sentence != sentence || tokens[end].clause != clause
                || grammar.clauseStarters.contains(tokens[end].text)) && !sentenceWords.contains(where: grammar.verbsAfterSubject.contains) && !customerUseFollows) { return true }

        // An item further down a list ("send us your name, address and phone number", "…, along with your
        // full name") is asked for if the list's head is.
        if depth < 6, isListContinuation(listView) {
            var previous = index - clauseBefore.count - 1
            let previousClause = previous >= sentenceStart ? tokens[previous].clause : -1
            while previous >= sentenceStart && tokens[previous].clause == previousClause && index - previous <= 16 {
                // "DM me your country (no account numbers/PINs)": a negation between the head and the item ends the list.
                if tokens[previous...index].contains(where: { grammar.negations.contains($0.text) }) { return false }
                if isRequested(at: previous, end: previous + 1, depth: depth + 1) { return true }
                previous -= 1
            }
        }

        // A password, PIN or code: the questions below that only ask whether or which do not ask for it.
        let secret = isSecret(at: index)
        // "what's your order number?", "which email is on the account?": the item follows closely.
        // "let us know which password": which kind of secret, not the secret itself.
        if let what = clauseBefore.lastIndex(where: grammar.questionWords.contains),
           !(secret && grammar.kindQuestionWords.contains(clauseBefore[what]) && what == clauseBefore.count - 1
             && !(end < tokens.count && tokens[end].sentence == sentence && grammar.customerSubjects.contains(tokens[end].text))) {
            let between = clauseBefore[(what + 1)...]
            if between.count <= 4 && !between.contains(where: { grammar.breakers.contains($0) && !grammar.questionCopulas.contains($0) || grammar.requestVerbs.contains($0) }) { return true }
        }
        // "do you have a tracking number?", "did they give you a reference number?"
        // Only determiners and a word or two ("a trouble ticket number") between: not "did you get a chance to check your…".
        // "are there any reference numbers…?": whether it exists, unless it is printed on a document ("on the confirmation").
        // Whether the customer has, knows or received a secret ("were you able to get that verification code?", "do you
        // know the passcode for the iPhone?") asks whether, not for the secret itself.
        let afterItem = wordsAfter(end, count: 2)
        let onDocument = tokens.indices.contains(end) && tokens[end].sentence == sentence && grammar.documentLeaders.contains { afterItem.starts(with: $0) }
        for (phrase, existence) in grammar.haveQuestions.map({ ($0, false) }) + (onDocument ? [] : grammar.existenceQuestions.map({ ($0, true) })) where !secret {
            guard let at = Routes.occurrences(of: phrase, in: clauseBefore).last else { continue }
            let others = clauseBefore[(at + phrase.count)...].filter { !grammar.determiners.contains($0) && !grammar.listWords.contains($0) }
            // "is there a (good) case number?" — not "is there a reason your number changed?", which asks no number.
            let ownedLater = existence && clauseBefore[min(clauseBefore.count, at + phrase.count + 1)...].contains(where: grammar.possessives.contains)
            if others.count <= (existence ? 1 : 2) && !ownedLater && !others.contains(where: { grammar.requestVerbs.contains($0) || grammar.breakers.contains($0) || grammar.needFillers.contains($0) }) {
                // "Do you have the case number for us to check." opens its sentence as a question, whatever ends it.
                return isQuestion(sentence) || at == 0 && clauseIndices.first == sentenceStart
            }
        }
        // "Any booking number to check?", "is there any tracking number to provide here?"
        if isQuestion(sentence), !secret, let last = clauseBefore.last, grammar.anyWords.contains(last),
           end < tokens.count, tokens[end].sentence == sentence, grammar.anyQuestionPurposes.contains(tokens[end].text) { return true }
        // "we'll need your postcode", "we need the bottom row of digits on your receipt"; not "you'll need your booking reference".
        for need in grammar.needVerbs where clauseBefore.contains(need) {
            guard let position = clauseBefore.lastIndex(of: need) else { continue }
            if clauseBefore[max(0, position - 2)..<position].contains(where: grammar.customerSubjects.contains) { break }
            var between = skippingListHead(clauseBefore[(position + 1)...])
            // "the bottom most row of", "a copy of": a few words and "of" before the item.
            if let of = between.lastIndex(where: grammar.partOfWords.contains), of - between.startIndex <= 5,
               clauseBefore[(of + 1)...].allSatisfy(grammar.determiners.contains),
               !between[..<of].contains(where: { grammar.breakers.contains($0) || grammar.requestVerbs.contains($0) && !grammar.needFillers.contains($0) }) {
                between = clauseBefore[(of + 1)...]
            }
            if between.allSatisfy({ grammar.determiners.contains($0) || grammar.needFillers.contains($0) }) { return true }
        }
        // "we're looking for your name", "after receiving a new booking number from you"
        for phrase in grammar.needPhrases {
            for cut in stride(from: clauseBefore.count, through: phrase.count, by: -1) {
                let head = clauseBefore[..<cut]
                guard DataRequests.endsWith(head, phrase) else { continue }
                let subject = cut - phrase.count - 1
                if subject >= 0 && grammar.customerSubjects.contains(clauseBefore[subject]) { break }
                if skippingListHead(clauseBefore[cut...]).allSatisfy({ grammar.determiners.contains($0) || grammar.listWords.contains($0) }) { return true }
            }
        }
        // "can we get your email?", "may we know your booking no", "can I also ask for your full name"
        for modal in grammar.modals {
            guard let position = clauseBefore.lastIndex(of: modal), position + 2 < clauseBefore.count,
                  grammar.modalSubjects.contains(clauseBefore[position + 1]) else { continue }
            var verb = position + 2
            while verb < clauseBefore.count - 1 && grammar.softeners.contains(clauseBefore[verb]) && !grammar.modalVerbs.contains(clauseBefore[verb]) { verb += 1 }
            // "may I know whether our email reached your registered address?": whether, not the item.
            if grammar.modalVerbs.contains(clauseBefore[verb]) && !clauseBefore[(verb + 1)...].contains(where: grammar.yesNoLeaders.contains) { return true }
            // "Can we the booking number for further assistance": the verb left out, only an article before the item.
            if isQuestion(sentence) || position == 0, clauseBefore[(position + 2)...].allSatisfy(grammar.articles.contains) { return true }
        }
        // Imperatives aimed at the customer: "send us your…", "please share the…", "could you confirm your…".
        if isImperativeHead(clauseBefore[...]) { return true }
        // "Can you confirm what the product is and your postcode?", "please let us know your reason to leave and
        // also your number": an item joined by "and" to the first object of a request (a clause or a noun) —
        // not one that starts a clause of its own ("send us a photo and your order number will be updated").
        let wholeClause = clauseWords(before: index, limit: 24)
        if let and = wholeClause.lastIndex(where: grammar.clauseStarters.contains),
           wholeClause[(and + 1)...].allSatisfy(grammar.listWords.contains),
           end >= tokens.count || tokens[end].clause != clause || !grammar.verbsAfterSubject.contains(tokens[end].text),
           (1..<max(1, and)).contains(where: { cut in
               (grammar.breakers.contains(wholeClause[cut]) || grammar.determiners.contains(wholeClause[cut])) && isImperativeHead(wholeClause[..<cut])
           }) { return true }
        // A bare question: "Order number?", "And your postcode?"; or "Account number please".
        let itemWords = tokens[index..<end].map(\.text)
        let rest = sentenceWords.filter { !grammar.determiners.contains($0) && !grammar.bareQuestionFillers.contains($0) }
        if isQuestion(sentence), rest.count <= itemWords.count { return true }
        // "Your full name, address, barcode and a copy of your receipt?": a question that opens with the item alone.
        if isQuestion(sentence), index == sentenceStart || tokens[sentenceStart..<index].allSatisfy({ grammar.determiners.contains($0.text) || grammar.bareQuestionFillers.contains($0.text) }),
           end >= tokens.count || tokens[end].clause != clause { return true }
        // "Your confirmation number.": a sentence of nothing but items, ended by a full stop, asks for them
        // (not "Your booking reference. You'll need it at the desk.", "Your tracking number. It's in the email.").
        if !isQuestion(sentence), endsWithFullStop(sentence), !customerUseFollows,
           !(wordsAfter(end, count: 1).first.map(grammar.topicPronouns.contains) ?? false),
           (sentenceStart..<(sentenceStart + sentenceWords.count)).allSatisfy({ mentionTokens[$0] || grammar.determiners.contains(tokens[$0].text) || grammar.listWords.contains(tokens[$0].text) }) { return true }
        // "Your date of birth, please." counts; "…account info, please tell us more" does not: there "please" starts a request of its own.
        if listView.allSatisfy({ grammar.determiners.contains($0) || grammar.listWords.contains($0) }), end < tokens.count,
           tokens[end].sentence == sentence, grammar.pleas.contains(tokens[end].text),
           tokens[end].clause == tokens[end - 1].clause || end + 1 >= tokens.count || tokens[end + 1].sentence != sentence { return true }
        return false
    }

    /// A sentence after `sentence` says the data is private or the page is public ("This page is public").
    func laterSentencesGivePrivacyReason(after sentence: Int) -> Bool {
        let later = tokens.filter { $0.sentence > sentence }.map(\.text)
        return grammar.privacyReasons.contains { DataRequests.containsPhrase(later, $0) }
    }

    /// "your name and": an earlier entry of a list (up to three words, no verb) and "and" before the item; the words after it.
    func skippingListHead(_ words: ArraySlice<String>) -> ArraySlice<String> {
        guard let and = words.lastIndex(where: grammar.clauseStarters.contains), and - words.startIndex <= 3,
              !words[..<and].contains(where: { grammar.requestVerbs.contains($0) || grammar.breakers.contains($0) || grammar.teamSubjects.contains($0) || grammar.negations.contains($0) })
        else { return words }
        return words[(and + 1)...]
    }

    /// Only list words before the item in its clause ("and your", "along with your"): it carries on a list.
    /// Also "phone and": another entry of the list (up to three words that are no verb) before "and".
    func isListContinuation(_ clauseBefore: [String]) -> Bool {
        var words = clauseBefore[...]
        for phrase in grammar.listPhrases where DataRequests.containsPhrase(Array(words.prefix(phrase.count)), phrase) {
            words = words.dropFirst(phrase.count)
            break
        }
        if let and = words.firstIndex(where: grammar.clauseStarters.contains), and - words.startIndex <= 3,
           !words[..<and].contains(where: { grammar.requestVerbs.contains($0) || grammar.breakers.contains($0) || grammar.teamSubjects.contains($0) || grammar.negations.contains($0) }) {
            words = words[(and + 1)...]
        }
        return words.allSatisfy(grammar.listWords.contains)
    }

    /// Whether `words` (what stands before an object) end in a request aimed at the customer: a verb
    /// at the start or after softeners ("please", "can you"), with a few words before the object.
    func isImperativeHead(_ words: ArraySlice<String>) -> Bool {
        let base = words.startIndex
        for offset in words.indices.reversed() {
            let word = words[offset]
            // "would you mind sharing your…": a gerund after "mind" asks as the verb does.
            let gerund = grammar.requestGerunds.contains(word) && offset > base && grammar.gerundLeaders.contains(words[offset - 1])
            // Between the verb and the item: a few words such as "us a DM with your", never a new clause ("if this is").
            let between = words[(offset + 1)...]
            // "get back to us with your…": with its companion, a verb that is no imperative alone is one.
            let companioned = grammar.verbsNeedingCompanion[word].map { between.contains(where: $0.contains) } ?? false
            guard gerund || grammar.requestVerbs.contains(word) && (!grammar.nonImperativeVerbs.contains(word) || companioned) else { continue }
            if between.count > 8 || between.contains(where: grammar.breakers.contains) { continue }
            // "email", "text", "message" are verbs here only when said to someone: "email us your…".
            let pleaded = offset > base && grammar.pleas.contains(words[offset - 1])
            if grammar.verbsNeedingObject.contains(word), !pleaded, let next = between.first, !grammar.verbObjects.contains(next) { continue }
            if grammar.verbsNeedingCompanion[word].map({ companions in !between.contains(where: companions.contains) }) ?? false { continue }
            // What comes before the verb must be nothing, or softeners that make it a request ("please", "can you").
            var chain: [String] = []
            var back = offset - 1
            while back >= base && (grammar.softeners.contains(words[back]) || grammar.willingness.contains(words[back])) && !grammar.teamSubjects.contains(words[back]) {
                chain.append(words[back])
                back -= 1
            }
            // "DM us or just drop your order number below": after "or", "and", "but" a new request may start.
            // "para verificar tu cuenta envíanos tu contraseña": a purpose opens the clause, then the request.
            let afterPurpose = back > base && grammar.purposeLeaders.contains(words[base])
            let startsClause = back < base || grammar.clauseStarters.contains(words[back]) || afterPurpose
            // "the screen asking you to enter the password": what something else asks of the customer.
            if back > base && grammar.reportedAskers.contains(words[back]) && grammar.askingThings.contains(words[back - 1]) { continue }
            // "Would be great if can provide us…", "If can send us…": a condition whose subject, the reader, is left out asks
            // as "if you can" does, when it opens the clause or follows thanks or hope; not "we'll check if can resend…".
            let droppedSubject = offset >= base + 2 && grammar.droppedSubjectModals.contains(words[offset - 1])
                && grammar.conditionalLeaders.contains(words[offset - 2])
                && (offset - 2 == base || grammar.droppedSubjectLeaders.contains(words[offset - 3]))
            let softened = droppedSubject || chain.contains(where: grammar.softenersThatAsk.contains)
            // "If you're willing to provide your ZIP code": a condition on the customer, then willingness, then the verb.
            if back > base && grammar.customerSubjects.contains(words[back]) && grammar.conditionalLeaders.contains(words[back - 1]) { return true }
            // Willingness alone is no request: "happy to send your tracking number once it ships" is the team's.
            if !softened && chain.contains(where: { grammar.willingness.contains($0) && !grammar.softeners.contains($0) }) { continue }
            // "you can add your phone number under Settings": what the customer can do themselves, not a request
            // ("can you add…?" asks; "you can add…" states an option).
            if grammar.selfServiceVerbs.contains(word), offset >= base + 2, grammar.abilityModals.contains(words[offset - 1]),
               grammar.customerSubjects.contains(words[offset - 2]) { continue }
            // "so sorry about that kindly send…": a plea just before the verb makes it an imperative, even after a past form.
            let pleadedVerb = offset > base && grammar.pleas.contains(words[offset - 1])
            if back >= base && (grammar.teamSubjects.contains(words[back]) || !pleadedVerb && grammar.pastSuffixes.contains(where: { words[back].hasSuffix($0) })) { continue }
            // "we'll check and send your tracking number": the verb after "and" keeps the team as subject.
            // A pronoun right after a verb or a preposition is its object: "please confirm on it and provide your email".
            let sharesTeamSubject = back >= base && words[base..<back].indices.contains { at in
                grammar.teamSubjects.contains(words[at])
                    && !(at > base && grammar.objectPronouns.contains(words[at])
                         && (grammar.requestVerbs.contains(words[at - 1]) || grammar.breakers.contains(words[at - 1])))
            }
            if softened || startsClause && !sharesTeamSubject { return true }
        }
        return false
    }

    /// Request verbs whose object is a pronoun ("send it to us", "share the correct one"), as the verb's
    /// token index and the pronoun's token range.
    /// `possession` marks a question whether the customer has it ("The receipt numbers start with 006. Do you have that?").
    func pronounRequests() -> [(verb: Int, pronoun: Range<Int>, possession: Bool)] {
        var result: [(Int, Range<Int>, Bool)] = []
        func pronoun(at object: Int, in clause: Int) -> Range<Int>? {
            for pronoun in grammar.pronounObjects where object + pronoun.count <= tokens.count
                && tokens[object..<(object + pronoun.count)].map(\.text) == pronoun {
                // The pronoun must end its phrase: "send it to us", "send that too", not "send it's".
                let after = object + pronoun.count
                let ends = after >= tokens.count || tokens[after].sentence != tokens[object].sentence
                    || tokens[after].clause != clause || grammar.pronounEnders.contains(tokens[after].text)
                return ends ? object..<after : nil
            }
            return nil
        }
        // "Do you have that?", "Do you still have it?": a question whether they have it, with the pronoun right after.
        let words = tokens.map(\.text)
        for phrase in grammar.havePronounQuestions {
            for start in Routes.occurrences(of: phrase, in: words) {
                let object = start + phrase.count
                guard object < tokens.count, tokens[object].sentence == tokens[start].sentence, isQuestion(tokens[start].sentence),
                      let range = pronoun(at: object, in: tokens[start].clause) else { continue }
                result.append((object - 1, range, true))
            }
        }
        // "May we have the correct one?", "Can we get it?": a modal request by the team, its verb right after the subject,
        // and no question word before it in its clause ("How can I see it?" is the customer's question, quoted).
        func isModalRequest(_ index: Int) -> Bool {
            guard index >= 2, grammar.modalPronounVerbs.contains(tokens[index].text), grammar.modalSubjects.contains(tokens[index - 1].text),
                  grammar.modals.contains(tokens[index - 2].text),
                  tokens[(index - 2)...index].allSatisfy({ $0.clause == tokens[index].clause }) else { return false }
            let sentenceStart = sentenceStart(tokens[index].sentence) ?? 0
            return !tokens[sentenceStart..<(index - 2)].contains { $0.clause == tokens[index].clause && grammar.modalQuestionWords.contains($0.text) }
        }
        for index in tokens.indices where grammar.pronounRequestVerbs.contains(tokens[index].text) || isModalRequest(index) {
            var object = index + 1
            while object < tokens.count && grammar.pronounObjectFillers.contains(tokens[object].text) && object - index <= 2 { object += 1 }
            guard object < tokens.count, tokens[object].sentence == tokens[index].sentence else { continue }
            for pronoun in grammar.pronounObjects where object + pronoun.count <= tokens.count
                && tokens[object..<(object + pronoun.count)].map(\.text) == pronoun {
                // The pronoun must end its phrase: "send it to us", "send that too", not "send it's".
                let after = object + pronoun.count
                let ends = after >= tokens.count || tokens[after].sentence != tokens[index].sentence
                    || tokens[after].clause != tokens[index].clause || grammar.pronounEnders.contains(tokens[after].text)
                // "send it to you": the team sends.
                let toCustomer = after + 1 < tokens.count && grammar.customerSubjects.contains(tokens[after + 1].text) && tokens[after].text == "to"
                guard ends, !toCustomer else { continue }
                let sentenceStart = sentenceStart(tokens[index].sentence) ?? 0
                let head = tokens[max(sentenceStart, index - 8)...index].filter { $0.clause == tokens[index].clause }.map(\.text)
                if (isModalRequest(index) || isImperativeHead(ArraySlice(head))) && !head.contains(where: grammar.negations.contains) {
                    result.append((index, object..<(object + pronoun.count), false))
                }
                break
            }
        }
        return result
    }
}

/// Where a reply sends the customer: a private route (DM, email, phone, a form or link) or a public answer.
public struct Routes: Sendable {
    let privateWords: Set<String>
    let privatePhrases: [[String]]
    let publicPhrases: [[String]]
    /// Words that, next to a public-answer phrase, point somewhere private instead: "the link below".
    let publicExceptions: Set<String>
    /// Just before a public-answer phrase, these make it point at something: "using the below…".
    let publicPointers: Set<String>
    /// Verbs that are a private channel themselves: "email your order details to…", "text your postcode to…".
    let routeVerbs: Set<String>
    let routeVerbObjects: Set<String>
    /// Words that may stand before a verb that starts a request ("please", "you", "and").
    let verbLeaders: Set<String>
    /// "we", "I": a route phrase after these is the team's own action ("we can contact our team").
    let teamSubjects: Set<String>
    /// Words just before a link that offer it as something to read, not a way to reach the team.
    let articleCues: Set<String>
    let readingLinkLeaders, readingLinkTopics, routeLinkLeaders: Set<String>
    let pastLeaders: [[String]]
    /// The language's team mailboxes, team-number cues and calling verbs: a team contact written out is a route.
    let contacts: ContactWords

    init(_ language: LanguageWords) {
        privateWords = language.words("private-route-words")
        privatePhrases = language.phrases("private-route-phrases")
        publicPhrases = language.phrases("public-answer-phrases")
        publicExceptions = language.words("public-answer-exceptions")
        publicPointers = language.words("public-answer-pointers")
        routeVerbs = language.words("private-route-verbs")
        routeVerbObjects = language.words("verb-objects").union(language.words("determiners"))
        verbLeaders = language.words("softeners").union(language.words("clause-starters")).union(language.words("pleas"))
        teamSubjects = language.words("route-team-subjects")
        articleCues = language.words("article-link-cues")
        readingLinkLeaders = language.words("reading-link-leaders")
        readingLinkTopics = language.words("reading-link-topics")
        routeLinkLeaders = language.words("route-link-leaders")
        pastLeaders = language.phrases("route-past-leaders")
        contacts = ContactWords(language)
    }

    /// Whether `text` as a whole offers the customer a private way to send data: a DM, email, phone,
    /// a form or a link (a URL or `{{dm_link}}`).
    public func offersPrivateRoute(_ text: String) -> Bool {
        if text.containsBytes("{{dm_link}}") || text.containsBytes("{{ dm_link }}") || containsRouteLink(text) { return true }
        // A team mailbox or phone line written out ("email help@…", "call 1-800-…", "call 311") is a route too.
        if PersonalDataLiterals.containsContact(text, contacts: contacts) { return true }
        return namesPrivateRoute(PersonalDataText.words(text))
    }

    /// "the email you used to message us": a route named after these is a past contact, not a way offered now.
    func isPastContact(_ words: [String], before start: Int) -> Bool {
        pastLeaders.contains { leader in start >= leader.count && Array(words[(start - leader.count)..<start]) == leader }
    }

    func namesPrivateRoute(_ words: [String]) -> Bool {
        for (index, word) in words.enumerated() {
            if privateWords.contains(word) && !isPastContact(words, before: index) {
                // "6 pm" is a time, not a private message.
                if word == "pm" && index > 0 && words[index - 1].allSatisfy(\.isNumber) { continue }
                return true
            }
            // "email your order details to…", "if you text your postcode to 61201": the verb is the channel.
            if routeVerbs.contains(word), index + 1 < words.count, routeVerbObjects.contains(words[index + 1]),
               index == 0 || verbLeaders.contains(words[index - 1]), !isPastContact(words, before: index) { return true }
        }
        if words.contains("d") && words.contains("m") { return true }  // "D.M."
        return privatePhrases.contains { phrase in
            Self.occurrences(of: phrase, in: words).contains { start in
                // "we can contact our team": the team's own action, not a way for the customer to reach it.
                !words[max(0, start - 2)..<start].contains(where: teamSubjects.contains) && !isPastContact(words, before: start)
            }
        }
    }

    func invitesPublicAnswer(_ words: [String]) -> Bool {
        publicPhrases.contains { phrase in
            Self.occurrences(of: phrase, in: words).contains { start in
                // "the link below", "using the below link": a pointer to a private route, not a public answer.
                !words[max(0, start - 2)..<min(words.count, start + phrase.count + 2)].contains(where: publicExceptions.contains)
                    // "DM your card number using the below... https://…": "the below" points, even when what it names is cut off.
                    && !(start > 0 && publicPointers.contains(words[start - 1]))
            }
        }
    }

    /// Where `phrase` starts in `words`.
    static func occurrences(of phrase: [String], in words: [String]) -> [Int] {
        guard let first = phrase.first, words.count >= phrase.count else { return [] }
        var result: [Int] = []
        // Compared in place, first word first: this runs for every route phrase on every reply that asks for something.
        outer: for start in 0...(words.count - phrase.count) where words[start] == first {
            var offset = 1
            while offset < phrase.count {
                if words[start + offset] != phrase[offset] { continue outer }
                offset += 1
            }
            result.append(start)
        }
        return result
    }

    /// A link given as a way to reach the team: any link, except one offered as something to read
    /// ("For now, try: https://…/PlaybackHelp", "we recommend this article: …").
    func containsRouteLink(_ text: String) -> Bool {
        let written = text.containsBytes("http://") || text.containsBytes("https://") || text.containsBytes("www.")
        let scalars = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        let ranges = TwitterURLExtractor.urlRanges(in: scalars)
        if ranges.isEmpty { return written }
        return ranges.contains { range in
            let before = String(String.UnicodeScalarView(scalars[max(0, range.lowerBound - 40)..<range.lowerBound]))
            let wordsBefore = PersonalDataText.words(before)
            // "…see what we can suggest 🔍 /DB https://t.co/…": after the agent's initials the link is the reply's own
            // (a DM link), not one offered as reading by the words before them.
            if Self.endsWithInitials(before) { return true }
            // "Click here https://… for cabin baggage policy", "Do refer at https://… for your guidance": reading.
            let after = String(String.UnicodeScalarView(scalars[range.upperBound..<min(scalars.count, range.upperBound + 40)]))
            let tail = PersonalDataText.words(after).prefix(5)
            let sentAlong = wordsBefore.last.map(routeLinkLeaders.contains) ?? false
            if !sentAlong, let first = tail.first, readingLinkLeaders.contains(first), tail.dropFirst().contains(where: readingLinkTopics.contains) { return false }
            return !wordsBefore.suffix(4).contains(where: articleCues.contains)
        }
    }

    /// Whether `text` ends with an agent's initials after "/" or "^" ("… /DB ", "… ^JD"), then only spaces.
    static func endsWithInitials(_ text: String) -> Bool {
        let trimmed = text.unicodeScalars.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        let initials = trimmed.prefix { $0.properties.isUppercase }
        let rest = trimmed.dropFirst(initials.count)
        guard (1...4).contains(initials.count), let mark = rest.first, mark == "/" || mark == "^" else { return false }
        // "… /DB", "^JD" at the start; not "FAQ/TV", "Mac/PC", "T/C", "N/A".
        guard let before = rest.dropFirst().first else { return true }
        return before == " " || before == "\n" || before == "\t"
    }

    /// A link of any kind: `https://…`, `www.…`, or a short link such as `t.co/abc`.
    static func containsURL(_ text: String) -> Bool {
        if text.containsBytes("http://") || text.containsBytes("https://") || text.containsBytes("www.") { return true }
        return !TwitterURLExtractor.urlRanges(in: Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)).isEmpty
    }
}

/// How one language words a request for data: the lists of Resources/words-<code>.txt as sets.
/// A class: it is read on every token, and a struct of fifty sets would be copied with each read.
final class RequestGrammar: Sendable {
    let requestVerbs, nonImperativeVerbs, verbsNeedingObject, verbObjects, pleas, softeners, softenersThatAsk: Set<String>
    let teamSubjects, customerSubjects, clauseStarters, negations, sentenceNegations, breakers, questionCopulas: Set<String>
    let reportedAskers: Set<String>
    let postalPinLeaders: Set<String>
    let paymentWords: Set<String>
    let askingThings: Set<String>
    let determiners, listWords, questionWords, needVerbs, needFillers, partOfWords, modals, modalSubjects, modalVerbs, modalPronounVerbs, modalQuestionWords: Set<String>
    let bareQuestionFillers, keepVerbs, keepAdjectives, hereWords, pastSuffixes: Set<String>
    let owners, emailOwners, emailNotDataNext, emailDataNext, addressKinds, messageDeterminers, messageVerbs: Set<String>
    let detailOwners, othersOwners, bareNumberOwners, bareNumberNotNext, numberNotNext: Set<String>
    let possessives, brandNumberWords, publicNumbers, places, placeLinks, senderWords: Set<String>
    let messageHandlingVerbs, areaWords, itemPrefixes: Set<String>
    let emailDataDeterminers, emailExplicitWords, bareAddressWords, purposeLeaders: Set<String>
    let pronounRequestVerbs, pronounObjectFillers, pronounEnders, requestGerunds, gerundLeaders: Set<String>
    let willingness, conditionalLeaders, verbsAfterSubject, placeBackReferences: Set<String>
    let selfServiceVerbs, selfServiceLeaders, selfServicePlaces, topicPronouns: Set<String>
    let proximityWords, birthdayOwners, anotherWords, yesNoLeaders, abilityModals: Set<String>
    let givingVerbs, givingObjects, bareDocumentNext, articles, objectPronouns, destinationWords: Set<String>
    let anyWords, anyQuestionPurposes, typedInVerbs, kindQuestionWords: Set<String>
    let changeVerbs, changingVerbs, changeVerbLeaders, droppedSubjectModals, droppedSubjectLeaders: Set<String>
    let privacyReasons: [[String]]
    /// "w/o" → "without": first word → second word → the word they stand for.
    let slashAbbreviations: [String: [String: String]]
    let havePronounQuestions, existenceQuestions, documentLeaders: [[String]]
    /// Every word the grammar gives a part to ("Please", "Share", "Your"): never the name of a brand.
    let functionWords: Set<String>
    let haveQuestions, conditionalNegations, listPhrases, needPhrases, detailsAfter, cameFrom, pronounObjects: [[String]]
    /// Verbs that ask only with a companion word: "let" with "know" ("let us know your…").
    let verbsNeedingCompanion: [String: Set<String>]
    let routes: Routes

    init(_ language: LanguageWords) {
        let words = language.words
        requestVerbs = words("request-verbs")
        nonImperativeVerbs = words("non-imperative-verbs")
        verbsNeedingObject = words("verbs-needing-object")
        verbObjects = words("verb-objects")
        pleas = words("pleas")
        softeners = words("softeners")
        softenersThatAsk = words("softeners-that-ask")
        teamSubjects = words("team-subjects")
        customerSubjects = words("customer-subjects")
        clauseStarters = words("clause-starters")
        negations = words("negations")
        sentenceNegations = words("sentence-negations")
        breakers = words("breakers")
        reportedAskers = words("reported-askers")
        postalPinLeaders = words("postal-pin-leaders")
        paymentWords = words("payment-words")
        askingThings = words("asking-things")
        questionCopulas = words("question-copulas")
        determiners = words("determiners")
        listWords = words("list-words")
        questionWords = words("question-words")
        needVerbs = words("need-verbs")
        needFillers = words("need-fillers")
        partOfWords = words("part-of-words")
        modals = words("modals")
        modalSubjects = words("modal-subjects")
        modalVerbs = words("modal-verbs")
        modalPronounVerbs = words("modal-pronoun-verbs")
        modalQuestionWords = words("modal-question-words")
        bareQuestionFillers = words("bare-question-fillers")
        keepVerbs = words("keep-verbs")
        keepAdjectives = words("keep-adjectives")
        hereWords = words("here-words")
        pastSuffixes = words("past-suffixes")
        owners = words("owners")
        emailOwners = words("email-owners")
        emailNotDataNext = words("email-not-data-next")
        emailDataNext = words("email-data-next")
        addressKinds = words("address-kinds")
        messageDeterminers = words("message-determiners")
        messageVerbs = words("message-verbs")
        detailOwners = words("details-owners")
        othersOwners = words("others-owners")
        bareNumberOwners = words("bare-number-owners")
        bareNumberNotNext = words("bare-number-not-next")
        numberNotNext = words("count-words")
        possessives = words("possessives")
        brandNumberWords = words("brand-number-words")
        publicNumbers = words("public-numbers")
        places = words("places")
        placeLinks = words("place-links")
        senderWords = words("sender-words")
        messageHandlingVerbs = words("message-handling-verbs")
        itemPrefixes = words("item-prefixes")
        areaWords = words("area-words")
        emailDataDeterminers = words("email-data-determiners")
        emailExplicitWords = words("email-explicit-words")
        bareAddressWords = words("bare-address-words")
        purposeLeaders = words("purpose-leaders")
        pronounRequestVerbs = words("pronoun-request-verbs")
        pronounObjectFillers = words("pronoun-object-fillers")
        pronounEnders = words("pronoun-enders")
        requestGerunds = words("request-gerunds")
        gerundLeaders = words("gerund-leaders")
        willingness = words("willingness")
        conditionalLeaders = words("conditional-leaders")
        verbsAfterSubject = words("verbs-after-subject")
        placeBackReferences = words("place-back-references")
        selfServiceVerbs = words("self-service-verbs")
        selfServiceLeaders = words("self-service-leaders")
        selfServicePlaces = words("self-service-places")
        topicPronouns = words("topic-pronouns")
        proximityWords = words("proximity-words")
        birthdayOwners = words("birthday-owners")
        anotherWords = words("another-words")
        yesNoLeaders = words("yes-no-leaders")
        abilityModals = words("ability-modals")
        givingVerbs = words("giving-verbs")
        givingObjects = words("giving-objects")
        bareDocumentNext = words("bare-document-next")
        articles = words("articles")
        objectPronouns = words("object-pronouns")
        destinationWords = words("destination-words")
        anyWords = words("any-words")
        anyQuestionPurposes = words("any-question-purposes")
        typedInVerbs = words("typed-in-verbs")
        kindQuestionWords = words("kind-question-words")
        changeVerbs = words("change-verbs")
        changingVerbs = words("changing-verbs")
        changeVerbLeaders = words("change-verb-leaders")
        droppedSubjectModals = words("dropped-subject-modals")
        droppedSubjectLeaders = words("dropped-subject-leaders")
        privacyReasons = language.phrases("privacy-reasons")
        var abbreviations: [String: [String: String]] = [:]
        for (phrase, meaning) in language.pairs("slash-abbreviations") {
            let halves = phrase.lowercased().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty, !meaning.isEmpty else { continue }
            abbreviations[halves[0], default: [:]][halves[1]] = meaning.lowercased()
        }
        slashAbbreviations = abbreviations
        havePronounQuestions = language.phrases("have-pronoun-questions")
        existenceQuestions = language.phrases("existence-questions")
        documentLeaders = language.phrases("document-leaders")
        haveQuestions = language.phrases("have-questions")
        conditionalNegations = language.phrases("conditional-negations")
        listPhrases = language.phrases("list-phrases")
        needPhrases = language.phrases("need-phrases")
        detailsAfter = language.phrases("details-after")
        cameFrom = language.phrases("came-from")
        pronounObjects = language.phrases("pronoun-objects").sorted { $0.count > $1.count }
        var companions: [String: Set<String>] = [:]
        for phrase in language.phrases("verbs-needing-companion") where phrase.count >= 2 {
            companions[phrase[0], default: []].formUnion(phrase.dropFirst())
        }
        verbsNeedingCompanion = companions
        functionWords = requestVerbs.union(softeners).union(teamSubjects).union(customerSubjects).union(clauseStarters).union(negations)
            .union(breakers).union(determiners).union(listWords).union(questionWords).union(needVerbs).union(modals).union(pleas)
            .union(possessives).union(verbObjects).union(requestGerunds)
        routes = Routes(language)
    }
}
