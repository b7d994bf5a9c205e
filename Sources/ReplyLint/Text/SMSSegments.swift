// SMS segments: GSM-7 (160 per message, 153 per part; extension characters take two septets)
// or, when any character is outside GSM-7, UCS-2 (70 per message, 67 per part, in UTF-16 units).

public enum SMSSegments {
    public enum Encoding: String, Sendable {
        case gsm7 = "GSM-7"
        case ucs2 = "UCS-2"
    }

    /// The GSM 03.38 basic character set.
    static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)

    /// The GSM 03.38 extension table: each costs an escape plus the character.
    static let extended: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{000C}".unicodeScalars)

    /// Septets each ASCII scalar takes: 0 (not GSM-7), 1 (basic) or 2 (extension), looked up by value; the sets were
    /// hashed for every scalar of every SMS reply.
    static let asciiSeptets: [UInt8] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        return basic.contains(scalar) ? 1 : extended.contains(scalar) ? 2 : 0
    }

    /// Septets `scalar` takes in GSM-7, or 0 when it is not in it.
    @inline(__always) static func septets(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 128 { return Int(asciiSeptets[Int(scalar.value)]) }
        return basic.contains(scalar) ? 1 : extended.contains(scalar) ? 2 : 0
    }

    public static func encoding(of text: String) -> Encoding {
        text.unicodeScalars.allSatisfy { septets($0) != 0 } ? .gsm7 : .ucs2
    }

    /// Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes.
    public static func units(_ text: String) -> (encoding: Encoding, units: Int) {
        switch encoding(of: text) {
        case .gsm7:
            return (.gsm7, text.unicodeScalars.reduce(0) { $0 + septets($1) })
        case .ucs2:
            return (.ucs2, text.utf16.count)
        }
    }

    public static func count(_ text: String) -> Int {
        let (encoding, units) = units(text)
        if units == 0 { return 0 }
        let single = encoding == .gsm7 ? 160 : 70
        let part = encoding == .gsm7 ? 153 : 67
        if units <= single { return 1 }
        if encoding == .gsm7 {
            return septetSegments(text, part: part)
        }
        return utf16Segments(text, part: part)
    }

    /// A two-septet extension character is never split across parts.
    private static func septetSegments(_ text: String, part: Int) -> Int {
        var segments = 1
        var used = 0
        for scalar in text.unicodeScalars {
            let cost = extended.contains(scalar) ? 2 : 1
            if used + cost > part {
                segments += 1
                used = 0
            }
            used += cost
        }
        return segments
    }

    /// A surrogate pair is never split across parts.
    private static func utf16Segments(_ text: String, part: Int) -> Int {
        var segments = 1
        var used = 0
        for scalar in text.unicodeScalars {
            let cost = scalar.utf16.count
            if used + cost > part {
                segments += 1
                used = 0
            }
            used += cost
        }
        return segments
    }
}
