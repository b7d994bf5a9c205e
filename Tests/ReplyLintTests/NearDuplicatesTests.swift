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
        #expect(texts.count > 2_040)
        for text in texts {
            #expect(NearDuplicates.wordHashes(text) == Self.tokenized(text), "\(text.debugDescription)")
        }
    }
}
