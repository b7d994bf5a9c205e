// Counting units other than X's: code points after NFC, UTF-8 bytes, SMS segments at every boundary.

import ReplyLint
import Testing

@Suite struct SMSSegmentTests {
    @Test func gsm7SingleAndMultipart() {
        #expect(SMSSegments.count("") == 0)
        #expect(SMSSegments.count(String(repeating: "a", count: 160)) == 1)
        #expect(SMSSegments.count(String(repeating: "a", count: 161)) == 2)
        #expect(SMSSegments.count(String(repeating: "a", count: 306)) == 2)  // 2 × 153
        #expect(SMSSegments.count(String(repeating: "a", count: 307)) == 3)
        #expect(SMSSegments.encoding(of: "Café £5 @ 9:00") == .gsm7)
    }

    @Test func extensionCharactersCountTwoAndAreNeverSplit() {
        #expect(SMSSegments.units("€").units == 2)
        #expect(SMSSegments.count(String(repeating: "a", count: 158) + "€") == 1)  // 160 septets
        #expect(SMSSegments.count(String(repeating: "a", count: 159) + "€") == 2)  // 161 septets
        // 152 septets then a two-septet character: it moves whole to the second part.
        #expect(SMSSegments.count(String(repeating: "a", count: 152) + "{" + String(repeating: "a", count: 8)) == 2)
        #expect(SMSSegments.count(String(repeating: "[", count: 80)) == 1)
        #expect(SMSSegments.count(String(repeating: "[", count: 81)) == 2)
    }

    @Test func oneNonGSMCharacterSwitchesTheWholeMessageToUCS2() {
        #expect(SMSSegments.encoding(of: "Thanks — see you") == .ucs2)  // em dash
        #expect(SMSSegments.encoding(of: "It’s fixed") == .ucs2)        // curly apostrophe
        #expect(SMSSegments.count(String(repeating: "a", count: 69) + "’") == 1)  // 70 units
        #expect(SMSSegments.count(String(repeating: "a", count: 70) + "’") == 2)  // 71 units
        #expect(SMSSegments.count(String(repeating: "a", count: 133) + "’") == 2)  // 2 × 67
        #expect(SMSSegments.count(String(repeating: "a", count: 134) + "’") == 3)
        // An emoji is a surrogate pair: two UTF-16 units, never split.
        #expect(SMSSegments.units("👍").units == 2)
        #expect(SMSSegments.count(String(repeating: "a", count: 66) + "👍") == 1)  // 68 units
    }
}

@Suite struct LengthUnitTests {
    @Test func charactersAreCodePointsAfterNFC() {
        let decomposed = "Cafe\u{301}"  // e + combining accent
        #expect(LengthCounter.count(decomposed, in: .characters) == 4)
        // A family emoji is one grapheme but seven code points: platforms count the code points.
        #expect(LengthCounter.count("👨‍👩‍👧‍👦", in: .characters) == 7)
        #expect("👨‍👩‍👧‍👦".count == 1)
    }

    @Test func bytesAreUTF8AfterNFC() {
        #expect(LengthCounter.count("Cafe\u{301}", in: .bytes) == 5)
        #expect(LengthCounter.count("👍", in: .bytes) == 4)
    }
}
