// Slugs: the one way headings, FAQ ids, tags and topics are compared ("When We're Online" → "when-were-online").

extension String {
    /// Lower-case letters and digits, apostrophes dropped, every other run of characters a single `-`.
    public var slug: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingDash = false
        for scalar in lowercased().unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar.isLetterOrDigit {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
