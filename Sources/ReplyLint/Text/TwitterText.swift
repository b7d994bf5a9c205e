// X (Twitter) weighted length, as twitter-text v3 computes it (weights, emoji, URLs as 23).
//
// The reference is twitter-text's `TwitterTextParser.parseTweet` (Java): normalise the text to NFC,
// then walk it by code point. A URL (TwitterURLExtractor) weighs `transformedURLLength`; with
// emoji parsing on (v3), an emoji sequence (TwitterEmoji) weighs `defaultWeight` once; any other
// code point weighs its range's weight, or `defaultWeight`. The total is divided by `scale`.

import Foundation

public enum TwitterText {
    public struct Configuration: Sendable, Hashable {
        public var scale: Int
        public var defaultWeight: Int
        public var emojiParsingEnabled: Bool
        public var transformedURLLength: Int
        public var maxWeightedTweetLength: Int
        public var ranges: [(start: UInt32, end: UInt32, weight: Int)]

        public static func == (lhs: Configuration, rhs: Configuration) -> Bool {
            lhs.scale == rhs.scale && lhs.defaultWeight == rhs.defaultWeight && lhs.emojiParsingEnabled == rhs.emojiParsingEnabled
                && lhs.transformedURLLength == rhs.transformedURLLength
                && lhs.maxWeightedTweetLength == rhs.maxWeightedTweetLength
                && lhs.ranges.elementsEqual(rhs.ranges, by: { $0 == $1 })
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(scale); hasher.combine(emojiParsingEnabled) }

        static let latinRanges: [(start: UInt32, end: UInt32, weight: Int)] = [
            (0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100),
        ]

        /// twitter-text's `config/v3.json`: emoji sequences count once, at the default weight.
        public static let v3 = Configuration(
            scale: 100, defaultWeight: 200, emojiParsingEnabled: true, transformedURLLength: 23,
            maxWeightedTweetLength: 280, ranges: latinRanges)
        /// twitter-text's `config/v2.json`: every code point weighed on its own.
        public static let v2 = Configuration(
            scale: 100, defaultWeight: 200, emojiParsingEnabled: false, transformedURLLength: 23,
            maxWeightedTweetLength: 280, ranges: latinRanges)
    }

    public static func weightedLength(_ text: String, configuration: Configuration = .v3) -> Int {
        let scalars = nfcScalars(text)
        let urls = TwitterURLExtractor.urlRanges(in: scalars)
        // Emoji are found over the whole text, as twitter-text does, even where URLs then cover them.
        let emoji = configuration.emojiParsingEnabled ? TwitterEmoji.matches(in: scalars) : []
        var weight = 0
        var urlIndex = 0
        var emojiIndex = 0
        var index = 0
        while index < scalars.count {
            if urlIndex < urls.count, urls[urlIndex].lowerBound == index {
                weight += configuration.transformedURLLength * configuration.scale
                index = urls[urlIndex].upperBound
                urlIndex += 1
                continue
            }
            while emojiIndex < emoji.count, emoji[emojiIndex].lowerBound < index { emojiIndex += 1 }
            if emojiIndex < emoji.count, emoji[emojiIndex].lowerBound == index {
                weight += configuration.defaultWeight
                index = emoji[emojiIndex].upperBound
                continue
            }
            weight += Self.weight(of: scalars[index], configuration)
            index += 1
        }
        return weight / configuration.scale
    }

    static func weight(of scalar: Unicode.Scalar, _ configuration: Configuration) -> Int {
        for range in configuration.ranges where scalar.value >= range.start && scalar.value <= range.end {
            return range.weight
        }
        return configuration.defaultWeight
    }

    /// The scalars of `text` in NFC, as twitter-text counts.
    ///
    /// Most replies are already NFC, and proving it is cheap: a text made only of scalars that are
    /// NFC themselves, have combining class 0 and never compose with a scalar before them is NFC
    /// (the Unicode quick check). Only other texts go through Foundation, which costs far more.
    static func nfcScalars(_ text: String) -> [Unicode.Scalar] {
        // ASCII, the usual case, is read straight from the UTF-8 bytes.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
            bytes.allSatisfy { $0 < 0x80 } ? bytes.map { Unicode.Scalar($0) } : nil
        }
        if let ascii = ascii ?? nil { return ascii }
        let scalars = FastText.scalars(text)
        if scalars.allSatisfy(isNFCInert) { return scalars }
        return foundationNFC(scalars)
    }

    static func foundationNFC(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        normalizeWithFoundation(scalars, compatibility: false)
    }

    /// NFC (or NFKC) through Foundation. Foundation on Linux (swift-foundation, Swift 6.3) composes
    /// a scalar outside the BMP with a following combining mark as if it were the BMP scalar with the
    /// same low 16 bits (U+1D400 𝐀 + U+0301 gives Á). So the text is normalised in pieces, cut after
    /// each such scalar when a scalar that may combine follows: a starter outside the BMP composes
    /// with nothing after it (but for a few Brahmic pairs, Kaithi to Dives Akuru, left decomposed).
    static func normalizeWithFoundation(_ scalars: [Unicode.Scalar], compatibility: Bool) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var pieceStart = 0
        func appendPiece(upTo end: Int) {
            let piece = String(String.UnicodeScalarView(scalars[pieceStart..<end]))
            let normalized = compatibility
                ? piece.precomposedStringWithCompatibilityMapping : piece.precomposedStringWithCanonicalMapping
            result.append(contentsOf: normalized.unicodeScalars)
            pieceStart = end
        }
        for index in scalars.indices.dropLast()
        where scalars[index].value > 0xFFFF && scalars[index].properties.canonicalCombiningClass == .notReordered
            && !isNFCInert(scalars[index + 1]) {
            appendPiece(upTo: index + 1)
        }
        appendPiece(upTo: scalars.count)
        return result
    }

    /// Whether `scalar` can be left as it is by NFC whatever surrounds it: below U+0300, or in
    /// `nfcInertRanges`.
    static func isNFCInert(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return true }
        var low = 0
        var high = nfcInertRanges.count
        while low < high {
            let middle = (low + high) / 2
            if nfcInertRanges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < nfcInertRanges.count && nfcInertRanges[low].contains(value)
    }

    /// Runs of scalars (16 or more long) that are NFC, have combining class 0 and are not the second
    /// scalar of any canonical composition, per Unicode 14 data, in the scripts replies mostly use:
    /// Greek, Cyrillic, Hebrew and Arabic letters, Thai, punctuation and symbols, CJK, kana, Hangul
    /// syllables, full-width forms, emoji; plus variation selectors and tag characters (flags).
    static let nfcInertRanges: [ClosedRange<UInt32>] = [
        0x38E...0x3A1, 0x3A3...0x482, 0x48A...0x52F, 0x5D0...0x5EA, 0x600...0x60F, 0x61B...0x64A, 0x660...0x66F,
        0x671...0x6D5, 0x6EE...0x6FF, 0xE01...0xE30, 0x2002...0x2064, 0x2074...0x208E, 0x20A0...0x20C0,
        0x2100...0x2125, 0x212C...0x218B, 0x2190...0x2328, 0x232B...0x2426, 0x2460...0x2ADB, 0x2ADD...0x2B73,
        0x2B76...0x2B95, 0x2B97...0x2BFF, 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFE00...0xFE0F, 0xFF01...0xFFBE,
        0x1F000...0x1F02B, 0x1F030...0x1F093, 0x1F0D1...0x1F0F5, 0x1F100...0x1F1AD, 0x1F1E6...0x1F202,
        0x1F210...0x1F23B, 0x1F300...0x1F6D7, 0x1F6DD...0x1F6EC, 0x1F700...0x1F773, 0x1F780...0x1F7D8,
        0x1F810...0x1F847, 0x1F860...0x1F887, 0x1F890...0x1F8AD, 0x1F900...0x1FA53, 0x1FA90...0x1FAAC,
        0xE0020...0xE007F,
    ]
}
