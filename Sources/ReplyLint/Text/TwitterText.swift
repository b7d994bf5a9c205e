// X (Twitter) weighted length, as twitter-text v3 computes it (weights, emoji, URLs as 23).

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
                && lhs.transformedURLLength == rhs.transformedURLLength && lhs.ranges.elementsEqual(rhs.ranges, by: { $0 == $1 })
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
        let normalized = text.precomposedStringWithCanonicalMapping
        let scalars = Array(normalized.unicodeScalars)
        let urls = TwitterURLExtractor.urlRanges(in: scalars)
        var weight = 0
        var urlIndex = 0
        var index = 0
        let emojiStarts = configuration.emojiParsingEnabled ? emojiSequences(in: normalized) : [:]
        while index < scalars.count {
            if urlIndex < urls.count, urls[urlIndex].lowerBound == index {
                weight += configuration.transformedURLLength * configuration.scale
                index = urls[urlIndex].upperBound
                urlIndex += 1
                continue
            }
            if let length = emojiStarts[index] {
                weight += configuration.defaultWeight
                index += length
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

    /// Start offsets (in code points) of emoji sequences, with their length in code points.
    ///
    /// A grapheme cluster is an emoji when it starts with a scalar that has emoji presentation by
    /// default, or an emoji scalar above U+2000 shown as emoji (U+FE0F) or standing alone, or is a
    /// keycap. `isEmoji` alone is not enough: it is true for the digits 0–9, `#` and `*`.
    static func emojiSequences(in text: String) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var offset = 0
        for character in text {
            let scalars = character.unicodeScalars
            let count = scalars.count
            if isEmoji(character) { result[offset] = count }
            offset += count
        }
        return result
    }

    static func isEmoji(_ character: Character) -> Bool {
        let scalars = Array(character.unicodeScalars)
        guard let first = scalars.first else { return false }
        if scalars.contains("\u{20E3}") { return true }  // keycap: 1⃣, #️⃣
        let properties = first.properties
        if properties.isEmojiPresentation { return true }
        if properties.isEmoji {
            if scalars.contains("\u{FE0F}") { return true }
            return first.value >= 0x2000 && first.value != 0x2122 && first.value != 0x2139
        }
        return false
    }
}
