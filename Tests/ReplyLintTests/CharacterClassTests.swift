// The character classes the hot paths read by table for ASCII, held to the Unicode properties they stand for.

@testable import ReplyLint
import Testing

@Suite struct CharacterClassTests {
    /// The ASCII fast paths answer as the Unicode properties do, for every ASCII scalar and beyond it.
    @Test func fastPathsAgreeWithTheUnicodeProperties() {
        let scalars = (0..<0x3000).compactMap(Unicode.Scalar.init) + ["\u{FEFF}", "\u{1F600}", "\u{E9}"]
        for scalar in scalars {
            #expect(scalar.isWhitespaceLike == scalar.properties.isWhitespace, "U+\(String(scalar.value, radix: 16))")
            #expect(scalar.isLetterLike == scalar.properties.isAlphabetic, "U+\(String(scalar.value, radix: 16))")
            #expect(scalar.isUppercaseLetter == scalar.properties.isUppercase, "U+\(String(scalar.value, radix: 16))")
        }
    }
}
