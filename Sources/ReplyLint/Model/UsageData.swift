// How often each reply has been used, from a helpdesk export (CSV) and the usage log — what `faq-unused` reads.

import Foundation

public struct UsageData: Sendable {
    /// Uses per reply id.
    public var counts: [String: Int]
    /// Where the counts came from, for messages ("usage.csv").
    public var source: String
    /// When the usage log began, if the counts include it: a young log has not seen every reply yet.
    public var logStart: Date?
    /// The period the log's counts cover, in days.
    public var windowDays: Int?
    /// Whether a helpdesk CSV contributed (its counts cover whatever period the export did).
    public var includesCSV = false

    public init(counts: [String: Int], source: String) {
        self.counts = counts
        self.source = source
    }
}
