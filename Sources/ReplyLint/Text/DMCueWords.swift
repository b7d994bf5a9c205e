// The words dm-link-missing reads around a cue, one language at a time (see Language.dmCueWords).

/// The words around a DM cue that decide whether it invites the customer to write (Resources/words-<code>.txt).
struct DMCueWords: Sendable {
    let needOwner, needLeader: [String: Set<String>]
    /// "Si no te va bien, escríbenos por MD": a condition, not a negation.
    let conditionalNegations: [[String]]
    let notAfterOwned, routeObjects, customerOwned, articles, customerPronouns, negations, past, statementPrepositions, teamSubjects, invitations: Set<String>

    init(_ language: LanguageWords) {
        func pairs(_ section: String) -> [String: Set<String>] {
            var result: [String: Set<String>] = [:]
            for (cue, words) in language.pairs(section) {
                result[PersonalDataText.words(cue).joined(separator: " "), default: []].formUnion(words.split(separator: ",").map { String($0).trimmingWhitespace.lowercased() })
            }
            return result
        }
        needOwner = pairs("dm-cues-needing-owner")
        needLeader = pairs("dm-cues-needing-leader")
        conditionalNegations = language.phrases("dm-conditional-negations")
        notAfterOwned = language.words("dm-not-after-owned")
        routeObjects = language.words("dm-route-objects")
        customerOwned = language.words("dm-customer-owned")
        articles = language.words("dm-articles")
        customerPronouns = language.words("dm-customer-pronouns")
        negations = language.words("dm-negations")
        past = language.words("dm-past")
        statementPrepositions = language.words("dm-statement-prepositions")
        teamSubjects = language.words("dm-team-subjects")
        invitations = language.words("dm-invitations")
    }

}
