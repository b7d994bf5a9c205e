// Near-duplicate texts by MinHash over word shingles with locality-sensitive hashing: each text is
// compared only with the few that share a band, never with all the others.

public enum NearDuplicates {
    /// 8 bands of 4 rows: texts whose shingle sets are 85 % alike share a band with probability ≈ 0.99,
    /// texts 50 % alike ≈ 0.4, and those candidates are then checked exactly.
    static let bands = 8
    static let rows = 4
    /// At most this many earlier texts are checked per band, so a library of near-copies stays linear.
    static let candidatesPerBand = 16

    public struct Match: Sendable, Hashable {
        /// The later text and the earlier one it resembles.
        public var index: Int
        public var original: Int
        public var similarity: Double
    }

    /// For each text that resembles an earlier one (Jaccard similarity of 3-word shingles ≥ `threshold`),
    /// the first such earlier text. Identical texts match their first copy.
    public static func find(_ texts: [String], threshold: Double) -> [Match] {
        var matches: [Match] = []
        var exact: [[UInt64]: Int] = [:]
        // Each band key's texts as a list, newest first, in flat arrays: a bucket is the index of its newest entry,
        // an entry a text and the bucket's entry before it. An array per bucket cost ~50 MB at 100,000 replies.
        var newestEntry: [UInt64: Int32] = [:]
        var entryText: [Int32] = []
        var entryBefore: [Int32] = []
        entryText.reserveCapacity(texts.count * bands)
        entryBefore.reserveCapacity(texts.count * bands)
        var shingleSets: [[UInt64]] = []
        shingleSets.reserveCapacity(texts.count)
        // Shingles and band keys depend on one text each: they are worked out across the cores a block at a
        // time (a block's keys are dropped once it is indexed), and the texts are then indexed in order, so
        // every text meets the same earlier ones as it would on one core.
        let block = 4_096
        var blockStart = 0
        while blockStart < texts.count {
            let blockEnd = min(texts.count, blockStart + block)
            let prepared = Parallel.mapChunks(Array(blockStart..<blockEnd), minimumChunk: 256) { chunk in
                chunk.map { index -> (shingles: [UInt64], keys: [UInt64]) in
                    let shingles = shingleHashes(texts[index])
                    return (shingles, shingles.isEmpty ? [] : bandKeys(minHash(shingles)))
                }
            }.joined()
            for (index, entry) in zip(blockStart..<blockEnd, prepared) {
                let shingles = entry.shingles
                shingleSets.append(shingles)
                guard !shingles.isEmpty else { continue }
                if let first = exact[shingles] {
                    matches.append(Match(index: index, original: first, similarity: 1))
                    continue
                }
                exact[shingles] = index
                var found: Match?
                for key in entry.keys {
                    guard found == nil, var position = newestEntry[key] else { continue }
                    // The bucket's latest `candidatesPerBand` texts, newest first.
                    for _ in 0..<candidatesPerBand {
                        let candidate = Int(entryText[Int(position)])
                        let similarity = jaccard(shingles, shingleSets[candidate])
                        if similarity >= threshold {
                            found = Match(index: index, original: candidate, similarity: similarity)
                            break
                        }
                        position = entryBefore[Int(position)]
                        if position < 0 { break }
                    }
                }
                for key in entry.keys {
                    entryText.append(Int32(index))
                    entryBefore.append(newestEntry[key] ?? -1)
                    newestEntry[key] = Int32(entryText.count - 1)
                }
                if let found { matches.append(found) }
            }
            blockStart = blockEnd
        }
        return matches
    }

    /// One bucket key per band of a MinHash signature.
    static func bandKeys(_ signature: [UInt64]) -> [UInt64] {
        (0..<bands).map { band in
            var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for row in 0..<rows { key = mix(key ^ signature[band * rows + row]) }
            return key
        }
    }

    /// Sorted, distinct hashes of 3-word shingles (or of the words of a text shorter than three).
    static func shingleHashes(_ text: String) -> [UInt64] {
        let words = wordHashes(text)
        guard !words.isEmpty else { return [] }
        var result: [UInt64] = []
        if words.count < 3 {
            result = words
        } else {
            result.reserveCapacity(words.count - 2)
            for index in 0...(words.count - 3) {
                result.append(mix(words[index] &+ mix(words[index + 1] &+ mix(words[index + 2]))))
            }
        }
        // Sorted, then each run of equal hashes kept once: a Set in between cost as much as the hashing.
        result.sort()
        var kept = 0
        for index in result.indices where index == 0 || result[index] != result[kept - 1] {
            result[kept] = result[index]
            kept += 1
        }
        result.removeLast(result.count - kept)
        return result
    }

    static func minHash(_ shingles: [UInt64]) -> [UInt64] {
        var signature = [UInt64](repeating: .max, count: bands * rows)
        for shingle in shingles {
            for slot in 0..<signature.count {
                let value = mix(shingle ^ (UInt64(slot + 1) &* 0xD6E8_FEB8_6659_FD93))
                if value < signature[slot] { signature[slot] = value }
            }
        }
        return signature
    }

    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }

    /// splitmix64's finaliser: a fast, well-mixed 64-bit hash.
    static func mix(_ value: UInt64) -> UInt64 {
        SeededGenerator.finalize(value &+ 0x9E37_79B9_7F4A_7C15)
    }

    /// `PersonalDataText.words(text).map(fnv1a)`, hashed as the scalars go by: the tokenizer's Tokens and Strings
    /// were most of a pre-commit run's duplicate check, which reads every reply of the library. A word is what the
    /// tokenizer reads as one — letters and digits, an apostrophe inside a word when a letter follows (’ read as
    /// '), lower-cased — and `#` is a word of its own (`NearDuplicatesTests` compares the two on every kind of text).
    static func wordHashes(_ text: String) -> [UInt64] {
        if let hashes = text.utf8.withContiguousStorageIfAvailable(asciiWordHashes), let hashes { return hashes }
        let scalars = FastText.scalars(text)
        var hashes: [UInt64] = []
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var isASCII = true
        func flush() {
            guard !word.isEmpty else { return }
            if isASCII {
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                for byte in word {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    hash = (hash ^ UInt64(lower)) &* 0x100_0000_01B3
                }
                hashes.append(hash)
            } else {
                hashes.append(fnv1a(FastText.lowercased(word)))
            }
            word.removeAll(keepingCapacity: true)
            isASCII = true
        }
        for (index, scalar) in scalars.enumerated() {
            if PersonalDataText.isWordScalar(at: index, in: scalars, inWord: !word.isEmpty) {
                if scalar.value >= 0x80 && scalar != "\u{2019}" { isASCII = false }
                PersonalDataText.appendWordScalar(scalar, to: &word)
                continue
            }
            flush()
            if scalar == "#" { hashes.append(hashOfHash) }
        }
        flush()
        return hashes
    }

    /// `wordHashes` of an ASCII text, read byte by byte without decoding it; nil for any other text.
    private static func asciiWordHashes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt64]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(bytes.count / 4)
        let start: UInt64 = 0xCBF2_9CE4_8422_2325
        var hash = start
        var inWord = false
        for index in bytes.indices {
            let byte = bytes[index]
            let folded = byte | 0x20
            let isLetter = folded >= 0x61 && folded <= 0x7A
            // An apostrophe belongs to a word it is inside of, before a letter ("can't", not "dogs'").
            let isWordByte = isLetter || (byte >= 0x30 && byte <= 0x39)
                || (byte == 0x27 && inWord && index + 1 < bytes.endIndex && (bytes[index + 1] | 0x20) >= 0x61 && (bytes[index + 1] | 0x20) <= 0x7A)
            if isWordByte {
                hash = (hash ^ UInt64(isLetter ? folded : byte)) &* 0x100_0000_01B3
                inWord = true
                continue
            }
            if inWord {
                hashes.append(hash)
                hash = start
                inWord = false
            }
            if byte == 0x23 { hashes.append(hashOfHash) }
        }
        if inWord { hashes.append(hash) }
        return hashes
    }

    private static let hashOfHash = fnv1a("#")

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}
