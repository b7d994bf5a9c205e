// The duplicate check hashes each reply's words as its bytes go by (ASCII text); the tokenizer the other
// rules use must read the same words, or near-duplicate findings would change with the speed-up.

import Foundation
@testable import ReplyLint
import Testing

@Suite struct NearDuplicatesTests {
    static func tokenized(_ text: String) -> [UInt64] { PersonalDataText.words(text).map(NearDuplicates.fnv1a) }

    @Test func hashingBytesReadsTheWordsTheTokenizerReads() throws {
        var texts = [
            "", " ", "Hi! Can't find your order #1234? DM us: {{dm_link}}",
            "Don't worry - we'll sort it. 'Quoted' words, trailing' apostrophe and a'1 digit.",
            "UPPER lower MiXeD 123abc e.g. No.5 ##hash#tag# it's  ''x  a'b'c",
            "Ünïcödé text falls back: café, naïve — “quotes” and it’s", "tab\tseparated\nlines\r\nend",
        ]
        // Every reply of the sample library.
        let replies = CLI.packageRoot.appendingPathComponent("replies")
        for case let file as String in FileManager.default.enumerator(atPath: replies.path)! where file.hasSuffix(".md") {
            texts.append(try String(contentsOf: replies.appendingPathComponent(file), encoding: .utf8))
        }
        // Random text, ASCII and not, seeded.
        var generator = SeededGenerator(seed: 20261206)
        let alphabet = Array("abcXYZ019 '#.,!?-_@/\n\téÉ’ßİΣσǅ—😀١٢")
        for _ in 0..<2_000 {
            texts.append(String((0..<Int(generator.next() % 60)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        // ASCII only (read byte by byte): letters, digits, apostrophes, '#', punctuation, spaces and control bytes.
        let ascii = Array("aZq09 '''##.,!?-_@/`~[]{}\u{7F}\u{01}\n\t\r")
        for _ in 0..<2_000 {
            texts.append(String((0..<Int(generator.next() % 40)).map { _ in ascii[Int(generator.next() % UInt64(ascii.count))] }))
        }
        #expect(texts.count > 4_040)
        for text in texts {
            let words = Self.tokenized(text)
            #expect(NearDuplicates.wordHashes(text) == words, "\(text.debugDescription)")
            // Shingles as first written: the distinct hashes of each three words in a row, sorted.
            let shingles = words.count < 3 ? words : (0...(words.count - 3)).map { index in
                NearDuplicates.mix(words[index] &+ NearDuplicates.mix(words[index + 1] &+ NearDuplicates.mix(words[index + 2])))
            }
            #expect(NearDuplicates.shingleHashes(text) == Array(Set(shingles)).sorted(), "\(text.debugDescription)")
        }
    }

    /// The one-core indexing the parallel one replaced: every text in order, its keys worked out as it comes.
    static func sequentialFind(_ texts: [String], threshold: Double) -> [NearDuplicates.Match] {
        var matches: [NearDuplicates.Match] = []
        var exact: [[UInt64]: Int] = [:]
        var buckets: [UInt64: [Int]] = [:]
        var shingleSets: [[UInt64]] = []
        for (index, text) in texts.enumerated() {
            let shingles = NearDuplicates.shingleHashes(text)
            shingleSets.append(shingles)
            guard !shingles.isEmpty else { continue }
            if let first = exact[shingles] {
                matches.append(.init(index: index, original: first, similarity: 1))
                continue
            }
            exact[shingles] = index
            let keys = NearDuplicates.bandKeys(NearDuplicates.minHash(shingles))
            var found: NearDuplicates.Match?
            for key in keys {
                guard found == nil, let earlier = buckets[key] else { continue }
                for candidate in earlier.suffix(NearDuplicates.candidatesPerBand).reversed() {
                    let similarity = NearDuplicates.jaccard(shingles, shingleSets[candidate])
                    if similarity >= threshold { found = .init(index: index, original: candidate, similarity: similarity); break }
                }
            }
            for key in keys { buckets[key, default: []].append(index) }
            if let found { matches.append(found) }
        }
        return matches
    }

    @Test func indexingAcrossCoresFindsWhatOneCoreFinds() {
        // 9,000 texts (more than two blocks), a third of them edited copies of earlier ones, some exact copies.
        var generator = SeededGenerator(seed: 20261208)
        let vocabulary = "sorry order delivery refund account team store please message us we will check look into it today tomorrow again thanks".split(separator: " ").map(String.init)
        var texts: [String] = []
        for index in 0..<9_000 {
            if index > 10, generator.next() % 3 == 0 {
                var words = texts[Int(generator.next() % UInt64(index))].split(separator: " ").map(String.init)
                if !words.isEmpty, generator.next() % 4 != 0 { words[Int(generator.next() % UInt64(words.count))] = vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
                texts.append(words.joined(separator: " "))
            } else {
                texts.append((0..<(8 + Int(generator.next() % 30))).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }.joined(separator: " "))
            }
        }
        let found = NearDuplicates.find(texts, threshold: 0.85)
        #expect(found.count > 800)
        #expect(found == Self.sequentialFind(texts, threshold: 0.85))
    }
}
