// Small text helpers for the hot paths: ASCII fast paths for character classes, and substring search
// on UTF-8 bytes. On Linux, Foundation's `String.contains(_:)` goes through CFString and was the
// single largest cost in profiles of a 10,000-reply lint.

#if canImport(Glibc)
import Glibc
#endif

extension Unicode.Scalar {
    /// A letter (any script), by table for ASCII.
    @inline(__always) var isLetterLike: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// A digit (any script), by table for ASCII.
    @inline(__always) var isDigitLike: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return properties.numericType != nil
    }

    @inline(__always) var isLetterOrDigit: Bool { isLetterLike || isDigitLike }

    /// Unicode whitespace (tab to carriage return, space, no-break spaces, line separators…), by table for ASCII:
    /// the property lookup was 2 % of a 10,000-reply lint's CPU, nearly all of it for ASCII.
    @inline(__always) var isWhitespaceLike: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }

    @inline(__always) var isUppercaseLetter: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte by byte in UTF-8 (exact, case-sensitive).
    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        // Native strings and their substrings are contiguous UTF-8: search the bytes in place.
        if let found = utf8.withContiguousStorageIfAvailable({ haystack in
            needle.withUTF8 { pattern in FastText.find(pattern, in: haystack) }
        }) {
            return found
        }
        let haystack = utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        guard haystack.count >= pattern.count else { return false }
        var index = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -pattern.count)
        while index <= last {
            if haystack[index] == first {
                var matched = true
                var probe = haystack.index(after: index)
                for byte in pattern.dropFirst() {
                    if haystack[probe] != byte { matched = false; break }
                    probe = haystack.index(after: probe)
                }
                if matched { return true }
            }
            index = haystack.index(after: index)
        }
        return false
    }
}

enum FastText {
    #if canImport(Glibc)
    /// glibc's `memmem`, which its Swift module map leaves out (a GNU extension): it skips through the text with
    /// vector instructions, where the loop below stops at every byte that matches the pattern's first.
    private static let memmem: (@convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memmem") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?).self)
    }()
    #endif

    /// Whether `pattern` occurs in `haystack`.
    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        guard haystack.count >= pattern.count else { return false }
        #if canImport(Glibc)
        if let memmem { return memmem(haystack.baseAddress, haystack.count, pattern.baseAddress, pattern.count) != nil }
        #endif
        return scan(pattern, first, in: haystack)
    }

    /// `find` byte by byte.
    private static func scan(_ pattern: UnsafeBufferPointer<UInt8>, _ first: UInt8, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = pattern.count
        var index = 0
        let last = haystack.count - count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < count && haystack[index + offset] == pattern[offset] { offset += 1 }
                if offset == count { return true }
            }
            index += 1
        }
        return false
    }

    /// The scalars of `text` in one pass: `Array(text.unicodeScalars)` counts them first, a second pass.
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        // ASCII text, most replies: a scalar per byte, copied without decoding one by one.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
            var isASCII = true
            let copied = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    if byte >= 0x80 { isASCII = false; count = 0; return }
                    buffer[index] = Unicode.Scalar(byte)
                }
                count = bytes.count
            }
            return isASCII ? copied : nil
        }
        if let ascii = ascii ?? nil { return ascii }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { result.append(scalar) }
        return result
    }

    /// A string of `scalars`, built from their UTF-8 bytes: appending scalars to a string one by one
    /// was among the largest costs of a lint.
    static func string<Scalars: Collection>(_ scalars: Scalars) -> String where Scalars.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { appendUTF8(scalar, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always) static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value < 0x800 {
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// `text` lower-cased exactly as `String.lowercased()` does, without a new string when it is
    /// ASCII bytes (A–Z map to a–z; everything else stays).
    static func lowercased(_ bytes: [UInt8]) -> String {
        var ascii = true
        var hasUpper = false
        for byte in bytes {
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        guard ascii else { return String(decoding: bytes, as: UTF8.self).lowercased() }
        guard hasUpper else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
