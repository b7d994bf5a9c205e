// URL extraction exactly as twitter-text does it, so that each URL counts 23 in the weighted length.
//
// This ports twitter-text's `Extractor.extractURLsWithIndices` and the `VALID_URL` pattern of its
// `Regex.java` (twitter/twitter-text, Apache-2.0) to a hand-written scanner over Unicode scalars:
// it runs on every reply of a large library, and a regex engine on Linux would cost far more.
// The scanner keeps the regex's observable behaviour, including the quirks that the conformance
// suite pins down. The pattern, for reference:
//
//     before   = [^a-z0-9@＠$#＃\uFFFE\uFEFF\uFFFF] | ^                 (case-insensitive)
//     url      = (https?://)? domain (:port)? (/path*)? (?query)?
//     domain   = subdomain* domainName (gTLD | ccTLD | punycode)
//              | (?<=https?://) unicodeDomainName (gTLD | ccTLD)
//     TLDs are followed by (?=[^a-z0-9@+-]|$)
//
// (The pattern has two more domain alternatives, `(?<=https?://) domainName ccTLD` and
// `domainName ccTLD (?=/)`; whatever they match, the first alternative matches already.)
//
// Like `Matcher.find`, the scanner looks for the leftmost match, and after every match, taken or
// rejected afterwards, it goes on from the end of that match.

public enum TwitterURLExtractor {
    /// The URLs twitter-text finds in `scalars`, as ranges of scalar offsets: sorted, not overlapping.
    /// `TwitterText.weightedLength` passes the NFC form of the text, as twitter-text counts it.
    public static func urlRanges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        URLScanner(scalars).urlRanges()
    }

    /// The URLs twitter-text finds in `text`, as they are written there (the text is not normalised).
    public static func extractURLs(_ text: String) -> [String] {
        let scalars = FastText.scalars(text)
        return urlRanges(in: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }
}

/// One match of the URL pattern, before twitter-text's checks decide whether it is kept.
private struct URLMatch {
    /// The scalar before the URL, or nil when the URL starts the text.
    var before: Unicode.Scalar?
    /// The URL: protocol (if any) through query.
    var url: Range<Int>
    /// Scalars of `http://` or `https://`, 0 without a protocol.
    var protocolLength: Int
    var host: Range<Int>
}

private struct URLScanner {
    let text: [Unicode.Scalar]
    var count: Int { text.count }

    init(_ text: [Unicode.Scalar]) { self.text = text }

    /// twitter-text's limits: a URL of at most 4,096 UTF-16 units with its protocol, a t.co slug of
    /// at most 40 characters.
    static let maxURLLength = 4096
    static let maxTcoSlugLength = 40
    /// The protocol twitter-text assumes, for the length check, when a URL has none.
    static let defaultProtocolLength = "https://".utf16.count

    func urlRanges() -> [Range<Int>] {
        // Every domain has a dot: without one there is nothing to scan (twitter-text's shortcut too).
        guard text.contains(".") else { return [] }
        var result: [Range<Int>] = []
        var position = 0
        while let match = firstMatch(from: position) {
            position = match.url.upperBound
            if let url = accepted(match) { result.append(url) }
        }
        return result
    }

    // MARK: - Finding a match

    /// The leftmost match starting at or after `position`. Alternatives are tried in the regex's
    /// order: first a preceding character is consumed, and only at the very start of the text is
    /// the URL tried with nothing before it.
    private func firstMatch(from position: Int) -> URLMatch? {
        var start = position
        while start < count {
            if URLCharacterClass.isValidBeforeURL(text[start]), var match = matchURL(at: start + 1) {
                match.before = text[start]
                return match
            }
            if start == 0, let match = matchURL(at: 0) { return match }
            start += 1
        }
        return nil
    }

    /// The URL pattern at `start`: with the protocol if there is one, else (or if the domain does
    /// not match after it) without.
    private func matchURL(at start: Int) -> URLMatch? {
        guard start < count else { return nil }
        let protocolLength = self.protocolLength(at: start)
        if protocolLength > 0, let hostEnd = domainEnd(at: start + protocolLength) {
            return completeMatch(start: start, protocolLength: protocolLength, host: (start + protocolLength)..<hostEnd)
        }
        if let hostEnd = domainEnd(at: start) {
            return completeMatch(start: start, protocolLength: 0, host: start..<hostEnd)
        }
        return nil
    }

    /// Port, path and query are optional and greedy: once the domain matched, the match stands.
    private func completeMatch(start: Int, protocolLength: Int, host: Range<Int>) -> URLMatch {
        var end = portEnd(from: host.upperBound)
        if end < count, text[end] == "/" { end = pathEnd(afterSlash: end + 1) }
        if end < count, text[end] == "?", let queryEnd = queryEnd(afterQuestionMark: end + 1, limit: count) {
            end = queryEnd
        }
        return URLMatch(before: nil, url: start..<end, protocolLength: protocolLength, host: host)
    }

    /// Scalars of a case-insensitive `http://` or `https://` at `index`, or 0.
    private func protocolLength(at index: Int) -> Int {
        guard URLCharacterClass.asciiLowercased(text[index]) == 0x68 else { return 0 }  // "h", the common "no"
        if hasPrefix("https://", at: index) { return 8 }
        if hasPrefix("http://", at: index) { return 7 }
        return 0
    }

    /// Whether the lower-case ASCII `prefix` is at `index`, ignoring the case of ASCII letters.
    private func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        prefix.withUTF8Buffer { bytes in
            guard index >= 0, index + bytes.count <= count else { return false }
            for offset in bytes.indices where URLCharacterClass.asciiLowercased(text[index + offset]) != UInt32(bytes[offset]) {
                return false
            }
            return true
        }
    }

    // MARK: - Domain

    /// The end of the domain starting at `start`, or nil.
    ///
    /// `subdomain* domainName TLD` is tried with as many subdomains as possible first (the regex's
    /// `*` is greedy), then fewer; a label is a run of domain characters (and `-`, and `_` in
    /// subdomains) followed by a dot, that neither starts nor ends with `-` or `_`. Only right after
    /// `http://` or `https://` in the text (a lookbehind, true even when the protocol was not part
    /// of this match) may a single label of any non-punctuation characters stand before the TLD.
    private func domainEnd(at start: Int) -> Int? {
        guard start < count else { return nil }
        if let end = asciiDomainEnd(at: start) { return end }
        if followsProtocol(start) { return unicodeDomainEnd(at: start) }
        return nil
    }

    private func asciiDomainEnd(at start: Int) -> Int? {
        // Cheap rejection for ordinary words: the first label must end with a dot.
        guard let firstDot = labelEnd(at: start, allowUnderscore: true) else { return nil }
        var labelStarts = [start]
        var next = firstDot + 1
        labelStarts.append(next)
        while let dot = labelEnd(at: next, allowUnderscore: true) {
            next = dot + 1
            labelStarts.append(next)
        }
        // labelStarts[k] is where the domain name starts after k subdomains. The last entry starts
        // a label that is not a subdomain, so it cannot be a domain name either; it is tried anyway
        // to stay a literal reading of the pattern.
        for nameStart in labelStarts.reversed() {
            if let dot = labelEnd(at: nameStart, allowUnderscore: false),
               let end = tldEnd(at: dot + 1, allowPunycode: true) {
                return end
            }
        }
        return nil
    }

    /// The index of the dot ending a valid label at `start`, or nil. Labels hold the characters of
    /// `URLCharacterClass.isDomainChar`, plus `-` (and `_` when allowed) but not first or last.
    private func labelEnd(at start: Int, allowUnderscore: Bool) -> Int? {
        var index = start
        while index < count {
            let scalar = text[index]
            guard URLCharacterClass.isDomainChar(scalar) || scalar == "-" || (allowUnderscore && scalar == "_") else { break }
            index += 1
        }
        guard index > start, index < count, text[index] == ".",
              URLCharacterClass.isDomainChar(text[start]), URLCharacterClass.isDomainChar(text[index - 1])
        else { return nil }
        return index
    }

    /// `(?<=https?://)`: whether the text right before `index` is a protocol.
    private func followsProtocol(_ index: Int) -> Bool {
        guard index > 0, text[index - 1] == "/" else { return false }
        return hasPrefix("http://", at: index - 7) || hasPrefix("https://", at: index - 8)
    }

    /// One label of any characters but punctuation and spaces (and `-` inside), a dot, a TLD.
    private func unicodeDomainEnd(at start: Int) -> Int? {
        var index = start
        while index < count, URLCharacterClass.isUnicodeDomainChar(text[index]) || text[index] == "-" { index += 1 }
        guard index > start, index < count, text[index] == ".",
              URLCharacterClass.isUnicodeDomainChar(text[start]), URLCharacterClass.isUnicodeDomainChar(text[index - 1])
        else { return nil }
        return tldEnd(at: index + 1, allowPunycode: false)
    }

    /// The end of a TLD at `start`, or nil. As in the regex's alternation: a generic TLD, else a
    /// country TLD, else (for the ASCII domain) a punycode label; in each list the longest that is
    /// followed by something other than `[a-z0-9@+-]` (twitter-text orders the lists so a TLD comes
    /// before its prefixes, like 嘉里大酒店 before 嘉里).
    private func tldEnd(at start: Int, allowPunycode: Bool) -> Int? {
        var limit = start
        while limit < count, limit - start < TLDs.maxScalarCount, TLDs.mayContain(text[limit]) { limit += 1 }
        if limit > start {
            if let end = longestTLD(in: TLDs.generic, from: start, upTo: limit) { return end }
            if let end = longestTLD(in: TLDs.country, from: start, upTo: limit) { return end }
        }
        if allowPunycode, hasPrefix("xn--", at: start) {
            var end = start + 4
            while end < count, URLCharacterClass.isPunycodeChar(text[end]) { end += 1 }
            if end > start + 4 { return end }
        }
        return nil
    }

    private func longestTLD(in list: Set<String>, from start: Int, upTo limit: Int) -> Int? {
        for end in stride(from: limit, to: start, by: -1) where URLCharacterClass.mayEndTLD(before: end, in: text) {
            if list.contains(TLDs.key(text[start..<end])) { return end }
        }
        return nil
    }

    // MARK: - Port, path, query

    /// After the domain: `:` and digits, if present.
    private func portEnd(from index: Int) -> Int {
        guard index + 1 < count, text[index] == ":", URLCharacterClass.isASCIIDigit(text[index + 1]) else { return index }
        var end = index + 1
        while end < count, URLCharacterClass.isASCIIDigit(text[end]) { end += 1 }
        return end
    }

    /// The end of the path whose `/` ends just before `start`. The path runs over path characters
    /// and balanced parentheses, and stops after the last character that may end a URL, so trailing
    /// punctuation (`.`, `,`, `!`, `:` ...) stays outside; balanced parentheses right after that
    /// character belong to the path too (`/Primer_(film)`, but `/a.(b)` ends at `a`), as in the
    /// regex, where a repetition is either `chars* (parens chars*)* endingChar` or `parens` alone.
    private func pathEnd(afterSlash start: Int) -> Int {
        var index = start
        var end = start
        while index < count {
            let scalar = text[index]
            if URLCharacterClass.isPathChar(scalar) {
                index += 1
                if URLCharacterClass.isPathEndingChar(scalar) { end = index }
            } else if scalar == "(", let close = balancedParenthesesEnd(at: index) {
                index = close
            } else {
                break
            }
        }
        while end < count, text[end] == "(", let close = balancedParenthesesEnd(at: end) { end = close }
        return end
    }

    /// `(abc)` or one level nested, `(a(b)c)`, as in Wikipedia or Rdio URLs; nil if unbalanced.
    private func balancedParenthesesEnd(at open: Int) -> Int? {
        let inner = pathCharsEnd(from: open + 1)
        if inner > open + 1, inner < count, text[inner] == ")" { return inner + 1 }
        guard inner < count, text[inner] == "(" else { return nil }
        let nested = pathCharsEnd(from: inner + 1)
        guard nested > inner + 1, nested < count, text[nested] == ")" else { return nil }
        let after = pathCharsEnd(from: nested + 1)
        guard after < count, text[after] == ")" else { return nil }
        return after + 1
    }

    private func pathCharsEnd(from start: Int) -> Int {
        var index = start
        while index < count, URLCharacterClass.isPathChar(text[index]) { index += 1 }
        return index
    }

    /// The end of the query whose `?` ends just before `start`: query characters up to the last one
    /// that may end a query. Nil when none may, and then the `?` is not part of the URL either.
    private func queryEnd(afterQuestionMark start: Int, limit: Int) -> Int? {
        var index = start
        var end: Int?
        while index < limit, URLCharacterClass.isQueryChar(text[index]) {
            index += 1
            if URLCharacterClass.isQueryEndingChar(text[index - 1]) { end = index }
        }
        return end
    }

    // MARK: - twitter-text's checks on a match

    /// The URL's range if twitter-text keeps the match, else nil.
    private func accepted(_ match: URLMatch) -> Range<Int>? {
        // Without a protocol, a URL right after `-`, `_`, `.` or `/` is part of something else
        // (`http://-foo.com` must not yield `foo.com`).
        if match.protocolLength == 0, let before = match.before, "-_./".unicodeScalars.contains(before) {
            return nil
        }
        var url = match.url
        switch tcoCheck(match) {
        case .notTco: break
        case .slugTooLong: return nil
        case .url(let tcoURL): url = tcoURL
        }
        guard isValidHostAndLength(url: url, hasProtocol: match.protocolLength > 0, host: match.host) else { return nil }
        return url
    }

    private enum TcoCheck {
        case notTco
        case slugTooLong
        case url(Range<Int>)
    }

    /// `http(s)://t.co/slug` URLs end after the slug (and a query): twitter-text allows nothing else
    /// there, and no slug over 40 characters.
    private func tcoCheck(_ match: URLMatch) -> TcoCheck {
        guard match.protocolLength > 0 else { return .notTco }
        let slugStart = match.url.lowerBound + match.protocolLength + 5
        guard hasPrefix("t.co/", at: slugStart - 5) else { return .notTco }
        var end = slugStart
        while end < match.url.upperBound, URLCharacterClass.isASCIIAlphanumeric(text[end]) { end += 1 }
        guard end > slugStart else { return .notTco }
        guard end - slugStart <= Self.maxTcoSlugLength else { return .slugTooLong }
        if end < match.url.upperBound, text[end] == "?",
           let queryEnd = queryEnd(afterQuestionMark: end + 1, limit: match.url.upperBound) {
            end = queryEnd
        }
        return .url(match.url.lowerBound..<end)
    }

    /// Java's `Extractor.isValidHostAndLength`: the host must convert to ASCII (IDNA: every label
    /// 1–63 characters once punycode-encoded), and the URL with that host, plus `https://` if it has
    /// no protocol, must fit in 4,096 UTF-16 units.
    private func isValidHostAndLength(url: Range<Int>, hasProtocol: Bool, host: Range<Int>) -> Bool {
        guard let asciiHostLength = IDNA.asciiLength(ofHost: text[host]) else { return false }
        let hostLength = utf16Length(host)
        let urlLength = utf16Length(url) + asciiHostLength - hostLength
        return urlLength + (hasProtocol ? 0 : Self.defaultProtocolLength) <= Self.maxURLLength
    }

    private func utf16Length(_ range: Range<Int>) -> Int {
        text[range].reduce(0) { $0 + UTF16.width($1) }
    }
}

// MARK: - Character classes

/// The character classes of twitter-text's URL regex. ASCII letters match in either case, as the
/// regex is compiled case-insensitive (ASCII only: Java's `CASE_INSENSITIVE` without `UNICODE_CASE`).
enum URLCharacterClass {
    static func asciiLowercased(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        return value >= 0x41 && value <= 0x5A ? value + 0x20 : value
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        let lower = asciiLowercased(scalar)
        return (lower >= 0x61 && lower <= 0x7A) || isASCIIDigit(scalar)
    }

    /// `[^a-z0-9@＠$#＃]` minus the invalid characters U+FFFE, U+FEFF, U+FFFF. Directional marks
    /// (U+202A–U+202E, U+2066–U+2069) are allowed, as is everything else that is not a letter or digit.
    static func isValidBeforeURL(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x40, 0xFF20, 0x24, 0x23, 0xFF03, 0xFFFE, 0xFEFF, 0xFFFF: false
        default: !isASCIIAlphanumeric(scalar)
        }
    }

    /// Latin-1 and Latin Extended letters, some IPA, the Hawaiian ʻokina, combining diacritics and
    /// Latin Extended Additional: twitter-text's `LATIN_ACCENTS_CHARS`.
    static func isLatinAccent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x100...0x24F: true
        case 0x253, 0x254, 0x256, 0x257, 0x259, 0x25B, 0x263, 0x268, 0x26F, 0x272, 0x289, 0x28B: true
        case 0x2BB, 0x300...0x36F, 0x1E00...0x1EFF: true
        default: false
        }
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x400 && scalar.value <= 0x4FF }

    /// `URL_VALID_CHARS`: what a label of an ASCII-style domain is made of.
    static func isDomainChar(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || isLatinAccent(scalar)
    }

    /// `URL_VALID_UNICODE_CHARS`: anything but ASCII punctuation, ASCII white space (`\s` in Java),
    /// separators (`\p{Z}`) and the General Punctuation block (U+2000–U+206F).
    static func isUnicodeDomainChar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return !(value == 0x20 || (value >= 0x09 && value <= 0x0D) || isASCIIPunctuation(value))
        }
        if value >= 0x2000 && value <= 0x206F { return false }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return false
        default: return true
        }
    }

    static func isASCIIPunctuation(_ value: UInt32) -> Bool {
        (value >= 0x21 && value <= 0x2F) || (value >= 0x3A && value <= 0x40)
            || (value >= 0x5B && value <= 0x60) || (value >= 0x7B && value <= 0x7E)
    }

    /// A TLD may not run on into `[a-z0-9@+-]`: true when the scalar at `index` (if any) is not one.
    static func mayEndTLD(before index: Int, in text: [Unicode.Scalar]) -> Bool {
        guard index < text.count else { return true }
        let scalar = text[index]
        return !(isASCIIAlphanumeric(scalar) || scalar == "@" || scalar == "+" || scalar == "-")
    }

    /// `[-0-9a-z]`, after `xn--`.
    static func isPunycodeChar(_ scalar: Unicode.Scalar) -> Bool { isASCIIAlphanumeric(scalar) || scalar == "-" }

    /// `URL_VALID_GENERAL_PATH_CHARS`.
    static func isPathChar(_ scalar: Unicode.Scalar) -> Bool {
        if isASCIIAlphanumeric(scalar) || isLatinAccent(scalar) || isCyrillic(scalar) { return true }
        switch scalar {
        case "!", "*", "'", ";", ":", "=", "+", ",", ".", "$", "/", "%", "#", "[", "]", "-", "\u{2013}", "_", "~",
             "|", "&", "@":
            return true
        default:
            return false
        }
    }

    /// `URL_VALID_PATH_ENDING_CHARS` (balanced parentheses may end a path too).
    static func isPathEndingChar(_ scalar: Unicode.Scalar) -> Bool {
        if isASCIIAlphanumeric(scalar) || isLatinAccent(scalar) || isCyrillic(scalar) { return true }
        switch scalar {
        case "=", "_", "#", "/", "-", "+": return true
        default: return false
        }
    }

    /// `URL_VALID_URL_QUERY_CHARS`.
    static func isQueryChar(_ scalar: Unicode.Scalar) -> Bool {
        if isASCIIAlphanumeric(scalar) { return true }
        switch scalar {
        case "!", "?", "*", "'", "(", ")", ";", ":", "&", "=", "+", "$", "/", "%", "#", "[", "]", "-", "_", ".", ",",
             "~", "|", "@":
            return true
        default:
            return false
        }
    }

    /// `URL_VALID_URL_QUERY_ENDING_CHARS`.
    static func isQueryEndingChar(_ scalar: Unicode.Scalar) -> Bool {
        if isASCIIAlphanumeric(scalar) { return true }
        switch scalar {
        case "-", "_", "&", "=", "#", "/": return true
        default: return false
        }
    }
}

// MARK: - Host to ASCII (IDNA)

/// The length of the host as Java's `IDN.toASCII(host, IDN.ALLOW_UNASSIGNED)` returns it, which
/// twitter-text uses to reject hosts (that call throws) and to measure URLs. Only hosts with
/// non-ASCII labels need nameprep and punycode; they are rare, so this part may use Foundation.
enum IDNA {
    static let maxLabelLength = 63

    /// The ASCII (punycode) length of `host`, dots included, or nil where Java's conversion throws:
    /// an empty or over-long label, a prohibited character, a bidi violation, or a non-ASCII label
    /// that already starts with `xn--`.
    static func asciiLength(ofHost host: ArraySlice<Unicode.Scalar>) -> Int? {
        var total = 0
        var labelStart = host.startIndex
        for index in host.indices where isLabelSeparator(host[index]) {
            guard let length = asciiLength(ofLabel: host[labelStart..<index]) else { return nil }
            total += length + 1
            labelStart = index + 1
        }
        // A host never ends with a separator here: it ends with its TLD.
        guard let length = asciiLength(ofLabel: host[labelStart...]) else { return nil }
        return total + length
    }

    /// IDNA separates labels with the full stop and its ideographic and full-width forms.
    static func isLabelSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x3002, 0xFF0E, 0xFF61: true
        default: false
        }
    }

    static func asciiLength(ofLabel label: ArraySlice<Unicode.Scalar>) -> Int? {
        let length: Int
        if label.allSatisfy(\.isASCII) {
            length = label.count  // ASCII labels pass through unchanged (no STD3 rules)
        } else {
            guard let prepared = nameprep(label) else { return nil }
            if prepared.allSatisfy(\.isASCII) {
                length = prepared.count
            } else {
                guard !startsWithACEPrefix(prepared) else { return nil }
                length = "xn--".count + punycodeLength(of: prepared)
            }
        }
        return (1...maxLabelLength).contains(length) ? length : nil
    }

    static func startsWithACEPrefix(_ label: [Unicode.Scalar]) -> Bool {
        label.count >= 4 && zip(label.prefix(4), "xn--".unicodeScalars).allSatisfy {
            URLCharacterClass.asciiLowercased($0) == $1.value
        }
    }

    // MARK: Nameprep (RFC 3491)

    /// Map (drop B.1, case-fold for B.2), normalise NFKC, then refuse prohibited characters and
    /// bidi violations. Approximations, all at the edges: upper- then lower-casing stands in for B.2
    /// case folding, current Unicode for Unicode 3.2, and bidi classes are estimated from script
    /// blocks and general categories.
    static func nameprep(_ label: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
        let mapped = label.filter { !mapsToNothing($0) }.flatMap(caseFolded)
        var normalized = TwitterText.normalizeWithFoundation(mapped, compatibility: true)
        // B.2 also folds what NFKC makes (℡ becomes TEL, then tel): fold and normalise once more.
        normalized = TwitterText.normalizeWithFoundation(normalized.flatMap(caseFolded), compatibility: true)
        guard !normalized.contains(where: isProhibited), satisfiesBidiRule(normalized) else { return nil }
        return normalized
    }

    /// Full case folding, approximated: for scalars that case folding changes, upper-casing then
    /// lower-casing gives the same (ß → ss, ς → σ, ﬁ → fi, İ → i̇); others (ı) stay as they are.
    static func caseFolded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII { return [Unicode.Scalar(UInt8(URLCharacterClass.asciiLowercased(scalar)))] }
        guard scalar.properties.changesWhenCaseFolded else { return [scalar] }
        return scalar.properties.uppercaseMapping.unicodeScalars.flatMap { $0.properties.lowercaseMapping.unicodeScalars }
    }

    /// RFC 3454 table B.1: soft hyphen, joiners, variation selectors, BOM and the like.
    static func mapsToNothing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x1806, 0x180B...0x180D, 0x200B...0x200D, 0x2060, 0xFE00...0xFE0F, 0xFEFF: true
        default: false
        }
    }

    /// RFC 3454 tables C.1.2, C.2.2 and C.3–C.9, which nameprep prohibits.
    static func isProhibited(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value & 0xFFFE == 0xFFFE { return true }  // C.4: U+xxFFFE, U+xxFFFF
        switch value {
        case 0x00A0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true  // C.1.2 spaces
        case 0x0080...0x009F, 0x06DD, 0x070F, 0x180E, 0x200C, 0x200D, 0x2028, 0x2029, 0x2060...0x2063,
             0x206A...0x206F, 0xFEFF, 0xFFF9...0xFFFC, 0x1D173...0x1D17A:
            return true  // C.2.2 controls
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: return true  // C.3 private use
        case 0xFDD0...0xFDEF: return true  // C.4 non-characters
        case 0xFFF9...0xFFFD, 0x2FF0...0x2FFB: return true  // C.6, C.7
        case 0x0340, 0x0341, 0x200E, 0x200F, 0x202A...0x202E: return true  // C.8
        case 0xE0001, 0xE0020...0xE007F: return true  // C.9 tags
        default: return false
        }
    }

    /// RFC 3454 section 6: a label with right-to-left letters has no left-to-right ones, and starts
    /// and ends with a right-to-left letter.
    static func satisfiesBidiRule(_ label: [Unicode.Scalar]) -> Bool {
        guard label.contains(where: isRightToLeft) else { return true }
        guard let first = label.first, let last = label.last, isRightToLeft(first), isRightToLeft(last) else {
            return false
        }
        return !label.contains(where: isLeftToRight)
    }

    /// Bidi class R or AL, estimated: letters of the Hebrew, Arabic, Syriac, Thaana, NKo ... blocks.
    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        isInRightToLeftBlock(scalar) && isLetter(scalar)
    }

    /// Bidi class L, estimated: letters, letter numbers and spacing marks outside those blocks.
    static func isLeftToRight(_ scalar: Unicode.Scalar) -> Bool {
        guard !isInRightToLeftBlock(scalar) else { return false }
        if isLetter(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .spacingMark, .letterNumber: return true
        default: return false
        }
    }

    static func isInRightToLeftBlock(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFE, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    // MARK: Punycode (RFC 3492)

    /// The number of characters punycode encodes `label` to (without the `xn--` prefix). The
    /// encoder is RFC 3492's, counting the digits it would write instead of writing them.
    static func punycodeLength(of label: [Unicode.Scalar]) -> Int {
        let base = 36, tMin = 1, tMax = 26
        let codePoints = label.map { Int($0.value) }
        let basicCount = codePoints.count { $0 < 0x80 }
        var length = basicCount + (basicCount > 0 ? 1 : 0)  // basic code points, then a delimiter
        var n = 0x80, delta = 0, bias = 72, handled = basicCount
        while handled < codePoints.count {
            let next = codePoints.filter { $0 >= n }.min()!
            delta += (next - n) * (handled + 1)
            n = next
            for codePoint in codePoints {
                if codePoint < n { delta += 1 }
                guard codePoint == n else { continue }
                // One variable-length integer for `delta`: digits until one is below its threshold.
                var q = delta
                var k = base
                while true {
                    let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                    length += 1
                    if q < t { break }
                    q = (q - t) / (base - t)
                    k += base
                }
                bias = adaptedBias(delta: delta, pointCount: handled + 1, isFirst: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return length
    }

    private static func adaptedBias(delta: Int, pointCount: Int, isFirst: Bool) -> Int {
        let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
        var delta = isFirst ? delta / damp : delta / 2
        delta += delta / pointCount
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
