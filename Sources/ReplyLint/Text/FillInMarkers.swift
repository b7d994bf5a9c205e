// Hand fill-in markers left in a reply — `[NAME]`, `XXX`, `<insert date>`, `{name}`, `%FIRST_NAME%`, `____` —
// and the empty greeting ("Hi ,") an unfilled value leaves behind.

public enum FillInMarkers {
    public struct Match: Sendable, Hashable {
        /// Offsets in Unicode scalars into the scanned text.
        public var range: Range<Int>
        public var text: String
    }

    /// Words that make bracketed text a fill-in rather than an aside like "[UPDATE]" or "[sic]".
    static let fillWords = LanguageWords.english.words("fill-in-words")
    /// Capitalised compounds written as one word: REPONAME, USERNAME, ORDERID (head + tail).
    static let compoundHeads = LanguageWords.english.words("fill-in-compound-heads")
    static let compoundTails = LanguageWords.english.words("fill-in-compound-tails")
    /// `<b>`, `<br>`: HTML, not a fill-in. Any language.
    static let htmlTags: Set<String> = [
        "a", "b", "i", "u", "s", "p", "br", "hr", "em", "strong", "span", "div", "ul", "ol", "li", "img", "small", "big", "sup", "sub",
        "code", "pre", "kbd", "samp", "var", "blockquote", "q", "cite", "abbr", "mark", "del", "ins", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "td", "th", "details", "summary", "figure", "figcaption", "picture", "source", "video", "audio",
        "section", "article", "header", "footer", "nav", "main", "aside", "font", "center", "dl", "dt", "dd", "wbr", "tt", "strike", "html",
        "body", "head", "title", "meta", "link", "script", "style", "iframe", "form", "input", "button", "label", "select", "option", "textarea",
    ]

    public static func first(in text: String) -> Match? { find(in: text).first }

    public static func find(in text: String) -> [Match] {
        let scalars = Array(text.unicodeScalars)
        var matches: [Match] = []
        var index = 0
        func add(_ start: Int, _ end: Int) {
            matches.append(Match(range: start..<end, text: String(String.UnicodeScalarView(scalars[start..<end]))))
            index = end
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "[", "<":
                let close: Unicode.Scalar = scalar == "[" ? "]" : ">"
                if let end = closing(close, from: index + 1, in: scalars, limit: 40) {
                    let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                    // `<<name>>`: look inside the doubled bracket.
                    let content = inner.hasPrefix("<") ? String(inner.dropFirst()) : inner
                    if isFillIn(content) || scalar == "<" && isBracketedName(content) {
                        add(index, min(scalars.count, end + (inner.hasPrefix("<") && end + 1 < scalars.count && scalars[end + 1] == ">" ? 2 : 1)))
                        continue
                    }
                }
            case "{":
                // `{name}` with single braces; `{{name}}` is a real placeholder.
                let previous = index > 0 ? scalars[index - 1] : " "
                if previous != "{", index + 1 < scalars.count, scalars[index + 1] != "{",
                   let end = closing("}", from: index + 1, in: scalars, limit: 40),
                   end + 1 >= scalars.count || scalars[end + 1] != "}" {
                    let content = scalars[(index + 1)..<end]
                    if let first = content.first, first.isLetterLike || first == "_",
                       content.allSatisfy({ $0.isLetterOrDigit || $0 == "_" || $0 == "." || $0 == " " }) {
                        add(index, end + 1)
                        continue
                    }
                }
            case "#":
                // `#NUMBER`, `#ISSUE_ID`: a number to fill in, not a hashtag (#NHS) or a real one (#123).
                var end = index + 1
                while end < scalars.count && (scalars[end].isUppercaseLetter || scalars[end] == "_" || scalars[end].isDigitLike) { end += 1 }
                let word = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if end - index > 2, end >= scalars.count || !scalars[end].isLetterLike, word.first?.isLetter == true,
                   word.contains("_") || fillWords.contains(word.lowercased()) {
                    add(index, end)
                    continue
                }
            case "%":
                if let end = closing("%", from: index + 1, in: scalars, limit: 30), end - index > 2,
                   scalars[(index + 1)..<end].allSatisfy({ ($0.isLetterLike && $0.isASCII) || $0 == "_" }),
                   scalars[(index + 1)..<end].contains(where: { $0.properties.isUppercase || $0 == "_" }) {
                    add(index, end + 1)
                    continue
                }
            case "_":
                var end = index
                while end < scalars.count && scalars[end] == "_" { end += 1 }
                if end - index >= 3 {
                    add(index, end)
                    continue
                }
                index = end
                continue
            default:
                if isWordStart(scalars, index) {
                    var end = index
                    while end < scalars.count && (scalars[end].isLetterOrDigit) { end += 1 }
                    // XXX, TODO, TBD, FIXME: checked on the scalars, without building a string per word.
                    let run = scalars[index..<end]
                    let isXs = run.count >= 3 && run.allSatisfy { $0 == "X" }
                    let isNote = run.count <= 5 && run.allSatisfy(\.isUppercaseLetter) && ["TODO", "TBD", "FIXME"].contains(String(String.UnicodeScalarView(run)))
                    // FIRST_NAME, ORDER_ID, REPONAME: a name for what to fill in, written in capitals.
                    var wordEnd = end
                    while wordEnd < scalars.count && (scalars[wordEnd].isUppercaseLetter || scalars[wordEnd] == "_" || scalars[wordEnd].isDigitLike) { wordEnd += 1 }
                    // Checked on the scalars first: most words are not five capitals long, and need no string.
                    if wordEnd - index >= 5, scalars[index..<wordEnd].allSatisfy({ $0.isUppercaseLetter || $0 == "_" || $0.isDigitLike }),
                       wordEnd >= scalars.count || !scalars[wordEnd].isLetterLike,
                       !isQueryValue(at: index, in: scalars), isCapitalisedName(String(String.UnicodeScalarView(scalars[index..<wordEnd]))) {
                        add(index, wordEnd)
                        continue
                    }
                    if isXs || isNote {
                        add(index, end)
                        continue
                    }
                    index = max(end, index + 1)
                    continue
                }
            }
            index += 1
        }
        return matches
    }

    static func isFillIn(_ content: String) -> Bool {
        let trimmed = content.trimmingWhitespace
        if trimmed.isEmpty || trimmed == "..." || trimmed == "…" { return !content.isEmpty }
        guard trimmed.unicodeScalars.contains(where: { $0.isLetterLike }) else { return false }
        let words = trimmed.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return words.contains { fillWords.contains($0) } || (trimmed.contains("_") && trimmed == trimmed.uppercased())
    }

    /// `<reporter>`, `<customer name>`: one to three plain words in angle brackets, as teams write a
    /// blank by hand; not an HTML tag (`<b>`, `</p>`), a link (`<https://…>`) or a heart (`<3`).
    static func isBracketedName(_ content: String) -> Bool {
        guard let first = content.unicodeScalars.first, first.isLetterLike,
              content.unicodeScalars.allSatisfy({ $0.isLetterOrDigit || $0 == "_" || $0 == "-" || $0 == " " || $0 == "." }) else { return false }
        let words = content.split(separator: " ")
        guard (1...3).contains(words.count), let tag = words.first?.lowercased() else { return false }
        return !htmlTags.contains(tag)
    }

    /// A word in a link's query or fragment (`?clk=SWARES_CHGBTN`): a code the site reads, not a blank.
    static func isQueryValue(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var back = index - 1
        while back >= 0 && !(scalars[back] == " " || scalars[back] == "\n" || scalars[back] == "\t") {
            if scalars[back] == "?" || scalars[back] == "=" || scalars[back] == "&" || scalars[back] == "#" { return true }
            back -= 1
        }
        return false
    }

    /// `FIRST_NAME`, `ORDER_ID` (capitals joined by "_"), or a known head and tail run together (`REPONAME`,
    /// `USERNAME`, `ORDERID`): not an acronym (NHS) or a shouted word (PAID, UPDATE).
    static func isCapitalisedName(_ word: String) -> Bool {
        guard word.count >= 5, word.unicodeScalars.allSatisfy({ $0.isUppercaseLetter || $0 == "_" || $0.isDigitLike }) else { return false }
        let lower = word.lowercased()
        if word.contains("_") {
            let parts = lower.split(separator: "_")
            return parts.count >= 2 && parts.allSatisfy { $0.count >= 2 && $0.unicodeScalars.contains(where: \.isLetterLike) }
        }
        return compoundTails.contains { tail in
            lower.hasSuffix(tail) && compoundHeads.contains(String(lower.dropLast(tail.count)))
        }
    }

    private static func closing(_ close: Unicode.Scalar, from start: Int, in scalars: [Unicode.Scalar], limit: Int) -> Int? {
        var index = start
        while index < scalars.count && index - start <= limit {
            if scalars[index] == close { return index }
            if scalars[index] == "\n" { return nil }
            index += 1
        }
        return nil
    }

    private static func isWordStart(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        let scalar = scalars[index]
        guard scalar.isLetterLike else { return false }
        return index == 0 || !(scalars[index - 1].isLetterOrDigit)
    }

    static let greetings = LanguageWords.english.strings("empty-greetings")

    /// A line that opens with a greeting and then punctuation where the name should be ("Hi ,", "Dear ,").
    public static func emptyGreeting(in text: String) -> String? {
        for line in text.split(separator: "\n") {
            // Only the opening words matter; lower-casing a whole long line is wasted work.
            guard let first = line.unicodeScalars.first, first.isLetterLike else { continue }
            let lower = line.prefix(40).lowercased()
            for greeting in greetings where lower.hasPrefix(greeting) {
                let rest = lower.dropFirst(greeting.count)
                let afterSpaces = rest.drop { $0 == " " || $0 == "\t" }
                guard let next = afterSpaces.first, ",.!:;".contains(next) else { continue }
                // "Hi," is a plain greeting; "Hi ," is a name that went missing. "Dear," always is.
                if afterSpaces.count < rest.count || greeting == "dear" {
                    return String(line.prefix(greeting.count + (rest.count - afterSpaces.count) + 1))
                }
            }
        }
        return nil
    }
}
