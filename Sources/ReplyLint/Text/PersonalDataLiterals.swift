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

/// The words of one language that tell a team's contact from a person's (Resources/words-<code>.txt).
public struct ContactWords: Sendable {
    /// Mailbox names that belong to a team, not a person: the language's and English's (help@, support@
    /// are team mailboxes in any language).
    let roleMailboxes: Set<String>
    /// Words shortly before a number that make it the team's own line ("call us on …", "our helpline").
    let teamNumberCues: Set<String>
    /// "call 311", "ring us": a verb of calling and the team or a service number after it.
    let callVerbs: Set<String>
    let callTargets: Set<String>
    /// "email claims@… with your tracking number", "send an e-mail to …": writing to an address is a private
    /// route, whoever's mailbox it is.
    let emailVerbs: Set<String>
    /// "we have your email jane@… on file": after these, "email" names the address, not a way to write.
    let emailOwners: Set<String>
    /// Digit counts of a national number beyond North America's and the UK's: Spain's 9.
    let nationalLengths: Set<Int>

    init(_ language: LanguageWords) {
        let english = language.code == "en" ? language : LanguageWords.english
        roleMailboxes = Set((language.strings("role-mailboxes") + (english.code == language.code ? [] : english.strings("role-mailboxes"))).map { $0.lowercased() })
        teamNumberCues = language.words("team-number-cues")
        callVerbs = language.words("call-verbs")
        callTargets = language.words("call-targets")
        emailVerbs = language.words("email-verbs")
        emailOwners = language.words("email-owners")
        nationalLengths = Set(language.strings("phone-national-lengths").compactMap { Int($0) })
    }

    public static let english = ContactWords(.english)
}

public enum PersonalDataLiterals {
    /// Whether `text` gives the team's own contact: a role mailbox (help@…), a toll-free or
    /// short number, or a number introduced as the team's ("call us on …").
    public static func containsContact(_ text: String, contacts: ContactWords = .english) -> Bool {
        let roleMailboxes = contacts.roleMailboxes, callVerbs = contacts.callVerbs, callTargets = contacts.callTargets
        let teamNumberCues = contacts.teamNumberCues
        let scalars = Array(text.unicodeScalars)
        for (at, scalar) in scalars.enumerated() where scalar == "@" && at > 0 && isLocal(scalars[at - 1]) {
            var start = at
            while start > 0 && isLocal(scalars[start - 1]) { start -= 1 }
            if roleMailboxes.contains(String(String.UnicodeScalarView(scalars[start..<at])).lowercased()) { return true }
            if Self.writesTo(Self.words(before: start, in: scalars), contacts: contacts) { return true }
        }
        // Public reply corpora redact every address as `__email__`; after a verb of emailing it is still a route.
        if text.containsBytes("__email__") {
            let redaction = Array("__email__".unicodeScalars)
            for start in 0..<max(0, scalars.count - redaction.count + 1) where scalars[start] == "_" && Array(scalars[start..<(start + redaction.count)]) == redaction {
                if Self.writesTo(Self.words(before: start, in: scalars), contacts: contacts) { return true }
            }
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

    public static func find(in text: String, contacts: ContactWords = .english) -> [PersonalDataLiteral] {
        let scalars = Array(text.unicodeScalars)
        var result: [PersonalDataLiteral] = []
        result += emails(scalars, roleMailboxes: contacts.roleMailboxes)
        result += numbers(scalars, contacts: contacts)
        result += nationalInsuranceNumbers(scalars)
        result += spanishIDs(scalars)
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// "email claims@…", "send an e-mail to …": a verb of writing in the last three words before an address, not
    /// "your email jane@…" (the address named, not a way to write).
    private static func writesTo(_ before: [String], contacts: ContactWords) -> Bool {
        let recent = Array(before.suffix(3))
        guard let verb = recent.lastIndex(where: contacts.emailVerbs.contains) else { return false }
        return !(verb > 0 && contacts.emailOwners.contains(recent[verb - 1]))
    }

    private static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.isASCII && (scalar.isLetterOrDigit)) || "._%+-".unicodeScalars.contains(scalar)
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.isASCII && (scalar.isLetterOrDigit)) || scalar == "-" || scalar == "."
    }

    static func emails(_ scalars: [Unicode.Scalar], roleMailboxes: Set<String>) -> [PersonalDataLiteral] {
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
    static func numbers(_ scalars: [Unicode.Scalar], contacts: ContactWords) -> [PersonalDataLiteral] {
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
            if let kind = classify(digits: digits, text: text, separators: separators, before: words(before: index, in: scalars), contacts: contacts) {
                result.append(PersonalDataLiteral(kind: kind, range: index..<(index + text.unicodeScalars.count), text: text))
            }
        }
        return result
    }

    static func classify(digits: String, text: String, separators: Int, before: [String], contacts: ContactWords) -> PersonalDataLiteral.Kind? {
        if isSSN(text) { return .nationalID }
        if (13...19).contains(digits.count), luhnValid(digits) { return .card }
        // International numbers with +; otherwise North American (10, or 11 with a leading 1) and UK (11 with a leading 0).
        if text.hasPrefix("+") {
            guard (10...15).contains(digits.count) else { return nil }
        } else {
            // A national length of the reply's language: "612 345 678" in Spain (not 800 or 900 freephone).
            let national = contacts.nationalLengths.contains(digits.count) && "6789".contains(digits.first ?? "0")
                && !digits.hasPrefix("80") && !digits.hasPrefix("90")
            guard separators > 0, national || digits.count == 10 || (digits.count == 11 && (digits.hasPrefix("1") || digits.hasPrefix("0"))) else { return nil }
        }
        if isTollFree(digits) || before.contains(where: contacts.teamNumberCues.contains) { return nil }
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

    /// Mexico's CURP (18 characters: four letters, a birth date, H or M, five letters, a character and a digit) and
    /// Spain's DNI and NIE (eight digits or X/Y/Z and seven digits, then the check letter that matches them).
    static func spanishIDs(_ scalars: [Unicode.Scalar]) -> [PersonalDataLiteral] {
        func isUpper(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 65 && scalar.value <= 90 }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
        var result: [PersonalDataLiteral] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].isLetterOrDigit, index == 0 || !scalars[index - 1].isLetterOrDigit else { index += 1; continue }
            var end = index
            while end < scalars.count && scalars[end].isLetterOrDigit { end += 1 }
            defer { index = end }
            // Only a word of 18 (a CURP) or 9 (a DNI, an NIE) can be one: no other word is copied.
            guard end - index == 18 || end - index == 9 else { continue }
            let word = Array(scalars[index..<end])
            let text = String(String.UnicodeScalarView(word))
            if word.count == 18, word[0..<4].allSatisfy(isUpper), word[4..<10].allSatisfy(isDigit), word[10] == "H" || word[10] == "M",
               word[11..<16].allSatisfy(isUpper), isUpper(word[16]) || isDigit(word[16]), isDigit(word[17]) {
                result.append(PersonalDataLiteral(kind: .nationalID, range: index..<end, text: text))
            } else if word.count == 9, isUpper(word[8]) {
                var number = String(String.UnicodeScalarView(word[0..<8]))
                // An NIE's X, Y or Z stands for 0, 1 or 2.
                if let first = number.first, let digit = ["X": "0", "Y": "1", "Z": "2"][first] { number = digit + number.dropFirst() }
                guard number.allSatisfy(\.isNumber), let value = Int(number) else { continue }
                let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE")
                if Character(word[8]) == letters[value % 23] {
                    result.append(PersonalDataLiteral(kind: .nationalID, range: index..<end, text: text))
                }
            }
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
