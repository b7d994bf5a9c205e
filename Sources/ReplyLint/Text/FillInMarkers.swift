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
                    if isFillIn(content) {
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
