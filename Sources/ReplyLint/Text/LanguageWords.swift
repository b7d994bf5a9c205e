// The words of one language that the text rules read, from Resources/words-<code>.txt: personal-data
// items, how requests and routes are worded, tone phrases, and what the language looks like.
//
// Rules never hold these words in code: a second language is a second file with the same sections
// (and one line in `LanguageWords.embedded`).

public struct LanguageWords: Sendable {
    /// The language's code: "en".
    public let code: String
    /// Every list, by section name, as written (trimmed).
    let entries: [String: [String]]
    /// Every list, by section name, as lower-case word sequences (`#` a word of its own).
    let phrases: [String: [[String]]]
    /// Single-word lists as sets, for the hot paths; a multi-word entry is kept joined by spaces.
    let sets: [String: Set<String>]
    /// Items of personal data, in the order written.
    public let items: [PersonalDataItem]
    /// The sections' names (not items), in the order written.
    public let sectionNames: [String]

    /// A section's entries as written.
    public func strings(_ section: String) -> [String] { entries[section] ?? [] }
    /// A section's entries as word sequences.
    func phrases(_ section: String) -> [[String]] { phrases[section] ?? [] }
    /// A section's entries as a set of lower-case words (multi-word entries joined by spaces).
    func words(_ section: String) -> Set<String> { sets[section] ?? [] }
    /// A section of `phrase => instead` entries.
    public func pairs(_ section: String) -> [(phrase: String, instead: String)] {
        strings(section).map { entry in
            guard let arrow = entry.range(of: "=>") else { return (entry, "") }
            return (String(entry[..<arrow.lowerBound]).trimmingWhitespace, String(entry[arrow.upperBound...]).trimmingWhitespace)
        }
    }

    init(code: String, text: String) {
        self.code = code
        var entries: [String: [String]] = [:]
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
        for rawLine in text.split(whereSeparator: \.isNewline) {
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
            let lineEntries = line.contains("=>") ? [line] : line.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
            for entry in lineEntries {
                if itemHeader != nil {
                    itemPhrases += Self.expand(entry).map(PersonalDataText.words).filter { !$0.isEmpty }
                } else {
                    entries[section, default: []].append(contentsOf: Self.expand(entry))
                }
            }
        }
        closeItem()
        self.entries = entries
        self.phrases = entries.mapValues { $0.map(PersonalDataText.words).filter { !$0.isEmpty } }
        self.sets = self.phrases.mapValues { Set($0.map { $0.joined(separator: " ") }) }
        self.items = items
        self.sectionNames = order
    }

    /// "(order|booking) (number|#)" → "order number", "order #", "booking number", "booking #".
    static func expand(_ entry: String) -> [String] {
        guard let open = entry.firstIndex(of: "("), let close = entry[open...].firstIndex(of: ")") else { return [entry] }
        let head = String(entry[..<open])
        let tail = String(entry[entry.index(after: close)...])
        return entry[entry.index(after: open)..<close].split(separator: "|").flatMap { alternative in
            expand(head + alternative + tail)
        }.map { $0.split(separator: " ").joined(separator: " ") }
    }

    /// English, the language every rule falls back to.
    public static let english = LanguageWords(code: "en", text: String(decoding: PackageResources.words_en_txt, as: UTF8.self))

    /// The languages whose words ship inside the binary, by code.
    static let embedded: [String: LanguageWords] = ["en": english]

    /// The words for a locale ("en-US", "en_GB", "en"), or nil when ReplyLint has none for its language.
    public static func forLocale(_ locale: String) -> LanguageWords? {
        let code = locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return embedded[code]
    }
}
