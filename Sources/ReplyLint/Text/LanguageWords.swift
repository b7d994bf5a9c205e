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
    ///
    /// The file is read as UTF-8 bytes: a one-reply `render` reads the whole English file at start-up, and
    /// Character-level splitting, trimming and joining were most of that render's time. The files use only
    /// ASCII spaces and line feeds between words, so bytes give the same entries (`LanguageWordsTests` checks
    /// every entry of every shipped file against a reading by whole Characters).
    init(code: String, text: String, only: Set<String>? = nil) {
        self.code = code
        var entries: [String: [String]] = [:]
        var written: [String: [String]] = [:]
        var order: [String] = []
        var named = Set<String>()
        var items: [PersonalDataItem] = []
        var section = ""
        // The section being read, gathered here and stored when the next one starts: one dictionary write a
        // section rather than two an entry.
        var sectionEntries: [String] = []
        var sectionWritten: [String] = []
        func closeSection() {
            if !sectionWritten.isEmpty {
                entries[section, default: []].append(contentsOf: sectionEntries)
                written[section, default: []].append(contentsOf: sectionWritten)
            }
            sectionEntries.removeAll(keepingCapacity: true)
            sectionWritten.removeAll(keepingCapacity: true)
        }
        var itemHeader: (id: String, kind: PersonalDataItem.Kind, name: String)?
        var itemPhrases: [[String]] = []
        func closeItem() {
            if let header = itemHeader { items.append(PersonalDataItem(id: header.id, name: header.name, kind: header.kind, phrases: itemPhrases)) }
            itemHeader = nil
            itemPhrases = []
        }
        let bytes = Array(text.utf8)
        // Each entry is handed on as it is found: no array of lines, of a line's pieces or of an entry's
        // phrasings (an entry without alternatives is most of them), which were most of the allocations here.
        func add(_ entry: String) {
            if itemHeader != nil {
                Self.forEachPhrasing(of: entry) { phrasing in
                    let words = PersonalDataText.words(phrasing)
                    if !words.isEmpty { itemPhrases.append(words) }
                }
            } else {
                Self.forEachPhrasing(of: entry) { sectionEntries.append($0) }
                sectionWritten.append(entry)
            }
        }
        Self.forEachTrimmedLine(bytes) { line in
            guard let first = line.first, first != UInt8(ascii: "#") else { return }
            if first == UInt8(ascii: "[") && line.last == UInt8(ascii: "]") {
                closeItem()
                closeSection()
                let header = String(decoding: line.dropFirst().dropLast(), as: UTF8.self).split(separator: " ").map(String.init)
                section = header.first ?? ""
                if section != "item" && named.insert(section).inserted { order.append(section) }
                if section == "item", header.count >= 4 {
                    itemHeader = (header[1], header[2] == "secret" ? .secret : .personal, header[3...].joined(separator: " "))
                }
                return
            }
            if let only, !only.contains(section) { return }
            if Self.containsArrow(line) {
                add(String(decoding: line, as: UTF8.self))
                return
            }
            var start = line.startIndex
            while start <= line.endIndex {
                let end = line[start...].firstIndex(of: UInt8(ascii: ",")) ?? line.endIndex
                let entry = Self.trimmed(line[start..<end])
                if !entry.isEmpty { add(String(decoding: entry, as: UTF8.self)) }
                start = end + 1
            }
        }
        closeItem()
        closeSection()
        self.entries = entries
        self.written = written
        // `phrase => instead` entries are read as pairs, never as word sequences: not split into words.
        let phrases = entries.mapValues { $0.filter { !$0.containsBytes("=>") }.map(PersonalDataText.words).filter { !$0.isEmpty } }
        self.phrases = phrases
        self.sets = phrases.mapValues { Set($0.map { $0.count == 1 ? $0[0] : $0.joined(separator: " ") }) }
        self.items = items
        self.sectionNames = order
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Spaces, tabs and line ends off both ends (as `trimmingWhitespace`).
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && isBlank(bytes[start]) { start += 1 }
        while end > start && isBlank(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// Calls `body` with each of the file's lines, trimmed, empty ones left out.
    private static func forEachTrimmedLine(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = trimmed(bytes[start..<end])
            if !line.isEmpty { body(line) }
            start = end + 1
        }
    }

    private static func containsArrow(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        while index + 1 < line.endIndex {
            if line[index] == UInt8(ascii: "=") && line[index + 1] == UInt8(ascii: ">") { return true }
            index += 1
        }
        return false
    }

    /// "(order|booking) (number|#)" → "order number", "order #", "booking number", "booking #".
    static func expand(_ entry: String) -> [String] {
        var results: [String] = []
        forEachPhrasing(of: entry) { results.append($0) }
        return results
    }

    /// Calls `body` with each phrasing of `entry`, in `expand`'s order, without an array of them: the reader hands
    /// each one on as it comes (an entry without alternatives is most of them, and is handed on as it is).
    static func forEachPhrasing(of entry: String, _ body: (String) -> Void) {
        guard entry.utf8.contains(UInt8(ascii: "(")) else { return body(entry) }
        let bytes = Array(entry.utf8)
        // The groups, each with the text before it; the first group's choice changes slowest.
        var groups: [(head: ArraySlice<UInt8>, alternatives: [ArraySlice<UInt8>])] = []
        var rest = bytes[...]
        while let open = rest.firstIndex(of: UInt8(ascii: "(")), let close = rest[open...].firstIndex(of: UInt8(ascii: ")")) {
            groups.append((rest[..<open], bytes[(open + 1)..<close].split(separator: UInt8(ascii: "|"))))
            rest = bytes[(close + 1)...]
        }
        if groups.isEmpty { return body(entry) }
        if groups.contains(where: { $0.alternatives.isEmpty }) { return }
        // Each phrasing is written once into one buffer, with one space between words and none at the ends
        // (a Spanish stock phrase may stand for a thousand phrasings; building each from the one before, and
        // splitting and joining its words, were most of reading the English words, which `render` waits for).
        var choice = [Int](repeating: 0, count: groups.count)
        var tidy: [UInt8] = []
        tidy.reserveCapacity(bytes.count)
        var space = false
        func add(_ part: ArraySlice<UInt8>) {
            for byte in part {
                if byte == 0x20 {
                    space = !tidy.isEmpty
                } else {
                    if space { tidy.append(0x20) }
                    space = false
                    tidy.append(byte)
                }
            }
        }
        while true {
            tidy.removeAll(keepingCapacity: true)
            space = false
            for (index, group) in groups.enumerated() {
                add(group.head)
                add(group.alternatives[choice[index]])
            }
            add(rest)
            body(String(decoding: tidy, as: UTF8.self))
            var index = groups.count - 1
            while index >= 0 {
                choice[index] += 1
                if choice[index] < groups[index].alternatives.count { break }
                choice[index] = 0
                index -= 1
            }
            if index < 0 { return }
        }
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

    /// Some sections of every language's file, read without the rest of each file (fill-in markers are
    /// looked for in every language, and must not cost a library the reading of every language) — except
    /// English's, which every command that reads words reads whole: its sections are taken from that.
    static func everyLanguage(_ sections: Set<String>) -> [LanguageWords] {
        codes.compactMap { code in code == "en" ? english : resource(code).map { LanguageWords(code: code, text: $0, only: sections) } }
    }
}
