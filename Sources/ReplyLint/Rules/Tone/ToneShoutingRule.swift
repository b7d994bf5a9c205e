// tone-shouting: words in capitals beyond acronyms.

public struct ToneShoutingRule: Rule {
    public static let description = RuleDescription(
        id: "tone-shouting", severity: .warning, category: .tone,
        summary: "Words written in capitals (beyond acronyms and names) read as shouting.",
        rationale: "Capitals read as raised voices, and are harder to read. Use words (\"really\", \"only\") or reword for emphasis.",
        options: [
            RuleOption("acronyms", default: .strings([]), "more capitalised words that are fine (product names, place codes)"),
            RuleOption("min-length", default: .int(3), "shorter capitalised words are never reported"),
        ],
        blindSpots: [
            "A single capitalised word that is not a common emphasis word (NOT, NEVER, FREE…) is taken for a name or acronym (XFINITY, AMD) and left alone; two or more in a row are shouting.",
            "An initials sign-off (^JD) is `tone-signoff`'s, not shouting, and a fill-in marker in capitals ([INSERT NAME], <PROJECT NAME>, ORDER_NUMBER) is `fill-in-marker`'s.",
            "The emphasis words and acronyms of the reply's language are used (its `locale`, else the configured one), with the acronyms every language shares.",
        ],
        notes: "**Known acronyms** (every language): \(TonePhrases.sharedAcronyms.sorted().joined(separator: ", ")).\n\n"
            + ToneText.perLanguage { language in
                let own = language.words.strings("acronyms")
                return own.isEmpty ? nil : "also known acronyms: " + Set(own.map { $0.uppercased() }).sorted().joined(separator: ", ") + "."
            } + "\n\n**Emphasis words** (reported even alone):\n\n"
            + ToneText.perLanguage { language in
                language.tone.emphasis.isEmpty ? nil : language.tone.emphasis.sorted().joined(separator: ", ") + "."
            },
        triggering: [
            Example("Hi {{customer.first_name}}, this is ↓NOT how we want your day to go."),
            Example("↓PLEASE CALL US before you put the bin out."),
            Example("Hola {{customer.first_name}}, la recolección es ↓SOLO los martes.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, ↓POR FAVOR LLÁMENOS antes de acudir a la oficina.", locale: "es-US"),
        ],
        nonTriggering: [
            Example("Hi {{customer.first_name}}, please DM us your ZIP code and we'll check the FAQ for you: {{dm_link}}"),
            // A fill-in marker in capitals is one problem, reported by fill-in-marker.
            Example("Hi {{customer.first_name}}, your new password is [INSERT GENERATED PASSWORD]."),
            // Agencies and documents are acronyms, not shouting.
            Example("Hola {{customer.first_name}}, para la cita en el IMSS lleva tu CURP y tu INE.", locale: "es-MX"),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let extra = Set(context.strings("acronyms", of: Self.description).map { $0.uppercased() })
        let minimum = context.int("min-length", of: Self.description) ?? 3
        let text = ToneText.prose(reply, context)
        let tone = context.language(of: reply).tone
        var shouted = Self.shoutedWords(in: ToneText.scalars(reply, context), minimum: minimum, allowed: extra, tone: tone)
        guard !shouted.isEmpty else { return [] }
        // Initials (^JD) are tone-signoff's finding, not shouting; a fill-in marker in capitals
        // ([INSERT GENERATED PASSWORD], <PROJECT NAME>) is fill-in-marker's: one finding per problem.
        if let signoff = ToneSignoffRule.initials(in: ToneText.scalars(reply, context), tone: tone) {
            shouted.removeAll { signoff.overlaps($0.range) }
        }
        let markers = FillInMarkers.find(in: text).map(\.range)
        if !markers.isEmpty {
            shouted.removeAll { word in markers.contains { $0.overlaps(word.range) } }
        }
        guard let first = shouted.first else { return [] }
        let words = shouted.prefix(5).map(\.word).joined(separator: ", ")
        return ToneText.findings(Self.self, [("\(words) in capitals reads as shouting; write \(shouted.count == 1 ? "it" : "them") in lower case", first.range)], in: reply)
    }

    /// Capitalised words that shout: an emphasis word on its own ("NOT"), or a run of two or more
    /// capitalised words ("PLEASE CALL US"); a lone unknown one is a name or acronym.
    static func shoutedWords(in scalars: [Unicode.Scalar], minimum: Int, allowed: Set<String>, tone: TonePhrases) -> [(word: String, range: Range<Int>)] {
        let candidates = capitalised(in: scalars, minimum: minimum, allowed: allowed, tone: tone)
        var result: [(word: String, range: Range<Int>)] = []
        for (index, candidate) in candidates.enumerated() {
            func adjacent(_ other: (word: String, range: Range<Int>)?) -> Bool {
                guard let other else { return false }
                let gap = other.range.lowerBound > candidate.range.upperBound
                    ? scalars[candidate.range.upperBound..<other.range.lowerBound] : scalars[other.range.upperBound..<candidate.range.lowerBound]
                return gap.allSatisfy { $0 == " " || $0 == "," }
            }
            let previous = index > 0 ? candidates[index - 1] : nil
            let next = index + 1 < candidates.count ? candidates[index + 1] : nil
            // A run of short unknown capitals is codes ("LAS JFK"); a run with a longer word shouts.
            let run = [previous, candidate, next].compactMap { $0 }.filter { $0.range == candidate.range || adjacent($0) }
            let runShouts = run.count > 1 && run.contains { $0.word.count >= 5 || tone.emphasis.contains($0.word.uppercased()) }
            if tone.emphasis.contains(candidate.word.uppercased()) || runShouts {
                result.append(candidate)
            }
        }
        return result
    }

    static func capitalised(in scalars: [Unicode.Scalar], minimum: Int, allowed: Set<String>, tone: TonePhrases) -> [(word: String, range: Range<Int>)] {
        var result: [(String, Range<Int>)] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].isLetterLike else { index += 1; continue }
            var end = index
            while end < scalars.count && (scalars[end].isLetterOrDigit || scalars[end] == "'") { end += 1 }
            let previous = index > 0 ? scalars[index - 1] : " "
            // Only capitalised words are turned into strings: most words are not.
            let letterCount = scalars[index..<end].lazy.filter(\.isLetterLike).count
            let allCaps = scalars[index..<end].allSatisfy { !$0.isLetterLike || $0.isUppercaseLetter }
            let hasDigit = scalars[index..<end].contains { $0.isDigitLike }
            if allCaps, !hasDigit, letterCount >= min(minimum, 2), previous != "#", previous != "@", previous != "$" {
                let word = FastText.string(scalars[index..<end])
                if letterCount >= minimum || tone.emphasis.contains(word),
                   !tone.acronyms.contains(word.uppercased()), !allowed.contains(word.uppercased()) {
                    result.append((word, index..<end))
                }
            }
            index = end
        }
        return result
    }
}
