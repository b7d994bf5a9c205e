// Measuring text the way each platform counts it: code points after NFC, UTF-8 bytes,
// twitter-text weighted length, SMS segments.

import Foundation

public struct Length: Sendable, Hashable {
    public var value: Int
    public var limit: Int?
    public var unit: LengthUnit

    public init(value: Int, limit: Int?, unit: LengthUnit) {
        self.value = value
        self.limit = limit
        self.unit = unit
    }

    /// How the unit reads in a message ("characters", "weighted characters", "UTF-8 bytes", "SMS segments").
    public var unitName: String {
        switch unit {
        case .characters: "characters"
        case .weighted: "weighted characters"
        case .bytes: "UTF-8 bytes"
        case .segments: "SMS segments"
        }
    }
}

public enum LengthCounter {
    public static func measure(_ text: String, on channel: Channel) -> Length {
        Length(value: count(text, in: channel.unit), limit: channel.limit, unit: channel.unit)
    }

    public static func count(_ text: String, in unit: LengthUnit) -> Int {
        switch unit {
        case .characters: codePoints(text)
        case .bytes: isKnownNFC(text) ? text.utf8.count : text.precomposedStringWithCanonicalMapping.utf8.count
        case .weighted: TwitterText.weightedLength(text)
        case .segments: SMSSegments.count(text)
        }
    }

    /// Unicode code points after NFC normalisation: what "characters" means for every platform here.
    public static func codePoints(_ text: String) -> Int {
        // ASCII is already NFC; skip normalisation for the common case.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        if isKnownNFC(text) { return text.unicodeScalars.count }
        return text.precomposedStringWithCanonicalMapping.unicodeScalars.count
    }

    /// Text NFC leaves as it is (TwitterText's quick check): most replies, with a dash or an emoji
    /// but no combining marks, are measured without Foundation's normaliser.
    static func isKnownNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(TwitterText.isNFCInert)
    }
}
