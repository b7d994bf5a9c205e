// The words of one language that the text rules read, from Resources/words-<code>.txt: personal-data
// items, how requests and routes are worded, tone phrases, and what the language looks like.
//
// Rules never hold these words in code: another language is another file with the same sections
// (and its code in `LanguageWords.codes`, `resource(_:)` and `embedded(_:)`).

public struct LanguageWords: Sendable {
    /// The language's code: "en".
    public let code: String
    /// Every list, by section name, with `(a|b)` alternatives expanded (trimmed).
    let entries: [String: [String]]
    /// Every list, by section name, exactly as written (alternatives not expanded): what the docs show.
    let written: [String: [String]]
    /// Every list, by section name, as lower-case word sequences (`#` a word of its own).
    let phrases: [String: [[String]]]
    /// Single-word lists as sets, for the hot paths; a multi-word entry is kept joined by spaces.
    let sets: [String: Set<String>]
    /// Items of personal data, in the order written.
    public let items: [PersonalDataItem]
    /// The sections' names (not items), in the order written.
    public let sectionNames: [String]

    /// A section's entries, alternatives expanded.
    public func strings(_ section: String) -> [String] { entries[section] ?? [] }
    /// A section's entries as written in the file, `(a|b)` alternatives kept: for the docs.
    public func writtenStrings(_ section: String) -> [String] { written[section] ?? [] }
    /// A section's entries as word sequences.
    func phrases(_ section: String) -> [[String]] { phrases[section] ?? [] }
    /// A section's entries as a set of lower-case words (multi-word entries joined by spaces).
    func words(_ section: String) -> Set<String> { sets[section] ?? [] }
    /// A section of `phrase => instead` entries.
    public func pairs(_ section: String, asWritten: Bool = false) -> [(phrase: String, instead: String)] {
        (asWritten ? writtenStrings(section) : strings(section)).map { entry in
            guard let arrow = entry.range(of: "=>") else { return (entry, "") }
            return (String(entry[..<arrow.lowerBound]).trimmingWhitespace, String(entry[arrow.upperBound...]).trimmingWhitespace)
        }
    }

    /// Reads a language file; with `only`, just those sections (the rest are skipped, never expanded).
    init(code: String, text: String, only: Set<String>? = nil) {
        self.code = code
        var entries: [String: [String]] = [:]
        var written: [String: [String]] = [:]
        var order: [String] = []
        var items: [PersonalDataItem] = []
        var section = ""
        var itemHeader: (id: String, kind: PersonalDataItem.Kind, name: String)?
        var itemPhrases: [[String]] = []
        func closeItem() {
            if let header = itemHeader { items.append(PersonalDataItem(id: header.id, name: header.name, kind: header.kind, phrases: itemPhrases)) }
            itemHeader = nil
            itemPhrases = []
        }
        // Split on the newline byte: Character-level splitting (grapheme breaking) was a tenth of a
        // one-reply `render`, which reads the whole file at start-up. The files are LF-only UTF-8.
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n")).map(Substring.init) {
            let line = String(rawLine).trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                closeItem()
                let header = line.dropFirst().dropLast().split(separator: " ").map(String.init)
                section = header.first ?? ""
                if section != "item" && !order.contains(section) { order.append(section) }
                if section == "item", header.count >= 4 {
                    itemHeader = (header[1], header[2] == "secret" ? .secret : .personal, header[3...].joined(separator: " "))
                }
                continue
            }
            if let only, !only.contains(section) { continue }
            let lineEntries = line.containsBytes("=>") ? [line] : line.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
            for entry in lineEntries {
                if itemHeader != nil {
                    itemPhrases += Self.expand(entry).map(PersonalDataText.words).filter { !$0.isEmpty }
                } else {
                    entries[section, default: []].append(contentsOf: Self.expand(entry))
                    written[section, default: []].append(entry)
                }
            }
        }
        closeItem()
        self.entries = entries
        self.written = written
        // `phrase => instead` entries are read as pairs, never as word sequences: not split into words.
        self.phrases = entries.mapValues { $0.filter { !$0.containsBytes("=>") }.map(PersonalDataText.words).filter { !$0.isEmpty } }
        self.sets = self.phrases.mapValues { Set($0.map { $0.joined(separator: " ") }) }
        self.items = items
        self.sectionNames = order
    }

    /// "(order|booking) (number|#)" → "order number", "order #", "booking number", "booking #".
    static func expand(_ entry: String) -> [String] {
        guard entry.contains("(") else { return [entry] }
        // Choices are made group by group, the first group outermost; spaces are tidied once at the end
        // (a Spanish stock phrase may stand for a thousand phrasings).
        var results = [""]
        var rest = Substring(entry)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let head = rest[..<open]
            let alternatives = rest[rest.index(after: open)..<close].split(separator: "|")
            results = results.flatMap { prefix in alternatives.map { prefix + head + $0 } }
            rest = rest[rest.index(after: close)...]
        }
        if results == [""] { return [entry] }
        return results.map { ($0 + rest).split(separator: " ").joined(separator: " ") }
    }

    /// English, the default locale's language.
    public static let english = LanguageWords(code: "en", text: resource("en")!)

    /// Spanish: `es`, `es-MX`, `es-US`, `es-ES`…
    public static let spanish = LanguageWords(code: "es", text: resource("es")!)

    /// The codes of the languages whose words ship inside the binary. A third language is one more code
    /// here and one more line in `resource(_:)` and `embedded(_:)`.
    static let codes = ["en", "es"]

    /// A language's file, as text.
    static func resource(_ code: String) -> String? {
        switch code {
        case "en": String(decoding: PackageResources.words_en_txt, as: UTF8.self)
        case "es": String(decoding: PackageResources.words_es_txt, as: UTF8.self)
        default: nil
        }
    }

    /// A language's words, read the first time they are asked for: a library in one language never reads another's.
    static func embedded(_ code: String) -> LanguageWords? {
        switch code {
        case "en": english
        case "es": spanish
        default: nil
        }
    }

    /// The words for a locale ("en-US", "en_GB", "en"), or nil when ReplyLint has none for its language.
    public static func forLocale(_ locale: String) -> LanguageWords? {
        embedded(LanguageGuess.code(ofLocale: locale))
    }

    /// One section of every language's file, read without the rest of each file (fill-in markers are
    /// looked for in every language, and must not cost a library the reading of every language).
    static func everyLanguage(_ sections: Set<String>) -> [LanguageWords] {
        codes.compactMap { code in resource(code).map { LanguageWords(code: code, text: $0, only: sections) } }
    }
}
