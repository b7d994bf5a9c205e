// What an import writes: one reply file per record under replies/imported/<format>/, an FAQ stub
// listing them for review, and the usage counts the source had, where faq-unused reads them.
// Pure: the command reads the existing files it needs and writes the plan.

import Foundation

/// One source file read as a format.
public struct ImportSource: Sendable {
    public var name: String
    public var batch: ImportBatch

    public init(name: String, batch: ImportBatch) {
        self.name = name
        self.batch = batch
    }
}

public struct PlannedFile: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A file the import creates; an existing one is overwritten only with --force.
        case new
        /// A file the import updates by merging (the config, the usage CSV).
        case update
    }

    /// Relative to the library root.
    public var path: String
    public var contents: String
    public var kind: Kind
}

public struct ImportPlan: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var path: String
        public var source: String
        public var record: ImportedRecord
    }

    public var files: [PlannedFile] = []
    public var entries: [Entry] = []
    public var skipped: [(source: String, record: SkippedRecord)] = []
    /// How each reply's channels were decided.
    public var channelsStated = 0
    public var channelsFromVisibility = 0
    public var channelsGuessed = 0
    public var faqStub: String?
    public var usageFile: String?
    public var usageRows = 0
    /// Things the user must do by hand (a config the import could not safely edit).
    public var advice: [String] = []
}

public struct ImportPlanError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

public struct ImportPlanner: Sendable {
    public var format: InterchangeFormat
    public var configuration: Configuration
    /// `--channels`, checked against the configuration by the caller.
    public var channels: [String]?
    /// The text of `replylint.yml`, nil when the library has none.
    public var configText: String?
    /// The text of the usage CSV the plan would merge into, when it exists.
    public var usageText: String?
    /// "2026-05-01", written into the FAQ stub.
    public var date: String

    public init(format: InterchangeFormat, configuration: Configuration, channels: [String]?, configText: String?, usageText: String?, date: String) {
        self.format = format
        self.configuration = configuration
        self.channels = channels
        self.configText = configText
        self.usageText = usageText
        self.date = date
    }

    /// The usage CSV the import writes when config names none.
    public static let importedUsageFile = "imported-usage.csv"

    /// The usage CSV the plan merges into: the configured one, else `imported-usage.csv`.
    public func usagePath() -> String { configuration.usageCSV ?? Self.importedUsageFile }

    public func plan(_ sources: [ImportSource]) throws(ImportPlanError) -> ImportPlan {
        var plan = ImportPlan()
        let replyRoot = (configuration.replyPaths.first ?? "replies")
        let base = "imported/\(format.rawValue)"
        var usedPaths = Set<String>()
        var undecided: [String] = []
        var faqEntries: [(id: String, title: String, reply: String)] = []
        var usage: [(String, Int)] = []

        for source in sources {
            plan.skipped += source.batch.skipped.map { (source.name, $0) }
            for var record in source.batch.records {
                guard !record.reply.body.allSatisfy(\.isWhitespace) else {
                    plan.skipped.append((source.name, SkippedRecord(label: record.label, reason: "its text is empty once converted to plain text")))
                    continue
                }
                // Channels: what the record says, narrowed or filled in by --channels.
                switch record.channelEvidence {
                case .stated(let ids):
                    record.reply.channels = ids
                    plan.channelsStated += 1
                case .visibility(let visibility):
                    guard let channels else { undecided.append(record.label); continue }
                    let matching = channels.filter { configuration.channels[$0]?.visibility == visibility }
                    if matching.isEmpty {
                        record.notes.append("the source says it is \(visibility.rawValue), but --channels names no \(visibility.rawValue) channel; given all of them")
                    }
                    record.reply.channels = matching.isEmpty ? channels : matching
                    plan.channelsFromVisibility += 1
                case .unknown:
                    guard let channels else { undecided.append(record.label); continue }
                    record.reply.channels = channels
                    plan.channelsGuessed += 1
                }
                // The file: folders, then the title's last `::` part.
                let folders = record.reply.folders.map { $0.slug }.filter { !$0.isEmpty }
                let titleStem = (record.reply.title.components(separatedBy: "::").last ?? record.reply.title).slug
                let stemBase = ([base] + folders).joined(separator: "/") + "/" + (titleStem.isEmpty ? "reply" : String(titleStem.prefix(80)))
                var stem = stemBase
                var counter = 2
                while usedPaths.contains(stem) {
                    stem = "\(stemBase)-\(counter)"
                    counter += 1
                }
                usedPaths.insert(stem)
                let path = "\(replyRoot)/\(stem).md"
                let id = stem
                if record.reply.faq == nil {
                    let faq = id.slug
                    record.reply.faq = faq
                    faqEntries.append((faq, record.reply.title, id))
                }
                if let count = record.reply.usage { usage.append((id, count)) }
                plan.files.append(PlannedFile(path: path, contents: Self.replyFile(record, source: source.name, format: format), kind: .new))
                plan.entries.append(ImportPlan.Entry(id: id, path: path, source: source.name, record: record))
            }
        }
        if !undecided.isEmpty {
            let total = undecided.count + plan.entries.count
            let examples = configuration.channels.keys.sorted().joined(separator: ", ")
            throw ImportPlanError(description: "\(undecided.count) of \(total) records do not say which channels they are for (e.g. \(undecided[0])); pass --channels with the channels they are sent on, e.g. --channels x-reply,x-dm (channels: \(examples))")
        }
        if !faqEntries.isEmpty {
            let policyRoot = configuration.policyPaths.first ?? "policies"
            let path = "\(policyRoot)/imported-\(format.rawValue)-faq.md"
            plan.faqStub = path
            plan.files.append(PlannedFile(path: path, contents: faqStub(faqEntries, sources: sources.map(\.name)), kind: .new))
        }
        if !usage.isEmpty {
            try planUsage(usage, into: &plan)
        }
        return plan
    }

    // MARK: - Files

    static func replyFile(_ record: ImportedRecord, source: String, format: InterchangeFormat) -> String {
        let reply = record.reply
        func line(_ text: String) -> String { text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
        var text = "---\n"
        text += "# Imported by `replylint import \(format.rawValue)` from \(line(source)): \(line(record.label)).\n"
        for note in record.notes { text += "# Review: \(line(note))\n" }
        text += "title: \(YAMLText.quoted(reply.title))\n"
        if let faq = reply.faq { text += "faq: \(YAMLText.quoted(faq))\n" }
        text += "channels: [\(reply.channels.map(YAMLText.quoted).joined(separator: ", "))]\n"
        if !reply.tags.isEmpty { text += "tags: [\(reply.tags.map(YAMLText.quoted).joined(separator: ", "))]\n" }
        // Names without a built-in equivalent are declared, so lint knows them; fallbacks come along.
        let declared = reply.placeholders.filter { $0.fallback != nil || (Placeholders.builtIn[$0.name] == nil && $0.name != ".") }
        if !declared.isEmpty {
            text += "placeholders:\n"
            for placeholder in declared {
                let fields = placeholder.fallback.map { "{fallback: \(YAMLText.quoted($0))}" } ?? "{}"
                text += "  \(YAMLText.quoted(placeholder.name)): \(fields)\n"
            }
        }
        text += "---\n"
        text += reply.body + "\n"
        return text
    }

    func faqStub(_ entries: [(id: String, title: String, reply: String)], sources: [String]) -> String {
        var text = "---\nkind: faq\n---\n"
        text += "# Imported replies to review\n\n"
        text += "These entries were made by replylint import on \(date), from \(sources.joined(separator: ", ")). "
        text += "Each one stands for one imported reply. None of them is an agreed question yet. "
        text += "Merge the ones that answer the same question. Delete the ones nobody asks. "
        text += "Then point each reply's faq at the entry that is left.\n"
        for entry in entries {
            let heading = entry.title.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
            text += "\n## \(heading) {#\(entry.id)}\n\nTo review. The reply is \(entry.reply).\n"
        }
        return text
    }

    /// Merges the counts into the configured usage CSV when it is one of ours (`reply,count`), else into
    /// `imported-usage.csv`, and points config at it when nothing else is configured.
    func planUsage(_ rows: [(String, Int)], into plan: inout ImportPlan) throws(ImportPlanError) {
        let path = usagePath()
        var existing: [(String, String)] = []
        if let usageText {
            let table: CSVTable
            do {
                table = try CSVTable.parse(usageText)
            } catch {
                throw ImportPlanError(description: "\(path):\(error.line):\(error.column): the usage CSV is not valid CSV (\(error.reason)); fix it before importing usage counts")
            }
            guard table.header == ["reply", "count"] else {
                // Someone else's export: leave it alone and write ours beside it.
                let ownPath = Self.importedUsageFile == path ? "imported-usage-\(format.rawValue).csv" : Self.importedUsageFile
                plan.files.append(PlannedFile(path: ownPath, contents: CSVTable.write([["reply", "count"]] + rows.map { [$0.0, String($0.1)] }), kind: .update))
                plan.usageFile = ownPath
                plan.usageRows = rows.count
                plan.advice.append("\(path) has columns other than reply,count, so the counts went to \(ownPath); add its rows to \(path) for faq-unused to read them")
                return
            }
            let replaced = Set(rows.map(\.0))
            existing = table.rows.compactMap { row in
                guard row.fields.count >= 2, !replaced.contains(row.fields[0]) else { return nil }
                return (row.fields[0], row.fields[1])
            }
        }
        let all = [["reply", "count"]] + existing.map { [$0.0, $0.1] } + rows.map { [$0.0, String($0.1)] }
        plan.files.append(PlannedFile(path: path, contents: CSVTable.write(all), kind: .update))
        plan.usageFile = path
        plan.usageRows = rows.count
        guard configuration.usageCSV == nil else { return }
        let block = "# Usage counts from helpdesk exports (replylint import); faq-unused reads them.\nusage:\n  csv: \(path)\n"
        guard let configText else {
            plan.files.append(PlannedFile(path: LibraryLoader.configFileName, contents: block, kind: .update))
            return
        }
        if configText.split(separator: "\n").contains(where: { $0.hasPrefix("usage:") || $0.hasPrefix("usage :") }) {
            plan.advice.append("add `csv: \(path)` under `usage:` in \(LibraryLoader.configFileName) so faq-unused reads the imported counts")
        } else {
            let separator = configText.isEmpty || configText.hasSuffix("\n") ? "" : "\n"
            plan.files.append(PlannedFile(path: LibraryLoader.configFileName, contents: configText + separator + "\n" + block, kind: .update))
        }
    }
}
