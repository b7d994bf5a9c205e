// Emoji as twitter-text v3 counts them: each emoji sequence weighs the default weight once.
//
// This is twitter-text's emoji regex (twitter/twitter-text,
// java/src/main/java/com/twitter/twittertext/TwitterTextEmojiRegex.java, Apache-2.0, generated from
// Twemoji for Emoji 12) written out as data, with a small matcher instead of a regex engine. The
// data keeps the regex's order; the regex, in that order, is:
//
//     sequences                         ZWJ sequences (families, professions, gendered, couples),
//                                       keycaps, ©️ ®️ ™️ ♟️ (these four need U+FE0F)
//   | variantEmoji (FE0F | (?!FE0E))    text-default symbols: emoji unless followed by U+FE0E
//   | ( variantModifierBases (FE0F | (?!FE0E)) | modifierBases ) skinTone?
//   | flags | singleEmoji               flag sequences, then single code points
//   | FE0F                              a stray variation selector
//
// Like `Matcher.find`, matches are taken left to right, each search resuming where the last match
// ended. Among the sequences (and among the flags) the longest one wins: the regex lists longer
// sequences before their prefixes, so its first alternative to match is also the longest.
//
// Emoji newer than Emoji 12 (🫠, ❤️‍🔥, 🧔‍♂️ ...) are not in the data: as in twitter-text, their parts
// are weighed one by one.

enum TwitterEmoji {
    /// The emoji of `scalars`, as ranges of scalar offsets, in order.
    static func matches(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            if mayStartEmoji(scalars[index].value), let length = matchLength(in: scalars, at: index) {
                result.append(index..<(index + length))
                index += length
            } else {
                index += 1
            }
        }
        return result
    }

    /// The length in scalars of the emoji starting at `index`, or nil.
    static func matchLength(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
        let value = scalars[index].value
        guard mayStartEmoji(value) else { return nil }
        let next = index + 1 < scalars.count ? scalars[index + 1].value : nil
        // A keycap base (#, *, a digit) is an emoji only in a keycap sequence, `[23 2A 30-39] FE0F? 20E3`
        // below: most text has digits and no keycaps, and is measured without building the tables.
        if value == 0x23 || value == 0x2A || (0x30...0x39).contains(value) {
            let after = next == 0xFE0F ? (index + 2 < scalars.count ? scalars[index + 2].value : nil) : next
            guard after == 0x20E3 else { return nil }
        }
        if let length = Tables.sequences.longestMatch(in: scalars, at: index) { return length }
        if Tables.variantEmoji.contains(value), next != 0xFE0E {
            return next == 0xFE0F ? 2 : 1
        }
        if Tables.variantModifierBases.contains(value), next != 0xFE0E {
            let length = next == 0xFE0F ? 2 : 1
            return length + skinToneLength(in: scalars, at: index + length)
        }
        if Tables.modifierBases.contains(value) {
            return 1 + skinToneLength(in: scalars, at: index + 1)
        }
        if let length = Tables.flags.longestMatch(in: scalars, at: index) { return length }
        if Tables.singleEmoji.contains(value) || value == 0xFE0F { return 1 }
        return nil
    }

    /// A cheap filter: emoji start with a keycap base (#, *, digits), © or ®, a symbol from U+203C to
    /// U+3299, U+E50A (in twitter-text's list), U+FE0F, or a scalar from U+1F000 to U+1FAFF.
    private static func mayStartEmoji(_ value: UInt32) -> Bool {
        switch value {
        case 0x23, 0x2A, 0x30...0x39, 0xA9, 0xAE, 0x203C...0x3299, 0xE50A, 0xFE0F, 0x1F000...0x1FAFF: true
        default: false
        }
    }

    /// 1 if a skin tone modifier (U+1F3FB–U+1F3FF) is at `index`, else 0.
    private static func skinToneLength(in scalars: [Unicode.Scalar], at index: Int) -> Int {
        index < scalars.count && (0x1F3FB...0x1F3FF).contains(scalars[index].value) ? 1 : 0
    }

    /// The data below, parsed once.
    private enum Tables {
        static let sequences = SequenceTrie(patterns: sequencePatterns)
        static let variantEmoji = codePoints(variantEmojiList)
        static let variantModifierBases = codePoints(variantModifierBaseList)
        static let modifierBases = codePoints(modifierBaseList)
        static let flags = SequenceTrie(patterns: flagPatterns)
        static let singleEmoji = codePoints(singleEmojiList)
    }

    /// A list of hex code points and ranges (`2194-2199`) as a set.
    static func codePoints(_ list: String) -> Set<UInt32> {
        var result = Set<UInt32>()
        for item in list.split(whereSeparator: \.isWhitespace) {
            let bounds = item.split(separator: "-").map { UInt32($0, radix: 16)! }
            result.formUnion(bounds[0]...bounds[bounds.count - 1])
        }
        return result
    }

    /// Code point sequences, looked up longest first.
    struct SequenceTrie: Sendable {
        private var children: [[UInt32: Int]] = [[:]]
        private var isEnd: [Bool] = [false]

        /// One pattern a line: code points or classes (`[1F3FB 1F3FD-1F3FF]`), each maybe
        /// optional (`?`); every sequence the line stands for is added.
        init(patterns: String) {
            for line in patterns.split(separator: "\n") {
                for sequence in Self.expand(Self.positions(of: line)) { insert(sequence) }
            }
        }

        private static func positions(of line: Substring) -> [(choices: [UInt32], isOptional: Bool)] {
            var result: [(choices: [UInt32], isOptional: Bool)] = []
            var rest = line[...]
            while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
                rest = rest[start...]
                let token: Substring
                if rest.first == "[" {
                    let close = rest.firstIndex(of: "]")!
                    token = rest[rest.index(after: rest.startIndex)..<close]
                    rest = rest[rest.index(after: close)...]
                } else {
                    let end = rest.firstIndex(where: { $0.isWhitespace || $0 == "?" }) ?? rest.endIndex
                    token = rest[..<end]
                    rest = rest[end...]
                }
                let isOptional = rest.first == "?"
                if isOptional { rest = rest.dropFirst() }
                result.append((codePoints(String(token)).sorted(), isOptional))
            }
            return result
        }

        private static func expand(_ positions: [(choices: [UInt32], isOptional: Bool)]) -> [[UInt32]] {
            var sequences: [[UInt32]] = [[]]
            for position in positions {
                var next = position.isOptional ? sequences : []
                for sequence in sequences {
                    for choice in position.choices { next.append(sequence + [choice]) }
                }
                sequences = next
            }
            return sequences
        }

        private mutating func insert(_ sequence: [UInt32]) {
            var node = 0
            for value in sequence {
                if let child = children[node][value] {
                    node = child
                } else {
                    children.append([:])
                    isEnd.append(false)
                    children[node][value] = children.count - 1
                    node = children.count - 1
                }
            }
            isEnd[node] = true
        }

        /// The length of the longest sequence starting at `start`, or nil.
        func longestMatch(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
            var node = 0
            var longest: Int?
            var index = start
            while index < scalars.count, let child = children[node][scalars[index].value] {
                node = child
                index += 1
                if isEnd[node] { longest = index - start }
            }
            return longest
        }
    }

    // MARK: - Data (TwitterTextEmojiRegex.java, in its order)

    /// ZWJ sequences, keycaps and the four symbols that are emoji only with U+FE0F.
    static let sequencePatterns: String = """
        1F468 1F3FB 200D 1F91D 200D 1F468 [1F3FC-1F3FF]
        1F468 1F3FC 200D 1F91D 200D 1F468 [1F3FB 1F3FD-1F3FF]
        1F468 1F3FD 200D 1F91D 200D 1F468 [1F3FB 1F3FC 1F3FE 1F3FF]
        1F468 1F3FE 200D 1F91D 200D 1F468 [1F3FB-1F3FD 1F3FF]
        1F468 1F3FF 200D 1F91D 200D 1F468 [1F3FB-1F3FE]
        1F469 1F3FB 200D 1F91D 200D 1F468 [1F3FC-1F3FF]
        1F469 1F3FB 200D 1F91D 200D 1F469 [1F3FC-1F3FF]
        1F469 1F3FC 200D 1F91D 200D 1F468 [1F3FB 1F3FD-1F3FF]
        1F469 1F3FC 200D 1F91D 200D 1F469 [1F3FB 1F3FD-1F3FF]
        1F469 1F3FD 200D 1F91D 200D 1F468 [1F3FB 1F3FC 1F3FE 1F3FF]
        1F469 1F3FD 200D 1F91D 200D 1F469 [1F3FB 1F3FC 1F3FE 1F3FF]
        1F469 1F3FE 200D 1F91D 200D 1F468 [1F3FB-1F3FD 1F3FF]
        1F469 1F3FE 200D 1F91D 200D 1F469 [1F3FB-1F3FD 1F3FF]
        1F469 1F3FF 200D 1F91D 200D 1F468 [1F3FB-1F3FE]
        1F469 1F3FF 200D 1F91D 200D 1F469 [1F3FB-1F3FE]
        1F9D1 1F3FB 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
        1F9D1 1F3FC 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
        1F9D1 1F3FD 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
        1F9D1 1F3FE 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
        1F9D1 1F3FF 200D 1F91D 200D 1F9D1 [1F3FB-1F3FF]
        1F9D1 200D 1F91D 200D 1F9D1
        1F46B [1F3FB-1F3FF]
        1F46C [1F3FB-1F3FF]
        1F46D [1F3FB-1F3FF]
        [1F46B-1F46D]
        [1F468 1F469 1F9D1] [1F3FB-1F3FF]? 200D 2695 FE0F
        [1F468 1F469 1F9D1] [1F3FB-1F3FF]? 200D 2696 FE0F
        [1F468 1F469 1F9D1] [1F3FB-1F3FF]? 200D 2708 FE0F
        [1F468 1F469 1F9D1] [1F3FB-1F3FF]? 200D [1F33E 1F373 1F393 1F3A4 1F3A8 1F3EB 1F3ED 1F4BB 1F4BC 1F527 1F52C 1F680 1F692 1F9AF-1F9B3 1F9BC 1F9BD]
        [26F9 1F3CB 1F3CC 1F574 1F575] [FE0F 1F3FB-1F3FF] 200D [2640 2642] FE0F
        [1F3C3 1F3C4 1F3CA 1F46E 1F471 1F473 1F477 1F481 1F482 1F486 1F487 1F645-1F647 1F64B 1F64D 1F64E 1F6A3 1F6B4-1F6B6 1F926 1F935 1F937-1F939 1F93D 1F93E 1F9B8 1F9B9 1F9CD-1F9CF 1F9D6-1F9DD] [1F3FB-1F3FF]? 200D [2640 2642] FE0F
        1F468 200D 2764 FE0F 200D 1F48B 200D 1F468
        1F469 200D 2764 FE0F 200D 1F48B 200D [1F468 1F469]
        1F468 200D 1F468 200D 1F466 200D 1F466
        1F468 200D 1F468 200D 1F467 200D [1F466 1F467]
        1F468 200D 1F469 200D 1F466 200D 1F466
        1F468 200D 1F469 200D 1F467 200D [1F466 1F467]
        1F469 200D 1F469 200D 1F466 200D 1F466
        1F469 200D 1F469 200D 1F467 200D [1F466 1F467]
        1F468 200D 2764 FE0F 200D 1F468
        1F469 200D 2764 FE0F 200D [1F468 1F469]
        1F3F3 FE0F 200D 26A7 FE0F
        1F468 200D 1F466 200D 1F466
        1F468 200D 1F467 200D [1F466 1F467]
        1F468 200D 1F468 200D [1F466 1F467]
        1F468 200D 1F469 200D [1F466 1F467]
        1F469 200D 1F466 200D 1F466
        1F469 200D 1F467 200D [1F466 1F467]
        1F469 200D 1F469 200D [1F466 1F467]
        1F3F3 FE0F 200D 1F308
        1F3F4 200D 2620 FE0F
        1F46F 200D 2640 FE0F
        1F46F 200D 2642 FE0F
        1F93C 200D 2640 FE0F
        1F93C 200D 2642 FE0F
        1F9DE 200D 2640 FE0F
        1F9DE 200D 2642 FE0F
        1F9DF 200D 2640 FE0F
        1F9DF 200D 2642 FE0F
        1F415 200D 1F9BA
        1F441 200D 1F5E8
        1F468 200D [1F466 1F467]
        1F469 200D [1F466 1F467]
        [23 2A 30-39] FE0F? 20E3
        [A9 AE 2122 265F] FE0F
        """

    /// Symbols shown as text by default: emoji with U+FE0F or alone, not before U+FE0E.
    static let variantEmojiList: String = """
        203C 2049 2139 2194-2199 21A9 21AA 231A 231B 2328 23CF 23ED-23EF 23F1 23F2 23F8-23FA 24C2 25AA
        25AB 25B6 25C0 25FB-25FE 2600-2604 260E 2611 2614 2615 2618 2620 2622 2623 2626 262A 262E 262F
        2638-263A 2640 2642 2648-2653 2660 2663 2665 2666 2668 267B 267F 2692-2697 2699 269B 269C 26A0
        26A1 26A7 26AA 26AB 26B0 26B1 26BD 26BE 26C4 26C5 26C8 26CF 26D1 26D3 26D4 26E9 26EA 26F0-26F5
        26F8 26FA 26FD 2702 2708 2709 270F 2712 2714 2716 271D 2721 2733 2734 2744 2747 2757 2763 2764
        27A1 2934 2935 2B05-2B07 2B1B 2B1C 2B50 2B55 3030 303D 3297 3299 1F004 1F170 1F171 1F17E 1F17F
        1F202 1F21A 1F22F 1F237 1F321 1F324-1F32C 1F336 1F37D 1F396 1F397 1F399-1F39B 1F39E 1F39F 1F3CD
        1F3CE 1F3D4-1F3DF 1F3F3 1F3F5 1F3F7 1F43F 1F441 1F4FD 1F549 1F54A 1F56F 1F570 1F573 1F576-1F579
        1F587 1F58A-1F58D 1F5A5 1F5A8 1F5B1 1F5B2 1F5BC 1F5C2-1F5C4 1F5D1-1F5D3 1F5DC-1F5DE 1F5E1 1F5E3
        1F5E8 1F5EF 1F5F3 1F5FA 1F6CB 1F6CD-1F6CF 1F6E0-1F6E5 1F6E9 1F6F0 1F6F3
        """

    /// Like `variantEmojiList`, and a skin tone may follow.
    static let variantModifierBaseList: String = """
        261D 26F7 26F9 270C 270D 1F3CB 1F3CC 1F574 1F575 1F590
        """

    /// Emoji a skin tone may follow.
    static let modifierBaseList: String = """
        270A 270B 1F385 1F3C2-1F3C4 1F3C7 1F3CA 1F442 1F443 1F446-1F450 1F466-1F469 1F46E 1F470-1F478
        1F47C 1F481-1F483 1F485-1F487 1F4AA 1F57A 1F595 1F596 1F645-1F647 1F64B-1F64F 1F6A3 1F6B4-1F6B6
        1F6C0 1F6CC 1F90F 1F918-1F91C 1F91E 1F91F 1F926 1F930-1F939 1F93D 1F93E 1F9B5 1F9B6 1F9B8 1F9B9
        1F9BB 1F9CD-1F9CF 1F9D1-1F9DD
        """

    /// England, Scotland, Wales, then the country flags (pairs of regional indicators).
    static let flagPatterns: String = """
        1F3F4 E0067 E0062 E0065 E006E E0067 E007F
        1F3F4 E0067 E0062 E0073 E0063 E0074 E007F
        1F3F4 E0067 E0062 E0077 E006C E0073 E007F
        1F1E6 [1F1E8-1F1EC 1F1EE 1F1F1 1F1F2 1F1F4 1F1F6-1F1FA 1F1FC 1F1FD 1F1FF]
        1F1E7 [1F1E6 1F1E7 1F1E9-1F1EF 1F1F1-1F1F4 1F1F6-1F1F9 1F1FB 1F1FC 1F1FE 1F1FF]
        1F1E8 [1F1E6 1F1E8 1F1E9 1F1EB-1F1EE 1F1F0-1F1F5 1F1F7 1F1FA-1F1FF]
        1F1E9 [1F1EA 1F1EC 1F1EF 1F1F0 1F1F2 1F1F4 1F1FF]
        1F1EA [1F1E6 1F1E8 1F1EA 1F1EC 1F1ED 1F1F7-1F1FA]
        1F1EB [1F1EE-1F1F0 1F1F2 1F1F4 1F1F7]
        1F1EC [1F1E6 1F1E7 1F1E9-1F1EE 1F1F1-1F1F3 1F1F5-1F1FA 1F1FC 1F1FE]
        1F1ED [1F1F0 1F1F2 1F1F3 1F1F7 1F1F9 1F1FA]
        1F1EE [1F1E8-1F1EA 1F1F1-1F1F4 1F1F6-1F1F9]
        1F1EF [1F1EA 1F1F2 1F1F4 1F1F5]
        1F1F0 [1F1EA 1F1EC-1F1EE 1F1F2 1F1F3 1F1F5 1F1F7 1F1FC 1F1FE 1F1FF]
        1F1F1 [1F1E6-1F1E8 1F1EE 1F1F0 1F1F7-1F1FB 1F1FE]
        1F1F2 [1F1E6 1F1E8-1F1ED 1F1F0-1F1FF]
        1F1F3 [1F1E6 1F1E8 1F1EA-1F1EC 1F1EE 1F1F1 1F1F4 1F1F5 1F1F7 1F1FA 1F1FF]
        1F1F4 1F1F2
        1F1F5 [1F1E6 1F1EA-1F1ED 1F1F0-1F1F3 1F1F7-1F1F9 1F1FC 1F1FE]
        1F1F6 1F1E6
        1F1F7 [1F1EA 1F1F4 1F1F8 1F1FA 1F1FC]
        1F1F8 [1F1E6-1F1EA 1F1EC-1F1F4 1F1F7-1F1F9 1F1FB 1F1FD-1F1FF]
        1F1F9 [1F1E6 1F1E8 1F1E9 1F1EB-1F1ED 1F1EF-1F1F4 1F1F7 1F1F9 1F1FB 1F1FC 1F1FF]
        1F1FA [1F1E6 1F1EC 1F1F2 1F1F3 1F1F8 1F1FE 1F1FF]
        1F1FB [1F1E6 1F1E8 1F1EA 1F1EC 1F1EE 1F1F3 1F1FA]
        1F1FC [1F1EB 1F1F8]
        1F1FD 1F1F0
        1F1FE [1F1EA 1F1F9]
        1F1FF [1F1E6 1F1F2 1F1FC]
        """

    /// Every other emoji: one code point each (a lone regional indicator or skin tone too).
    static let singleEmojiList: String = """
        23E9-23EC 23F0 23F3 267E 26CE 2705 2728 274C 274E 2753-2755 2795-2797 27B0 27BF E50A 1F0CF 1F18E
        1F191-1F19A 1F1E6-1F1FF 1F201 1F232-1F236 1F238-1F23A 1F250 1F251 1F300-1F320 1F32D-1F335
        1F337-1F37C 1F37E-1F384 1F386-1F393 1F3A0-1F3C1 1F3C5 1F3C6 1F3C8 1F3C9 1F3CF-1F3D3 1F3E0-1F3F0
        1F3F4 1F3F8-1F43E 1F440 1F444 1F445 1F451-1F465 1F46A 1F46F 1F479-1F47B 1F47D-1F480 1F484
        1F488-1F4A9 1F4AB-1F4FC 1F4FF-1F53D 1F54B-1F54E 1F550-1F567 1F5A4 1F5FB-1F644 1F648-1F64A
        1F680-1F6A2 1F6A4-1F6B3 1F6B7-1F6BF 1F6C1-1F6C5 1F6D0-1F6D2 1F6D5 1F6EB 1F6EC 1F6F4-1F6FA
        1F7E0-1F7EB 1F90D 1F90E 1F910-1F917 1F91D 1F920-1F925 1F927-1F92F 1F93A 1F93C 1F93F-1F945
        1F947-1F971 1F973-1F976 1F97A-1F9A2 1F9A5-1F9AA 1F9AE-1F9B4 1F9B7 1F9BA 1F9BC-1F9CA 1F9D0
        1F9DE-1F9FF 1FA70-1FA73 1FA78-1FA7A 1FA80-1FA82 1FA90-1FA95
        """
}
