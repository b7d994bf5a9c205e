// A template's words without its tags: what the privacy and tone rules read. Offsets and line
// breaks stay where they were, so a finding in the masked text points at the same place in the file.

public enum TemplateMasking {
    /// `body` with every `{{…}}` tag replaced by spaces (one per Unicode scalar; a line break inside
    /// a tag stays a line break). With `keepingDMLink`, `{{dm_link}}` stays as written: for the
    /// privacy rules it is a private route; for the tone rules it is not words.
    public static func blankTags(in body: String, keepingDMLink: Bool) -> String {
        guard body.containsBytes("{{") else { return body }
        // Works on UTF-8 bytes: inside a tag, each scalar's first byte becomes a space and its
        // continuation bytes are dropped, so scalar offsets (and line breaks) stay where they were.
        let bytes = Array(body.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        while index < bytes.count {
            guard bytes[index] == open, index + 1 < bytes.count, bytes[index + 1] == open else {
                output.append(bytes[index])
                index += 1
                continue
            }
            var end = index + 2
            while end + 1 < bytes.count && !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            end = min(bytes.count, end + 2)
            while end < bytes.count && bytes[end] == close { end += 1 }
            if keepingDMLink && bytes[index..<end].lazy.filter({ $0 != space }).elementsEqual("{{dm_link}}".utf8) {
                output.append(contentsOf: bytes[index..<end])
            } else {
                for byte in bytes[index..<end] where byte & 0xC0 != 0x80 {
                    output.append(byte == newline ? newline : space)
                }
            }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }
}
