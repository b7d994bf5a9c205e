// Splitting prose into sentences: after `.`, `!` or `?` and a space, when what follows starts a sentence.

public enum Sentences {
    /// Words a full stop follows without ending the sentence ("e.g.", "Mr.", "a.m.", "No. 5").
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "eg", "ie", "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "v", "inc", "ltd", "co", "corp",
        "a.m", "p.m", "am", "pm", "approx", "dept", "gov", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "sr", "jr", "prof", "rev", "ave", "rd", "art", "sec", "para", "cf", "al", "ext", "tel", "fig", "op",
    ]

    /// The sentences of `text`, trimmed, in order; a text with no sentence end is one sentence.
    public static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "." || scalar == "!" || scalar == "?" else {
                index = scalars.index(after: index)
                continue
            }
            // Closing quotes and brackets stay with the sentence they close.
            var end = scalars.index(after: index)
            while end < scalars.endIndex, "\"'”’)]".unicodeScalars.contains(scalars[end]) { end = scalars.index(after: end) }
            var next = end
            while next < scalars.endIndex, scalars[next].properties.isWhitespace { next = scalars.index(after: next) }
            guard next > end, next < scalars.endIndex, startsSentence(scalars[next]),
                  scalar != "." || !isAbbreviation(before: index, in: scalars, from: start) else {
                index = scalars.index(after: index)
                continue
            }
            appendTrimmed(text[start..<end], to: &result)
            start = next
            index = next
        }
        appendTrimmed(text[start..<scalars.endIndex], to: &result)
        return result
    }

    private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUppercase || ("0"..."9").contains(scalar) || "\"'“‘(*•-[¿¡".unicodeScalars.contains(scalar)
    }

    /// Whether the word before a full stop is an abbreviation or a single letter (an initial).
    private static func isAbbreviation(before dot: String.UnicodeScalarView.Index, in scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index) -> Bool {
        var wordStart = dot
        while wordStart > start {
            let previous = scalars.index(before: wordStart)
            let scalar = scalars[previous]
            guard scalar.properties.isAlphabetic || scalar == "." else { break }
            wordStart = previous
        }
        let word = String(String.UnicodeScalarView(scalars[wordStart..<dot])).lowercased()
        if word.isEmpty { return false }
        if word.unicodeScalars.count == 1 { return true }
        return abbreviations.contains(word)
    }

    private static func appendTrimmed(_ sentence: Substring, to result: inout [Substring]) {
        var trimmed = sentence
        while let first = trimmed.unicodeScalars.first, first.properties.isWhitespace { trimmed = trimmed.dropFirst() }
        while let last = trimmed.unicodeScalars.last, last.properties.isWhitespace { trimmed = trimmed.dropLast() }
        if !trimmed.isEmpty { result.append(trimmed) }
    }
}
