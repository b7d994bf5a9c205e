// Personal data written out in a reply: email addresses, phone numbers, card numbers, national ID numbers.

public struct PersonalDataLiteral: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case email = "an email address"
        case phone = "a phone number"
        case card = "a card number"
        case nationalID = "a national ID number"
    }

    public var kind: Kind
    public var range: Range<Int>
    public var text: String
}

public enum PersonalDataLiterals {
    /// Mailbox names that belong to a team, not a person.
    static let roleMailboxes = Set(LanguageWords.english.strings("role-mailboxes").map { $0.lowercased() })
    /// Words shortly before a number that make it the team's own line ("call us on …", "our helpline").
    static let teamNumberCues = LanguageWords.english.words("team-number-cues")
    /// "call 311", "ring us": a verb of calling and the team or a service number after it.
    static let callVerbs = LanguageWords.english.words("call-verbs")
    static let callTargets = LanguageWords.english.words("call-targets")

    /// Whether `text` gives the team's own contact: a role mailbox (help@…), a toll-free or
    /// short number, or a number introduced as the team's ("call us on …").
    public static func containsContact(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (at, scalar) in scalars.enumerated() where scalar == "@" && at > 0 && isLocal(scalars[at - 1]) {
            var start = at
            while start > 0 && isLocal(scalars[start - 1]) { start -= 1 }
            if roleMailboxes.contains(String(String.UnicodeScalarView(scalars[start..<at])).lowercased()) { return true }
        }
        let words = PersonalDataText.words(text)
        for (index, word) in words.enumerated() where callVerbs.contains(word) && index + 1 < words.count {
            if callTargets.contains(words[index + 1]) { return true }
        }
        var index = 0
        while index < scalars.count {
            guard scalars[index].value >= 48 && scalars[index].value <= 57 else { index += 1; continue }
            var end = index
            var digits = ""
            while end < scalars.count && (scalars[end].value >= 48 && scalars[end].value <= 57 || " -.()".unicodeScalars.contains(scalars[end])) {
                if scalars[end].value >= 48 && scalars[end].value <= 57 { digits.unicodeScalars.append(scalars[end]) }
                end += 1
            }
            if digits.count >= 10 && isTollFree(digits) { return true }
            if digits.count >= 10 && Self.words(before: index, in: scalars).contains(where: teamNumberCues.contains) { return true }
            index = end + 1
        }
        return false
    }

    public static func find(in text: String) -> [PersonalDataLiteral] {
        let scalars = Array(text.unicodeScalars)
        var result: [PersonalDataLiteral] = []
        result += emails(scalars)
        result += numbers(scalars)
        result += nationalInsuranceNumbers(scalars)
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.isASCII && (scalar.isLetterOrDigit)) || "._%+-".unicodeScalars.contains(scalar)
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.isASCII && (scalar.isLetterOrDigit)) || scalar == "-" || scalar == "."
    }

    static func emails(_ scalars: [Unicode.Scalar]) -> [PersonalDataLiteral] {
        var result: [PersonalDataLiteral] = []
        for (at, scalar) in scalars.enumerated() where scalar == "@" {
            var start = at
            while start > 0 && isLocal(scalars[start - 1]) { start -= 1 }
            var end = at + 1
            while end < scalars.count && isDomain(scalars[end]) { end += 1 }
            while end > at + 1 && scalars[end - 1] == "." { end -= 1 }
            guard start < at, end > at + 1 else { continue }
            let local = String(String.UnicodeScalarView(scalars[start..<at])).lowercased()
            let domain = String(String.UnicodeScalarView(scalars[(at + 1)..<end]))
            let labels = domain.split(separator: ".")
            guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { continue }
            if roleMailboxes.contains(local) { continue }
            result.append(PersonalDataLiteral(kind: .email, range: start..<end, text: local + "@" + domain))
        }
        return result
    }

    /// Runs of digits with the separators people write in phone and card numbers.
    static func numbers(_ scalars: [Unicode.Scalar]) -> [PersonalDataLiteral] {
        var result: [PersonalDataLiteral] = []
        var index = 0
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
        while index < scalars.count {
            let first = scalars[index]
            guard isDigit(first) || (first == "+" && index + 1 < scalars.count && isDigit(scalars[index + 1])) || (first == "(" && index + 1 < scalars.count && isDigit(scalars[index + 1])) else {
                index += 1
                continue
            }
            // Part of a word, an id or an amount ("A123", "#12345", "$1,000"): skip the whole run.
            if index > 0, let previous = Optional(scalars[index - 1]),
               previous.isLetterLike || isDigit(previous) || "#$£€/:.@_".unicodeScalars.contains(previous) {
                // Always step past the first character: it may be "(" or "+", neither digit nor letter.
                index += 1
                while index < scalars.count && (isDigit(scalars[index]) || scalars[index].isLetterLike) { index += 1 }
                continue
            }
            var end = index
            var digits = ""
            var separators = 0
            while end < scalars.count {
                let scalar = scalars[end]
                if isDigit(scalar) {
                    digits.unicodeScalars.append(scalar)
                } else if " -.()+".unicodeScalars.contains(scalar), end + 1 < scalars.count,
                          isDigit(scalars[end + 1]) || (scalar == ")" && scalars[end + 1] == " ") || (scalar == " " && scalars[end + 1] == "(") {
                    if scalar != "+" { separators += 1 }
                } else if scalar == ")" && !digits.isEmpty {
                    separators += 1
                } else {
                    break
                }
                end += 1
            }
            defer { index = max(end, index + 1) }
            if end < scalars.count, scalars[end].isLetterLike { continue }
            let text = String(String.UnicodeScalarView(scalars[index..<end])).trimmingWhitespace
            if let kind = classify(digits: digits, text: text, separators: separators, before: words(before: index, in: scalars)) {
                result.append(PersonalDataLiteral(kind: kind, range: index..<(index + text.unicodeScalars.count), text: text))
            }
        }
        return result
    }

    static func classify(digits: String, text: String, separators: Int, before: [String]) -> PersonalDataLiteral.Kind? {
        if isSSN(text) { return .nationalID }
        if (13...19).contains(digits.count), luhnValid(digits) { return .card }
        // International numbers with +; otherwise North American (10, or 11 with a leading 1) and UK (11 with a leading 0).
        if text.hasPrefix("+") {
            guard (10...15).contains(digits.count) else { return nil }
        } else {
            guard separators > 0, digits.count == 10 || (digits.count == 11 && (digits.hasPrefix("1") || digits.hasPrefix("0"))) else { return nil }
        }
        if isTollFree(digits) || before.contains(where: teamNumberCues.contains) { return nil }
        return .phone
    }

    /// UK National Insurance numbers: two letters, six digits, a letter A–D, spaces optional ("AB 12 34 56 C").
    static func nationalInsuranceNumbers(_ scalars: [Unicode.Scalar]) -> [PersonalDataLiteral] {
        func isUpper(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 65 && scalar.value <= 90 }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
        var result: [PersonalDataLiteral] = []
        var index = 0
        while index + 8 < scalars.count {
            defer { index += 1 }
            guard isUpper(scalars[index]), index == 0 || !scalars[index - 1].isLetterLike, index + 1 < scalars.count, isUpper(scalars[index + 1]) else { continue }
            var cursor = index + 2
            var digits = 0
            while cursor < scalars.count && digits < 6 {
                if isDigit(scalars[cursor]) { digits += 1 } else if scalars[cursor] != " " { break }
                cursor += 1
            }
            guard digits == 6 else { continue }
            while cursor < scalars.count && scalars[cursor] == " " { cursor += 1 }
            guard cursor < scalars.count, "ABCD".unicodeScalars.contains(scalars[cursor]),
                  cursor + 1 == scalars.count || !scalars[cursor + 1].isLetterLike else { continue }
            let text = String(String.UnicodeScalarView(scalars[index...cursor]))
            result.append(PersonalDataLiteral(kind: .nationalID, range: index..<(cursor + 1), text: text))
            index = cursor
        }
        return result
    }

    static func isSSN(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts.map(\.count) == [3, 2, 4], parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return false }
        return parts[0] != "000" && parts[0] != "666" && !parts[0].hasPrefix("9") && parts[1] != "00" && parts[2] != "0000"
    }

    static func luhnValid(_ digits: String) -> Bool {
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            guard var digit = character.wholeNumberValue else { return false }
            if offset % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0 && Set(digits).count > 1
    }

    /// North American toll-free (1-800 and the like) and UK freephone / non-geographic numbers.
    static func isTollFree(_ digits: String) -> Bool {
        let national = digits.hasPrefix("1") && digits.count == 11 ? String(digits.dropFirst()) : digits
        if ["800", "888", "877", "866", "855", "844", "833"].contains(String(national.prefix(3))) { return true }
        if digits.hasPrefix("0800") || digits.hasPrefix("0808") || digits.hasPrefix("03") || digits.hasPrefix("44800") || digits.hasPrefix("443") { return true }
        return false
    }

    private static func words(before index: Int, in scalars: [Unicode.Scalar]) -> [String] {
        let start = max(0, index - 40)
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        return Array(PersonalDataText.words(text).suffix(5))
    }
}
