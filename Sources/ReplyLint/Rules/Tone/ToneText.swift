// The text the tone rules read, and the helpers they share for placing findings.

import Foundation

enum ToneText {
    /// The reply's words: every placeholder tag blanked out, `{{dm_link}}` too, offsets kept.
    /// Computed once per reply for all the tone rules, and not stored in the reply: most replies
    /// have no tag left after the privacy masking, and a second copy cost memory at 100,000 replies.
    static func prose(_ reply: Reply, _ context: LintContext) -> String {
        guard reply.proseKeepsTags else { return reply.prose }
        return context.shared("tone.prose", for: reply) { TemplateMasking.blankTags(in: reply.body, keepingDMLink: false) }
    }

    /// The tone prose read into words and sentences once, for every rule that reads it. Most replies have
    /// no `{{dm_link}}`, and their tone prose is the privacy rules' text: both then share one reading
    /// (PrivacyText.text), which is also what the language guess reads.
    static func text(_ reply: Reply, _ context: LintContext) -> PersonalDataText {
        guard reply.proseKeepsTags else { return PrivacyText.text(of: reply, context) }
        return context.shared("tone.text", for: reply) { PersonalDataText(prose(reply, context)) }
    }

    /// The scalars of the tone prose.
    static func scalars(_ reply: Reply, _ context: LintContext) -> [Unicode.Scalar] { text(reply, context).scalars }

    /// The words of the tone prose, for the rules that match phrases.
    static func tokens(_ reply: Reply, _ context: LintContext) -> [PersonalDataText.Token] { text(reply, context).tokens }

    /// Findings for scalar ranges of `reply`'s body.
    static func findings<R: Rule>(_ rule: R.Type, _ items: [(message: String, range: Range<Int>)], in reply: Reply) -> [Finding] {
        findings(rule, items.map { Rewrite(message: $0.message, range: $0.range) }, in: reply)
    }

    /// A finding's message, range, and the rewrite of its range if there is one: applied by `--fix`
    /// when `safe` (it reads right in place), otherwise only offered as a suggestion.
    struct Rewrite {
        var message: String
        var range: Range<Int>
        var replacement: String?
        var safe = false
    }

    static func findings<R: Rule>(_ rule: R.Type, _ items: [Rewrite], in reply: Reply) -> [Finding] {
        let positions = PrivacyText.positions(of: items.map(\.range), in: reply)
        return zip(items, positions).map { item, position in
            var finding = R.finding(item.message, in: reply, at: position.0, end: position.1)
            if let replacement = item.replacement, position.0.line == position.1.line {
                let rewrite = Fix(range: TextRange(start: position.0, end: position.1), replacement: replacement)
                if item.safe { finding.fix = rewrite } else { finding.suggestion = rewrite }
            }
            return finding
        }
    }

    /// Whether scalars `range` of `text` stand as a sentence of their own: nothing but a greeting
    /// ("Hi {{customer.first_name}},") before them in their sentence, and the sentence ends after them.
    /// A clause such as "we apologize for any inconvenience" can then be swapped for "sorry about this".
    static func isWholeSentence(_ range: Range<Int>, in scalars: [Unicode.Scalar], openers: [String]) -> Bool {
        var before = range.lowerBound
        while before > 0, scalars[before - 1] == " " || scalars[before - 1] == "\t" { before -= 1 }
        var startsSentence = before == 0 || ".!?\n¡¿".unicodeScalars.contains(scalars[before - 1])
        if !startsSentence, scalars[before - 1] == "," {
            // "Hi Ana, we apologize …": the sentence so far is a greeting.
            var start = before - 1
            while start > 0, !".!?\n".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
            let opening = FastText.string(scalars[start..<(before - 1)]).lowercased().trimmingCharacters(in: .whitespaces)
            startsSentence = openers.contains { opening == $0 || opening.hasPrefix($0 + " ") }
        }
        var after = range.upperBound
        while after < scalars.count, scalars[after] == " " || scalars[after] == "\t" { after += 1 }
        let endsSentence = after == scalars.count || ".!?\n".unicodeScalars.contains(scalars[after])
        return startsSentence && endsSentence
    }

    /// Reference notes for the docs, one paragraph per language ReplyLint has words for, English first.
    static func perLanguage(_ describe: (Language) -> String?) -> String {
        Language.all.compactMap { language in
            describe(language).map { "**\(Language.name(of: language.code)):** " + $0 }
        }.joined(separator: "\n\n")
    }
}
