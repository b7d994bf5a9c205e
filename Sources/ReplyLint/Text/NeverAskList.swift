// A moderation policy's "We will never ask for" list, read as extra items `personal-data-never` enforces.

import Foundation

public enum NeverAskList {
    static func isNeverAskSection(_ section: PolicySection) -> Bool {
        let slug = "-" + section.heading.slug + "-"
        return slug.contains("-never-ask") || section.id == "never-ask" || section.id == "we-will-never-ask-for"
    }

    /// What splits one list item into several: the language's "or" and "and", and "/" and ";".
    static let separators = LanguageWords.english.strings("list-separators").map { " \($0) " } + ["/", ";"]

    /// Each list item, split at "or", "and" and commas: "Your password or PIN" gives "password" and "PIN".
    public static func items(in policies: [PolicyDocument]) -> [String] {
        var result: [String] = []
        for policy in policies where policy.kind == .moderation {
            for section in policy.sections where isNeverAskSection(section) {
                for item in section.listItems {
                    var text = item.text
                    // "Security code (CVV)" names two things.
                    text = text.replacingOccurrences(of: "(", with: ",").replacingOccurrences(of: ")", with: ",")
                    for separator in separators { text = text.replacingOccurrences(of: separator, with: ",") }
                    result += text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
                }
            }
        }
        return result
    }
}
