// Top-level domains that twitter-text recognises when it extracts URLs.
//
// The lists are data, in Resources/tlds.txt (its header names the source, twitter-text's
// conformance/tld_lib.yml, and the licence); SwiftPM embeds the file, and it is read once, at
// first use.

enum TLDs {
    /// Generic TLDs (`generic:` in tld_lib.yml), lower case.
    static let generic: Set<String> = lists["generic"] ?? []

    /// Country-code TLDs (`country:` in tld_lib.yml), lower case.
    static let country: Set<String> = lists["country"] ?? []

    /// Both lists, by heading, read from the embedded file.
    private static let lists: [String: Set<String>] = parse(String(decoding: PackageResources.tlds_txt, as: UTF8.self))

    /// The longest TLD, in Unicode scalars: no candidate longer than this needs a lookup.
    static let maxScalarCount: Int = max(generic.lazy.map(\.unicodeScalars.count).max() ?? 0, country.lazy.map(\.unicodeScalars.count).max() ?? 0)

    /// Every scalar that occurs in some TLD, so a scanner can stop extending a candidate as soon
    /// as it meets one that no TLD contains.
    private static let nonASCIIScalars: Set<UInt32> = Set(generic.union(country).flatMap { tld in
        tld.unicodeScalars.lazy.filter { !$0.isASCII }.map(\.value)
    })

    /// Whether some TLD contains `scalar` (ASCII letters in either case).
    static func mayContain(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return nonASCIIScalars.contains(scalar.value) }
        let lower = URLCharacterClass.asciiLowercased(scalar)
        return lower >= 0x61 && lower <= 0x7A
    }

    /// The lookup key for a candidate: ASCII letters lower-cased. twitter-text's regex is
    /// case-insensitive for ASCII only (Java's `CASE_INSENSITIVE` without `UNICODE_CASE`), so `.COM`
    /// is a TLD while other scripts compare as written (and `String` compares them canonically).
    static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars {
            let value = scalar.value
            view.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        }
        return String(view)
    }

    /// `heading:` lines start a list, `#` lines are comments, every other line is one TLD. The file
    /// ships inside the binary; twitter-text's conformance tests check every TLD in it is found.
    /// Read as UTF-8 bytes (line feeds, carriage returns): every run that measures a reply with a dot in it reads
    /// the file first, and splitting it into Characters was a few milliseconds of a pre-commit run.
    static func parse(_ text: String) -> [String: Set<String>] {
        var lists: [String: Set<String>] = [:]
        var current = ""
        for line in text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            guard let first = line.first, first != UInt8(ascii: "#"),
                  line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            if line.last == UInt8(ascii: ":") {
                current = String(decoding: line.dropLast(), as: UTF8.self)
            } else {
                lists[current, default: []].insert(String(decoding: line, as: UTF8.self))
            }
        }
        return lists
    }
}
