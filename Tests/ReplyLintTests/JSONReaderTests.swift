// The JSON reader behind `--vars` and the HTTP API's bodies: what it accepts, and how it says no.

import ReplyLint
import Testing

@Suite struct JSONReaderTests {
    func parse(_ text: String) throws(JSONParseError) -> TemplateValue { try TemplateValue.parseJSON(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "n": -12.5e1, "z": 0, "t": true, "f": false, "x": null, "l": [1, [], {}]} "#)
        #expect(value["s"] == .string("a\"b\\c/d\né😀"))
        #expect(value["n"] == .number(-125))
        #expect(value["z"] == .number(0))
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["x"] == .null)
        #expect(value["l"] == .list([.number(1), .list([]), .object([:])]))
        #expect(try parse(#""Ana""#) == .string("Ana"))
        #expect(try parse("  7 ") == .number(7))
    }

    @Test(arguments: [
        ("", "ends where a value was expected", 1, 1),
        ("{", "expected a key", 1, 2),
        (#"{"a" 1}"#, "expected ':'", 1, 6),
        (#"{"a": 1,}"#, "expected a key", 1, 9),
        (#"{"a": 1 "b": 2}"#, "expected ',' or '}'", 1, 9),
        (#"{"a": 1, "a": 2}"#, "the key 'a' appears twice", 1, 10),
        ("[1, 2", "ends inside an array", 1, 6),
        ("[1 2]", "expected ',' or ']'", 1, 4),
        (#""open"#, "never closed", 1, 6),
        ("\"tab\there\"", "control character", 1, 5),
        (#""\x""#, "unknown escape", 1, 3),
        (#""\u12""#, "four hex digits", 1, 3),
        (#""\ud83d""#, "surrogate pair", 1, 7),
        ("01", "cannot start with 0", 1, 1),
        ("1.", "digits after '.'", 1, 3),
        ("1e", "exponent", 1, 3),
        ("1e999", "out of range", 1, 1),
        ("tru", "expected true", 1, 1),
        ("{}\n x", "unexpected text after", 2, 2),
        ("{'a': 1}", "expected a key in double quotes", 1, 2),
    ])
    func refusesWithWhereAndWhy(text: String, reason: String, line: Int, column: Int) {
        do {
            _ = try parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.reason.contains(reason), "\(error)")
            #expect(error.line == line && error.column == column, "\(text): \(error)")
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        #expect(throws: JSONParseError.self) { try parse(String(repeating: "[", count: 100_000)) }
        #expect(throws: JSONParseError.self) { try parse(String(repeating: #"{"a":"#, count: 100_000)) }
        #expect(throws: Never.self) { try parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONParseError.self) { try TemplateValue.parseJSON([0x22, 0xFF, 0xFE, 0x22]) }
    }
}
